//! What members read about the roster and succession: `/roster show`, `/roster export`, the
//! contact DM, the TSC's private notes and the emeritus announcement.

use poise::serenity_prelude as serenity;

use crate::app::succession::contact::ContactAnswer;
use crate::app::succession::roster::RosterView;
use crate::discord::custom_id::CustomId;
use crate::discord::github::render as github_render;
use crate::discord::text::{FIELD_MAX, MESSAGE_MAX, chars, plain, split_message};
use crate::governance::roles::GovRole;
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::roster::RosterEntry;

const ROSTER_COLOUR: u32 = 0x3B82F6;

pub fn role_name(locale: &str, role: GovRole) -> String {
    let id = match role {
        GovRole::Tsc => msg!("roster-role-tsc"),
        GovRole::Maintainer => msg!("roster-role-maintainer"),
        GovRole::Contributor => msg!("roster-role-contributor"),
        GovRole::SecurityTeam => msg!("roster-role-security"),
        GovRole::Emeritus => msg!("roster-role-emeritus"),
    };
    tr(locale, id, None)
}

/// The sections of the roster in the document's order, with their headings.
fn sections<'a>(view: &'a RosterView, locale: &str) -> [(String, &'a [RosterEntry], bool); 4] {
    [
        (
            tr(locale, msg!("roster-section-tsc"), None),
            &view.tsc,
            false,
        ),
        (
            tr(locale, msg!("roster-section-maintainers"), None),
            &view.maintainers,
            true,
        ),
        (
            tr(locale, msg!("roster-section-security"), None),
            &view.security,
            false,
        ),
        (
            tr(locale, msg!("roster-section-emeritus"), None),
            &view.emeritus,
            false,
        ),
    ]
}

/// Discord's limits for one message's embeds: 6,000 characters together (a margin kept), 25
/// fields each.
const MESSAGE_EMBED_BUDGET: usize = 5_900;
const FIELDS_MAX: usize = 25;

/// `/roster show`: one embed field per office, or several ("Maintainers (2/3)") when an office
/// does not fit one; embeds for as many messages as it takes (the first is the answer, the
/// others follow). Nothing is cut; mentions render as names and ping nobody.
pub fn roster_embeds(view: &RosterView, locale: &str) -> Vec<serenity::CreateEmbed> {
    let mut fields = Vec::new();
    for (n, (heading, entries, with_area)) in sections(view, locale).into_iter().enumerate() {
        // The TSC and the maintainers are the offices succession planning watches.
        let watched = n < 2;
        let lines: Vec<String> = entries
            .iter()
            .map(|e| {
                let mut line = format!("• <@{}>", e.member_id);
                if let Some(login) = view.github.get(&e.member_id) {
                    line.push_str(&format!(" (GitHub: {})", plain(login)));
                }
                if let (Some(area), true) = (&e.area, with_area) {
                    line.push_str(&format!(" — {area}"));
                }
                if let (Some(activity), true) = (view.activity.get(&e.member_id), watched) {
                    let text = github_render::activity_text(activity, locale);
                    line.push_str(&format!(" · {text}"));
                }
                line
            })
            .collect();
        fields.extend(office_fields(heading, &lines, locale));
    }
    let groups: Vec<String> = view
        .working_groups
        .iter()
        .map(|g| format!("• {} ({}): <@{}>", g.name, g.focus, g.chair_id))
        .collect();
    let heading = tr(locale, msg!("roster-section-wg-chairs"), None);
    fields.extend(office_fields(heading, &groups, locale));
    let title = tr(locale, msg!("roster-title"), None);
    let embed = || {
        serenity::CreateEmbed::new()
            .title(title.clone())
            .colour(ROSTER_COLOUR)
    };
    let mut embeds = Vec::new();
    let (mut current, mut count, mut size) = (embed(), 0, chars(&title));
    for (name, value) in fields {
        let len = chars(&name) + chars(&value);
        if count > 0 && (count == FIELDS_MAX || size + len > MESSAGE_EMBED_BUDGET) {
            embeds.push(std::mem::replace(&mut current, embed()));
            (count, size) = (0, chars(&title));
        }
        current = current.field(name, value, false);
        count += 1;
        size += len;
    }
    embeds.push(current);
    embeds
}

/// An office's lines as fields of at most 1,024 characters each, split between lines.
fn office_fields(heading: String, lines: &[String], locale: &str) -> Vec<(String, String)> {
    if lines.is_empty() {
        return vec![(heading, tr(locale, msg!("roster-nobody"), None))];
    }
    let parts = split_message(&lines.join("\n"), FIELD_MAX);
    if parts.len() == 1 {
        return vec![(heading, lines.join("\n"))];
    }
    let total = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(n, part)| {
            let name = tr(
                locale,
                msg!("roster-section-part"),
                Some(&args([
                    ("section", heading.clone().into()),
                    ("part", (n + 1).into()),
                    ("parts", total.into()),
                ])),
            );
            (name, part)
        })
        .collect()
}

