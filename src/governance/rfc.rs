//! RFCs ("Significant Changes") and, following the same flow, governance amendments: a
//! proposal, a discussion period of at least two weeks, refinement, and the TSC's decision by
//! ballot. One pure [`transition`] per step; every refusal is a reason a member is shown.
//!
//! "1. RFC: A detailed proposal is created as an issue or in the RFC repository. 2. Discussion
//! Period: The community has at least two weeks to review and comment. 3. Refinement: The
//! proposal is updated based on feedback. 4. Decision: The TSC makes a final decision based on
//! technical merit, alignment with project goals, community feedback, resource constraints,
//! maintenance implications."

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::ballot::Outcome;

/// Longest title, in characters ("RFC 12: " and the title stay within a ballot title).
pub const TITLE_MAX: usize = 150;
/// Longest link, in characters.
pub const LINK_MAX: usize = 500;
/// Longest field of the summary form (motivation, proposal, alternatives), in characters: the
/// three fit one card embed with the revisions and the feedback.
pub const SUMMARY_FIELD_MAX: usize = 1000;
/// Longest "what changed" of a revision, in characters.
pub const WHAT_CHANGED_MAX: usize = 500;
/// Longest reason for postponing, in characters.
pub const REASON_MAX: usize = 500;
/// Longest concern given as community feedback, in characters.
pub const CONCERN_MAX: usize = 300;

/// An RFC, or an amendment to the governance document: the same flow, told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Rfc,
    Amendment,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Self::Rfc => "rfc",
            Self::Amendment => "amendment",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Rfc, Self::Amendment]
            .into_iter()
            .find(|k| k.key() == key)
    }

    /// How long the community discusses this kind of proposal, under the policy.
    pub fn discussion_days(self, policy: &super::policy::Policy) -> u32 {
        match self {
            Self::Rfc => policy.rfc_discussion_days,
            Self::Amendment => policy.amendment_discussion_days,
        }
    }
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// `/rfc open` ran; the summary form has not been submitted yet.
    Draft,
    /// "The community has at least two weeks to review and comment."
    Discussion,
    /// The discussion period is over; the TSC may decide.
    AwaitingDecision,
    /// The TSC's ballot is open.
    Voting,
    Accepted,
    Declined,
    Withdrawn,
    /// Set aside by the TSC, with a reason; it may still be revised and decided later.
    Postponed,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Self::Draft,
        Self::Discussion,
        Self::AwaitingDecision,
        Self::Voting,
        Self::Accepted,
        Self::Declined,
        Self::Withdrawn,
        Self::Postponed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Discussion => "discussion",
            Self::AwaitingDecision => "awaiting_decision",
            Self::Voting => "voting",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Withdrawn => "withdrawn",
            Self::Postponed => "postponed",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Decided or withdrawn: nothing more happens to it.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Accepted | Self::Declined | Self::Withdrawn)
    }
}

/// What a member (or the bot) does to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The summary form was submitted: the proposal opens for discussion.
    Open,
    /// "The proposal is updated based on feedback."
    Revise,
    /// The discussion period's deadline job ran.
    PeriodEnded,
    /// `/rfc decide`: the TSC opens its ballot.
    Decide,
    /// The ballot closed with this outcome.
    BallotClosed(Outcome),
    /// The author withdraws it.
    Withdraw,
    /// The TSC postpones it, with a reason.
    Postpone,
    /// A community member gives (or changes) non-binding feedback.
    Feedback,
}

/// Where a step is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// The proposal's own discussion thread (or forum post).
    Thread,
    /// The announcement channel.
    Announce,
    /// The TSC's channel.
    Tsc,
}

/// What a transition asks the application to do, besides storing the new status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Open the TSC's ballot on the proposal.
    OpenBallot,
    /// Record a numbered revision.
    RecordRevision,
    /// An approved amendment: apply its policy changes, validated again.
    ApplyChanges,
    /// Tell the step in this place.
    Post(Place),
    /// Edit the card to its latest state.
    RefreshCard,
    /// Record the step in the decision log.
    Record,
    /// Schedule the end of the discussion period.
    ScheduleEnd,
    /// Create the discussion place with its pinned card (the announcement follows once it
    /// exists, so that it can link to it).
    PostCard,
}

