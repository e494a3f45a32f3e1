//! What members see of RFCs and amendments: the pinned card, the list, and the texts that name a
//! proposal. The steps told in threads and channels are `render_steps.rs`.

use poise::serenity_prelude as serenity;

use crate::app::rfc::view::RfcView;
use crate::discord::custom_id::CustomId;
use crate::discord::text::{FIELD_MAX, Field, MESSAGE_MAX, fitted_embed, plain, truncate};
use crate::governance::amendment::Change;
use crate::governance::rfc::{FeedbackCount, Kind, Stance, Status};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::rfc::Rfc;
use crate::words::rfc::status_text;

const OPEN_COLOUR: u32 = 0x0EA5E9;
const ACCEPTED_COLOUR: u32 = 0x22C55E;
const DECLINED_COLOUR: u32 = 0xEF4444;
const NEUTRAL_COLOUR: u32 = 0x9CA3AF;

/// "RFC 3" or "Amendment 1".
pub fn label(rfc: &Rfc, locale: &str) -> String {
    label_of(rfc.kind, rfc.number.unwrap_or(0), locale)
}

pub fn label_of(kind: Kind, number: i64, locale: &str) -> String {
    let id = match kind {
        Kind::Rfc => msg!("rfc-label"),
        Kind::Amendment => msg!("amendment-label"),
    };
    tr(locale, id, Some(&args([("number", number.into())])))
}

/// "RFC 3: Title".
pub fn heading(rfc: &Rfc, locale: &str) -> String {
    format!("{}: {}", label(rfc, locale), rfc.title)
}

pub fn stance_text(locale: &str, stance: Stance) -> String {
    let id = match stance {
        Stance::Support => msg!("rfc-stance-support"),
        Stance::Neutral => msg!("rfc-stance-neutral"),
        Stance::Concern => msg!("rfc-stance-concern"),
    };
    tr(locale, id, None)
}

pub fn feedback_counts(locale: &str, count: &FeedbackCount) -> String {
    tr(
        locale,
        msg!("rfc-feedback-counts"),
        Some(&args([
            ("support", count.support.into()),
            ("neutral", count.neutral.into()),
            ("concern", count.concern.into()),
        ])),
    )
}

