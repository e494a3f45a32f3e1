//! What members see of a ballot: its message, result, reminder, receipts and lists, built from
//! app views in one locale. Member text only ever appears in embeds or with mentions disabled.

use poise::serenity_prelude as serenity;

use crate::app::ballot::view::{BallotView, Receipt};
use crate::discord::custom_id::CustomId;
use crate::discord::text::{Field, MESSAGE_MAX, chars, fitted_embed, timestamp, truncate};
use crate::governance::ballot::{Choice, Outcome, Subject, Tally, quorum_needed};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::ballot::Ballot;
use crate::words::ballot::outcome_text;
use crate::words::working_group::charter_fields;

const OPEN_COLOUR: u32 = 0x3B82F6;
const APPROVED_COLOUR: u32 = 0x22C55E;
const REJECTED_COLOUR: u32 = 0xEF4444;
const NEUTRAL_COLOUR: u32 = 0x9CA3AF;

/// A ballot's title as members read it. A status review is opened by the bot with the member's
/// name as its title; the question around it is rendered in the reader's language.
pub fn title_text(title: &str, subject: &Subject, locale: &str) -> String {
    match subject {
        Subject::Emeritus { .. } => tr(
            locale,
            msg!("review-ballot-title"),
            Some(&args([("name", title.into())])),
        ),
        _ => title.to_owned(),
    }
}

/// A ballot's title, from the stored ballot.
pub fn ballot_title(ballot: &Ballot, locale: &str) -> String {
    title_text(&ballot.title, &ballot.subject, locale)
}

/// A ballot's description as members read it (a status review's is rendered, like its title).
fn description_text(ballot: &Ballot, locale: &str) -> String {
    match ballot.subject {
        Subject::Emeritus { member_id } => tr(
            locale,
            msg!("review-ballot-description"),
            Some(&args([
                ("member", format!("<@{member_id}>").into()),
                ("months", ballot.policy.inactivity_review_months.into()),
            ])),
        ),
        _ => ballot.description.clone(),
    }
}

/// Why a ballot was cancelled: the reason given, or, for a status review the bot withdrew
/// because the member answered, that.
fn cancel_reason_text(ballot: &Ballot, locale: &str) -> Option<String> {
    match (&ballot.cancel_reason, ballot.outcome, &ballot.subject) {
        (Some(reason), ..) => Some(reason.clone()),
        (None, Some(Outcome::Cancelled), Subject::Emeritus { .. }) => {
            Some(tr(locale, msg!("review-cancelled-answered"), None))
        }
        _ => None,
    }
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

/// The main embed of a ballot, live while open, final once closed; its concerns follow in
/// their own embeds (`concerns.rs`).
pub fn ballot_embed(view: &BallotView, locale: &str) -> serenity::CreateEmbed {
    let b = &view.ballot;
    let electorate = u32::try_from(view.electorate.len()).unwrap_or(u32::MAX);
    let title = tr(
        locale,
        msg!("ballot-title"),
        Some(&args([
            ("id", b.id.into()),
            ("title", ballot_title(b, locale).into()),
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
            electorate_text(view, locale),
            true,
        ),
        Field::fixed(
            tr(locale, msg!("ballot-field-participation"), None),
            tr(
                locale,
                msg!("ballot-participation"),
                Some(&args([
                    ("voted", view.binding_voters().into()),
                    ("electorate", electorate.into()),
                    ("needed", quorum_needed(&b.policy, electorate).into()),
                ])),
            ),
            true,
        ),
    ];
    // A secret ballot's view holds no counts until it is closed; a public one's live.
    if let Some(count) = &view.count {
        fields.push(Field::fixed(
            tr(locale, msg!("ballot-field-tally"), None),
            tally_text(locale, &count.binding),
            false,
        ));
        if count.non_binding.voters() > 0 {
            fields.push(Field::fixed(
                tr(locale, msg!("ballot-field-non-binding"), None),
                tally_text(locale, &count.non_binding),
                false,
            ));
        }
    }
    // A charter ballot shows the charter the TSC is voting on.
    if let (Some(group), crate::governance::ballot::Subject::WgCharter { .. }) =
        (&view.group, &b.subject)
        && let Some(charter) = &group.charter
    {
        for (name, value) in charter_fields(charter, locale) {
            fields.push(Field::shrinkable(name, value));
        }
    }
    if let Some(reason) = cancel_reason_text(b, locale) {
        fields.push(Field::shrinkable(
            tr(locale, msg!("ballot-field-cancel-reason"), None),
            reason,
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
    fitted_embed(title, description_text(b, locale), fields, footer).colour(colour(b.outcome))
}

/// The size of the electorate, and how many of it have left the TSC since the ballot opened.
fn electorate_text(view: &BallotView, locale: &str) -> String {
    let size = tr(
        locale,
        msg!("ballot-electorate"),
        Some(&args([("count", view.electorate.len().into())])),
    );
    if view.departed == 0 {
        return size;
    }
    let departed = tr(
        locale,
        msg!("ballot-electorate-departed"),
        Some(&args([("departed", view.departed.into())])),
    );
    format!("{size}\n{departed}")
}

/// The vote buttons; none once the ballot is closed.
pub fn ballot_buttons(view: &BallotView, locale: &str) -> Vec<serenity::CreateActionRow> {
    if !view.ballot.open {
        return Vec::new();
    }
    let ballot_id = view.ballot.id;
    let vote = |choice: Choice, style: serenity::ButtonStyle| {
        serenity::CreateButton::new(CustomId::Vote { ballot_id, choice }.encode())
            .label(choice_text(locale, choice))
            .style(style)
    };
    vec![serenity::CreateActionRow::Buttons(vec![
        vote(Choice::Yes, serenity::ButtonStyle::Success),
        vote(Choice::Abstain, serenity::ButtonStyle::Secondary),
        vote(Choice::No, serenity::ButtonStyle::Danger),
        serenity::CreateButton::new(CustomId::Withdraw { ballot_id }.encode())
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
                ("title", ballot_title(&view.ballot, locale).into()),
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
            ("title", ballot_title(&view.ballot, locale).into()),
            (
                "deadline",
                format!("<t:{}:R>", view.ballot.closes_at.timestamp()).into(),
            ),
        ])),
    )
}

/// The members of a reminder in groups whose messages each fit Discord's 2,000 characters, in
/// the order given: each message mentions, and may ping, only its own group.
pub fn reminder_groups(view: &BallotView, members: &[u64], locale: &str) -> Vec<Vec<u64>> {
    let mut groups = Vec::new();
    let mut current: Vec<u64> = Vec::new();
    for &member in members {
        current.push(member);
        if current.len() > 1 && chars(&reminder_text(view, &current, locale)) > MESSAGE_MAX {
            current.pop();
            groups.push(std::mem::replace(&mut current, vec![member]));
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
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
                ("title", ballot_title(&v.ballot, locale).into()),
                ("voted", v.binding_voters().into()),
                ("electorate", v.electorate.len().into()),
                (
                    "deadline",
                    format!("<t:{}:R>", v.ballot.closes_at.timestamp()).into(),
                ),
            ])),
        ));
    }
    truncate(&lines.join("\n"), MESSAGE_MAX)
}

/// Shown to a member whose vote was just committed.
pub fn receipt_text(receipt: &Receipt, locale: &str) -> String {
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
            (
                "title",
                title_text(&receipt.title, &receipt.subject, locale).into(),
            ),
        ])),
    )
}
