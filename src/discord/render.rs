//! What members see: ballot messages, results, reminders and notices, built from app views in
//! one locale. Member text only ever appears in embeds or with mentions disabled.

use poise::serenity_prelude as serenity;

use super::custom_id::Action;
use crate::app::ballots::BallotView;
use crate::governance::ballot::{Choice, Outcome, Tally, quorum_needed};
use crate::i18n::{args, tr};
use crate::msg;

const OPEN_COLOUR: u32 = 0x3B82F6;
const APPROVED_COLOUR: u32 = 0x22C55E;
const REJECTED_COLOUR: u32 = 0xEF4444;
const NEUTRAL_COLOUR: u32 = 0x9CA3AF;

/// Embed field values hold at most 1024 characters.
const FIELD_MAX: usize = 1024;

pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Splits a long text into messages of at most `max` characters, between lines where it can,
/// so that nothing is lost to Discord's 2000-character limit.
pub fn split_message(text: &str, max: usize) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = truncate(line, max);
        let needed = chars(&current) + chars(&line) + usize::from(!current.is_empty());
        if !current.is_empty() && needed > max {
            chunks.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(&line);
    }
    if !current.is_empty() || chunks.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// Discord renders these in each reader's own time zone.
fn timestamp(t: chrono::DateTime<chrono::Utc>) -> String {
    format!("<t:{0}:F> (<t:{0}:R>)", t.timestamp())
}

pub fn outcome_text(locale: &str, outcome: Outcome) -> String {
    let id = match outcome {
        Outcome::Approved => msg!("outcome-approved"),
        Outcome::Rejected => msg!("outcome-rejected"),
        Outcome::NoQuorum => msg!("outcome-no-quorum"),
        Outcome::Cancelled => msg!("outcome-cancelled"),
    };
    tr(locale, id, None)
}

pub fn choice_text(locale: &str, choice: Choice) -> String {
    let id = match choice {
        Choice::Yes => msg!("choice-yes"),
        Choice::Abstain => msg!("choice-abstain"),
        Choice::No => msg!("choice-no"),
    };
    tr(locale, id, None)
}

fn tally_text(locale: &str, t: &Tally) -> String {
    tr(
        locale,
        msg!("ballot-tally"),
        Some(&args([
            ("yes", t.yes.into()),
            ("abstain", t.abstain.into()),
            ("no", t.no.into()),
        ])),
    )
}

fn colour(outcome: Option<Outcome>) -> u32 {
    match outcome {
        None => OPEN_COLOUR,
        Some(Outcome::Approved) => APPROVED_COLOUR,
        Some(Outcome::Rejected) => REJECTED_COLOUR,
        Some(Outcome::NoQuorum | Outcome::Cancelled) => NEUTRAL_COLOUR,
    }
}

/// Concerns of current -1 votes; a secret ballot lists them without their authors.
fn concerns_text(view: &BallotView) -> Option<String> {
    let lines: Vec<String> = view
        .concerns()
        .map(|(author, concern)| {
            if view.ballot.secret {
                format!("• {concern}")
            } else {
                format!("• <@{author}>: {concern}")
            }
        })
        .collect();
    (!lines.is_empty()).then(|| truncate(&lines.join("\n"), FIELD_MAX))
}

