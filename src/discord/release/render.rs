//! What members see of a release: its card (the seven steps with the current one marked, the
//! changelog whole, candidates, feedback, blocking issues), the list, and the texts of its
//! ballots and notices.

use poise::serenity_prelude as serenity;

use crate::app::release::view::ReleaseView;
use crate::discord::custom_id::CustomId;
use crate::discord::text::{FIELD_MAX, Field, MESSAGE_MAX, chars, fitted_embed_within, truncate};
use crate::governance::release::{Stage, Step};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::release::Release;
use crate::store::release_blockers::{Blocker, BlockerStatus};
use crate::words::release::{stage_message, step_label};

const COLOUR: u32 = 0x0EA5E9;
const DONE_COLOUR: u32 = 0x22C55E;
const ENDED_COLOUR: u32 = 0x9CA3AF;
/// Discord counts 6000 characters for all the embeds of a message; a margin stays free.
const MESSAGE_EMBEDS_BUDGET: usize = 5900;

/// The version as members read it: `v1.4.0`.
pub fn version(release: &Release) -> String {
    format!("v{}", release.version)
}

/// Where the release stands, in a line.
pub fn stage_text(locale: &str, release: &Release) -> String {
    let ends = release
        .feedback_ends_at
        .map(|t| format!("<t:{}:R>", t.timestamp()))
        .unwrap_or_default();
    tr(
        locale,
        stage_message(release.stage),
        Some(&args([("ends", ends.into())])),
    )
}

