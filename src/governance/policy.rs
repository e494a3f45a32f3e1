//! The numbers of the governance document, as defaults a community can change.
//!
//! Every threshold and period the bot enforces lives here, so that a guild's
//! `/govern policy` shows exactly what is in force.

use serde::{Deserialize, Serialize};

/// A fraction such as 1/2 or 2/3, kept exact so that a tally never suffers rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratio {
    pub num: u32,
    pub den: u32,
}

impl Ratio {
    pub const fn new(num: u32, den: u32) -> Self {
        Self { num, den }
    }

    /// `part / whole > self`, compared without division.
    pub fn exceeded_by(self, part: u32, whole: u32) -> bool {
        u64::from(part) * u64::from(self.den) > u64::from(whole) * u64::from(self.num)
    }

    /// `part / whole >= self`, compared without division.
    pub fn reached_by(self, part: u32, whole: u32) -> bool {
        u64::from(part) * u64::from(self.den) >= u64::from(whole) * u64::from(self.num)
    }

    /// Parses `2/3`; the fraction must lie in (0, 1].
    pub fn parse(text: &str) -> Option<Self> {
        let (num, den) = text.trim().split_once('/')?;
        let ratio = Self::new(num.trim().parse().ok()?, den.trim().parse().ok()?);
        (ratio.num > 0 && ratio.den > 0 && ratio.num <= ratio.den && ratio.den <= 1000)
            .then_some(ratio)
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

/// How abstentions (0) count. The document says "a simple majority of TSC members must vote"
/// and "a supermajority (2/3) of votes must be +1"; an abstention is a vote cast, so it always
/// counts toward quorum. Whether it also weighs in the 2/3 is the community's reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbstentionRule {
    /// Default: 2/3 of the +1 and -1 votes must be +1; an abstention neither helps nor blocks.
    ExcludedFromApproval,
    /// Stricter: 2/3 of all votes, abstentions included, must be +1 (an abstention acts like a -1).
    CountedInApproval,
}

/// The governance policy of one guild. Deserialising fills missing fields with the document's
/// defaults, so policies stored by older versions keep working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    /// More than this fraction of the electorate must vote ("a simple majority of TSC members").
    pub quorum: Ratio,
    /// At least this fraction of the counted votes must be +1 ("a supermajority (2/3)").
    pub approval: Ratio,
    pub abstentions: AbstentionRule,
    pub default_voting_hours: u32,
    pub min_voting_hours: u32,
    pub max_voting_hours: u32,
    /// Electorate members who have not voted are reminded this long before the deadline.
    pub reminder_hours: u32,
    /// "The community has at least two weeks to review and comment."
    pub rfc_discussion_days: u32,
    /// "The community discusses for at least two weeks."
    pub amendment_discussion_days: u32,
    /// "After 3 months of inactivity, they are contacted."
    pub inactivity_contact_months: u32,
    /// "After 6 months, their status is reviewed."
    pub inactivity_review_months: u32,
    /// "The community is notified at least 3 months in advance."
    pub dissolution_notice_months: u32,
    /// The TSC is prompted to nominate replacements when it has fewer members than this.
    pub min_tsc_members: u32,
    /// Likewise for maintainers.
    pub min_maintainers: u32,
    /// The yearly review ("The TSC conducts an annual review") is posted on this day.
    pub annual_review_month: u32,
    pub annual_review_day: u32,
    /// A working-group report this many days overdue is flagged to the TSC.
    pub wg_report_grace_days: u32,
    /// The chair and the TSC are reminded this many days before a charter ends.
    pub wg_end_reminder_days: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            quorum: Ratio::new(1, 2),
            approval: Ratio::new(2, 3),
            abstentions: AbstentionRule::ExcludedFromApproval,
            default_voting_hours: 7 * 24,
            min_voting_hours: 72,
            max_voting_hours: 30 * 24,
            reminder_hours: 24,
            rfc_discussion_days: 14,
            amendment_discussion_days: 14,
            inactivity_contact_months: 3,
            inactivity_review_months: 6,
            dissolution_notice_months: 3,
            min_tsc_members: 3,
            min_maintainers: 3,
            annual_review_month: 1,
            annual_review_day: 15,
            wg_report_grace_days: 7,
            wg_end_reminder_days: 14,
        }
    }
}

/// The settings `/govern policy-set` accepts, one per field of [`Policy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyKey {
    Quorum,
    Approval,
    Abstentions,
    DefaultVotingHours,
    MinVotingHours,
    MaxVotingHours,
    ReminderHours,
    RfcDiscussionDays,
    AmendmentDiscussionDays,
    InactivityContactMonths,
    InactivityReviewMonths,
    DissolutionNoticeMonths,
    MinTscMembers,
    MinMaintainers,
    AnnualReviewMonth,
    AnnualReviewDay,
    WgReportGraceDays,
    WgEndReminderDays,
}

