//! Security reports: "The project maintains a Security Response Team responsible for handling
//! vulnerability reports." A report reaches the team only (the TSC only where no team is
//! mapped); the team acknowledges it, is reminded when nobody did within `security_ack_hours`,
//! and resolves it. The reporter is told each step, never anyone else.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::CaseError;
use crate::governance::policy::Policy;

/// Where a report stands. Stored as JSON: add variants, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// Waiting for a team member to acknowledge it.
    Open {
        reminded: bool,
    },
    Acknowledged {
        by: u64,
        at: DateTime<Utc>,
    },
    /// Handled (fixed, or not a vulnerability); the case is closed.
    Resolved {
        by: u64,
        at: DateTime<Utc>,
    },
}

impl Step {
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Resolved { .. })
    }
}

/// What happens to a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Acknowledge {
        by: u64,
    },
    Resolve {
        by: u64,
    },
    /// `security_ack_hours` passed since the report.
    AckDeadline,
}

/// What follows, for the application to carry out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The reporter is told a team member acknowledged the report.
    TellReporterAcknowledged,
    /// The team is reminded in the thread; the reporter is told the expected timeline.
    Remind,
    /// The reporter is told the report was handled.
    TellReporterResolved,
}

/// When an unacknowledged report is reminded.
pub fn ack_due(opened_at: DateTime<Utc>, policy: &Policy) -> DateTime<Utc> {
    opened_at + Duration::hours(i64::from(policy.security_ack_hours))
}

/// Who handles reports: the security response team, or the TSC where no team role is mapped
/// ("never the whole TSC unless the team is unmapped").
pub fn handlers(team_mapped: bool, team: &[u64], tsc: &[u64]) -> Vec<u64> {
    let mut members = if team_mapped {
        team.to_vec()
    } else {
        tsc.to_vec()
    };
    members.sort_unstable();
    members.dedup();
    members
}

pub fn transition(
    step: Step,
    event: Event,
    now: DateTime<Utc>,
) -> Result<(Step, Vec<Effect>), CaseError> {
    use Step::*;
    match (step, event) {
        // A reminder that falls due after the report moved on is nothing.
        (Open { reminded: false }, Event::AckDeadline) => {
            Ok((Open { reminded: true }, vec![Effect::Remind]))
        }
        (step, Event::AckDeadline) => Ok((step, Vec::new())),
        (Resolved { .. }, _) => Err(CaseError::Closed),
        (Open { .. }, Event::Acknowledge { by }) => Ok((
            Acknowledged { by, at: now },
            vec![Effect::TellReporterAcknowledged],
        )),
        (Acknowledged { .. }, Event::Acknowledge { .. }) => Err(CaseError::AlreadyAcknowledged),
        (Open { .. } | Acknowledged { .. }, Event::Resolve { by }) => {
            Ok((Resolved { by, at: now }, vec![Effect::TellReporterResolved]))
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap()
    }

    /// "A Security Response Team responsible for handling vulnerability reports": acknowledged,
    /// reminded once when nobody did, resolved.
    #[test]
    fn a_report_is_acknowledged_reminded_and_resolved() {
        use Step::*;
        let acked = Acknowledged { by: 7, at: now() };
        let resolved = Resolved { by: 7, at: now() };
        let cases = [
            (
                Open { reminded: false },
                Event::Acknowledge { by: 7 },
                Ok((acked, vec![Effect::TellReporterAcknowledged])),
            ),
            (
                Open { reminded: true },
                Event::Acknowledge { by: 7 },
                Ok((acked, vec![Effect::TellReporterAcknowledged])),
            ),
            (
                acked,
                Event::Acknowledge { by: 8 },
                Err(CaseError::AlreadyAcknowledged),
            ),
            (
                Open { reminded: false },
                Event::AckDeadline,
                Ok((Open { reminded: true }, vec![Effect::Remind])),
            ),
            // Reminded once; never after an acknowledgement.
            (
                Open { reminded: true },
                Event::AckDeadline,
                Ok((Open { reminded: true }, vec![])),
            ),
            (acked, Event::AckDeadline, Ok((acked, vec![]))),
            (
                acked,
                Event::Resolve { by: 7 },
                Ok((resolved, vec![Effect::TellReporterResolved])),
            ),
            (
                Open { reminded: false },
                Event::Resolve { by: 7 },
                Ok((resolved, vec![Effect::TellReporterResolved])),
            ),
            (resolved, Event::Resolve { by: 7 }, Err(CaseError::Closed)),
            (
                resolved,
                Event::Acknowledge { by: 7 },
                Err(CaseError::Closed),
            ),
        ];
        for (step, event, expected) in cases {
            assert_eq!(
                transition(step, event, now()),
                expected,
                "{step:?} {event:?}"
            );
        }
    }

    #[test]
    fn the_team_handles_reports_and_the_tsc_only_without_a_team() {
        assert_eq!(handlers(true, &[3, 2], &[1, 2]), vec![2, 3]);
        assert_eq!(handlers(true, &[], &[1, 2]), Vec::<u64>::new());
        assert_eq!(handlers(false, &[], &[2, 1]), vec![1, 2]);
        let p = Policy::default();
        assert_eq!(ack_due(now(), &p), now() + Duration::hours(48));
    }
}