/// The document's "[GitHub Username]": the linked login, else the Discord username, marked.
fn handle(view: &RosterView, entry: &RosterEntry, locale: &str) -> String {
    match view.github.get(&entry.member_id) {
        Some(login) => plain(login),
        None => tr(
            locale,
            msg!("roster-export-discord-fallback"),
            Some(&args([("name", plain(&entry.username).into())])),
        ),
    }
}

/// `/roster export`: the "Current Project Leadership" lists of a GOVERNANCE.md, in Markdown,
/// as "- [Name] - [GitHub Username][ - Area of Focus]" lines; a member who linked no login is
/// listed under their Discord username, marked as such.
pub fn export_markdown(view: &RosterView, locale: &str) -> String {
    let mut out = vec![format!(
        "## {}",
        tr(locale, msg!("roster-export-title"), None)
    )];
    for (heading, entries, with_area) in sections(view, locale) {
        out.push(String::new());
        out.push(format!("### {heading}"));
        out.push(String::new());
        if entries.is_empty() {
            out.push(format!("- {}", tr(locale, msg!("roster-nobody"), None)));
        }
        for e in entries {
            let mut line = format!("- {} - {}", plain(&e.display_name), handle(view, e, locale));
            if with_area {
                let area = e
                    .area
                    .as_deref()
                    .map(plain)
                    .unwrap_or_else(|| tr(locale, msg!("roster-area-unset"), None));
                line.push_str(&format!(" - {area}"));
            }
            out.push(line);
        }
    }
    // The document's "Current Working Groups": "- [Name] - [Focus Area] - [Chair]".
    out.push(String::new());
    out.push(format!(
        "### {}",
        tr(locale, msg!("roster-section-working-groups"), None)
    ));
    out.push(String::new());
    if view.working_groups.is_empty() {
        out.push(format!("- {}", tr(locale, msg!("roster-nobody"), None)));
    }
    for g in &view.working_groups {
        let chair = g
            .chair
            .as_ref()
            .map(|c| plain(&c.display_name))
            .unwrap_or_else(|| g.chair_id.to_string());
        out.push(format!(
            "- {} - {} - {chair}",
            plain(&g.name),
            plain(&g.focus)
        ));
    }
    out.join("\n")
}

/// The export wrapped in code blocks for copying, as many messages as it takes.
pub fn export_messages(markdown: &str) -> Vec<String> {
    let fence = "```markdown\n";
    let budget = MESSAGE_MAX - fence.len() - 4;
    split_message(markdown, budget)
        .into_iter()
        .map(|chunk| format!("{fence}{chunk}\n```"))
        .collect()
}

