//! What the bot tells each party of a nomination: the nominator and the nominee (by DM), the
//! TSC (in its private channel), and the community (the welcome, the only public trace).

use super::render::{nomination_args, text};
use crate::discord::text::plain;
use crate::governance::nomination::{Note, State};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::nomination::Nomination;

/// The consent DM's text (the statement follows in an embed, with the buttons).
pub fn invite_text(n: &Nomination, locale: &str) -> String {
    text(locale, msg!("nomination-invite"), n)
}

/// The nominator's confirmation once the form is submitted.
pub fn submitted_text(n: &Nomination, locale: &str) -> String {
    text(locale, msg!("nomination-submitted"), n)
}

/// The nominee's answer, as the DM (or `/nominate respond`) shows it once committed.
pub fn answered_text(n: &Nomination, locale: &str) -> String {
    let id = if n.state == State::Accepted {
        msg!("nomination-answered-accepted")
    } else {
        msg!("nomination-answered-declined")
    };
    text(locale, id, n)
}

/// `/nominate respond`: the nomination waiting for the member's answer.
pub fn respond_text(n: &Nomination, locale: &str) -> String {
    text(locale, msg!("nomination-respond"), n)
}

/// A note to the TSC in its private channel.
pub fn tsc_note(n: &Nomination, note: Note, locale: &str) -> String {
    let id = match note {
        Note::Accepted => msg!("nomination-tsc-accepted"),
        Note::Declined => msg!("nomination-tsc-declined"),
        Note::Expired => msg!("nomination-tsc-expired"),
        Note::DmClosed => msg!("nomination-tsc-dm-closed"),
        Note::Left => msg!("nomination-tsc-left"),
        Note::OutcomeUndelivered => msg!("nomination-tsc-outcome-undelivered"),
        Note::Decided => match n.state {
            State::Approved => msg!("nomination-tsc-approved"),
            State::Rejected => msg!("nomination-tsc-rejected"),
            State::NoQuorum => msg!("nomination-tsc-no-quorum"),
            _ => msg!("nomination-tsc-withdrawn"),
        },
    };
    text(locale, id, n)
}

/// A DM to the nominator.
pub fn nominator_note(n: &Nomination, note: Note, locale: &str) -> String {
    let id = match note {
        Note::Accepted => msg!("nomination-nominator-accepted"),
        Note::Declined => msg!("nomination-nominator-declined"),
        Note::Expired => msg!("nomination-nominator-expired"),
        Note::DmClosed => msg!("nomination-nominator-dm-closed"),
        Note::Left => msg!("nomination-nominator-left"),
        // The nominator is not told the TSC's decision: the welcome is public, a "no" is the
        // nominee's to share.
        Note::Decided | Note::OutcomeUndelivered => msg!("nomination-nominator-ended"),
    };
    text(locale, id, n)
}

/// The outcome DM to the nominee: thanks for an approval; for anything else, kind words, the
/// concerns without their authors, and when they may be nominated again.
pub fn outcome_text(n: &Nomination, renomination_days: u32, locale: &str) -> String {
    let id = match n.state {
        State::Approved => msg!("nomination-outcome-approved"),
        State::Rejected => msg!("nomination-outcome-rejected"),
        State::NoQuorum => msg!("nomination-outcome-no-quorum"),
        _ => msg!("nomination-outcome-withdrawn"),
    };
    let mut pairs = nomination_args(n, locale);
    pairs.push(("days", renomination_days.into()));
    let mut out = tr(locale, id, Some(&args(pairs)));
    if !n.concerns.is_empty() && n.state != State::Approved {
        out.push_str("\n\n");
        out.push_str(&tr(locale, msg!("nomination-outcome-concerns"), None));
        for concern in &n.concerns {
            out.push_str(&format!("\n> {}", plain(concern)));
        }
    }
    out
}

/// The welcome in the announcement channel.
pub fn welcome_text(n: &Nomination, locale: &str) -> String {
    let id = if n.area.is_some() {
        msg!("nomination-welcome-area")
    } else {
        msg!("nomination-welcome")
    };
    text(locale, id, n)
}
