//! Amendments to governance: "1. A proposal to change governance is submitted as an issue.
//! 2. The community discusses for at least two weeks. 3. The TSC votes on the proposal. 4. With
//! approval, the changes are merged and announced." An amendment follows the RFC flow
//! (`rfc.rs`); what is its own is the policy changes it may carry, typed as `key=value` pairs,
//! validated as a whole when proposed and again when applied.

use serde::{Deserialize, Serialize};

use super::policy::{Policy, PolicyError, PolicyKey};

/// Longest list of changes, in characters.
pub const CHANGES_MAX: usize = 500;

/// One setting changed by an amendment: its new value as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub key: PolicyKey,
    pub value: String,
}

/// A setting's value before and after an amendment was applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    pub key: PolicyKey,
    pub before: String,
    pub after: String,
}

/// Why the changes of an amendment were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangesError {
    #[error("the changes are too long")]
    TooLong,
    #[error("`{0}` is not written as setting=value")]
    NotAPair(String),
    #[error("unknown setting `{0}`")]
    UnknownSetting(String),
    #[error("the setting `{0}` is changed twice")]
    Duplicate(String),
    #[error("the value of `{key}` is refused: {error}")]
    Invalid { key: String, error: PolicyError },
    #[error("the changes together are refused: {0}")]
    Inconsistent(PolicyError),
}

/// Reads `quorum=3/5 reminder_hours=48`: pairs separated by spaces (a value may hold commas,
/// as `activity_sources=discord,github` does). Empty text is no change.
pub fn parse(text: &str) -> Result<Vec<Change>, ChangesError> {
    if text.chars().count() > CHANGES_MAX {
        return Err(ChangesError::TooLong);
    }
    let mut changes: Vec<Change> = Vec::new();
    for pair in text.split_whitespace() {
        let (name, value) = pair
            .split_once('=')
            .filter(|(n, v)| !n.is_empty() && !v.is_empty())
            .ok_or_else(|| ChangesError::NotAPair(pair.to_owned()))?;
        let key = PolicyKey::from_name(name)
            .ok_or_else(|| ChangesError::UnknownSetting(name.to_owned()))?;
        if changes.iter().any(|c| c.key == key) {
            return Err(ChangesError::Duplicate(name.to_owned()));
        }
        changes.push(Change {
            key,
            value: value.to_owned(),
        });
    }
    Ok(changes)
}

/// The policy with every change applied, checked as a whole ("validated when proposed and
/// again when applied"), and each setting's value before and after.
pub fn apply(policy: &Policy, changes: &[Change]) -> Result<(Policy, Vec<Applied>), ChangesError> {
    // Each value alone first, so that the member learns which one is wrong.
    for change in changes {
        if let Err(error) = policy.with_all(&[(change.key, change.value.as_str())]) {
            if !matches!(
                error,
                PolicyError::BadRatio | PolicyError::BadNumber | PolicyError::BadChoice { .. }
            ) {
                // Consistent only together with the other changes: checked below.
                continue;
            }
            return Err(ChangesError::Invalid {
                key: change.key.name().to_owned(),
                error,
            });
        }
    }
    let pairs: Vec<(PolicyKey, &str)> = changes.iter().map(|c| (c.key, c.value.as_str())).collect();
    let next = policy
        .with_all(&pairs)
        .map_err(ChangesError::Inconsistent)?;
    let applied = changes
        .iter()
        .map(|c| Applied {
            key: c.key,
            before: policy.value_of(c.key),
            after: next.value_of(c.key),
        })
        .collect();
    Ok((next, applied))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_read_in_order() {
        let changes =
            parse(" quorum=3/5  reminder_hours=48 activity_sources=discord,github").unwrap();
        assert_eq!(
            changes,
            vec![
                Change {
                    key: PolicyKey::Quorum,
                    value: "3/5".into()
                },
                Change {
                    key: PolicyKey::ReminderHours,
                    value: "48".into()
                },
                Change {
                    key: PolicyKey::ActivitySources,
                    value: "discord,github".into()
                },
            ]
        );
        assert_eq!(parse("  "), Ok(vec![]));
    }

    #[test]
    fn malformed_unknown_and_repeated_settings_are_refused() {
        assert_eq!(
            parse("quorum"),
            Err(ChangesError::NotAPair("quorum".into()))
        );
        assert_eq!(
            parse("quorum="),
            Err(ChangesError::NotAPair("quorum=".into()))
        );
        assert_eq!(
            parse("speed=3"),
            Err(ChangesError::UnknownSetting("speed".into()))
        );
        assert_eq!(
            parse("quorum=1/2 quorum=2/3"),
            Err(ChangesError::Duplicate("quorum".into()))
        );
        assert_eq!(
            parse(&"x".repeat(CHANGES_MAX + 1)),
            Err(ChangesError::TooLong)
        );
    }

    /// "validated as a whole": related numbers may move together, and out-of-bounds values or
    /// combinations are refused with the setting named.
    #[test]
    fn changes_are_validated_as_a_whole() {
        let policy = Policy::default();
        let (next, applied) =
            apply(&policy, &parse("quorum=3/5 reminder_hours=48").unwrap()).unwrap();
        assert_eq!(next.value_of(PolicyKey::Quorum), "3/5");
        assert_eq!(
            applied[1],
            Applied {
                key: PolicyKey::ReminderHours,
                before: "24".into(),
                after: "48".into()
            }
        );
        // The reminder moves past the minimum only together with it (and the release votes,
        // which must last at least the minimum).
        let alone = parse("reminder_hours=100").unwrap();
        assert_eq!(
            apply(&policy, &alone).map(drop),
            Err(ChangesError::Inconsistent(
                PolicyError::InconsistentVotingPeriods
            ))
        );
        let together = parse(
            "min_voting_hours=120 reminder_hours=100 release_voting_hours=120 \
             release_final_voting_hours=120",
        )
        .unwrap();
        assert!(apply(&policy, &together).is_ok());
        assert_eq!(
            apply(&policy, &parse("quorum=1/1").unwrap()),
            Err(ChangesError::Inconsistent(PolicyError::QuorumOutOfRange))
        );
        assert_eq!(
            apply(&policy, &parse("reminder_hours=0").unwrap()),
            Err(ChangesError::Invalid {
                key: "reminder_hours".into(),
                error: PolicyError::BadNumber
            })
        );
        assert_eq!(
            apply(&policy, &parse("abstentions=maybe").unwrap()).map(drop),
            Err(ChangesError::Invalid {
                key: "abstentions".into(),
                error: PolicyError::BadChoice {
                    expected: "`excluded` `counted` "
                }
            })
        );
    }
}