impl PolicyKey {
    pub const ALL: [PolicyKey; 18] = [
        Self::Quorum,
        Self::Approval,
        Self::Abstentions,
        Self::DefaultVotingHours,
        Self::MinVotingHours,
        Self::MaxVotingHours,
        Self::ReminderHours,
        Self::RfcDiscussionDays,
        Self::AmendmentDiscussionDays,
        Self::InactivityContactMonths,
        Self::InactivityReviewMonths,
        Self::DissolutionNoticeMonths,
        Self::MinTscMembers,
        Self::MinMaintainers,
        Self::AnnualReviewMonth,
        Self::AnnualReviewDay,
        Self::WgReportGraceDays,
        Self::WgEndReminderDays,
    ];

    /// The stable name members type and the database stores.
    pub fn name(self) -> &'static str {
        match self {
            Self::Quorum => "quorum",
            Self::Approval => "approval",
            Self::Abstentions => "abstentions",
            Self::DefaultVotingHours => "default_voting_hours",
            Self::MinVotingHours => "min_voting_hours",
            Self::MaxVotingHours => "max_voting_hours",
            Self::ReminderHours => "reminder_hours",
            Self::RfcDiscussionDays => "rfc_discussion_days",
            Self::AmendmentDiscussionDays => "amendment_discussion_days",
            Self::InactivityContactMonths => "inactivity_contact_months",
            Self::InactivityReviewMonths => "inactivity_review_months",
            Self::DissolutionNoticeMonths => "dissolution_notice_months",
            Self::MinTscMembers => "min_tsc_members",
            Self::MinMaintainers => "min_maintainers",
            Self::AnnualReviewMonth => "annual_review_month",
            Self::AnnualReviewDay => "annual_review_day",
            Self::WgReportGraceDays => "wg_report_grace_days",
            Self::WgEndReminderDays => "wg_end_reminder_days",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Why a policy change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("not a fraction between 0 and 1, such as 2/3")]
    BadRatio,
    #[error("not a whole number in range")]
    BadNumber,
    #[error("abstentions is `excluded` or `counted`")]
    BadAbstentionRule,
    #[error(
        "voting periods must satisfy minimum <= default <= maximum, and the reminder must fall inside the minimum"
    )]
    InconsistentVotingPeriods,
    #[error("the review threshold must come after the contact threshold")]
    InconsistentInactivity,
}

/// Upper bound for any hour, day or month setting: a year, in hours, days or months.
const MAX_HOURS: u32 = 366 * 24;
const MAX_DAYS: u32 = 366;
const MAX_MONTHS: u32 = 36;
const MAX_MEMBERS: u32 = 1000;

impl Policy {
    /// The policy with `key` set from member text, if the result is consistent.
    pub fn with(&self, key: PolicyKey, value: &str) -> Result<Policy, PolicyError> {
        let mut next = self.clone();
        let number = |max: u32| -> Result<u32, PolicyError> {
            value
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .ok_or(PolicyError::BadNumber)
        };
        match key {
            PolicyKey::Quorum => next.quorum = Ratio::parse(value).ok_or(PolicyError::BadRatio)?,
            PolicyKey::Approval => {
                next.approval = Ratio::parse(value).ok_or(PolicyError::BadRatio)?
            }
            PolicyKey::Abstentions => {
                next.abstentions = match value.trim() {
                    "excluded" => AbstentionRule::ExcludedFromApproval,
                    "counted" => AbstentionRule::CountedInApproval,
                    _ => return Err(PolicyError::BadAbstentionRule),
                }
            }
            PolicyKey::DefaultVotingHours => next.default_voting_hours = number(MAX_HOURS)?,
            PolicyKey::MinVotingHours => next.min_voting_hours = number(MAX_HOURS)?,
            PolicyKey::MaxVotingHours => next.max_voting_hours = number(MAX_HOURS)?,
            PolicyKey::ReminderHours => next.reminder_hours = number(MAX_HOURS)?,
            PolicyKey::RfcDiscussionDays => next.rfc_discussion_days = number(MAX_DAYS)?,
            PolicyKey::AmendmentDiscussionDays => {
                next.amendment_discussion_days = number(MAX_DAYS)?
            }
            PolicyKey::InactivityContactMonths => {
                next.inactivity_contact_months = number(MAX_MONTHS)?
            }
            PolicyKey::InactivityReviewMonths => {
                next.inactivity_review_months = number(MAX_MONTHS)?
            }
            PolicyKey::DissolutionNoticeMonths => {
                next.dissolution_notice_months = number(MAX_MONTHS)?
            }
            PolicyKey::MinTscMembers => next.min_tsc_members = number(MAX_MEMBERS)?,
            PolicyKey::MinMaintainers => next.min_maintainers = number(MAX_MEMBERS)?,
            PolicyKey::AnnualReviewMonth => next.annual_review_month = number(12)?,
            // Day 28 at most, so that the date exists every year.
            PolicyKey::AnnualReviewDay => next.annual_review_day = number(28)?,
            PolicyKey::WgReportGraceDays => next.wg_report_grace_days = number(MAX_DAYS)?,
            PolicyKey::WgEndReminderDays => next.wg_end_reminder_days = number(MAX_DAYS)?,
        }
        next.validate()?;
        Ok(next)
    }

