//! Working groups: "For specific initiatives, the TSC may establish Working Groups". Their
//! charter, names, membership and reporting rules, as pure functions.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::text::{self, TextError};

/// Longest group name, in characters (it also becomes a role name).
pub const NAME_MAX: usize = 50;
/// Longest focus area, in characters.
pub const FOCUS_MAX: usize = 100;
/// Longest charter field, in characters (five fields, the tally and concerns fit one embed).
pub const CHARTER_FIELD_MAX: usize = 800;
/// Longest report, in characters (a modal paragraph holds 4000).
pub const REPORT_MAX: usize = 4000;
/// At most this many founding members besides the chair.
pub const FOUNDING_MAX: usize = 20;

/// "A charter is established defining: scope and objectives, expected deliverables, timeline,
/// resource requirements, reporting requirements."
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charter {
    pub scope: String,
    pub deliverables: String,
    pub timeline: String,
    pub resources: String,
    pub reporting: String,
}

/// The life of a working group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// `/wg create` ran; the charter form has not been submitted yet.
    Draft,
    /// The charter is before the TSC.
    Proposed,
    Active,
    Rejected,
    Closed,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Proposed => "proposed",
            Self::Active => "active",
            Self::Rejected => "rejected",
            Self::Closed => "closed",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [
            Self::Draft,
            Self::Proposed,
            Self::Active,
            Self::Rejected,
            Self::Closed,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WgError {
    #[error("the name is empty or has no letters or digits")]
    BadName,
    #[error("the name is too long")]
    NameTooLong,
    #[error("the focus area is empty or too long")]
    BadFocus,
    #[error("a charter field is empty")]
    CharterFieldEmpty,
    #[error("a charter field is too long")]
    CharterFieldTooLong,
    #[error("the reporting cadence is not understood or out of range")]
    BadCadence,
    #[error("the end date is not a future date (YYYY-MM-DD)")]
    BadEndDate,
    #[error("too many founding members")]
    TooManyMembers,
    #[error("the report is empty or too long")]
    BadReport,
    #[error("the group is not active")]
    NotActive,
    #[error("already a member")]
    AlreadyMember,
    #[error("not a member")]
    NotMember,
    #[error("the chair cannot leave; the TSC appoints a new chair first")]
    ChairCannotLeave,
    #[error("a bot cannot chair a working group")]
    BotChair,
    #[error("a request to join is already waiting for the chair")]
    JoinPending { asked_at: DateTime<Utc> },
    #[error("the last request to join was declined recently")]
    JoinTooSoon { until: DateTime<Utc> },
}

/// The group's name as typed, trimmed and checked.
pub fn validate_name(name: &str) -> Result<String, WgError> {
    let name = text::visible(name, NAME_MAX).map_err(|e| match e {
        TextError::Empty => WgError::BadName,
        TextError::TooLong => WgError::NameTooLong,
    })?;
    if slug(&name).is_empty() {
        return Err(WgError::BadName);
    }
    Ok(name)
}

/// The channel name for a group: lowercase letters and digits joined by single dashes, which
/// is what Discord keeps of a text channel's name. Two groups may not share one.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    // Cut before trimming: a cut can end on a dash.
    let cut: String = out.chars().take(NAME_MAX).collect();
    cut.trim_end_matches('-').to_owned()
}

pub fn validate_focus(focus: &str) -> Result<String, WgError> {
    text::visible(focus, FOCUS_MAX).map_err(|_| WgError::BadFocus)
}

impl Charter {
    /// Every field is required: the document lists all five.
    pub fn validated(&self) -> Result<Charter, WgError> {
        let field = |field: &str| -> Result<String, WgError> {
            text::visible(field, CHARTER_FIELD_MAX).map_err(|e| match e {
                TextError::Empty => WgError::CharterFieldEmpty,
                TextError::TooLong => WgError::CharterFieldTooLong,
            })
        };
        Ok(Charter {
            scope: field(&self.scope)?,
            deliverables: field(&self.deliverables)?,
            timeline: field(&self.timeline)?,
            resources: field(&self.resources)?,
            reporting: field(&self.reporting)?,
        })
    }
}

/// How often the chair reports (`4w`, `30d`): a whole number of days from 1 to 365. The
/// default is every 4 weeks.
pub fn report_cadence(requested: Option<&str>) -> Result<u32, WgError> {
    let Some(text) = requested.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(28);
    };
    let duration = humantime::parse_duration(text).map_err(|_| WgError::BadCadence)?;
    let days = duration.as_secs() / 86_400;
    if duration.as_secs() % 86_400 != 0 || !(1..=365).contains(&days) {
        return Err(WgError::BadCadence);
    }
    Ok(days as u32)
}

/// The charter's end date (`2027-06-30`), which must lie in the future; the group ends at the
/// start of that day, UTC.
pub fn end_date(
    requested: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, WgError> {
    let Some(text) = requested.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| WgError::BadEndDate)?;
    let at = date
        .and_hms_opt(0, 0, 0)
        .ok_or(WgError::BadEndDate)?
        .and_utc();
    if at <= now {
        return Err(WgError::BadEndDate);
    }
    Ok(Some(at))
}

/// Founding members (as the Discord layer read them from mentions), without duplicates or the
/// chair, and not too many.
pub fn founding_members(ids: &[u64], chair: u64) -> Result<Vec<u64>, WgError> {
    let mut members = Vec::new();
    for &id in ids {
        if id != chair && !members.contains(&id) {
            members.push(id);
        }
    }
    if members.len() > FOUNDING_MAX {
        return Err(WgError::TooManyMembers);
    }
    Ok(members)
}

/// A chair is a person: a bot cannot chair a group.
pub fn validate_chair(chair_is_bot: bool) -> Result<(), WgError> {
    if chair_is_bot {
        Err(WgError::BotChair)
    } else {
        Ok(())
    }
}

/// One request to join per member and group waits for the chair at a time; after the chair
/// declined one, the member asks again only once `cooldown_days` have passed (so that nobody
/// can ping the chair over and over).
pub fn check_join_request(
    pending_since: Option<DateTime<Utc>>,
    last_declined: Option<DateTime<Utc>>,
    cooldown_days: u32,
    now: DateTime<Utc>,
) -> Result<(), WgError> {
    if let Some(asked_at) = pending_since {
        return Err(WgError::JoinPending { asked_at });
    }
    if let Some(declined) = last_declined {
        let until = declined + Duration::days(i64::from(cooldown_days));
        if now < until {
            return Err(WgError::JoinTooSoon { until });
        }
    }
    Ok(())
}

/// A report is the chair's; its text is bounded.
pub fn validate_report(report: &str) -> Result<String, WgError> {
    text::visible(report, REPORT_MAX).map_err(|_| WgError::BadReport)
}

/// When the next report is due, counted from the last report (or the group's start).
pub fn next_report_due(since: DateTime<Utc>, cadence_days: u32) -> DateTime<Utc> {
    since + Duration::days(i64::from(cadence_days))
}

/// A report is flagged to the TSC once it is more than the grace period overdue.
pub fn overdue_flag_at(due: DateTime<Utc>, grace_days: u32) -> DateTime<Utc> {
    due + Duration::days(i64::from(grace_days))
}

/// When the chair and TSC are reminded that the charter ends; `None` if that is already past.
pub fn end_reminder_at(
    ends_at: DateTime<Utc>,
    days_before: u32,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let at = ends_at - Duration::days(i64::from(days_before));
    (at > now).then_some(at)
}

#[cfg(test)]
#[path = "working_group_tests.rs"]
mod tests;
