//! The decision log's vocabulary: what kinds of decision the bot records, and which are private.
//! "The results are shared with the community": everything public is listed and exported;
//! private decisions (a member's status, a nomination not approved, a case) stay with the TSC.

use serde::{Deserialize, Serialize};

/// What a recorded decision was about. Stored by [`DecisionKind::key`]; add, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// A TSC ballot closed (any subject).
    Ballot,
    /// The policy's numbers changed.
    Policy,
    /// The server's set-up changed (roles, channels, language).
    Setup,
    /// A working group was created or closed.
    WorkingGroup,
    /// A member moved to emeritus.
    Emeritus,
    /// An RFC changed status.
    Rfc,
    /// A governance amendment changed status.
    Amendment,
    /// A maintainer or TSC nomination was decided.
    Nomination,
    /// A release step was taken.
    Release,
    /// A third-party dependency was approved or removed.
    Dependency,
    /// A conflict, conduct or security case was resolved (recorded by number only).
    Case,
    /// The annual review was approved and published.
    AnnualReview,
    /// Dissolution was decided or called off.
    Dissolution,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 13] = [
        Self::Ballot,
        Self::Policy,
        Self::Setup,
        Self::WorkingGroup,
        Self::Emeritus,
        Self::Rfc,
        Self::Amendment,
        Self::Nomination,
        Self::Release,
        Self::Dependency,
        Self::Case,
        Self::AnnualReview,
        Self::Dissolution,
    ];

    /// The stable name stored and typed in `/decisions list kind:`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Ballot => "ballot",
            Self::Policy => "policy",
            Self::Setup => "setup",
            Self::WorkingGroup => "working_group",
            Self::Emeritus => "emeritus",
            Self::Rfc => "rfc",
            Self::Amendment => "amendment",
            Self::Nomination => "nomination",
            Self::Release => "release",
            Self::Dependency => "dependency",
            Self::Case => "case",
            Self::AnnualReview => "annual_review",
            Self::Dissolution => "dissolution",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_are_unique() {
        for kind in DecisionKind::ALL {
            assert_eq!(DecisionKind::from_key(kind.key()), Some(kind));
            assert_eq!(
                DecisionKind::ALL
                    .iter()
                    .filter(|k| k.key() == kind.key())
                    .count(),
                1
            );
        }
    }
}
