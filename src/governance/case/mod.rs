//! Private cases: conflicts between members, code-of-conduct reports and security reports.
//! Each is confidential: it is read only by those the document gives it to (the parties and
//! their mediator, the TSC, the security response team), in a private thread, and resolved
//! there. The rules of each kind are pure state machines in the files below.

pub mod conduct;
pub mod conflict;
pub mod security;

use serde::{Deserialize, Serialize};

use super::text::{self, TextError};

/// Longest summary of a conflict, in characters.
pub const SUMMARY_MAX: usize = 1000;
/// Longest report (conduct or security), in characters: what a form's paragraph holds.
pub const REPORT_MAX: usize = 4000;
/// Longest title of a security report, in characters.
pub const TITLE_MAX: usize = 100;
/// Longest decision the TSC records on a conflict, in characters.
pub const DECISION_MAX: usize = 2000;

/// What a case is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// "If conflicts arise: parties attempt to resolve the issue directly; if unresolved, a
    /// maintainer mediates; if still unresolved, the TSC makes a final decision."
    Conflict,
    /// "The TSC is responsible for enforcing the code of conduct and responding to violations."
    Conduct,
    /// "The project maintains a Security Response Team responsible for handling vulnerability
    /// reports."
    Security,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Self::Conflict, Self::Conduct, Self::Security];

    /// The stable name stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            Self::Conflict => "conflict",
            Self::Conduct => "conduct",
            Self::Security => "security",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Where a case stands, whatever its kind. Stored as JSON: add variants, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CaseStep {
    Conflict(conflict::Step),
    Conduct(conduct::Step),
    Security(security::Step),
}

impl CaseStep {
    pub fn kind(self) -> Kind {
        match self {
            Self::Conflict(_) => Kind::Conflict,
            Self::Conduct(_) => Kind::Conduct,
            Self::Security(_) => Kind::Security,
        }
    }

    pub fn is_open(self) -> bool {
        match self {
            Self::Conflict(s) => s.is_open(),
            Self::Conduct(s) => s.is_open(),
            Self::Security(s) => s.is_open(),
        }
    }
}

/// Everything a member can get wrong about a case; each is a reason they are shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseError {
    #[error("the text has no visible character")]
    TextEmpty,
    #[error("the text is longer than {max} characters")]
    TextTooLong { max: usize },
    #[error("a conflict is between two different members")]
    SameParty,
    #[error("a bot cannot be a party to a case")]
    BotParty,
    #[error("the case is closed")]
    Closed,
    #[error("this party already asked to escalate; the other party must agree")]
    AlreadyAsked,
    #[error("no maintainer has taken the mediation yet")]
    WaitingForMediator { until_ms: i64 },
    #[error("the case is not waiting for a mediator")]
    NoMediationWanted,
    #[error("the case is already before the TSC")]
    AlreadyWithTsc,
    #[error("the case is not before the TSC")]
    NotWithTsc,
    #[error("a decision is already before the TSC")]
    DecisionPending,
    #[error("the response is already recorded")]
    AlreadyResponded,
    #[error("there is no reported member to time out")]
    NobodyToTimeOut,
    #[error("the timeout duration is not understood or out of range")]
    BadTimeout,
    #[error("the report was already acknowledged")]
    AlreadyAcknowledged,
}

/// Member text that becomes part of a case: visible, bounded.
pub fn validate_text(text: &str, max: usize) -> Result<String, CaseError> {
    text::visible(text, max).map_err(|e| match e {
        TextError::Empty => CaseError::TextEmpty,
        TextError::TooLong => CaseError::TextTooLong { max },
    })
}

/// A party to a case is a person: two different members, neither a bot.
pub fn validate_parties(opener: u64, other: u64, other_is_bot: bool) -> Result<(), CaseError> {
    if other_is_bot {
        return Err(CaseError::BotParty);
    }
    if opener == other {
        return Err(CaseError::SameParty);
    }
    Ok(())
}

/// The TSC members who may read and decide a case: everyone on the TSC except those the case
/// is about (a party to a conflict, a reported member).
pub fn tsc_readers(tsc: &[u64], excluded: &[u64]) -> Vec<u64> {
    let mut readers: Vec<u64> = tsc
        .iter()
        .copied()
        .filter(|m| !excluded.contains(m))
        .collect();
    readers.sort_unstable();
    readers.dedup();
    readers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_key(kind.key()), Some(kind));
        }
    }

    #[test]
    fn steps_are_stored_with_their_kind() {
        let step = CaseStep::Conflict(conflict::Step::Direct {
            escalation_asked_by: Some(4),
        });
        let json = serde_json::to_string(&step).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"conflict","step":"direct","escalation_asked_by":4}"#
        );
        assert_eq!(serde_json::from_str::<CaseStep>(&json).unwrap(), step);
        assert_eq!(step.kind(), Kind::Conflict);
        assert!(step.is_open());
        let closed = CaseStep::Security(security::Step::Open { reminded: true });
        let json = serde_json::to_string(&closed).unwrap();
        assert_eq!(serde_json::from_str::<CaseStep>(&json).unwrap(), closed);
    }

    #[test]
    fn case_text_is_visible_and_bounded() {
        assert_eq!(validate_text(" hi ", 5), Ok("hi".into()));
        assert_eq!(validate_text("\u{200B}", 5), Err(CaseError::TextEmpty));
        assert_eq!(
            validate_text("abcdef", 5),
            Err(CaseError::TextTooLong { max: 5 })
        );
    }

    #[test]
    fn a_conflict_is_between_two_people() {
        assert_eq!(validate_parties(1, 2, false), Ok(()));
        assert_eq!(validate_parties(1, 1, false), Err(CaseError::SameParty));
        assert_eq!(validate_parties(1, 2, true), Err(CaseError::BotParty));
    }

    #[test]
    fn those_a_case_is_about_do_not_read_it_as_tsc() {
        assert_eq!(tsc_readers(&[3, 1, 2, 1], &[2]), vec![1, 3]);
        assert_eq!(tsc_readers(&[1], &[1]), Vec::<u64>::new());
    }
}
