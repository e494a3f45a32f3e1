//! What members read of a nomination: the consent DM and its buttons, the card in the TSC's
//! private place, `/nominate list`, and the ballot's texts. Member names appear as mentions
//! (rendered by Discord, pinging nobody); the statement only ever in the nominee's DM and the
//! TSC's private place.

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;
use poise::serenity_prelude as serenity;

use crate::app::nomination::propose::BallotTexts;
use crate::discord::custom_id::CustomId;
use crate::discord::text::{Field, MESSAGE_MAX, fitted_embed, timestamp, truncate};
use crate::governance::nomination::{Office, State};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::nomination::Nomination;

const COLOUR: u32 = 0x14B8A6;

/// The office as a word of the sentence ("maintainer", "TSC member").
pub fn office_text(locale: &str, office: Office) -> String {
    let id = match office {
        Office::Maintainer => msg!("nomination-office-maintainer"),
        Office::Tsc => msg!("nomination-office-tsc"),
    };
    tr(locale, id, None)
}

pub fn mention(id: u64) -> String {
    format!("<@{id}>")
}

/// A link to the server, for DMs (which do not say which server they are about).
pub fn server_link(guild_id: u64) -> String {
    format!("https://discord.com/channels/{guild_id}")
}

/// The arguments every nomination text may use.
pub fn nomination_args<'a>(
    n: &'a Nomination,
    locale: &str,
) -> Vec<(&'static str, FluentValue<'a>)> {
    vec![
        ("id", n.id.into()),
        ("member", mention(n.nominee_id).into()),
        ("nominator", mention(n.nominator_id).into()),
        ("office", office_text(locale, n.office).into()),
        ("server", server_link(n.guild_id).into()),
        (
            "deadline",
            n.confirm_by
                .map(|at| format!("<t:{}:F>", at.timestamp()))
                .unwrap_or_default()
                .into(),
        ),
        ("area", n.area.as_deref().unwrap_or("").into()),
    ]
}

/// A text about a nomination, with its arguments filled in.
pub fn text(locale: &str, id: &'static str, n: &Nomination) -> String {
    tr(locale, id, Some(&args(nomination_args(n, locale))))
}

/// The TSC ballot's texts, in the guild's language; no names, so that a ballot listed outside
/// the private place says nothing about whom it decides.
pub fn ballot_texts(n: &Nomination, locale: &str) -> BallotTexts {
    BallotTexts {
        title: text(locale, msg!("nomination-ballot-title"), n),
        description: text(locale, msg!("nomination-ballot-description"), n),
    }
}

/// The private thread's name (no names either: thread lists show it).
pub fn thread_name(n: &Nomination, locale: &str) -> String {
    truncate(&text(locale, msg!("nomination-thread-name"), n), 100)
}

/// The nomination as the nominee and the TSC read it: the statement, links and area.
pub fn statement_embed(n: &Nomination, locale: &str) -> serenity::CreateEmbed {
    let mut fields = vec![
        Field::fixed(
            tr(locale, msg!("nomination-field-nominee"), None),
            mention(n.nominee_id),
            true,
        ),
        Field::fixed(
            tr(locale, msg!("nomination-field-office"), None),
            office_text(locale, n.office),
            true,
        ),
        Field::fixed(
            tr(locale, msg!("nomination-field-nominator"), None),
            mention(n.nominator_id),
            true,
        ),
    ];
    if let Some(area) = &n.area {
        fields.push(Field::fixed(
            tr(locale, msg!("nomination-field-area"), None),
            area.clone(),
            true,
        ));
    }
    if let Some(links) = &n.links {
        fields.push(Field::shrinkable(
            tr(locale, msg!("nomination-field-links"), None),
            links.clone(),
        ));
    }
    let footer = tr(locale, msg!("nomination-footer"), None);
    fitted_embed(
        text(locale, msg!("nomination-card-title"), n),
        n.statement.clone().unwrap_or_default(),
        fields,
        footer,
    )
    .colour(COLOUR)
}

