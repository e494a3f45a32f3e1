//! Releases: "New releases are managed according to the following process: 1. Maintainers
//! propose a new release with a changelog 2. The TSC approves the release plan 3. A release
//! candidate is created and tested 4. Community feedback is gathered 5. Blocking issues are
//! addressed 6. The final release is approved and published 7. The release is announced to the
//! community." As one pure state machine over the release's stage, and the checks of what
//! members type (version, changelog, planned date, links, reasons).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::policy::{Policy, ReleaseFinal};

/// Longest version, in characters (it is carried in titles and file names).
pub const VERSION_MAX: usize = 64;
/// Longest changelog, in characters: the card shows it whole, split across embed fields, next
/// to the steps, candidates and blockers, within Discord's 6000 characters per message.
pub const CHANGELOG_MAX: usize = 3000;
/// Longest link (a candidate, a published release, an issue, a fix), in characters.
pub const LINK_MAX: usize = 500;
/// Longest reason (why an issue blocks, why it does not, why a release is withdrawn).
pub const REASON_MAX: usize = 1000;

/// Where a release stands. Every step of the document is one or more stages; the last three
/// are ends. Stored by [`Stage::key`]: add, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// `/release propose` ran; the changelog form has not been submitted yet.
    Draft,
    /// Step 2: the TSC votes on the release plan.
    PlanVote,
    /// Step 3: the plan is approved; the first release candidate is awaited.
    AwaitingCandidate,
    /// Step 4: the community tests the latest candidate; the feedback window runs.
    Feedback,
    /// Step 5: the window is over and blocking issues are still open.
    Blocked,
    /// Step 6: nothing blocks; the final approval may be asked for.
    Ready,
    /// Step 6: the TSC votes on the final release.
    FinalVote,
    /// Step 6: approved; its publication is awaited.
    Approved,
    /// Step 7: published; the announcement is on its way.
    Published,
    /// Every step is done.
    Announced,
    /// The TSC did not approve the plan (rejected or no quorum).
    Rejected,
    /// Withdrawn by its proposer or the TSC.
    Withdrawn,
}

impl Stage {
    pub const ALL: [Stage; 12] = [
        Self::Draft,
        Self::PlanVote,
        Self::AwaitingCandidate,
        Self::Feedback,
        Self::Blocked,
        Self::Ready,
        Self::FinalVote,
        Self::Approved,
        Self::Published,
        Self::Announced,
        Self::Rejected,
        Self::Withdrawn,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::PlanVote => "plan_vote",
            Self::AwaitingCandidate => "awaiting_candidate",
            Self::Feedback => "feedback",
            Self::Blocked => "blocked",
            Self::Ready => "ready",
            Self::FinalVote => "final_vote",
            Self::Approved => "approved",
            Self::Published => "published",
            Self::Announced => "announced",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The document's step this stage belongs to; `None` once the release ended.
    pub fn step(self) -> Option<Step> {
        Some(match self {
            Self::Draft => Step::Propose,
            Self::PlanVote => Step::PlanApproval,
            Self::AwaitingCandidate => Step::Candidate,
            Self::Feedback => Step::Feedback,
            Self::Blocked => Step::Blockers,
            Self::Ready | Self::FinalVote | Self::Approved => Step::FinalApproval,
            Self::Published => Step::Announcement,
            Self::Announced | Self::Rejected | Self::Withdrawn => return None,
        })
    }

    /// A release in flight holds its version: no second release of it may be proposed.
    pub fn holds_version(self) -> bool {
        !matches!(self, Self::Draft | Self::Rejected | Self::Withdrawn)
    }

    /// The release is over (announced, rejected or withdrawn).
    pub fn ended(self) -> bool {
        matches!(self, Self::Announced | Self::Rejected | Self::Withdrawn)
    }

    /// Stages where the next move is a member's (not a vote's or a window's): the proposer is
    /// reminded when one of them lasts longer than `release_stale_days`.
    pub fn waits_on_members(self) -> bool {
        matches!(
            self,
            Self::AwaitingCandidate | Self::Blocked | Self::Ready | Self::Approved
        )
    }
}

/// The seven steps of the document, as the card lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Propose,
    PlanApproval,
    Candidate,
    Feedback,
    Blockers,
    FinalApproval,
    Announcement,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Self::Propose,
        Self::PlanApproval,
        Self::Candidate,
        Self::Feedback,
        Self::Blockers,
        Self::FinalApproval,
        Self::Announcement,
    ];

    /// 1 to 7, as the document numbers them.
    pub fn number(self) -> u8 {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) as u8 + 1
    }

    pub fn from_number(n: i64) -> Option<Self> {
        usize::try_from(n - 1)
            .ok()
            .and_then(|i| Self::ALL.get(i).copied())
    }
}

