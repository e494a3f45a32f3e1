//! An RFC's or amendment's status in words.

use crate::governance::rfc::Status;
use crate::i18n::tr;
use crate::msg;

/// Where a proposal stands (discussion, voting, accepted, …).
pub fn status_text(locale: &str, status: Status) -> String {
    let id = match status {
        Status::Draft => msg!("rfc-status-draft"),
        Status::Discussion => msg!("rfc-status-discussion"),
        Status::AwaitingDecision => msg!("rfc-status-awaiting-decision"),
        Status::Voting => msg!("rfc-status-voting"),
        Status::Accepted => msg!("rfc-status-accepted"),
        Status::Declined => msg!("rfc-status-declined"),
        Status::Withdrawn => msg!("rfc-status-withdrawn"),
        Status::Postponed => msg!("rfc-status-postponed"),
    };
    tr(locale, id, None)
}
