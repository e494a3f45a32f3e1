//! Code-of-conduct reports: "The TSC is responsible for enforcing the code of conduct and
//! responding to violations." A report reaches the TSC (without a reported TSC member), the TSC
//! records its response, and the reporter is told that the report was handled (not how: the
//! response concerns another member).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::CaseError;

/// Discord's longest timeout: 28 days.
pub const TIMEOUT_MAX_MINUTES: u32 = 28 * 24 * 60;

/// The TSC's response to a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "response", rename_all = "snake_case")]
pub enum Response {
    NoAction,
    Warning,
    /// The reported member is timed out by the bot (if it holds Moderate Members).
    Timeout {
        minutes: u32,
    },
    /// Recorded; the TSC bans by hand (the bot never bans).
    Ban,
}

impl Response {
    pub fn key(self) -> &'static str {
        match self {
            Self::NoAction => "no_action",
            Self::Warning => "warning",
            Self::Timeout { .. } => "timeout",
            Self::Ban => "ban",
        }
    }
}

/// Where a report stands. Stored as JSON: add variants, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// Before the TSC.
    Open,
    /// The TSC responded; the case is closed.
    Responded {
        response: Response,
        by: u64,
        at: DateTime<Utc>,
    },
}

impl Step {
    pub fn is_open(self) -> bool {
        matches!(self, Self::Open)
    }
}

/// What follows the TSC's response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The bot times out the reported member.
    ApplyTimeout { member: u64, minutes: u32 },
    /// The reporter is told the report was handled.
    TellReporter,
}

/// The TSC records its response (the permission table has checked it is the TSC, and not the
/// reported member).
pub fn respond(
    step: Step,
    reported: Option<u64>,
    response: Response,
    by: u64,
    now: DateTime<Utc>,
) -> Result<(Step, Vec<Effect>), CaseError> {
    if !step.is_open() {
        return Err(CaseError::AlreadyResponded);
    }
    let mut effects = Vec::new();
    if let Response::Timeout { minutes } = response {
        let member = reported.ok_or(CaseError::NobodyToTimeOut)?;
        if minutes == 0 || minutes > TIMEOUT_MAX_MINUTES {
            return Err(CaseError::BadTimeout);
        }
        effects.push(Effect::ApplyTimeout { member, minutes });
    }
    effects.push(Effect::TellReporter);
    Ok((
        Step::Responded {
            response,
            by,
            at: now,
        },
        effects,
    ))
}

/// A timeout's length as the TSC types it (`1h`, `3d`, `1w`): whole minutes, from one minute
/// to Discord's 28 days.
pub fn timeout_minutes(text: &str) -> Result<u32, CaseError> {
    let duration = humantime::parse_duration(text.trim()).map_err(|_| CaseError::BadTimeout)?;
    let minutes = duration.as_secs() / 60;
    if duration.as_secs() % 60 != 0 || minutes == 0 || minutes > u64::from(TIMEOUT_MAX_MINUTES) {
        return Err(CaseError::BadTimeout);
    }
    u32::try_from(minutes).map_err(|_| CaseError::BadTimeout)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap()
    }

    /// "The TSC is responsible for ... responding to violations": one response per report,
    /// and the reporter is always told.
    #[test]
    fn the_tsc_responds_once_and_the_reporter_is_told() {
        let responded = |response| Step::Responded {
            response,
            by: 9,
            at: now(),
        };
        let cases = [
            (
                Step::Open,
                Some(5),
                Response::NoAction,
                Ok((responded(Response::NoAction), vec![Effect::TellReporter])),
            ),
            (
                Step::Open,
                None,
                Response::Warning,
                Ok((responded(Response::Warning), vec![Effect::TellReporter])),
            ),
            (
                Step::Open,
                Some(5),
                Response::Timeout { minutes: 60 },
                Ok((
                    responded(Response::Timeout { minutes: 60 }),
                    vec![
                        Effect::ApplyTimeout {
                            member: 5,
                            minutes: 60,
                        },
                        Effect::TellReporter,
                    ],
                )),
            ),
            // A report about no one in particular has no one to time out.
            (
                Step::Open,
                None,
                Response::Timeout { minutes: 60 },
                Err(CaseError::NobodyToTimeOut),
            ),
            (
                Step::Open,
                Some(5),
                Response::Timeout {
                    minutes: TIMEOUT_MAX_MINUTES + 1,
                },
                Err(CaseError::BadTimeout),
            ),
            // The bot never bans: the ban is recorded for the TSC to carry out.
            (
                Step::Open,
                Some(5),
                Response::Ban,
                Ok((responded(Response::Ban), vec![Effect::TellReporter])),
            ),
            (
                responded(Response::Warning),
                Some(5),
                Response::Ban,
                Err(CaseError::AlreadyResponded),
            ),
        ];
        for (step, reported, response, expected) in cases {
            assert_eq!(
                respond(step, reported, response, 9, now()),
                expected,
                "{step:?} {response:?}"
            );
        }
    }

    #[test]
    fn timeouts_last_from_a_minute_to_28_days() {
        assert_eq!(timeout_minutes("1h"), Ok(60));
        assert_eq!(timeout_minutes(" 3d "), Ok(3 * 24 * 60));
        assert_eq!(timeout_minutes("28d"), Ok(TIMEOUT_MAX_MINUTES));
        for bad in ["", "soon", "29d", "30s", "0m", "90s"] {
            assert_eq!(timeout_minutes(bad), Err(CaseError::BadTimeout), "{bad}");
        }
    }
}
