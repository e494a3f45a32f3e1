//! TSC ballots: the voting rule of the document, as pure functions over plain data.
//!
//! "TSC members vote: +1 (approve), 0 (abstain), -1 (reject). A simple majority of TSC members
//! must vote. A supermajority (2/3) of votes must be +1 for approval. Any -1 votes must include
//! specific concerns that could change the vote if addressed."

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::policy::{AbstentionRule, Policy};
use super::text::{self, TextError};

/// Longest title, in characters (an embed title holds 256).
pub const TITLE_MAX: usize = 200;
/// Longest description, in characters.
pub const DESCRIPTION_MAX: usize = 2000;
/// Longest concern attached to a -1, in characters.
pub const CONCERN_MAX: usize = 1000;
/// Longest reason given when cancelling a ballot, in characters.
pub const REASON_MAX: usize = 500;

/// A vote: +1, 0 or -1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Choice {
    Yes,
    Abstain,
    No,
}

impl Choice {
    pub const ALL: [Choice; 3] = [Self::Yes, Self::Abstain, Self::No];

    /// The symbol members see and button ids carry.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Yes => "+1",
            Self::Abstain => "0",
            Self::No => "-1",
        }
    }

    pub fn from_symbol(symbol: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.symbol() == symbol)
    }

    /// The value stored in the database.
    pub fn as_i64(self) -> i64 {
        match self {
            Self::Yes => 1,
            Self::Abstain => 0,
            Self::No => -1,
        }
    }

    pub fn from_i64(value: i64) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_i64() == value)
    }
}

/// What a ballot decides. A plain vote decides only its question; other subjects have an effect
/// that is applied, in the closing transaction, when the ballot is approved (see `app::decisions`).
/// Stored as JSON: add variants, never rename.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Subject {
    #[default]
    General,
    /// Establish a proposed working group under its charter.
    WgCharter { wg_id: i64 },
    /// Appoint a new chair of a working group.
    WgChair { wg_id: i64, chair_id: u64 },
    /// Close a working group and archive its channel.
    WgClose { wg_id: i64 },
    /// A status review: move an inactive maintainer or TSC member to emeritus.
    Emeritus { member_id: u64 },
    // RFCs and amendments.
    /// Decide an RFC (accept or decline it).
    Rfc { rfc_id: i64 },
    /// Decide an amendment to governance; approval applies its policy changes.
    Amendment { rfc_id: i64 },
    // Nominations.
    /// A nomination of a maintainer or TSC member, voted on in secret by the TSC.
    Nomination { nomination_id: i64 },
    // Releases and dependencies.
    /// Approve a release plan (step 2 of the release process).
    ReleasePlan { release_id: i64 },
    /// Approve a final release (step 6, where the policy gives it to the TSC).
    ReleaseFinal { release_id: i64 },
    // Cases, the annual review's publication, dissolution.
    /// The TSC's final decision on a conflict (step 3), as proposed by a TSC member.
    ConflictDecision { case_id: i64 },
    /// Approve the completed annual review, to be shared with the community.
    AnnualReview { review_id: i64 },
    /// Dissolve the project on the proposal's date.
    Dissolution { dissolution_id: i64 },
    /// Call a decided dissolution off.
    DissolutionCallOff { dissolution_id: i64 },
}

impl Subject {
    /// A private subject (a member's status) is discussed, voted and resolved in the TSC's own
    /// place; only what the process makes public reaches the announcement channel.
    pub fn is_private(&self) -> bool {
        matches!(
            self,
            Self::Emeritus { .. }
                // Nominations.
                | Self::Nomination { .. }
                // Cases, the annual review's publication, dissolution.
                | Self::ConflictDecision { .. }
        )
    }
}

/// How a ballot ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Approved,
    Rejected,
    NoQuorum,
    Cancelled,
}

impl Outcome {
    pub fn key(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::NoQuorum => "no_quorum",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [
            Self::Approved,
            Self::Rejected,
            Self::NoQuorum,
            Self::Cancelled,
        ]
        .into_iter()
        .find(|o| o.key() == key)
    }
}