/// Why a step was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RfcError {
    #[error("the title is empty")]
    TitleEmpty,
    #[error("the title is too long")]
    TitleTooLong,
    #[error("the link is not an http(s) URL")]
    BadLink,
    #[error("a summary field is empty")]
    SummaryEmpty,
    #[error("a summary field is too long")]
    SummaryTooLong,
    #[error("what changed is empty or too long")]
    BadWhatChanged,
    #[error("a reason is required and bounded")]
    BadReason,
    #[error("the concern is empty or too long")]
    BadConcern,
    #[error("the discussion period is not over")]
    TooEarly { at: DateTime<Utc> },
    #[error("the TSC's ballot is running")]
    BallotRunning,
    #[error("already postponed")]
    AlreadyPostponed,
    #[error("the proposal was withdrawn")]
    Withdrawn,
    #[error("the proposal is decided")]
    Decided,
    #[error("the proposal is not open yet")]
    NotOpen,
}

/// When the discussion period of a proposal opened at `opened_at` ends ("at least two weeks").
pub fn discussion_ends(opened_at: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    opened_at + Duration::days(i64::from(days))
}

/// The one rule of every step: from `status`, `event` at `now` (the discussion period ending at
/// `ends`) leads to a new status and the effects to carry out, or is refused.
pub fn transition(
    status: Status,
    event: Event,
    ends: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(Status, Vec<Effect>), RfcError> {
    use Effect::*;
    use Status::*;
    // Steps that no longer apply once the proposal is decided or withdrawn, or not yet open.
    let closed = |status: Status| match status {
        Withdrawn => RfcError::Withdrawn,
        Draft => RfcError::NotOpen,
        _ => RfcError::Decided,
    };
    match (event, status) {
        (Event::Open, Draft) => Ok((Discussion, vec![ScheduleEnd, PostCard, Record])),
        (Event::Open, other) => Err(closed(other)),

        // "The proposal is updated based on feedback": not while the TSC votes on it.
        (Event::Revise, Discussion | AwaitingDecision | Postponed) => Ok((
            status,
            vec![RecordRevision, Post(Place::Thread), RefreshCard],
        )),
        (Event::Revise, Voting) => Err(RfcError::BallotRunning),
        (Event::Revise, other) => Err(closed(other)),

        // A stale job (or one for a proposal already past discussion) changes nothing.
        (Event::PeriodEnded, Discussion) if now >= ends => Ok((
            AwaitingDecision,
            vec![Post(Place::Thread), Post(Place::Tsc), RefreshCard],
        )),
        (Event::PeriodEnded, _) => Ok((status, vec![])),

        // "The community has at least two weeks": the TSC decides after, never before.
        (Event::Decide, Discussion) if now < ends => Err(RfcError::TooEarly { at: ends }),
        (Event::Decide, Discussion | AwaitingDecision | Postponed) => {
            Ok((Voting, vec![OpenBallot, Post(Place::Thread), RefreshCard]))
        }
        (Event::Decide, Voting) => Err(RfcError::BallotRunning),
        (Event::Decide, other) => Err(closed(other)),

        (Event::BallotClosed(outcome), Voting) => Ok(match outcome {
            Outcome::Approved => (
                Accepted,
                vec![
                    ApplyChanges,
                    Post(Place::Thread),
                    Post(Place::Announce),
                    RefreshCard,
                    Record,
                ],
            ),
            Outcome::Rejected => (
                Declined,
                vec![
                    Post(Place::Thread),
                    Post(Place::Announce),
                    RefreshCard,
                    Record,
                ],
            ),
            // No decision was taken: the TSC may decide again.
            Outcome::NoQuorum | Outcome::Cancelled => {
                (AwaitingDecision, vec![Post(Place::Thread), RefreshCard])
            }
        }),
        (Event::BallotClosed(_), _) => Ok((status, vec![])),

        (Event::Withdraw, Discussion | AwaitingDecision | Postponed) => Ok((
            Withdrawn,
            vec![
                Post(Place::Thread),
                Post(Place::Announce),
                RefreshCard,
                Record,
            ],
        )),
        (Event::Withdraw, Voting) => Err(RfcError::BallotRunning),
        (Event::Withdraw, other) => Err(closed(other)),

        (Event::Postpone, Discussion | AwaitingDecision) => Ok((
            Postponed,
            vec![
                Post(Place::Thread),
                Post(Place::Announce),
                RefreshCard,
                Record,
            ],
        )),
        (Event::Postpone, Postponed) => Err(RfcError::AlreadyPostponed),
        (Event::Postpone, Voting) => Err(RfcError::BallotRunning),
        (Event::Postpone, other) => Err(closed(other)),

        // Feedback is welcome until the proposal is decided; the TSC weighs it while voting.
        (Event::Feedback, Discussion | AwaitingDecision | Voting | Postponed) => {
            Ok((status, vec![RefreshCard]))
        }
        (Event::Feedback, other) => Err(closed(other)),
    }
}

#[path = "rfc_input.rs"]
mod input;
pub use input::*;

#[cfg(test)]
#[path = "rfc_tests.rs"]
mod tests;
