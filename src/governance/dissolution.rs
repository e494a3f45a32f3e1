//! Project dissolution: "In the unlikely event that the project must be dissolved: 1. The
//! community is notified at least 3 months in advance 2. Resources are transferred to a
//! suitable steward 3. All code remains available under its license 4. Documentation is
//! archived." Proposed and called off by TSC ballots; its dates as pure functions.

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::policy::Policy;
use super::text::{self, TextError};

/// Longest reason, steward and archive fields, in characters.
pub const REASON_MAX: usize = 500;
pub const STEWARD_MAX: usize = 500;
pub const ARCHIVE_MAX: usize = 500;
/// Longest license name ("Apache-2.0 OR MIT"), in characters.
pub const LICENSE_MAX: usize = 100;

/// Where the project's resources and documents go: the fields of a proposal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// "Resources are transferred to a suitable steward": who, and what they receive.
    pub steward: String,
    /// "Documentation is archived": where.
    pub archive: String,
    /// "All code remains available under its license": which, if the TSC names it.
    pub license: Option<String>,
}

/// The life of a dissolution proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Before the TSC's ballot.
    Proposed,
    /// Decided: the community is being notified until the date.
    Scheduled,
    /// The TSC did not approve it.
    Rejected,
    /// Decided, then called off by another ballot.
    CalledOff,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Scheduled => "scheduled",
            Self::Rejected => "rejected",
            Self::CalledOff => "called_off",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [
            Self::Proposed,
            Self::Scheduled,
            Self::Rejected,
            Self::CalledOff,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }

    /// Proposed or decided: another proposal waits until this one is settled.
    pub fn is_underway(self) -> bool {
        matches!(self, Self::Proposed | Self::Scheduled)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DissolutionError {
    #[error("the date is not a date (YYYY-MM-DD)")]
    BadDate,
    #[error("the date is less than the notice period after the vote closes")]
    TooSoon { earliest: NaiveDate },
    #[error("a field is empty")]
    FieldEmpty,
    #[error("a field is longer than {max} characters")]
    FieldTooLong { max: usize },
    #[error("a dissolution is already proposed or decided")]
    AlreadyUnderway,
    #[error("no decided dissolution to call off")]
    NothingToCallOff,
    #[error("a ballot on calling it off is already open")]
    CallOffPending,
}

fn field(value: &str, max: usize) -> Result<String, DissolutionError> {
    text::visible(value, max).map_err(|e| match e {
        TextError::Empty => DissolutionError::FieldEmpty,
        TextError::TooLong => DissolutionError::FieldTooLong { max },
    })
}

/// A proposal's reason, trimmed and bounded.
pub fn validate_reason(reason: &str) -> Result<String, DissolutionError> {
    field(reason, REASON_MAX)
}

impl Plan {
    /// Steward and archive are required (the document names both); the license is optional.
    pub fn validated(&self) -> Result<Plan, DissolutionError> {
        let license = text::optional(self.license.as_deref().unwrap_or(""), LICENSE_MAX)
            .map_err(|_| DissolutionError::FieldTooLong { max: LICENSE_MAX })?;
        Ok(Plan {
            steward: field(&self.steward, STEWARD_MAX)?,
            archive: field(&self.archive, ARCHIVE_MAX)?,
            license,
        })
    }
}

/// The dissolution date (`2027-03-31`, the start of that day, UTC), which must lie at least
/// `dissolution_notice_months` after the vote closes: "The community is notified at least 3
/// months in advance" of a decision that exists only once the vote closed.
pub fn dissolution_date(
    text: &str,
    vote_closes_at: DateTime<Utc>,
    policy: &Policy,
) -> Result<DateTime<Utc>, DissolutionError> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| DissolutionError::BadDate)?;
    let at = date
        .and_hms_opt(0, 0, 0)
        .ok_or(DissolutionError::BadDate)?
        .and_utc();
    let earliest = vote_closes_at
        .checked_add_months(Months::new(policy.dissolution_notice_months))
        .ok_or(DissolutionError::BadDate)?;
    if at < earliest {
        // The first whole day that is far enough.
        let first_day = if earliest.time() == chrono::NaiveTime::MIN {
            earliest.date_naive()
        } else {
            earliest.date_naive() + Duration::days(1)
        };
        return Err(DissolutionError::TooSoon {
            earliest: first_day,
        });
    }
    Ok(at)
}

