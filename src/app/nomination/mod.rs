//! Nominations, as members drive them (`/nominate`, the statement form, the nominee's answer)
//! and as the bot runs them (the confirmation deadline, the TSC's private place and secret
//! ballot, the outcome, a nominee who leaves). Every step is one `governance::nomination`
//! transition, carried out by [`step`] in the caller's transaction.

pub mod ballot;
pub mod consent;
pub mod decided;
pub mod left;
pub mod place;
pub mod propose;
pub mod step;
pub mod view;

use crate::app::{AppError, UserError};
use crate::governance::nomination::{self as rules, Office, Refusal};
use crate::msg;

pub use step::step;

/// A nomination that does not exist, is not the member's to act on, or is not of this guild.
pub(crate) fn not_found() -> UserError {
    UserError::new(msg!("nomination-error-not-found"))
}

impl From<Refusal> for UserError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::SelfNomination => UserError::new(msg!("nomination-error-self")),
            Refusal::Bot => UserError::new(msg!("nomination-error-bot")),
            Refusal::AlreadyHolds(Office::Maintainer) => {
                UserError::new(msg!("nomination-error-already-maintainer"))
            }
            Refusal::AlreadyHolds(Office::Tsc) => {
                UserError::new(msg!("nomination-error-already-tsc"))
            }
            Refusal::NotContributor => UserError::new(msg!("nomination-error-not-contributor")),
            Refusal::NotMaintainer => UserError::new(msg!("nomination-error-not-maintainer")),
            Refusal::RoleNotMapped(_) => UserError::new(msg!("nomination-error-role-not-mapped")),
            Refusal::NotInServer => UserError::new(msg!("nomination-error-not-in-server")),
            Refusal::NoPrivatePlace => UserError::new(msg!("nomination-error-no-private-channel")),
            Refusal::AlreadyOpen => UserError::new(msg!("nomination-error-already-open")),
            Refusal::TooSoon { until } => {
                UserError::new(msg!("nomination-error-too-soon")).with("until", until.timestamp())
            }
            Refusal::StatementEmpty => UserError::new(msg!("nomination-error-statement-empty")),
            Refusal::StatementTooLong => {
                UserError::new(msg!("nomination-error-statement-too-long"))
                    .with("max", rules::STATEMENT_MAX as i64)
            }
            Refusal::LinksEmpty => UserError::new(msg!("nomination-error-links-empty")),
            Refusal::LinksTooLong => UserError::new(msg!("nomination-error-links-too-long"))
                .with("max", rules::LINKS_MAX as i64),
            Refusal::AreaTooLong => UserError::new(msg!("nomination-error-area-too-long"))
                .with("max", rules::AREA_MAX as i64),
            Refusal::OutOfOrder | Refusal::NotYet => {
                UserError::new(msg!("nomination-error-closed"))
            }
            Refusal::ConsentExpired => UserError::new(msg!("nomination-error-expired")),
        }
    }
}

impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> Self {
        Self::User(refusal.into())
    }
}