/// The embed of a ballot: live while open, final once closed.
pub fn ballot_embed(view: &BallotView, locale: &str) -> serenity::CreateEmbed {
    let b = &view.ballot;
    let electorate = u32::try_from(view.electorate.len()).unwrap_or(u32::MAX);
    let title = tr(
        locale,
        msg!("ballot-title"),
        Some(&args([
            ("id", b.id.into()),
            ("title", b.title.as_str().into()),
        ])),
    );
    let mut fields = vec![
        Field::fixed(
            tr(locale, msg!("ballot-field-deadline"), None),
            timestamp(b.closes_at),
            true,
        ),
        Field::fixed(
            tr(locale, msg!("ballot-field-electorate"), None),
            tr(
                locale,
                msg!("ballot-electorate"),
                Some(&args([("count", electorate.into())])),
            ),
            true,
        ),
        Field::fixed(
            tr(locale, msg!("ballot-field-participation"), None),
            tr(
                locale,
                msg!("ballot-participation"),
                Some(&args([
                    ("voted", view.count.binding.voters().into()),
                    ("electorate", electorate.into()),
                    ("needed", quorum_needed(&b.policy, electorate).into()),
                ])),
            ),
            true,
        ),
    ];
    // A secret ballot shows tallies only once it is closed; a public one live.
    if !b.secret || !b.open {
        fields.push(Field::fixed(
            tr(locale, msg!("ballot-field-tally"), None),
            tally_text(locale, &view.count.binding),
            false,
        ));
        if view.count.non_binding.voters() > 0 {
            fields.push(Field::fixed(
                tr(locale, msg!("ballot-field-non-binding"), None),
                tally_text(locale, &view.count.non_binding),
                false,
            ));
        }
    }
    // A charter ballot shows the charter the TSC is voting on.
    if let (Some(group), crate::governance::ballot::Subject::WgCharter { .. }) =
        (&view.group, &b.subject)
        && let Some(charter) = &group.charter
    {
        for (name, value) in super::wg_render::charter_fields(charter, locale) {
            fields.push(Field::shrinkable(name, value));
        }
    }
    if let Some(concerns) = concerns_text(view) {
        fields.push(Field::shrinkable(
            tr(locale, msg!("ballot-field-concerns"), None),
            concerns,
        ));
    }
    if let Some(reason) = &b.cancel_reason {
        fields.push(Field::shrinkable(
            tr(locale, msg!("ballot-field-cancel-reason"), None),
            reason.clone(),
        ));
    }
    let footer = match b.outcome {
        None => tr(
            locale,
            if b.secret {
                msg!("ballot-footer-open-secret")
            } else {
                msg!("ballot-footer-open")
            },
            None,
        ),
        Some(outcome) => tr(
            locale,
            msg!("ballot-footer-closed"),
            Some(&args([("outcome", outcome_text(locale, outcome).into())])),
        ),
    };
    fitted_embed(title, b.description.clone(), fields, footer).colour(colour(b.outcome))
}

/// Discord refuses an embed whose texts add up to more than 6000 characters; we keep a margin
/// for a title that may still be replaced (the result announcement's).
const EMBED_BUDGET: usize = 5700;
const TITLE_MAX: usize = 256;
const DESCRIPTION_MAX: usize = 4096;

/// An embed field; shrinkable ones (member text: charters, concerns, reasons) are cut when the
/// whole embed would not fit.
pub struct Field {
    name: String,
    value: String,
    inline: bool,
    shrinkable: bool,
}

impl Field {
    pub fn fixed(name: String, value: String, inline: bool) -> Self {
        Self {
            name,
            value,
            inline,
            shrinkable: false,
        }
    }