    pub fn validate(&self) -> Result<(), PolicyError> {
        if !(self.min_voting_hours <= self.default_voting_hours
            && self.default_voting_hours <= self.max_voting_hours
            && self.reminder_hours < self.min_voting_hours)
        {
            return Err(PolicyError::InconsistentVotingPeriods);
        }
        if self.inactivity_review_months <= self.inactivity_contact_months {
            return Err(PolicyError::InconsistentInactivity);
        }
        Ok(())
    }

    /// The value of one setting as members type it.
    pub fn value_of(&self, key: PolicyKey) -> String {
        match key {
            PolicyKey::Quorum => self.quorum.to_string(),
            PolicyKey::Approval => self.approval.to_string(),
            PolicyKey::Abstentions => match self.abstentions {
                AbstentionRule::ExcludedFromApproval => "excluded".into(),
                AbstentionRule::CountedInApproval => "counted".into(),
            },
            PolicyKey::DefaultVotingHours => self.default_voting_hours.to_string(),
            PolicyKey::MinVotingHours => self.min_voting_hours.to_string(),
            PolicyKey::MaxVotingHours => self.max_voting_hours.to_string(),
            PolicyKey::ReminderHours => self.reminder_hours.to_string(),
            PolicyKey::RfcDiscussionDays => self.rfc_discussion_days.to_string(),
            PolicyKey::AmendmentDiscussionDays => self.amendment_discussion_days.to_string(),
            PolicyKey::InactivityContactMonths => self.inactivity_contact_months.to_string(),
            PolicyKey::InactivityReviewMonths => self.inactivity_review_months.to_string(),
            PolicyKey::DissolutionNoticeMonths => self.dissolution_notice_months.to_string(),
            PolicyKey::MinTscMembers => self.min_tsc_members.to_string(),
            PolicyKey::MinMaintainers => self.min_maintainers.to_string(),
            PolicyKey::AnnualReviewMonth => self.annual_review_month.to_string(),
            PolicyKey::AnnualReviewDay => self.annual_review_day.to_string(),
            PolicyKey::WgReportGraceDays => self.wg_report_grace_days.to_string(),
            PolicyKey::WgEndReminderDays => self.wg_end_reminder_days.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_documents_numbers() {
        let p = Policy::default();
        assert_eq!(p.quorum, Ratio::new(1, 2));
        assert_eq!(p.approval, Ratio::new(2, 3));
        assert_eq!(p.rfc_discussion_days, 14);
        assert_eq!(p.amendment_discussion_days, 14);
        assert_eq!(p.inactivity_contact_months, 3);
        assert_eq!(p.inactivity_review_months, 6);
        assert_eq!(p.dissolution_notice_months, 3);
        assert_eq!(p.validate(), Ok(()));
    }

    #[test]
    fn ratio_comparisons_are_exact() {
        let half = Ratio::new(1, 2);
        assert!(
            !half.exceeded_by(2, 4),
            "exactly half is not more than half"
        );
        assert!(half.exceeded_by(3, 5));
        let two_thirds = Ratio::new(2, 3);
        assert!(two_thirds.reached_by(2, 3));
        assert!(!two_thirds.reached_by(5, 8));
    }

    #[test]
    fn ratio_parsing_rejects_nonsense() {
        assert_eq!(Ratio::parse(" 3 / 4 "), Some(Ratio::new(3, 4)));
        for bad in ["", "2", "0/3", "4/3", "a/b", "1/0", "-1/2"] {
            assert_eq!(Ratio::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn setting_a_value_validates_the_whole_policy() {
        let p = Policy::default();
        let p2 = p.with(PolicyKey::Approval, "3/4").unwrap();
        assert_eq!(p2.approval, Ratio::new(3, 4));
        assert_eq!(
            p.with(PolicyKey::MinVotingHours, "1000"),
            Err(PolicyError::InconsistentVotingPeriods)
        );
        assert_eq!(
            p.with(PolicyKey::InactivityReviewMonths, "2"),
            Err(PolicyError::InconsistentInactivity)
        );
        assert_eq!(
            p.with(PolicyKey::ReminderHours, "0"),
            Err(PolicyError::BadNumber)
        );
        assert_eq!(
            p.with(PolicyKey::Abstentions, "counted")
                .unwrap()
                .abstentions,
            AbstentionRule::CountedInApproval
        );
    }

    #[test]
    fn every_key_round_trips_its_own_value() {
        let p = Policy::default();
        for key in PolicyKey::ALL {
            assert_eq!(PolicyKey::from_name(key.name()), Some(key));
            assert_eq!(p.with(key, &p.value_of(key)).as_ref(), Ok(&p), "{key:?}");
        }
    }

    #[test]
    fn stored_policies_missing_fields_get_defaults() {
        let p: Policy = serde_json::from_str(r#"{"min_voting_hours": 48}"#).unwrap();
        assert_eq!(p.min_voting_hours, 48);
        assert_eq!(p.approval, Ratio::new(2, 3));
    }
}