/// The seven steps, one a line: done, current (in bold), to come, or where it ended.
pub fn steps_text(locale: &str, release: &Release) -> String {
    let (reached, failed) = match (release.stage, release.stage.step()) {
        (_, Some(step)) => (step.number(), false),
        (Stage::Announced, None) => (8, false),
        (_, None) => (release.ended_step.map_or(1, Step::number), true),
    };
    Step::ALL
        .iter()
        .map(|step| {
            let label = format!("{}. {}", step.number(), step_label(locale, *step));
            match step.number().cmp(&reached) {
                std::cmp::Ordering::Less => format!("✅ {label}"),
                std::cmp::Ordering::Equal if failed => format!("❌ ~~{label}~~"),
                std::cmp::Ordering::Equal => format!("▶️ **{label}**"),
                std::cmp::Ordering::Greater => format!("▫️ {label}"),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A text in pieces of at most `max` characters, between lines where it can and inside a
/// line only when the line alone is longer: nothing is ever cut away.
pub fn pieces(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut started = false;
    for line in text.lines() {
        let line: Vec<char> = line.chars().collect();
        let parts: Vec<String> = if line.is_empty() {
            vec![String::new()]
        } else {
            line.chunks(max).map(|c| c.iter().collect()).collect()
        };
        for part in parts {
            let needed = chars(&current) + chars(&part) + usize::from(started);
            if started && needed > max {
                out.push(std::mem::take(&mut current));
                started = false;
            }
            if started {
                current.push('\n');
            }
            current.push_str(&part);
            started = true;
        }
    }
    if started {
        out.push(current);
    }
    out
}

/// The changelog as embed fields, whole.
fn changelog_embed(release: &Release, locale: &str) -> serenity::CreateEmbed {
    let parts = pieces(&release.changelog, FIELD_MAX);
    let count = parts.len();
    let mut embed = serenity::CreateEmbed::new().colour(COLOUR);
    for (n, part) in parts.into_iter().enumerate() {
        let name = if count == 1 {
            tr(locale, msg!("release-field-changelog"), None)
        } else {
            tr(
                locale,
                msg!("release-field-changelog-part"),
                Some(&args([("part", (n + 1).into()), ("parts", count.into())])),
            )
        };
        embed = embed.field(name, part, false);
    }
    embed
}

fn blocker_line(locale: &str, b: &Blocker) -> String {
    let id = match b.status {
        BlockerStatus::Open => msg!("release-blocker-open"),
        BlockerStatus::Resolved => msg!("release-blocker-resolved"),
        BlockerStatus::NotBlocking => msg!("release-blocker-not-blocking"),
    };
    tr(
        locale,
        id,
        Some(&args([
            ("id", b.id.into()),
            ("link", b.link.as_str().into()),
            ("reason", crate::discord::text::plain(&b.reason).into()),
            ("reporter", format!("<@{}>", b.reporter_id).into()),
            (
                "decision",
                crate::discord::text::plain(b.decision.as_deref().unwrap_or("")).into(),
            ),
        ])),
    )
}

/// The fields of the card's first embed.
fn status_fields(view: &ReleaseView, locale: &str) -> Vec<Field> {
    let r = &view.release;
    let field = |id: &'static str, value: String, inline: bool| {
        Field::fixed(tr(locale, id, None), value, inline)
    };
    let mut fields = vec![
        field(
            msg!("release-field-proposer"),
            format!("<@{}>", r.proposer_id),
            true,
        ),
        field(msg!("release-field-stage"), stage_text(locale, r), true),
    ];
    if let Some(date) = r.planned_on.and_then(|d| d.and_hms_opt(0, 0, 0)) {
        let at = date.and_utc().timestamp();
        fields.push(field(
            msg!("release-field-planned"),
            format!("<t:{at}:D>"),
            true,
        ));
    }
    if let Some(id) = r.plan_ballot_id {
        fields.push(field(
            msg!("release-field-plan-ballot"),
            format!("#{id}"),
            true,
        ));
    }
    if let Some(id) = r.final_ballot_id {
        fields.push(field(
            msg!("release-field-final-ballot"),
            format!("#{id}"),
            true,
        ));
    }
    if let Some(by) = r.signed_off_by {
        fields.push(field(
            msg!("release-field-signed-off"),
            format!("<@{by}>"),
            true,
        ));
    }
    if !view.candidates.is_empty() {
        let lines: Vec<String> = view
            .candidates
            .iter()
            .map(|c| format!("rc{}: {}", c.number, c.link))
            .collect();
        fields.push(Field::shrinkable(
            tr(locale, msg!("release-field-candidates"), None),
            lines.join("\n"),
        ));
        let latest = view.candidates.last().map_or(0, |c| c.number);
        fields.push(field(
            msg!("release-field-feedback"),
            tr(
                locale,
                msg!("release-feedback-count"),
                Some(&args([
                    ("count", view.works_on_latest().into()),
                    ("candidate", latest.into()),
                    ("blockers", view.blockers.len().into()),
                    ("open", view.open_blockers().count().into()),
                ])),
            ),
            false,
        ));
    }
    if !view.blockers.is_empty() {
        // Open ones first: they are what holds the release.
        let mut sorted: Vec<&Blocker> = view.open_blockers().collect();
        sorted.extend(
            view.blockers
                .iter()
                .filter(|b| b.status != BlockerStatus::Open),
        );
        let lines: Vec<String> = sorted.iter().map(|b| blocker_line(locale, b)).collect();
        fields.push(Field::shrinkable(
            tr(locale, msg!("release-field-blockers"), None),
            lines.join("\n"),
        ));
    }
    if let Some(link) = &r.published_link {
        fields.push(field(msg!("release-field-published"), link.clone(), false));
    }
    if let Some(reason) = &r.ended_reason {
        fields.push(Field::shrinkable(
            tr(locale, msg!("release-field-withdrawn"), None),
            reason.clone(),
        ));
    }
    fields
}

/// The card's embeds: the steps and status, then the changelog, within one message's limit.
pub fn card_embeds(view: &ReleaseView, locale: &str) -> Vec<serenity::CreateEmbed> {
    let r = &view.release;
    let changelog = changelog_embed(r, locale);
    let changelog_chars = serde_json::to_value(&changelog)
        .ok()
        .and_then(|v| {
            v["fields"].as_array().map(|fields| {
                fields
                    .iter()
                    .map(|f| {
                        f["name"].as_str().map_or(0, chars) + f["value"].as_str().map_or(0, chars)
                    })
                    .sum::<usize>()
            })
        })
        .unwrap_or(0);
    let title = tr(
        locale,
        msg!("release-card-title"),
        Some(&args([("version", version(r).into())])),
    );
    let footer = tr(
        locale,
        msg!("release-card-footer"),
        Some(&args([("id", r.id.into())])),
    );
    let colour = match r.stage {
        Stage::Announced | Stage::Published => DONE_COLOUR,
        Stage::Rejected | Stage::Withdrawn => ENDED_COLOUR,
        _ => COLOUR,
    };
    let status = fitted_embed_within(
        MESSAGE_EMBEDS_BUDGET.saturating_sub(changelog_chars),
        title,
        steps_text(locale, r),
        status_fields(view, locale),
        footer,
    )
    .colour(colour);
    if r.changelog.is_empty() {
        vec![status]
    } else {
        vec![status, changelog]
    }
}

/// The card's buttons: feedback is taken from the first candidate until the final approval.
pub fn card_buttons(release: &Release, locale: &str) -> Vec<serenity::CreateActionRow> {
    if !matches!(
        release.stage,
        Stage::Feedback | Stage::Blocked | Stage::Ready
    ) {
        return Vec::new();
    }
    let release_id = release.id;
    vec![serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(CustomId::ReleaseWorks { release_id }.encode())
            .label(tr(locale, msg!("release-button-works"), None))
            .style(serenity::ButtonStyle::Success),
        serenity::CreateButton::new(CustomId::ReleaseBlocker { release_id }.encode())
            .label(tr(locale, msg!("release-button-blocker"), None))
            .style(serenity::ButtonStyle::Danger),
    ])]
}

/// `/release list`: one line a release, newest first.
pub fn list_text(releases: &[Release], locale: &str) -> String {
    if releases.is_empty() {
        return tr(locale, msg!("release-list-empty"), None);
    }
    let mut lines = vec![tr(locale, msg!("release-list-header"), None)];
    for r in releases {
        lines.push(tr(
            locale,
            msg!("release-list-line"),
            Some(&args([
                ("version", version(r).into()),
                ("stage", stage_text(locale, r).into()),
                ("proposer", format!("<@{}>", r.proposer_id).into()),
            ])),
        ));
    }
    truncate(&lines.join("\n"), MESSAGE_MAX)
}

/// A line about a release with its version, proposer and channel filled in.
pub fn notice(locale: &str, id: &'static str, release: &Release) -> String {
    tr(
        locale,
        id,
        Some(&args([
            ("version", version(release).into()),
            ("proposer", format!("<@{}>", release.proposer_id).into()),
            ("channel", format!("<#{}>", release.channel_id).into()),
            (
                "step",
                release
                    .stage
                    .step()
                    .map(|s| format!("{}. {}", s.number(), step_label(locale, s)))
                    .unwrap_or_default()
                    .into(),
            ),
            (
                "since",
                format!("<t:{}:R>", release.stage_since.timestamp()).into(),
            ),
        ])),
    )
}

#[cfg(test)]
#[path = "render_tests.rs"]
mod tests;