/// When the community is notified again after the decision: "at least 3 months in advance"
/// once at once (not listed here), then every month, and a week before the date.
pub fn notice_times(decided_at: DateTime<Utc>, date: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let week_before = date - Duration::days(7);
    let mut times: Vec<DateTime<Utc>> = (1..)
        .map_while(|k| decided_at.checked_add_months(Months::new(k)))
        .take_while(|at| *at < week_before)
        .collect();
    if week_before > decided_at {
        times.push(week_before);
    }
    times
}

/// A decided proposal's new status.
pub fn decided(approved: bool) -> Status {
    if approved {
        Status::Scheduled
    } else {
        Status::Rejected
    }
}

/// Whether a call-off may be proposed: the dissolution is decided, its date has not come, and
/// no other call-off is before the TSC.
pub fn may_call_off(
    status: Status,
    date: DateTime<Utc>,
    call_off_pending: bool,
    now: DateTime<Utc>,
) -> Result<(), DissolutionError> {
    if status != Status::Scheduled || now >= date {
        return Err(DissolutionError::NothingToCallOff);
    }
    if call_off_pending {
        return Err(DissolutionError::CallOffPending);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
    }

    /// "The community is notified at least 3 months in advance": the date counts from when the
    /// vote closes.
    #[test]
    fn the_date_is_at_least_the_notice_period_after_the_vote() {
        let p = Policy::default();
        let closes = Utc.with_ymd_and_hms(2026, 5, 11, 10, 0, 0).unwrap();
        assert_eq!(
            dissolution_date("2026-08-12", closes, &p),
            Ok(at(2026, 8, 12))
        );
        assert_eq!(
            dissolution_date("2026-08-11", closes, &p),
            Err(DissolutionError::TooSoon {
                earliest: NaiveDate::from_ymd_opt(2026, 8, 12).unwrap()
            })
        );
        assert_eq!(
            dissolution_date("12.08.2026", closes, &p),
            Err(DissolutionError::BadDate)
        );
        let one = Policy {
            dissolution_notice_months: 1,
            ..Policy::default()
        };
        assert!(dissolution_date("2026-06-12", closes, &one).is_ok());
    }

    /// "Notified at once, then monthly and a week before."
    #[test]
    fn notices_go_out_monthly_and_a_week_before() {
        let decided = at(2026, 5, 11);
        assert_eq!(
            notice_times(decided, at(2026, 8, 31)),
            vec![
                at(2026, 6, 11),
                at(2026, 7, 11),
                at(2026, 8, 11),
                at(2026, 8, 24)
            ]
        );
        // A month that would fall inside the last week is left to the week-before notice.
        assert_eq!(
            notice_times(decided, at(2026, 8, 15)),
            vec![at(2026, 6, 11), at(2026, 7, 11), at(2026, 8, 8)]
        );
    }

    #[test]
    fn a_plan_names_a_steward_and_an_archive() {
        let plan = Plan {
            steward: " The Foundation ".into(),
            archive: "https://archive.example.org".into(),
            license: Some("\u{200B}".into()),
        };
        assert_eq!(
            plan.validated(),
            Ok(Plan {
                steward: "The Foundation".into(),
                archive: "https://archive.example.org".into(),
                license: None,
            })
        );
        let missing = Plan {
            archive: " ".into(),
            ..plan.clone()
        };
        assert_eq!(missing.validated(), Err(DissolutionError::FieldEmpty));
        let long = Plan {
            steward: "s".repeat(STEWARD_MAX + 1),
            ..plan
        };
        assert_eq!(
            long.validated(),
            Err(DissolutionError::FieldTooLong { max: STEWARD_MAX })
        );
    }

    /// "It can be called off by another TSC ballot", while there is something to call off.
    #[test]
    fn only_a_decided_dissolution_before_its_date_is_called_off() {
        let date = at(2026, 9, 1);
        let now = at(2026, 6, 1);
        assert_eq!(may_call_off(Status::Scheduled, date, false, now), Ok(()));
        assert_eq!(
            may_call_off(Status::Scheduled, date, true, now),
            Err(DissolutionError::CallOffPending)
        );
        for status in [Status::Proposed, Status::Rejected, Status::CalledOff] {
            assert_eq!(
                may_call_off(status, date, false, now),
                Err(DissolutionError::NothingToCallOff)
            );
        }
        assert_eq!(
            may_call_off(Status::Scheduled, date, false, date),
            Err(DissolutionError::NothingToCallOff)
        );
        assert_eq!(decided(true), Status::Scheduled);
        assert_eq!(decided(false), Status::Rejected);
    }
}
