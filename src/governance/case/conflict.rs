//! Conflict resolution, the document's three steps:
//!
//! "If conflicts arise:
//! 1. Parties attempt to resolve the issue directly
//! 2. If unresolved, a maintainer mediates
//! 3. If still unresolved, the TSC makes a final decision"
//!
//! Who may take each step (a party, the mediator, a maintainer, the TSC) is the permission
//! table's; this file decides when each step may be taken.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::CaseError;
use crate::governance::policy::{ConflictDecision, Policy};

/// Where a conflict stands. Stored as JSON: add variants, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// Step 1: "Parties attempt to resolve the issue directly." One party may ask to move on
    /// before the period ends; the other's agreement moves it.
    Direct { escalation_asked_by: Option<u64> },
    /// Step 2: "If unresolved, a maintainer mediates" (once one takes it).
    Mediation {
        since: DateTime<Utc>,
        mediator: Option<u64>,
    },
    /// Step 3: "If still unresolved, the TSC makes a final decision." `deciding` while a
    /// proposed decision is before the TSC's ballot.
    Tsc {
        since: DateTime<Utc>,
        deciding: bool,
    },
    /// Closed: by the parties (at any step) or by the TSC's decision.
    Resolved { by_tsc: bool },
}

impl Step {
    /// The step's number in the document (closed cases: 0).
    pub fn number(self) -> u8 {
        match self {
            Self::Direct { .. } => 1,
            Self::Mediation { .. } => 2,
            Self::Tsc { .. } => 3,
            Self::Resolved { .. } => 0,
        }
    }

    pub fn is_open(self) -> bool {
        !matches!(self, Self::Resolved { .. })
    }
}

/// A conflict as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conflict {
    /// The member who opened it, then the other party.
    pub parties: [u64; 2],
    pub opened_at: DateTime<Utc>,
    pub step: Step,
}

impl Conflict {
    pub fn is_party(&self, member: u64) -> bool {
        self.parties.contains(&member)
    }

    pub fn mediator(&self) -> Option<u64> {
        match self.step {
            Step::Mediation { mediator, .. } => mediator,
            _ => None,
        }
    }
}

/// What a member does to a conflict (the permission table has checked who they are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A party marks the conflict resolved.
    Resolve { by: u64 },
    /// A party (or, at step 2, the mediator) moves it to the next step.
    Escalate { by: u64 },
    /// A maintainer takes the mediation.
    Mediate { by: u64 },
    /// A TSC member proposes the decision (a ballot follows) or records it, per the policy.
    Decide { by: u64 },
    /// The TSC's ballot on a proposed decision closed.
    BallotDecided { approved: bool },
}

/// What follows a step, for the application to carry out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The other party is asked to agree to move on before the period ends.
    AskedToEscalate { by: u64, other: u64 },
    /// Maintainers are asked for a mediator.
    MediatorWanted,
    /// The mediator joins the thread.
    MediatorJoined { mediator: u64 },
    /// The TSC joins the thread to decide.
    ToTsc,
    /// The proposed decision goes to a private TSC ballot.
    OpenBallot,
    /// A ballot on a decision is withdrawn (the parties resolved it meanwhile).
    CancelBallot,
    /// The conflict is closed; the parties are told in their thread.
    Resolved { by_tsc: bool },
    /// The TSC did not approve the proposed decision; another may be proposed.
    DecisionRejected,
}

/// When the parties' time to resolve it directly (step 1) or to find a mediator (step 2) ends.
pub fn period_end(since: DateTime<Utc>, policy: &Policy) -> DateTime<Utc> {
    since + Duration::days(i64::from(policy.conflict_direct_days))
}

/// The next step of a conflict, or why it cannot be taken.
pub fn transition(
    case: &Conflict,
    event: Event,
    policy: &Policy,
    now: DateTime<Utc>,
) -> Result<(Step, Vec<Effect>), CaseError> {
    use Step::*;
    let [opener, other] = case.parties;
    match (case.step, event) {
        (
            Tsc {
                since,
                deciding: true,
            },
            Event::BallotDecided { approved },
        ) => Ok(if approved {
            (
                Resolved { by_tsc: true },
                vec![Effect::Resolved { by_tsc: true }],
            )
        } else {
            (
                Tsc {
                    since,
                    deciding: false,
                },
                vec![Effect::DecisionRejected],
            )
        }),
        // A ballot that no longer decides anything (withdrawn meanwhile) changes nothing.
        (step, Event::BallotDecided { .. }) => Ok((step, Vec::new())),
        (Resolved { .. }, _) => Err(CaseError::Closed),
        (Tsc { deciding, .. }, Event::Resolve { .. }) => {
            let mut effects = Vec::new();
            if deciding {
                effects.push(Effect::CancelBallot);
            }
            effects.push(Effect::Resolved { by_tsc: false });
            Ok((Resolved { by_tsc: false }, effects))
        }
        (_, Event::Resolve { .. }) => Ok((
            Resolved { by_tsc: false },
            vec![Effect::Resolved { by_tsc: false }],
        )),
        (
            Direct {
                escalation_asked_by,
            },
            Event::Escalate { by },
        ) => {
            let to_mediation = || {
                Ok((
                    Mediation {
                        since: now,
                        mediator: None,
                    },
                    vec![Effect::MediatorWanted],
                ))
            };
            let period_over = now >= period_end(case.opened_at, policy);
            match escalation_asked_by {
                _ if period_over => to_mediation(),
                // "At once by agreement": the other party asked first.
                Some(asked) if asked != by => to_mediation(),
                Some(_) => Err(CaseError::AlreadyAsked),
                None => {
                    let other = if by == opener { other } else { opener };
                    Ok((
                        Direct {
                            escalation_asked_by: Some(by),
                        },
                        vec![Effect::AskedToEscalate { by, other }],
                    ))
                }
            }
        }
        (Mediation { since, mediator }, Event::Escalate { .. }) => {
            // Mediation happened, or no maintainer came forward within the period.
            if mediator.is_none() && now < period_end(since, policy) {
                return Err(CaseError::WaitingForMediator {
                    until_ms: period_end(since, policy).timestamp_millis(),
                });
            }
            Ok((
                Tsc {
                    since: now,
                    deciding: false,
                },
                vec![Effect::ToTsc],
            ))
        }
        (Tsc { .. }, Event::Escalate { .. }) => Err(CaseError::AlreadyWithTsc),
        (
            Mediation {
                since,
                mediator: None,
            },
            Event::Mediate { by },
        ) => Ok((
            Mediation {
                since,
                mediator: Some(by),
            },
            vec![Effect::MediatorJoined { mediator: by }],
        )),
        (_, Event::Mediate { .. }) => Err(CaseError::NoMediationWanted),
        (Tsc { deciding: true, .. }, Event::Decide { .. }) => Err(CaseError::DecisionPending),
        (Tsc { since, .. }, Event::Decide { .. }) => match policy.conflict_decision {
            ConflictDecision::Ballot => Ok((
                Tsc {
                    since,
                    deciding: true,
                },
                vec![Effect::OpenBallot],
            )),
            ConflictDecision::TscMember => Ok((
                Resolved { by_tsc: true },
                vec![Effect::Resolved { by_tsc: true }],
            )),
        },
        (_, Event::Decide { .. }) => Err(CaseError::NotWithTsc),
    }
}

#[cfg(test)]
#[path = "conflict_tests.rs"]
mod tests;