/// The contact DM with its two buttons.
pub fn contact_dm(
    step_id: i64,
    months: u32,
    guild_id: u64,
    locale: &str,
) -> (String, Vec<serenity::CreateActionRow>) {
    let text = tr(
        locale,
        msg!("succession-contact-dm"),
        Some(&args([
            ("months", months.into()),
            (
                "server",
                format!("https://discord.com/channels/{guild_id}").into(),
            ),
        ])),
    );
    let buttons = vec![serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(
            CustomId::Contact {
                step_id,
                answer: ContactAnswer::StillActive,
            }
            .encode(),
        )
        .label(tr(locale, msg!("succession-button-active"), None))
        .style(serenity::ButtonStyle::Success),
        serenity::CreateButton::new(
            CustomId::Contact {
                step_id,
                answer: ContactAnswer::Emeritus,
            }
            .encode(),
        )
        .label(tr(locale, msg!("succession-button-emeritus"), None))
        .style(serenity::ButtonStyle::Secondary),
    ])];
    (text, buttons)
}

/// The answer to a click on a contact DM button.
pub fn answer_text(answer: ContactAnswer, locale: &str) -> String {
    match answer {
        ContactAnswer::StillActive => tr(locale, msg!("succession-answer-active"), None),
        ContactAnswer::Emeritus => tr(locale, msg!("succession-answer-emeritus"), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::succession::roster::GroupChair;

    fn entry(id: u64, name: &str) -> RosterEntry {
        RosterEntry {
            member_id: id,
            username: name.to_lowercase(),
            display_name: name.into(),
            in_guild: true,
            area: None,
            last_active_at: None,
            roles: vec![],
        }
    }

    #[test]
    fn the_export_lists_working_groups_as_the_document_does() {
        let view = RosterView {
            working_groups: vec![
                GroupChair {
                    name: "Docs".into(),
                    focus: "Documentation".into(),
                    chair_id: 7,
                    chair: Some(entry(7, "Frank")),
                },
                GroupChair {
                    name: "Web`site".into(),
                    focus: "Site".into(),
                    chair_id: 8,
                    chair: None,
                },
            ],
            ..RosterView::default()
        };
        let md = export_markdown(&view, "en-US");
        assert!(md.ends_with("### Current Working Groups\n\n- Docs - Documentation - Frank\n- Web'site - Site - 8"), "{md}");
        let embed = serde_json::to_string(&roster_embeds(&view, "en-US")).unwrap();
        assert!(embed.contains("Docs (Documentation): <@7>"), "{embed}");
    }

    proptest::proptest! {
        /// However many members and however long their areas: every embed within Discord's
        /// limits, every member listed exactly once, no field cut.
        #[test]
        fn a_roster_of_any_size_is_split_never_cut(
            tsc in 0usize..150,
            maintainers in 0usize..450,
            area in "[a-zA-Z ]{0,100}",
            locale in proptest::sample::select(vec!["en-US", "de"]),
        ) {
            let people = |from: u64, n: usize| -> Vec<RosterEntry> {
                (0..n as u64)
                    .map(|i| RosterEntry {
                        area: Some(area.clone()),
                        ..entry(100_000_000_000_000_000 + from + i, "Member")
                    })
                    .collect()
            };
            let view = RosterView {
                tsc: people(0, tsc),
                maintainers: people(10_000, maintainers),
                ..RosterView::default()
            };
            let embeds = roster_embeds(&view, locale);
            let mut seen = std::collections::HashMap::new();
            for embed in &embeds {
                proptest::prop_assert!(crate::discord::text::embed_chars(embed) <= 6_000);
                let json = serde_json::to_value(embed).unwrap();
                let fields = json["fields"].as_array().unwrap();
                proptest::prop_assert!(fields.len() <= 25);
                for f in fields {
                    let value = f["value"].as_str().unwrap();
                    proptest::prop_assert!(chars(value) <= FIELD_MAX);
                    proptest::prop_assert!(!value.ends_with('…'));
                    for id in value.split("<@").skip(1).filter_map(|r| r.split_once('>')) {
                        *seen.entry(id.0.to_owned()).or_insert(0) += 1;
                    }
                }
            }
            proptest::prop_assert_eq!(seen.len(), tsc + maintainers);
            proptest::prop_assert!(seen.values().all(|n| *n == 1));
        }
    }
}
