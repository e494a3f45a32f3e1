//! What a member reads when the rules of a case, a review or a dissolution refuse them.

use crate::app::{AppError, UserError};
use crate::governance::annual_review::{ReviewError, SECTION_MAX};
use crate::governance::case::CaseError;
use crate::governance::dissolution::DissolutionError;
use crate::msg;

impl From<CaseError> for UserError {
    fn from(e: CaseError) -> Self {
        match e {
            CaseError::TextEmpty => UserError::new(msg!("case-error-text-empty")),
            CaseError::TextTooLong { max } => {
                UserError::new(msg!("case-error-text-too-long")).with("max", max as i64)
            }
            CaseError::SameParty => UserError::new(msg!("case-error-same-party")),
            CaseError::BotParty => UserError::new(msg!("case-error-bot-party")),
            CaseError::Closed => UserError::new(msg!("case-error-closed")),
            CaseError::WaitingForMediator { until_ms } => {
                UserError::new(msg!("case-error-waiting-for-mediator"))
                    .with_text("until", format!("<t:{}:R>", until_ms / 1000))
            }
            CaseError::AlreadyAsked => UserError::new(msg!("case-error-already-asked")),
            CaseError::NoMediationWanted => UserError::new(msg!("case-error-no-mediation")),
            CaseError::AlreadyWithTsc => UserError::new(msg!("case-error-already-with-tsc")),
            CaseError::NotWithTsc => UserError::new(msg!("case-error-not-with-tsc")),
            CaseError::DecisionPending => UserError::new(msg!("case-error-decision-pending")),
            CaseError::AlreadyResponded => UserError::new(msg!("case-error-already-responded")),
            CaseError::NobodyToTimeOut => UserError::new(msg!("case-error-nobody-to-time-out")),
            CaseError::BadTimeout => UserError::new(msg!("case-error-bad-timeout")),
            CaseError::AlreadyAcknowledged => {
                UserError::new(msg!("case-error-already-acknowledged"))
            }
        }
    }
}

impl From<CaseError> for AppError {
    fn from(e: CaseError) -> Self {
        Self::User(e.into())
    }
}

impl From<ReviewError> for AppError {
    fn from(e: ReviewError) -> Self {
        let error = match e {
            ReviewError::SectionEmpty => UserError::new(msg!("review-error-section-empty")),
            ReviewError::SectionTooLong => UserError::new(msg!("review-error-section-too-long"))
                .with("max", SECTION_MAX as i64),
            ReviewError::AlreadyProposed => UserError::new(msg!("review-error-already-proposed")),
        };
        Self::User(error)
    }
}

impl From<DissolutionError> for AppError {
    fn from(e: DissolutionError) -> Self {
        let error = match e {
            DissolutionError::BadDate => UserError::new(msg!("dissolution-error-date")),
            DissolutionError::TooSoon { earliest } => {
                UserError::new(msg!("dissolution-error-too-soon"))
                    .with_text("earliest", earliest.format("%Y-%m-%d").to_string())
            }
            DissolutionError::FieldEmpty => UserError::new(msg!("dissolution-error-field-empty")),
            DissolutionError::FieldTooLong { max } => {
                UserError::new(msg!("dissolution-error-field-too-long")).with("max", max as i64)
            }
            DissolutionError::AlreadyUnderway => UserError::new(msg!("dissolution-error-underway")),
            DissolutionError::NothingToCallOff => {
                UserError::new(msg!("dissolution-error-nothing-to-call-off"))
            }
            DissolutionError::CallOffPending => {
                UserError::new(msg!("dissolution-error-call-off-pending"))
            }
        };
        Self::User(error)
    }
}