/// What the rules need to know of a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub stage: Stage,
    /// Blocking issues reported and not yet decided.
    pub open_blockers: u32,
    /// When the running (or last) feedback window ends.
    pub feedback_ends_at: Option<DateTime<Utc>>,
}

/// Something that happens to a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The changelog form was submitted (step 1 done).
    Submit,
    /// The plan ballot closed.
    PlanDecided { approved: bool },
    /// `/release rc`: a candidate was recorded.
    Candidate,
    /// The feedback window that was to end at `ends_at` ended (the job carries its end, so a
    /// window restarted by a later candidate is not ended by the earlier one's job).
    WindowEnded { ends_at: DateTime<Utc> },
    /// "Works for me" on the latest candidate.
    WorksForMe,
    /// A blocking issue was reported.
    BlockerReported,
    /// An open blocking issue was marked resolved or not blocking.
    BlockerDecided,
    /// `/release approve`: the final approval is asked for (or signed off).
    RequestApproval,
    /// The final ballot closed.
    FinalDecided { approved: bool },
    /// `/release published`.
    Published,
    /// The announcement was delivered.
    Announced,
    /// `/release withdraw`.
    Withdraw,
}

/// What a transition asks the application to do besides moving the stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Open the TSC ballot on the release plan (`release_voting_hours`).
    OpenPlanBallot { hours: u32 },
    /// Open the TSC ballot on the final release (`release_final_voting_hours`).
    OpenFinalBallot { hours: u32 },
    /// The feedback window (re)starts and ends at this time.
    StartWindow { ends_at: DateTime<Utc> },
    /// The release gets its thread (with the first candidate).
    OpenThread,
    /// Cancel the ballot that is running (the release was withdrawn during a vote).
    CancelBallot,
    /// Tell the proposer how a ballot ended.
    TellProposer,
    /// Announce the release to the community, once.
    Announce,
}

/// Why a step was refused; each is a message the member reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the release plan is not approved yet")]
    PlanNotApproved,
    #[error("no release candidate has been recorded yet")]
    NoCandidate,
    #[error("the feedback window is still running")]
    WindowRunning { ends_at: DateTime<Utc> },
    #[error("blocking issues are still open")]
    BlockersOpen { count: u32 },
    #[error("the final approval is under way or done")]
    FinalUnderway,
    #[error("the release is not approved yet")]
    NotApproved,
    #[error("the release is already published")]
    AlreadyPublished,
    #[error("the release is over")]
    Ended,
    #[error("the changelog form was not submitted")]
    NotSubmitted,
}

/// The result of a step: the new stage and what follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Next {
    pub stage: Stage,
    pub effects: Vec<Effect>,
}

impl Next {
    fn to(stage: Stage) -> Self {
        Self {
            stage,
            effects: Vec::new(),
        }
    }

    fn with(stage: Stage, effects: impl IntoIterator<Item = Effect>) -> Self {
        Self {
            stage,
            effects: effects.into_iter().collect(),
        }
    }
}