    pub fn shrinkable(name: String, value: String) -> Self {
        Self {
            name,
            value,
            inline: false,
            shrinkable: true,
        }
    }
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Builds an embed within Discord's limits: each part cut to its own limit, then the
/// shrinkable fields (the last added first) and finally the description cut until the whole
/// fits the budget.
pub fn fitted_embed(
    title: String,
    description: String,
    mut fields: Vec<Field>,
    footer: String,
) -> serenity::CreateEmbed {
    let title = truncate(&title, TITLE_MAX);
    let mut description = truncate(&description, DESCRIPTION_MAX);
    for f in &mut fields {
        f.name = truncate(&f.name, 256);
        f.value = truncate(&f.value, FIELD_MAX);
    }
    let total = chars(&title)
        + chars(&description)
        + chars(&footer)
        + fields
            .iter()
            .map(|f| chars(&f.name) + chars(&f.value))
            .sum::<usize>();
    let mut excess = total.saturating_sub(EMBED_BUDGET);
    for f in fields.iter_mut().rev().filter(|f| f.shrinkable) {
        if excess == 0 {
            break;
        }
        let len = chars(&f.value);
        let keep = len.saturating_sub(excess).max(40.min(len));
        excess -= len - keep;
        f.value = truncate(&f.value, keep);
    }
    if excess > 0 {
        let len = chars(&description);
        description = truncate(&description, len.saturating_sub(excess));
    }
    let mut embed = serenity::CreateEmbed::new().title(title);
    if !description.is_empty() {
        embed = embed.description(description);
    }
    for f in fields {
        embed = embed.field(f.name, f.value, f.inline);
    }
    embed.footer(serenity::CreateEmbedFooter::new(footer))
}

/// The vote buttons; none once the ballot is closed.
pub fn ballot_buttons(view: &BallotView, locale: &str) -> Vec<serenity::CreateActionRow> {
    if !view.ballot.open {
        return Vec::new();
    }
    let ballot_id = view.ballot.id;
    let vote = |choice: Choice, style: serenity::ButtonStyle| {
        serenity::CreateButton::new(Action::Vote { ballot_id, choice }.encode())
            .label(choice_text(locale, choice))
            .style(style)
    };
    vec![serenity::CreateActionRow::Buttons(vec![
        vote(Choice::Yes, serenity::ButtonStyle::Success),
        vote(Choice::Abstain, serenity::ButtonStyle::Secondary),
        vote(Choice::No, serenity::ButtonStyle::Danger),
        serenity::CreateButton::new(Action::Withdraw { ballot_id }.encode())
            .label(tr(locale, msg!("button-withdraw"), None))
            .style(serenity::ButtonStyle::Secondary),
    ])]
}

/// A link to the ballot message, if it was posted.
pub fn ballot_link(view: &BallotView) -> Option<String> {
    let b = &view.ballot;
    b.message_id.map(|m| {
        format!(
            "https://discord.com/channels/{}/{}/{m}",
            b.guild_id, b.channel_id
        )
    })
}

/// The announcement of a closed ballot.
pub fn result_embed(view: &BallotView, locale: &str) -> serenity::CreateEmbed {
    let outcome = view.ballot.outcome.unwrap_or(Outcome::Cancelled);
    let mut embed = ballot_embed(view, locale).title(truncate(
        &tr(
            locale,
            msg!("result-title"),
            Some(&args([
                ("id", view.ballot.id.into()),
                ("title", view.ballot.title.as_str().into()),
                ("outcome", outcome_text(locale, outcome).into()),
            ])),
        ),
        256,
    ));
    if let Some(link) = ballot_link(view) {
        embed = embed.url(link);
    }
    embed
}

/// The reminder text; it mentions exactly the members given (and the message allows only them).
pub fn reminder_text(view: &BallotView, members: &[u64], locale: &str) -> String {
    let mentions: Vec<String> = members.iter().map(|m| format!("<@{m}>")).collect();
    tr(
        locale,
        msg!("ballot-reminder"),
        Some(&args([
            ("mentions", mentions.join(" ").into()),
            ("id", view.ballot.id.into()),
            ("title", view.ballot.title.as_str().into()),
            (
                "deadline",
                format!("<t:{}:R>", view.ballot.closes_at.timestamp()).into(),
            ),
        ])),
    )
}

/// One line per open ballot for `/vote list`.
pub fn list_text(views: &[BallotView], locale: &str) -> String {
    if views.is_empty() {
        return tr(locale, msg!("vote-list-empty"), None);
    }
    let mut lines = vec![tr(
        locale,
        msg!("vote-list-header"),
        Some(&args([("count", views.len().into())])),
    )];
    for v in views {
        lines.push(tr(
            locale,
            msg!("vote-list-line"),
            Some(&args([
                ("id", v.ballot.id.into()),
                ("title", v.ballot.title.as_str().into()),
                ("voted", v.count.binding.voters().into()),
                ("electorate", v.electorate.len().into()),
                (
                    "deadline",
                    format!("<t:{}:R>", v.ballot.closes_at.timestamp()).into(),
                ),
            ])),
        ));
    }
    truncate(&lines.join("\n"), 2000)
}

/// Shown to a member whose vote was just committed.
pub fn receipt_text(receipt: &crate::app::ballots::Receipt, locale: &str) -> String {
    let id = match (receipt.binding, receipt.changed) {
        (true, false) => msg!("vote-recorded"),
        (true, true) => msg!("vote-changed"),
        (false, false) => msg!("vote-recorded-non-binding"),
        (false, true) => msg!("vote-changed-non-binding"),
    };
    tr(
        locale,
        id,
        Some(&args([
            ("choice", choice_text(locale, receipt.choice).into()),
            ("id", receipt.ballot_id.into()),
            ("title", receipt.title.as_str().into()),
        ])),
    )
}

/// What a notice was trying to do, for telling the TSC about a missing permission.
pub fn notice_action(locale: &str, notice: &crate::app::outbox::Notice) -> String {
    use crate::app::outbox::Notice;
    let (id, channel) = match notice {
        Notice::BallotPosted { .. } => (msg!("action-post-ballot"), None),
        Notice::BallotRefresh { .. } => (msg!("action-edit-ballot"), None),
        Notice::BallotResult { channel_id, .. } => (msg!("action-post-result"), Some(*channel_id)),
        Notice::BallotReminder { .. } => (msg!("action-post-reminder"), None),
        Notice::PermissionMissing { channel_id, .. }
        | Notice::PolicyChanged { channel_id, .. }
        | Notice::InactivityReported { channel_id, .. }
        | Notice::InactivityDmUndeliverable { channel_id, .. }
        | Notice::InactivityAnswered { channel_id, .. }
        | Notice::EmeritusAnnounced { channel_id, .. }
        | Notice::NominationsNeeded { channel_id, .. }
        | Notice::AnnualReview { channel_id, .. } => {
            (msg!("action-post-announcement"), Some(*channel_id))
        }
        Notice::WgProvision { .. } => (msg!("action-wg-provision"), None),
        Notice::WgMemberRole { .. } => (msg!("action-wg-role"), None),
        Notice::WgArchive { .. } => (msg!("action-wg-archive"), None),
        Notice::WgAnnounced { .. }
        | Notice::WgJoinRequested { .. }
        | Notice::WgReportPosted { .. }
        | Notice::WgReportReminder { .. }
        | Notice::WgReportOverdue { .. }
        | Notice::WgEndingSoon { .. }
        | Notice::WgEndReached { .. }
        | Notice::WgClosedAnnounced { .. } => (msg!("action-wg-post"), None),
        Notice::InactivityContact { .. } => (msg!("action-send-dm"), None),
        // Discord refuses roles at or above the bot's own highest role, too.
        Notice::RoleChange { .. } => (msg!("action-change-role"), None),
    };
    let channel = channel.map(|c| format!("<#{c}>")).unwrap_or_default();
    tr(locale, id, Some(&args([("channel", channel.into())])))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters Discord counts toward an embed's 6000.
    fn embed_chars(embed: &serenity::CreateEmbed) -> usize {
        let json = serde_json::to_value(embed).unwrap();
        let text = |v: &serde_json::Value| v.as_str().map(chars).unwrap_or(0);
        text(&json["title"])
            + text(&json["description"])
            + text(&json["footer"]["text"])
            + json["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| text(&f["name"]) + text(&f["value"]))
                .sum::<usize>()
    }

    #[test]
    fn a_charter_ballot_at_every_limit_still_fits_one_embed() {
        let mut fields: Vec<Field> = (0..4)
            .map(|i| Field::fixed(format!("fixed {i}"), "x".repeat(60), true))
            .collect();
        fields.extend((0..5).map(|i| Field::shrinkable(format!("charter {i}"), "c".repeat(800))));
        fields.push(Field::shrinkable("Concerns".into(), "k".repeat(1500)));
        let embed = fitted_embed("t".repeat(300), "d".repeat(2000), fields, "f".repeat(120));
        let total = embed_chars(&embed);
        assert!(total <= 6000, "{total} characters");
        let json = serde_json::to_value(&embed).unwrap();
        // Fixed fields are never cut; the last shrinkable field gives way first.
        assert_eq!(json["fields"][0]["value"], "x".repeat(60));
        assert_eq!(json["fields"][4]["value"], "c".repeat(800));
        assert!(json["fields"][9]["value"].as_str().unwrap().ends_with('…'));
    }

    #[test]
    fn long_texts_are_split_between_lines_and_lose_nothing() {
        let text: String = (0..300)
            .map(|i| format!("line {i:03} of the annual review\n"))
            .collect();
        let chunks = split_message(&text, 2000);
        assert!(chunks.len() > 1);
        assert!(chunks.iter().all(|c| chars(c) <= 2000));
        assert_eq!(chunks.join("\n"), text.trim_end());
        assert_eq!(split_message("short", 2000), vec!["short".to_owned()]);
    }

    #[test]
    fn a_small_embed_is_left_whole() {
        let fields = vec![Field::shrinkable("Concerns".into(), "needs docs".into())];
        let embed = fitted_embed("Ballot".into(), "Why".into(), fields, "footer".into());
        let json = serde_json::to_value(&embed).unwrap();
        assert_eq!(json["fields"][0]["value"], "needs docs");
    }
}