/// Anything a member can get wrong about a ballot; each maps to a localized message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    #[error("title is empty")]
    EmptyTitle,
    #[error("title is longer than {TITLE_MAX} characters")]
    TitleTooLong,
    #[error("description is longer than {DESCRIPTION_MAX} characters")]
    DescriptionTooLong,
    #[error("the duration is not understood")]
    BadDuration,
    #[error("the duration is shorter than the policy's minimum")]
    DurationTooShort { min_hours: u32 },
    #[error("the duration is longer than the policy's maximum")]
    DurationTooLong { max_hours: u32 },
    #[error("a -1 needs a specific concern")]
    ConcernRequired,
    #[error("the concern is longer than {CONCERN_MAX} characters")]
    ConcernTooLong,
    #[error("a reason is required")]
    ReasonRequired,
    #[error("the reason is longer than {REASON_MAX} characters")]
    ReasonTooLong,
    #[error("the ballot is closed")]
    Closed,
    #[error("there is no vote to withdraw")]
    NothingToWithdraw,
    #[error("nobody holds the TSC role")]
    EmptyElectorate,
    #[error("binding votes were cast: the ballot runs to its deadline")]
    VotesCast,
}

/// The title and description of a new ballot, trimmed and within limits; the title must have a
/// visible character, and a description with none is no description.
pub fn validate_text(title: &str, description: &str) -> Result<(String, String), BallotError> {
    let title = text::visible(title, TITLE_MAX).map_err(|e| match e {
        TextError::Empty => BallotError::EmptyTitle,
        TextError::TooLong => BallotError::TitleTooLong,
    })?;
    let description = text::optional(description, DESCRIPTION_MAX)
        .map_err(|_| BallotError::DescriptionTooLong)?
        .unwrap_or_default();
    Ok((title, description))
}

/// A cancellation must say why, visibly.
pub fn validate_reason(reason: &str) -> Result<String, BallotError> {
    text::visible(reason, REASON_MAX).map_err(|e| match e {
        TextError::Empty => BallotError::ReasonRequired,
        TextError::TooLong => BallotError::ReasonTooLong,
    })
}

/// How long a ballot stays open: the requested duration (`72h`, `7d`, `1w 2d`) or the
/// policy's default, within the policy's bounds.
pub fn voting_period(policy: &Policy, requested: Option<&str>) -> Result<Duration, BallotError> {
    let hours = |h: u32| Duration::hours(i64::from(h));
    let period = match requested.map(str::trim).filter(|s| !s.is_empty()) {
        None => return Ok(hours(policy.default_voting_hours)),
        Some(text) => humantime::parse_duration(text)
            .ok()
            .and_then(|d| Duration::from_std(d).ok())
            .ok_or(BallotError::BadDuration)?,
    };
    if period < hours(policy.min_voting_hours) {
        return Err(BallotError::DurationTooShort {
            min_hours: policy.min_voting_hours,
        });
    }
    if period > hours(policy.max_voting_hours) {
        return Err(BallotError::DurationTooLong {
            max_hours: policy.max_voting_hours,
        });
    }
    Ok(period)
}

/// When the electorate members who have not voted are reminded; `None` when that moment
/// would not fall inside the ballot.
pub fn reminder_at(
    policy: &Policy,
    opens_at: DateTime<Utc>,
    closes_at: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let at = closes_at - Duration::hours(i64::from(policy.reminder_hours));
    (at > opens_at).then_some(at)
}

/// A vote as cast: the choice and, for a -1, the concern that could change it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    pub choice: Choice,
    pub concern: Option<String>,
}

impl Vote {
    /// Checks the rule on concerns: every -1 carries one; +1 and 0 carry none.
    pub fn new(choice: Choice, concern: Option<&str>) -> Result<Self, BallotError> {
        if choice != Choice::No {
            return Ok(Self {
                choice,
                concern: None,
            });
        }
        // An invisible concern is no concern: "every -1 carries specific concerns".
        let concern = text::visible(concern.unwrap_or(""), CONCERN_MAX).map_err(|e| match e {
            TextError::Empty => BallotError::ConcernRequired,
            TextError::TooLong => BallotError::ConcernTooLong,
        })?;
        Ok(Self {
            choice,
            concern: Some(concern),
        })
    }
}

