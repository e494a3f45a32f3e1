//! The numbers of the governance document, as defaults a community can change.
//!
//! Every threshold and period the bot enforces lives here, declared once (name, type, default,
//! bound) in the [`policy!`] table below, so that a guild's `/govern policy` shows exactly what
//! is in force and `policy-set` or an amendment can change any of it, validated as a whole.

use serde::{Deserialize, Serialize};

pub use super::policy_values::{
    AbstentionRule, ActivitySources, ConflictDecision, PolicyError, Ratio, ReleaseFinal, Value,
};

/// Upper bounds for hour, day and month settings: a year, in hours, days or months.
const HOURS: u32 = 366 * 24;
const DAYS: u32 = 366;
const MONTHS: u32 = 36;
const MEMBERS: u32 = 1000;
/// Where no number applies (fractions and choices).
const NONE: u32 = 0;

/// Declares the policy once: the struct, its defaults, the setting names members type, and
/// reading and writing each setting as text.
macro_rules! policy {
    ($( $(#[doc = $doc:literal])* $field:ident: $ty:ty = $default:expr, max $max:expr, $key:ident; )*) => {
        /// The governance policy of one guild. Deserialising fills missing fields with the
        /// document's defaults, so policies stored by older versions keep working.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct Policy {
            $( $(#[doc = $doc])* pub $field: $ty, )*
        }

        impl Default for Policy {
            fn default() -> Self {
                Self { $( $field: $default, )* }
            }
        }

        /// The settings `/govern policy-set` and amendments accept, one per field of [`Policy`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum PolicyKey {
            $( $key, )*
        }

        impl PolicyKey {
            pub const ALL: &[PolicyKey] = &[ $( Self::$key, )* ];

            /// The stable name members type and the database stores.
            pub fn name(self) -> &'static str {
                match self {
                    $( Self::$key => stringify!($field), )*
                }
            }
        }

        impl Policy {
            /// Sets one field from member text, without checking the whole.
            fn set(&mut self, key: PolicyKey, text: &str) -> Result<(), PolicyError> {
                match key {
                    $( PolicyKey::$key => self.$field = Value::parse(text, $max)?, )*
                }
                Ok(())
            }

            /// The value of one setting as members type it.
            pub fn value_of(&self, key: PolicyKey) -> String {
                match key {
                    $( PolicyKey::$key => self.$field.show(), )*
                }
            }
        }
    };
}

policy! {
    /// More than this fraction of the electorate must vote ("a simple majority of TSC members").
    quorum: Ratio = Ratio::new(1, 2), max NONE, Quorum;
    /// At least this fraction of the counted votes must be +1 ("a supermajority (2/3)").
    approval: Ratio = Ratio::new(2, 3), max NONE, Approval;
    /// Whether abstentions weigh in the 2/3 (they always count toward quorum).
    abstentions: AbstentionRule = AbstentionRule::ExcludedFromApproval, max NONE, Abstentions;
    default_voting_hours: u32 = 7 * 24, max HOURS, DefaultVotingHours;
    min_voting_hours: u32 = 72, max HOURS, MinVotingHours;
    max_voting_hours: u32 = 30 * 24, max HOURS, MaxVotingHours;
    /// Electorate members who have not voted are reminded this long before the deadline.
    reminder_hours: u32 = 24, max HOURS, ReminderHours;
    /// "The community has at least two weeks to review and comment."
    rfc_discussion_days: u32 = 14, max DAYS, RfcDiscussionDays;
    /// "The community discusses for at least two weeks."
    amendment_discussion_days: u32 = 14, max DAYS, AmendmentDiscussionDays;
    /// "After 3 months of inactivity, they are contacted."
    inactivity_contact_months: u32 = 3, max MONTHS, InactivityContactMonths;
    /// "After 6 months, their status is reviewed."
    inactivity_review_months: u32 = 6, max MONTHS, InactivityReviewMonths;
    /// A status review that decided nothing (no quorum, rejected, withdrawn) is opened again
    /// this long after, if the member is still inactive.
    review_retry_days: u32 = 30, max DAYS, ReviewRetryDays;
    /// "The community is notified at least 3 months in advance."
    dissolution_notice_months: u32 = 3, max MONTHS, DissolutionNoticeMonths;
    /// The TSC is prompted to nominate replacements when it has fewer members than this.
    min_tsc_members: u32 = 3, max MEMBERS, MinTscMembers;
    /// Likewise for maintainers.
    min_maintainers: u32 = 3, max MEMBERS, MinMaintainers;
    /// The yearly review ("The TSC conducts an annual review") is posted on this day.
    annual_review_month: u32 = 1, max 12, AnnualReviewMonth;
    /// Day 28 at most, so that the date exists every year.
    annual_review_day: u32 = 15, max 28, AnnualReviewDay;
    /// A working-group report this many days overdue is flagged to the TSC.
    wg_report_grace_days: u32 = 7, max DAYS, WgReportGraceDays;
    /// The chair and the TSC are reminded this many days before a charter ends.
    wg_end_reminder_days: u32 = 14, max DAYS, WgEndReminderDays;
    /// After the chair declined a request to join, the member may ask again after this long.
    wg_join_cooldown_days: u32 = 7, max DAYS, WgJoinCooldownDays;
    /// "The nominee confirms their interest" within this many days.
    nomination_confirm_days: u32 = 7, max DAYS, NominationConfirmDays;
    /// A member whose nomination was not approved may be nominated again after this long.
    renomination_days: u32 = 90, max DAYS, RenominationDays;
    /// How long the TSC votes on a release plan.
    release_voting_hours: u32 = 72, max HOURS, ReleaseVotingHours;
    /// How long the community gives feedback on a release candidate.
    release_feedback_days: u32 = 7, max DAYS, ReleaseFeedbackDays;
    /// How long the TSC votes on a release's final approval.
    release_final_voting_hours: u32 = 72, max HOURS, ReleaseFinalVotingHours;
    /// Who gives a release its final approval: a TSC ballot or a maintainer's sign-off.
    release_final: ReleaseFinal = ReleaseFinal::Tsc, max NONE, ReleaseFinal;
    /// The proposer is reminded when a release step has waited this long.
    release_stale_days: u32 = 14, max DAYS, ReleaseStaleDays;
    /// Parties try to resolve a conflict directly for this long before it can be escalated.
    conflict_direct_days: u32 = 7, max DAYS, ConflictDirectDays;
    /// How the TSC makes a conflict's final decision: a private ballot, or a TSC member's
    /// recorded decision.
    conflict_decision: ConflictDecision = ConflictDecision::Ballot, max NONE, ConflictDecision;
    /// The security team is reminded of a report nobody acknowledged after this long.
    security_ack_hours: u32 = 48, max HOURS, SecurityAckHours;
    /// Delivered notices, finished jobs and ballot history older than this are pruned.
    retention_days: u32 = 365, max 10 * DAYS, RetentionDays;
    /// Daily backups are kept this long (when a backup directory is configured).
    backup_keep_days: u32 = 14, max DAYS, BackupKeepDays;
    /// Which activity counts for succession planning.
    activity_sources: ActivitySources = ActivitySources::default(), max NONE, ActivitySources;
}

impl Policy {
    /// The policy with `key` set from member text, if the result is consistent as a whole.
    pub fn with(&self, key: PolicyKey, value: &str) -> Result<Policy, PolicyError> {
        self.with_all(&[(key, value)])
    }

    /// The policy with several settings changed at once (an amendment), checked as a whole
    /// after all of them are applied, so that related numbers can move together.
    pub fn with_all(&self, changes: &[(PolicyKey, &str)]) -> Result<Policy, PolicyError> {
        let mut next = self.clone();
        for (key, value) in changes {
            next.set(*key, value)?;
        }
        next.validate()?;
        Ok(next)
    }

    /// The bounds that keep every rule meaningful: a quorum that can be met, an approval that
    /// a minority cannot reach, voting periods long enough to be noticed.
    pub fn validate(&self) -> Result<(), PolicyError> {
        // 0 < quorum < 1: quorum is "more than" the fraction, so 1/1 could never be met.
        if self.quorum.num == 0 || self.quorum.num >= self.quorum.den {
            return Err(PolicyError::QuorumOutOfRange);
        }
        // 1/2 <= approval <= 1: below a half, fewer +1s than -1s would approve.
        let a = self.approval;
        if u64::from(a.num) * 2 < u64::from(a.den) || a.num > a.den {
            return Err(PolicyError::ApprovalOutOfRange);
        }
        if self.min_voting_hours < 24 {
            return Err(PolicyError::VotingPeriodTooShort);
        }
        let within = |hours: u32| (self.min_voting_hours..=self.max_voting_hours).contains(&hours);
        if !(within(self.default_voting_hours)
            && within(self.release_voting_hours)
            && within(self.release_final_voting_hours)
            && self.reminder_hours < self.min_voting_hours)
        {
            return Err(PolicyError::InconsistentVotingPeriods);
        }
        if self.inactivity_review_months <= self.inactivity_contact_months {
            return Err(PolicyError::InconsistentInactivity);
        }
        Ok(())
    }
}

impl PolicyKey {
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.name() == name)
    }
}

#[cfg(test)]
#[path = "policy_tests.rs"]
mod tests;
