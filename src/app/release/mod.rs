//! Releases, as members drive them through the document's seven steps (propose with a changelog,
//! the TSC's plan ballot, candidates, community feedback, blocking issues, the final approval
//! and publication, the announcement) and as the bot runs them (the feedback window, reminders,
//! the card, the thread).

pub mod approval;
pub mod candidate;
pub mod decided;
pub mod feedback;
pub mod objects;
pub mod proposal;
pub mod stale;
mod steps;
pub mod view;

use crate::app::{AppError, UserError};
use crate::governance::release::{self as rules, InputError, Refusal};
use crate::msg;

impl From<Refusal> for AppError {
    fn from(e: Refusal) -> Self {
        let error = match e {
            Refusal::PlanNotApproved => UserError::new(msg!("release-error-plan-not-approved")),
            Refusal::NoCandidate => UserError::new(msg!("release-error-no-candidate")),
            Refusal::WindowRunning { ends_at } => {
                UserError::new(msg!("release-error-window-running"))
                    .with_text("ends", format!("<t:{}:R>", ends_at.timestamp()))
            }
            Refusal::BlockersOpen { count } => {
                UserError::new(msg!("release-error-blockers-open")).with("count", count)
            }
            Refusal::FinalUnderway => UserError::new(msg!("release-error-final-underway")),
            Refusal::NotApproved => UserError::new(msg!("release-error-not-approved")),
            Refusal::AlreadyPublished => UserError::new(msg!("release-error-already-published")),
            Refusal::Ended => UserError::new(msg!("release-error-ended")),
            Refusal::NotSubmitted => UserError::new(msg!("release-error-not-found")),
        };
        AppError::User(error)
    }
}

impl From<InputError> for AppError {
    fn from(e: InputError) -> Self {
        let error = match e {
            InputError::BadVersion => UserError::new(msg!("release-error-version")),
            InputError::VersionTaken => UserError::new(msg!("release-error-version-taken")),
            InputError::ChangelogEmpty => UserError::new(msg!("release-error-changelog-empty")),
            InputError::ChangelogTooLong => UserError::new(msg!("release-error-changelog-long"))
                .with("max", rules::CHANGELOG_MAX as i64),
            InputError::BadPlannedDate => UserError::new(msg!("release-error-planned-date")),
            InputError::BadLink => {
                UserError::new(msg!("release-error-link")).with("max", rules::LINK_MAX as i64)
            }
            InputError::BadReason => {
                UserError::new(msg!("release-error-reason")).with("max", rules::REASON_MAX as i64)
            }
        };
        AppError::User(error)
    }
}

/// There is no such release (or not in this guild).
pub(crate) fn no_such_release() -> AppError {
    UserError::new(msg!("release-error-not-found")).into()
}
