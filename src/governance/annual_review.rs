//! The annual review ("The TSC conducts an annual review of the project"): when it is due,
//! and the parts the TSC writes before "the results are shared with the community".

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::policy::Policy;
use super::text::{self, TextError};

/// Longest section the TSC writes, in characters (five fit one form).
pub const SECTION_MAX: usize = 1500;

/// What the summary cannot compute: "The TSC conducts an annual review of the project,
/// including: progress toward goals, community health, technical debt assessment, roadmap
/// adjustments, governance effectiveness."
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sections {
    pub progress: String,
    pub community_health: String,
    pub technical_debt: String,
    pub roadmap: String,
    pub governance: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("a section is empty")]
    SectionEmpty,
    #[error("a section is too long")]
    SectionTooLong,
    #[error("a review is already before the TSC")]
    AlreadyProposed,
}

impl Sections {
    /// Every section is required: the document lists all five.
    pub fn validated(&self) -> Result<Sections, ReviewError> {
        let section = |text: &str| {
            text::visible(text, SECTION_MAX).map_err(|e| match e {
                TextError::Empty => ReviewError::SectionEmpty,
                TextError::TooLong => ReviewError::SectionTooLong,
            })
        };
        Ok(Sections {
            progress: section(&self.progress)?,
            community_health: section(&self.community_health)?,
            technical_debt: section(&self.technical_debt)?,
            roadmap: section(&self.roadmap)?,
            governance: section(&self.governance)?,
        })
    }
}

/// The life of a completed review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Before the TSC's ballot.
    Proposed,
    /// Approved and shared with the community.
    Published,
    /// Not approved; the TSC may complete it again.
    Rejected,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Published => "published",
            Self::Rejected => "rejected",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Proposed, Self::Published, Self::Rejected]
            .into_iter()
            .find(|s| s.key() == key)
    }

    /// What the TSC's ballot makes of a proposed review.
    pub fn decided(approved: bool) -> Self {
        if approved {
            Self::Published
        } else {
            Self::Rejected
        }
    }
}

/// The review is posted at this hour (UTC) on the policy's day.
const HOUR_UTC: u32 = 9;

/// The review date in `year`, at [`HOUR_UTC`]. The policy keeps the day at 28 or less, so the
/// date exists every year; an out-of-range stored value falls back to the 28th.
pub fn review_at(policy: &Policy, year: i32) -> DateTime<Utc> {
    let month = policy.annual_review_month.clamp(1, 12);
    let date = NaiveDate::from_ymd_opt(year, month, policy.annual_review_day.clamp(1, 28))
        .or_else(|| NaiveDate::from_ymd_opt(year, month, 28))
        .unwrap_or_default();
    Utc.from_utc_datetime(&date.and_hms_opt(HOUR_UTC, 0, 0).unwrap_or_default())
}

/// The first review at or after `now`.
pub fn next_review(policy: &Policy, now: DateTime<Utc>) -> DateTime<Utc> {
    let this_year = review_at(policy, now.year());
    if this_year >= now {
        this_year
    } else {
        review_at(policy, now.year() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    #[test]
    fn the_next_review_is_this_years_date_or_next_years() {
        let p = Policy::default(); // 15 January
        let cases = [
            (at(2026, 1, 1, 0), at(2026, 1, 15, 9)),
            (at(2026, 1, 15, 9), at(2026, 1, 15, 9)),
            (at(2026, 1, 15, 10), at(2027, 1, 15, 9)),
            (at(2026, 12, 31, 23), at(2027, 1, 15, 9)),
        ];
        for (now, expected) in cases {
            assert_eq!(next_review(&p, now), expected, "{now}");
        }
    }

    /// "Progress toward goals, community health, technical debt assessment, roadmap
    /// adjustments, governance effectiveness": all five, each bounded.
    #[test]
    fn a_review_has_all_five_sections() {
        let full = Sections {
            progress: "Shipped 1.0".into(),
            community_health: "Growing".into(),
            technical_debt: "The old parser".into(),
            roadmap: "WASI 0.3".into(),
            governance: " Works ".into(),
        };
        assert_eq!(full.validated().unwrap().governance, "Works");
        let blank = Sections {
            roadmap: "\u{200B}".into(),
            ..full.clone()
        };
        assert_eq!(blank.validated(), Err(ReviewError::SectionEmpty));
        let long = Sections {
            progress: "p".repeat(SECTION_MAX + 1),
            ..full
        };
        assert_eq!(long.validated(), Err(ReviewError::SectionTooLong));
        assert_eq!(Status::decided(true), Status::Published);
        assert_eq!(Status::decided(false), Status::Rejected);
        for s in [Status::Proposed, Status::Published, Status::Rejected] {
            assert_eq!(Status::from_key(s.key()), Some(s));
        }
    }

    #[test]
    fn the_policy_moves_the_date() {
        let p = Policy {
            annual_review_month: 6,
            annual_review_day: 28,
            ..Policy::default()
        };
        assert_eq!(next_review(&p, at(2026, 3, 1, 0)), at(2026, 6, 28, 9));
        let odd = Policy {
            annual_review_day: 31,
            annual_review_month: 2,
            ..Policy::default()
        };
        assert_eq!(review_at(&odd, 2026), at(2026, 2, 28, 9));
    }
}
