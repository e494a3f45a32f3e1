//! A ballot's outcome in words.

use crate::governance::ballot::Outcome;
use crate::i18n::tr;
use crate::msg;

/// A ballot's outcome (approved, rejected, no quorum, cancelled).
pub fn outcome_text(locale: &str, outcome: Outcome) -> String {
    let id = match outcome {
        Outcome::Approved => msg!("outcome-approved"),
        Outcome::Rejected => msg!("outcome-rejected"),
        Outcome::NoQuorum => msg!("outcome-no-quorum"),
        Outcome::Cancelled => msg!("outcome-cancelled"),
    };
    tr(locale, id, None)
}
