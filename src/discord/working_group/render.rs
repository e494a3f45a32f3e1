//! What members see of working groups: the charter, the group's card, the list, and the
//! notices the bot posts about them.

use poise::serenity_prelude as serenity;

use crate::app::working_group::view::GroupView;
use crate::discord::text::{FIELD_MAX, MESSAGE_MAX, truncate};
use crate::governance::working_group::Status;
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::working_group::Group;
use crate::words::working_group::{charter_fields, status_text};

const COLOUR: u32 = 0x8B5CF6;

/// The title line of a group: its name and focus area.
pub fn heading(group: &Group, locale: &str) -> String {
    tr(
        locale,
        msg!("wg-heading"),
        Some(&args([
            ("name", group.name.as_str().into()),
            ("focus", group.focus.as_str().into()),
        ])),
    )
}

/// The charter as pinned in the group's channel, and as shown by `/wg info`.
pub fn group_embed(view: &GroupView, locale: &str) -> serenity::CreateEmbed {
    let g = &view.group;
    let members: Vec<String> = view.members.iter().map(|m| format!("<@{m}>")).collect();
    let mut embed = serenity::CreateEmbed::new()
        .title(heading(g, locale))
        .colour(COLOUR)
        .field(
            tr(locale, msg!("wg-field-chair"), None),
            format!("<@{}>", g.chair_id),
            true,
        )
        .field(
            tr(locale, msg!("wg-field-status"), None),
            status_text(locale, g.status),
            true,
        )
        .field(
            tr(locale, msg!("wg-field-reporting"), None),
            tr(
                locale,
                msg!("wg-reporting-every"),
                Some(&args([("days", g.report_every_days.into())])),
            ),
            true,
        );
    if let Some(due) = g.next_report_due.filter(|_| g.status == Status::Active) {
        embed = embed.field(
            tr(locale, msg!("wg-field-next-report"), None),
            format!("<t:{}:D>", due.timestamp()),
            true,
        );
    }
    if let Some(ends) = g.ends_at {
        embed = embed.field(
            tr(locale, msg!("wg-field-ends"), None),
            format!("<t:{}:D>", ends.timestamp()),
            true,
        );
    }
    embed = embed.field(
        tr(
            locale,
            msg!("wg-field-members"),
            Some(&args([("count", view.members.len().into())])),
        ),
        truncate(&members.join(" "), FIELD_MAX),
        false,
    );
    if let Some(charter) = &g.charter {
        for (name, value) in charter_fields(charter, locale) {
            embed = embed.field(name, value, false);
        }
    }
    embed
}

/// "- [Working Group Name] - [Focus Area] - [Chair]", as the governance document lists them.
pub fn list_text(groups: &[Group], locale: &str) -> String {
    if groups.is_empty() {
        return tr(locale, msg!("wg-list-empty"), None);
    }
    let mut lines = vec![tr(locale, msg!("wg-list-header"), None)];
    for g in groups {
        lines.push(tr(
            locale,
            msg!("wg-list-line"),
            Some(&args([
                ("name", g.name.as_str().into()),
                ("focus", g.focus.as_str().into()),
                ("chair", format!("<@{}>", g.chair_id).into()),
                ("status", status_text(locale, g.status).into()),
            ])),
        ));
    }
    truncate(&lines.join("\n"), MESSAGE_MAX)
}

/// A line of text about a group with its name, chair and channel filled in.
pub fn notice(locale: &str, id: &'static str, group: &Group) -> String {
    tr(
        locale,
        id,
        Some(&args([
            ("name", group.name.as_str().into()),
            ("focus", group.focus.as_str().into()),
            ("chair", format!("<@{}>", group.chair_id).into()),
            (
                "channel",
                group
                    .channel_id
                    .map(|c| format!("<#{c}>"))
                    .unwrap_or_default()
                    .into(),
            ),
            (
                "due",
                group
                    .next_report_due
                    .map(|d| format!("<t:{}:D>", d.timestamp()))
                    .unwrap_or_default()
                    .into(),
            ),
            (
                "ends",
                group
                    .ends_at
                    .map(|d| format!("<t:{}:D>", d.timestamp()))
                    .unwrap_or_default()
                    .into(),
            ),
        ])),
    )
}