/// The one transition function: where `event` takes a release in `facts`, under `policy`, at
/// `now`; or why it cannot. Who may cause each event is the permission table's.
pub fn transition(
    facts: &Facts,
    event: Event,
    policy: &Policy,
    now: DateTime<Utc>,
) -> Result<Next, Refusal> {
    use Stage as S;
    let stage = facts.stage;
    if stage.ended() {
        return Err(Refusal::Ended);
    }
    let window = || Effect::StartWindow {
        ends_at: now + Duration::days(i64::from(policy.release_feedback_days)),
    };
    // Steps asked for before the release got that far.
    let not_yet = |stage: Stage| match stage {
        S::Draft => Refusal::NotSubmitted,
        S::PlanVote => Refusal::PlanNotApproved,
        _ => Refusal::NoCandidate,
    };
    match (event, stage) {
        (Event::Submit, S::Draft) => Ok(Next::with(
            S::PlanVote,
            [Effect::OpenPlanBallot {
                hours: policy.release_voting_hours,
            }],
        )),
        (Event::Submit, _) => Err(Refusal::Ended),
        (Event::PlanDecided { approved: true }, S::PlanVote) => Ok(Next::to(S::AwaitingCandidate)),
        (Event::PlanDecided { approved: false }, S::PlanVote) => {
            Ok(Next::with(S::Rejected, [Effect::TellProposer]))
        }
        (Event::PlanDecided { .. }, _) => Ok(Next::to(stage)),

        // "A release candidate is created and tested": the first opens the window and the
        // thread; every later one restarts the window, so the community gets the full window
        // on the candidate that will ship.
        (Event::Candidate, S::AwaitingCandidate) => {
            Ok(Next::with(S::Feedback, [Effect::OpenThread, window()]))
        }
        (Event::Candidate, S::Feedback | S::Blocked | S::Ready) => {
            Ok(Next::with(S::Feedback, [window()]))
        }
        (Event::Candidate, S::Draft | S::PlanVote) => Err(not_yet(stage)),
        (Event::Candidate, _) => Err(Refusal::FinalUnderway),

        (Event::WindowEnded { ends_at }, S::Feedback)
            if facts.feedback_ends_at == Some(ends_at) && now >= ends_at =>
        {
            Ok(Next::to(if facts.open_blockers > 0 {
                S::Blocked
            } else {
                S::Ready
            }))
        }
        // A stale job (the window restarted, or the release moved on).
        (Event::WindowEnded { .. }, _) => Ok(Next::to(stage)),

        // "Community feedback is gathered" from the first candidate until the final approval
        // opens; a blocking issue reported after the window holds the release again.
        (Event::WorksForMe, S::Feedback | S::Blocked | S::Ready) => Ok(Next::to(stage)),
        (Event::BlockerReported, S::Feedback) => Ok(Next::to(S::Feedback)),
        (Event::BlockerReported, S::Blocked | S::Ready) => Ok(Next::to(S::Blocked)),
        (Event::WorksForMe | Event::BlockerReported, S::Draft | S::PlanVote) => Err(not_yet(stage)),
        (Event::WorksForMe | Event::BlockerReported, S::AwaitingCandidate) => {
            Err(Refusal::NoCandidate)
        }
        (Event::WorksForMe | Event::BlockerReported, _) => Err(Refusal::FinalUnderway),

        // "Blocking issues are addressed": the last one decided frees the release.
        (Event::BlockerDecided, S::Blocked) if facts.open_blockers <= 1 => Ok(Next::to(S::Ready)),
        (Event::BlockerDecided, S::Feedback | S::Blocked | S::Ready) => Ok(Next::to(stage)),
        (Event::BlockerDecided, _) => Err(Refusal::FinalUnderway),

        // "The final release is approved": never while the window runs or a blocker is open.
        (Event::RequestApproval, S::Ready) => Ok(match policy.release_final {
            ReleaseFinal::Tsc => Next::with(
                S::FinalVote,
                [Effect::OpenFinalBallot {
                    hours: policy.release_final_voting_hours,
                }],
            ),
            ReleaseFinal::Maintainer => Next::to(S::Approved),
        }),
        (Event::RequestApproval, S::Feedback) => Err(Refusal::WindowRunning {
            ends_at: facts.feedback_ends_at.unwrap_or(now),
        }),
        (Event::RequestApproval, S::Blocked) => Err(Refusal::BlockersOpen {
            count: facts.open_blockers,
        }),
        (Event::RequestApproval, S::Draft | S::PlanVote | S::AwaitingCandidate) => {
            Err(not_yet(stage))
        }
        (Event::RequestApproval, _) => Err(Refusal::FinalUnderway),

        (Event::FinalDecided { approved: true }, S::FinalVote) => Ok(Next::to(S::Approved)),
        // Not approved: the release goes back to step 6's start; a new candidate (and its
        // window) or a new request may follow.
        (Event::FinalDecided { approved: false }, S::FinalVote) => {
            Ok(Next::with(S::Ready, [Effect::TellProposer]))
        }
        (Event::FinalDecided { .. }, _) => Ok(Next::to(stage)),

        (Event::Published, S::Approved) => Ok(Next::with(S::Published, [Effect::Announce])),
        (Event::Published, S::Published) => Err(Refusal::AlreadyPublished),
        (Event::Published, _) => Err(Refusal::NotApproved),

        (Event::Announced, S::Published) => Ok(Next::to(S::Announced)),
        (Event::Announced, _) => Ok(Next::to(stage)),

        (Event::Withdraw, S::PlanVote | S::FinalVote) => {
            Ok(Next::with(S::Withdrawn, [Effect::CancelBallot]))
        }
        (Event::Withdraw, S::Published) => Err(Refusal::AlreadyPublished),
        (Event::Withdraw, _) => Ok(Next::to(S::Withdrawn)),
    }
}

/// When the proposer is reminded of a stage entered at `since` that waits on members.
pub fn stale_at(stage: Stage, since: DateTime<Utc>, policy: &Policy) -> Option<DateTime<Utc>> {
    stage
        .waits_on_members()
        .then(|| since + Duration::days(i64::from(policy.release_stale_days)))
}

#[path = "release_input.rs"]
mod input;
pub use input::*;

#[cfg(test)]
#[path = "release_tests.rs"]
mod tests;