/// Accept and Decline, for the nominee only (the ids carry the nomination).
pub fn answer_buttons(nomination_id: i64, locale: &str) -> Vec<serenity::CreateActionRow> {
    let button = |accept: bool, label: &'static str, style| {
        serenity::CreateButton::new(
            CustomId::NominationAnswer {
                nomination_id,
                accept,
            }
            .encode(),
        )
        .label(tr(locale, label, None))
        .style(style)
    };
    vec![serenity::CreateActionRow::Buttons(vec![
        button(
            true,
            msg!("nomination-button-accept"),
            serenity::ButtonStyle::Success,
        ),
        button(
            false,
            msg!("nomination-button-decline"),
            serenity::ButtonStyle::Secondary,
        ),
    ])]
}

/// The ballot as the card shows it: its number and deadline.
#[derive(Debug, Clone, Copy)]
pub struct BallotLine {
    pub id: i64,
    pub closes_at: DateTime<Utc>,
}

/// The card's steps, as its content (edited as the nomination moves; the embed above the
/// steps holds the statement and is never edited, so a closed nomination keeps no text).
pub fn card_steps(n: &Nomination, ballot: Option<BallotLine>, locale: &str) -> String {
    let mut lines = vec![text(locale, msg!("nomination-step-nominated"), n)];
    // A card exists only once the nominee accepted; the waiting line is for completeness.
    let consented = n.place_id.is_some()
        || matches!(
            n.state,
            State::Accepted | State::Voting | State::Approved | State::Rejected
        );
    lines.push(if consented {
        text(locale, msg!("nomination-step-consented"), n)
    } else {
        text(locale, msg!("nomination-step-consent-waiting"), n)
    });
    lines.push(match ballot {
        Some(b) => tr(
            locale,
            msg!("nomination-step-voting"),
            Some(&args([
                ("ballot", b.id.into()),
                ("deadline", timestamp(b.closes_at).into()),
            ])),
        ),
        None => tr(locale, msg!("nomination-step-vote-waiting"), None),
    });
    let outcome = match n.state {
        State::Approved => Some(msg!("nomination-step-approved")),
        State::Rejected => Some(msg!("nomination-step-rejected")),
        State::NoQuorum => Some(msg!("nomination-step-no-quorum")),
        State::Withdrawn => Some(msg!("nomination-step-withdrawn")),
        State::Left => Some(msg!("nomination-step-left")),
        State::Declined => Some(msg!("nomination-step-declined")),
        State::Expired => Some(msg!("nomination-step-expired")),
        State::Draft | State::AwaitingConsent | State::Accepted | State::Voting => None,
    };
    lines.push(match outcome {
        Some(id) => text(locale, id, n),
        None => tr(locale, msg!("nomination-step-outcome-waiting"), None),
    });
    truncate(&lines.join("\n"), MESSAGE_MAX)
}

/// `/nominate list`: one line per open nomination with its step.
pub fn list_text(nominations: &[Nomination], locale: &str) -> String {
    if nominations.is_empty() {
        return tr(locale, msg!("nomination-list-empty"), None);
    }
    let mut lines = vec![tr(
        locale,
        msg!("nomination-list-header"),
        Some(&args([("count", nominations.len().into())])),
    )];
    for n in nominations {
        let id = match (n.state, n.dm_failed_at) {
            (State::AwaitingConsent, None) => msg!("nomination-list-awaiting"),
            (State::AwaitingConsent, Some(_)) => msg!("nomination-list-dm-closed"),
            (State::Accepted, _) => msg!("nomination-list-accepted"),
            _ => msg!("nomination-list-voting"),
        };
        let mut pairs = nomination_args(n, locale);
        pairs.push(("ballot", n.ballot_id.unwrap_or_default().into()));
        lines.push(tr(locale, id, Some(&args(pairs))));
    }
    truncate(&lines.join("\n"), MESSAGE_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n;

    #[test]
    fn form_and_button_texts_fit_discords_limits() {
        for locale in i18n::locales() {
            for (id, max) in [
                (msg!("nomination-form-title"), 45),
                (msg!("nomination-form-statement"), 45),
                (msg!("nomination-form-links"), 45),
                (msg!("nomination-form-statement-placeholder"), 100),
                (msg!("nomination-form-links-placeholder"), 100),
                (msg!("nomination-button-accept"), 80),
                (msg!("nomination-button-decline"), 80),
            ] {
                let text = i18n::exact(locale, id).unwrap();
                assert!(text.chars().count() <= max, "{locale}: {id}: {text}");
            }
        }
    }
}
