//! A release's steps and stages in words.

use crate::governance::release::{Stage, Step};
use crate::i18n::tr;
use crate::msg;

/// The name of one of the document's seven release steps.
pub fn step_label(locale: &str, step: Step) -> String {
    let id = match step {
        Step::Propose => msg!("release-step-propose"),
        Step::PlanApproval => msg!("release-step-plan"),
        Step::Candidate => msg!("release-step-candidate"),
        Step::Feedback => msg!("release-step-feedback"),
        Step::Blockers => msg!("release-step-blockers"),
        Step::FinalApproval => msg!("release-step-final"),
        Step::Announcement => msg!("release-step-announcement"),
    };
    tr(locale, id, None)
}

/// The message that says where a release stands; it takes `ends` (the feedback window's end,
/// as each front end writes a time).
pub fn stage_message(stage: Stage) -> &'static str {
    match stage {
        Stage::Draft => msg!("release-stage-draft"),
        Stage::PlanVote => msg!("release-stage-plan-vote"),
        Stage::AwaitingCandidate => msg!("release-stage-awaiting-candidate"),
        Stage::Feedback => msg!("release-stage-feedback"),
        Stage::Blocked => msg!("release-stage-blocked"),
        Stage::Ready => msg!("release-stage-ready"),
        Stage::FinalVote => msg!("release-stage-final-vote"),
        Stage::Approved => msg!("release-stage-approved"),
        Stage::Published => msg!("release-stage-published"),
        Stage::Announced => msg!("release-stage-announced"),
        Stage::Rejected => msg!("release-stage-rejected"),
        Stage::Withdrawn => msg!("release-stage-withdrawn"),
    }
}