/// An amendment's policy changes, one per line: `quorum`: 1/2 → 3/5 (the value in force now).
pub fn changes_text(changes: &[Change], policy: &crate::governance::policy::Policy) -> String {
    changes
        .iter()
        .map(|c| {
            format!(
                "`{}`: `{}` → `{}`",
                c.key.name(),
                policy.value_of(c.key),
                plain(&c.value)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn colour(status: Status) -> u32 {
    match status {
        Status::Accepted => ACCEPTED_COLOUR,
        Status::Declined => DECLINED_COLOUR,
        Status::Withdrawn | Status::Postponed => NEUTRAL_COLOUR,
        _ => OPEN_COLOUR,
    }
}

/// When the discussion period ends (or ended), as Discord shows it in each reader's time.
fn period_text(view: &RfcView, locale: &str) -> String {
    let Some(ends) = view.rfc.discussion_ends_at else {
        return String::new();
    };
    let id = if view.rfc.status == Status::Discussion {
        msg!("rfc-period-ends")
    } else {
        msg!("rfc-period-ended")
    };
    tr(
        locale,
        id,
        Some(&args([(
            "at",
            format!("<t:{0}:F> (<t:{0}:R>)", ends.timestamp()).into(),
        )])),
    )
}

/// The card: number, title, author, link, status, the discussion period, the summary,
/// revisions and community feedback (and an amendment's policy changes).
pub fn card_embed(
    view: &RfcView,
    policy: &crate::governance::policy::Policy,
    locale: &str,
) -> serenity::CreateEmbed {
    let r = &view.rfc;
    let mut fields = vec![
        Field::fixed(
            tr(locale, msg!("rfc-field-author"), None),
            format!("<@{}>", r.author_id),
            true,
        ),
        Field::fixed(
            tr(locale, msg!("rfc-field-status"), None),
            status_text(locale, r.status),
            true,
        ),
        Field::fixed(
            tr(locale, msg!("rfc-field-period"), None),
            period_text(view, locale),
            false,
        ),
        Field::fixed(
            tr(locale, msg!("rfc-field-link"), None),
            r.link.clone(),
            false,
        ),
    ];
    if let Some(ballot) = &view.ballot {
        fields.push(Field::fixed(
            tr(locale, msg!("rfc-field-ballot"), None),
            tr(
                locale,
                msg!("rfc-ballot-line"),
                Some(&args([("id", ballot.id.into())])),
            ),
            true,
        ));
    }
    if let Some(reason) = r
        .postpone_reason
        .as_ref()
        .filter(|_| r.status == Status::Postponed)
    {
        fields.push(Field::shrinkable(
            tr(locale, msg!("rfc-field-postponed"), None),
            reason.clone(),
        ));
    }
    if !view.changes.changes.is_empty() {
        let text = match &view.changes.applied {
            Some(applied) => applied
                .iter()
                .map(|a| format!("`{}`: `{}` → `{}`", a.key.name(), a.before, a.after))
                .collect::<Vec<_>>()
                .join("\n"),
            None => changes_text(&view.changes.changes, policy),
        };
        fields.push(Field::fixed(
            tr(locale, msg!("rfc-field-changes"), None),
            truncate(&text, FIELD_MAX),
            false,
        ));
    }
    fields.push(Field::shrinkable(
        tr(locale, msg!("rfc-field-motivation"), None),
        r.summary.motivation.clone(),
    ));
    fields.push(Field::shrinkable(
        tr(locale, msg!("rfc-field-proposal"), None),
        r.summary.proposal.clone(),
    ));
    if let Some(alternatives) = &r.summary.alternatives {
        fields.push(Field::shrinkable(
            tr(locale, msg!("rfc-field-alternatives"), None),
            alternatives.clone(),
        ));
    }
    if !view.revisions.is_empty() {
        let lines: Vec<String> = view
            .revisions
            .iter()
            .map(|v| {
                tr(
                    locale,
                    msg!("rfc-revision-line"),
                    Some(&args([
                        ("number", v.number.into()),
                        ("at", format!("<t:{}:d>", v.at.timestamp()).into()),
                        ("author", format!("<@{}>", v.author_id).into()),
                        ("what", plain(&v.what_changed).into()),
                    ])),
                )
            })
            .collect();
        fields.push(Field::shrinkable(
            tr(
                locale,
                msg!("rfc-field-revisions"),
                Some(&args([("count", view.revisions.len().into())])),
            ),
            lines.join("\n"),
        ));
    }
    fields.push(Field::fixed(
        tr(locale, msg!("rfc-field-feedback"), None),
        feedback_counts(locale, &view.count),
        false,
    ));
    let concerns: Vec<String> = view
        .concerns()
        .map(|(member, concern)| format!("• <@{member}>: {}", plain(concern)))
        .collect();
    if !concerns.is_empty() {
        fields.push(Field::shrinkable(
            tr(locale, msg!("rfc-field-concerns"), None),
            concerns.join("\n"),
        ));
    }
    let footer = tr(locale, msg!("rfc-card-footer"), None);
    let mut embed =
        fitted_embed(heading(r, locale), String::new(), fields, footer).colour(colour(r.status));
    if r.link.starts_with("http") {
        embed = embed.url(&r.link);
    }
    embed
}

/// The feedback buttons; none once the proposal is decided or withdrawn.
pub fn card_buttons(view: &RfcView, locale: &str) -> Vec<serenity::CreateActionRow> {
    if view.rfc.status.is_final() {
        return Vec::new();
    }
    let rfc_id = view.rfc.id;
    let button = |stance: Stance, style: serenity::ButtonStyle| {
        serenity::CreateButton::new(CustomId::RfcFeedback { rfc_id, stance }.encode())
            .label(stance_text(locale, stance))
            .style(style)
    };
    vec![serenity::CreateActionRow::Buttons(vec![
        button(Stance::Support, serenity::ButtonStyle::Success),
        button(Stance::Neutral, serenity::ButtonStyle::Secondary),
        button(Stance::Concern, serenity::ButtonStyle::Danger),
    ])]
}

/// A link to the discussion place, if it exists.
pub fn place(rfc: &Rfc) -> String {
    rfc.thread_id.map(|t| format!("<#{t}>")).unwrap_or_default()
}

/// One line per proposal for `/rfc list`, of one status if the member asked for one.
pub fn list_text(rfcs: &[Rfc], kind: Kind, status: Option<Status>, locale: &str) -> String {
    if rfcs.is_empty() {
        // "None yet" would be wrong when only the status filter left nothing.
        let id = match (kind, status) {
            (Kind::Rfc, None) => msg!("rfc-list-empty"),
            (Kind::Amendment, None) => msg!("amendment-list-empty"),
            (Kind::Rfc, Some(_)) => msg!("rfc-list-none-with-status"),
            (Kind::Amendment, Some(_)) => msg!("amendment-list-none-with-status"),
        };
        let status = status.map(|s| status_text(locale, s)).unwrap_or_default();
        return tr(locale, id, Some(&args([("status", status.into())])));
    }
    let mut lines = Vec::new();
    for r in rfcs {
        lines.push(tr(
            locale,
            msg!("rfc-list-line"),
            Some(&args([
                ("label", label(r, locale).into()),
                ("title", plain(&r.title).into()),
                ("status", status_text(locale, r.status).into()),
                ("author", format!("<@{}>", r.author_id).into()),
                ("place", place(r).into()),
            ])),
        ));
    }
    truncate(&lines.join("\n"), MESSAGE_MAX)
}