/// A vote counts (is binding) when its voter was in the electorate frozen at opening and still
/// holds the TSC role: one who left the TSC since votes non-binding. Quorum keeps the frozen
/// count, as the document's "a simple majority of TSC members" was when the vote opened.
pub fn is_binding(in_electorate: bool, holds_tsc_now: bool) -> bool {
    in_electorate && holds_tsc_now
}

/// "The document gives no one the power to stop a vote": the opener may withdraw their ballot
/// only until the first binding vote is cast; after that it runs to its deadline.
pub fn may_withdraw(binding_votes: u32) -> Result<(), BallotError> {
    if binding_votes == 0 {
        Ok(())
    } else {
        Err(BallotError::VotesCast)
    }
}

/// Votes may be cast, changed or withdrawn while the ballot is open and before its deadline.
pub fn accepts_votes(
    open: bool,
    closes_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), BallotError> {
    if open && now < closes_at {
        Ok(())
    } else {
        Err(BallotError::Closed)
    }
}

/// Counts of each choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub yes: u32,
    pub abstain: u32,
    pub no: u32,
}

impl Tally {
    pub fn of(choices: impl IntoIterator<Item = Choice>) -> Self {
        let mut tally = Self::default();
        for choice in choices {
            tally.add(choice);
        }
        tally
    }

    pub fn add(&mut self, choice: Choice) {
        match choice {
            Choice::Yes => self.yes += 1,
            Choice::Abstain => self.abstain += 1,
            Choice::No => self.no += 1,
        }
    }

    /// Members who voted, abstentions included.
    pub fn voters(&self) -> u32 {
        self.yes + self.abstain + self.no
    }
}

/// The binding tally (electorate members) apart from the non-binding one (everyone else,
/// shown but never counted, as Apache does).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub binding: Tally,
    pub non_binding: Tally,
}

impl Count {
    /// Splits votes by whether the voter belongs to the frozen electorate.
    pub fn of(votes: impl IntoIterator<Item = (Choice, bool)>) -> Self {
        let mut count = Self::default();
        for (choice, binding) in votes {
            if binding {
                count.binding.add(choice);
            } else {
                count.non_binding.add(choice);
            }
        }
        count
    }
}

/// Quorum: more than the policy's fraction (a half) of the electorate has voted.
pub fn quorum_met(policy: &Policy, electorate: u32, binding: &Tally) -> bool {
    electorate > 0 && policy.quorum.exceeded_by(binding.voters(), electorate)
}

/// How many electorate members must vote for quorum (shown on the ballot).
pub fn quorum_needed(policy: &Policy, electorate: u32) -> u32 {
    let q = policy.quorum;
    u32::try_from(u64::from(electorate) * u64::from(q.num) / u64::from(q.den) + 1)
        .unwrap_or(u32::MAX)
}

/// Approval: at least the policy's fraction (2/3) of the counted votes are +1.
pub fn approval_met(policy: &Policy, binding: &Tally) -> bool {
    let counted = match policy.abstentions {
        AbstentionRule::ExcludedFromApproval => binding.yes + binding.no,
        AbstentionRule::CountedInApproval => binding.voters(),
    };
    counted > 0 && policy.approval.reached_by(binding.yes, counted)
}

/// The outcome of a ballot that reached its deadline. Only binding votes count.
pub fn decide(policy: &Policy, electorate: u32, count: &Count) -> Outcome {
    if !quorum_met(policy, electorate, &count.binding) {
        Outcome::NoQuorum
    } else if approval_met(policy, &count.binding) {
        Outcome::Approved
    } else {
        Outcome::Rejected
    }
}

#[cfg(test)]
#[path = "ballot_tests.rs"]
mod tests;
