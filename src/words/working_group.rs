//! A working group's status and charter headings in words.

use crate::governance::working_group::{Charter, Status};
use crate::i18n::tr;
use crate::msg;

/// Where a group stands (proposed, active, closed, …).
pub fn status_text(locale: &str, status: Status) -> String {
    let id = match status {
        Status::Draft => msg!("wg-status-draft"),
        Status::Proposed => msg!("wg-status-proposed"),
        Status::Active => msg!("wg-status-active"),
        Status::Rejected => msg!("wg-status-rejected"),
        Status::Closed => msg!("wg-status-closed"),
    };
    tr(locale, id, None)
}

/// The five charter fields, as embed fields (each fits: the charter limit is below 1024).
pub fn charter_fields(charter: &Charter, locale: &str) -> Vec<(String, String)> {
    [
        (msg!("wg-charter-scope"), &charter.scope),
        (msg!("wg-charter-deliverables"), &charter.deliverables),
        (msg!("wg-charter-timeline"), &charter.timeline),
        (msg!("wg-charter-resources"), &charter.resources),
        (msg!("wg-charter-reporting"), &charter.reporting),
    ]
    .into_iter()
    .map(|(label, text)| (tr(locale, label, None), text.clone()))
    .collect()
}
