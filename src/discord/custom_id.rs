//! Button and modal custom ids. They carry everything needed to act after a restart, and anything
//! that does not parse exactly is treated as forged.

use crate::governance::ballot::Choice;

/// What a component or modal asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Vote {
        ballot_id: i64,
        choice: Choice,
    },
    Withdraw {
        ballot_id: i64,
    },
    /// The modal that collects the concern of a -1.
    Concern {
        ballot_id: i64,
    },
}

/// The text input of the concern modal.
pub const CONCERN_INPUT: &str = "concern";

impl Action {
    pub fn encode(self) -> String {
        match self {
            Self::Vote { ballot_id, choice } => {
                format!("ballot:{ballot_id}:vote:{}", choice.symbol())
            }
            Self::Withdraw { ballot_id } => format!("ballot:{ballot_id}:withdraw"),
            Self::Concern { ballot_id } => format!("ballot:{ballot_id}:concern"),
        }
    }

    pub fn parse(id: &str) -> Option<Self> {
        // Discord caps custom ids at 100 characters; anything longer is not ours.
        if id.len() > 100 {
            return None;
        }
        let mut parts = id.split(':');
        if parts.next()? != "ballot" {
            return None;
        }
        let raw_id = parts.next()?;
        // Only canonical positive decimal ids ("+5" or "007" are not ours).
        if raw_id.is_empty()
            || raw_id.starts_with('0')
            || !raw_id.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let ballot_id: i64 = raw_id.parse().ok()?;
        let action = match (parts.next()?, parts.next()) {
            ("vote", Some(symbol)) => Self::Vote {
                ballot_id,
                choice: Choice::from_symbol(symbol)?,
            },
            ("withdraw", None) => Self::Withdraw { ballot_id },
            ("concern", None) => Self::Concern { ballot_id },
            _ => return None,
        };
        parts.next().is_none().then_some(action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        let actions = [
            Action::Vote {
                ballot_id: 12,
                choice: Choice::Yes,
            },
            Action::Vote {
                ballot_id: 12,
                choice: Choice::Abstain,
            },
            Action::Vote {
                ballot_id: 12,
                choice: Choice::No,
            },
            Action::Withdraw {
                ballot_id: 9_007_199_254_740_993,
            },
            Action::Concern { ballot_id: 1 },
        ];
        for action in actions {
            assert_eq!(Action::parse(&action.encode()), Some(action));
        }
        assert_eq!(
            Action::Vote {
                ballot_id: 3,
                choice: Choice::Yes
            }
            .encode(),
            "ballot:3:vote:+1"
        );
    }

    #[test]
    fn forged_ids_are_rejected() {
        for forged in [
            "",
            "ballot",
            "ballot:",
            "ballot:x:vote:+1",
            "ballot:-1:vote:+1",
            "ballot:0:vote:+1",
            "ballot:01:vote:+1",
            "ballot:+1:vote:+1",
            "ballot:1:vote:+2",
            "ballot:1:vote",
            "ballot:1:vote:+1:extra",
            "ballot:1:withdraw:now",
            "ballot:99999999999999999999:vote:+1",
            "wg:1:vote:+1",
        ] {
            assert_eq!(Action::parse(forged), None, "{forged:?}");
        }
        assert_eq!(
            Action::parse(&format!("ballot:1:vote:+1{}", " ".repeat(100))),
            None
        );
    }
}
