//! RFCs and amendments as members drive them (open under a summary, revise, give feedback,
//! withdraw, postpone, ask the TSC to decide) and as the bot runs them (the end of the
//! discussion period, the TSC's decision, the discussion place and its card).
//!
//! Amendments follow the same flow; what is theirs alone (policy changes) is `app::amendment`.

pub mod decide;
pub mod decided;
pub mod feedback;
pub mod objects;
pub mod open;
pub mod progress;
pub mod steps;
pub mod view;

use crate::app::{AppError, UserError};
use crate::governance::rfc::{self as rules, RfcError};
use crate::msg;

impl From<RfcError> for UserError {
    fn from(e: RfcError) -> Self {
        match e {
            RfcError::TitleEmpty => UserError::new(msg!("rfc-error-title-empty")),
            RfcError::TitleTooLong => UserError::new(msg!("rfc-error-title-too-long"))
                .with("max", rules::TITLE_MAX as i64),
            RfcError::BadLink => UserError::new(msg!("rfc-error-link")),
            RfcError::SummaryEmpty => UserError::new(msg!("rfc-error-summary-empty")),
            RfcError::SummaryTooLong => UserError::new(msg!("rfc-error-summary-too-long"))
                .with("max", rules::SUMMARY_FIELD_MAX as i64),
            RfcError::BadWhatChanged => UserError::new(msg!("rfc-error-what-changed"))
                .with("max", rules::WHAT_CHANGED_MAX as i64),
            RfcError::BadReason => {
                UserError::new(msg!("rfc-error-reason")).with("max", rules::REASON_MAX as i64)
            }
            RfcError::BadConcern => {
                UserError::new(msg!("rfc-error-concern")).with("max", rules::CONCERN_MAX as i64)
            }
            RfcError::TooEarly { at } => UserError::new(msg!("rfc-error-too-early"))
                .with_text("at", format!("<t:{0}:F> (<t:{0}:R>)", at.timestamp())),
            RfcError::BallotRunning => UserError::new(msg!("rfc-error-ballot-running")),
            RfcError::AlreadyPostponed => UserError::new(msg!("rfc-error-already-postponed")),
            RfcError::Withdrawn => UserError::new(msg!("rfc-error-withdrawn")),
            RfcError::Decided => UserError::new(msg!("rfc-error-decided")),
            RfcError::NotOpen => UserError::new(msg!("rfc-error-not-found")),
        }
    }
}

impl From<RfcError> for AppError {
    fn from(e: RfcError) -> Self {
        Self::User(e.into())
    }
}
