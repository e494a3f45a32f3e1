//! Delivers case notices: the private thread (made once, its readers added, the card posted),
//! the card's edits, notes in the thread, the request for a mediator, the proposed decision
//! for the TSC, DMs to reporters and timeouts. Nothing here is ever posted publicly.

use poise::serenity_prelude as serenity;
use reqwest::Method;
use serde_json::{Value, json};

use super::{card, render};
use crate::app::case::view::CaseView;
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::discord::custom_id::CustomId;
use crate::discord::publisher::{DiscordPublisher, failed};
use crate::discord::text::{Field, fitted_embed, truncate};
use crate::governance::case::Kind;
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::guild::ChannelPurpose;

const NO_BODY: Option<&Value> = None;
/// Discord's private thread, and the longest a thread stays open without messages (a week).
const PRIVATE_THREAD: u8 = 12;
const ARCHIVE_AFTER_MINUTES: u32 = 10_080;

/// Mentions that ping exactly these members.
fn pinging(members: &[u64]) -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new().users(members.iter().map(|m| serenity::UserId::new(*m)))
}

pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let view = |case_id: i64| async move { p.app().case_view(case_id).await.map_err(failed) };
    match &item.notice {
        Notice::CaseThread { case_id } => thread(p, item, &view(*case_id).await?, locale).await,
        Notice::CaseCardRefresh { case_id } => {
            let view = view(*case_id).await?;
            let (Some(thread_id), Some(message_id)) =
                (view.case.thread_id, view.case.card_message_id)
            else {
                // Not posted yet: the post will show the latest state.
                return Ok(None);
            };
            reopen(p, thread_id).await?;
            let edit = serenity::EditMessage::new()
                .embed(card::card_embed(&view, locale))
                .components(card::card_buttons(&view, locale))
                .allowed_mentions(serenity::CreateAllowedMentions::new());
            p.rest()
                .edit_message(thread_id, message_id, &edit)
                .await
                .map(Some)
        }
        Notice::CaseNoted { case_id, note, .. } => {
            let view = view(*case_id).await?;
            let thread_id = posted_thread(&view)?;
            let (text, pings) = render::note_text(&view, *note, locale);
            reopen(p, thread_id).await?;
            let message = DiscordPublisher::message(item)
                .content(truncate(&text, 2000))
                .allowed_mentions(pinging(&pings));
            p.post(thread_id, &message).await
        }
        Notice::ConflictMediatorWanted { case_id } => {
            let config = p.config(item.guild_id).await?;
            let channel = match config.channel(ChannelPurpose::Maintainers) {
                Some(channel) => channel,
                None => p.tsc_channel(item.guild_id).await?,
            };
            // The number and a button: nothing of the parties or the conflict.
            let button =
                serenity::CreateButton::new(CustomId::CaseMediate { case_id: *case_id }.encode())
                    .label(tr(locale, msg!("case-button-mediate"), None))
                    .style(serenity::ButtonStyle::Primary);
            let message = DiscordPublisher::message(item)
                .content(tr(
                    locale,
                    msg!("case-mediator-wanted"),
                    Some(&args([("id", (*case_id).into())])),
                ))
                .components(vec![serenity::CreateActionRow::Buttons(vec![button])]);
            p.post(channel, &message).await
        }
        Notice::ConflictDecisionProposed { case_id, ballot_id } => {
            let view = view(*case_id).await?;
            let channel = p.tsc_channel(item.guild_id).await?;
            let embed = fitted_embed(
                tr(
                    locale,
                    msg!("case-decision-proposed-title"),
                    Some(&args([
                        ("id", (*case_id).into()),
                        ("ballot", (*ballot_id).into()),
                    ])),
                ),
                view.case.decision.clone().unwrap_or_default(),
                vec![Field::fixed(
                    tr(locale, msg!("case-field-thread"), None),
                    view.case
                        .thread_id
                        .map(|t| format!("<#{t}>"))
                        .unwrap_or_default(),
                    false,
                )],
                tr(locale, msg!("case-decision-proposed-footer"), None),
            );
            p.post(channel, &DiscordPublisher::message(item).embed(embed))
                .await
        }
        Notice::CaseReporterTold { case_id, note, .. } => {
            let view = view(*case_id).await?;
            let dm = p.dm_channel(view.case.opened_by).await?;
            let message = DiscordPublisher::message(item)
                .content(render::reporter_text(&view, *note, locale));
            p.post(dm, &message).await
        }
        Notice::ConductTimeout {
            member_id,
            until_ms,
            ..
        } => {
            let until = chrono::DateTime::from_timestamp_millis(*until_ms)
                .ok_or_else(|| failed("timeout without a date"))?;
            let body = json!({ "communication_disabled_until": until.to_rfc3339() });
            let path = format!("/guilds/{}/members/{member_id}", item.guild_id);
            match p.rest().request(Method::PATCH, &path, Some(&body)).await {
                Ok(_) => Ok(None),
                // Without Moderate Members (or above the bot's role) it never will: the TSC is
                // told in the case's thread, never in a public channel.
                Err(DeliveryError::Forbidden(detail)) => Err(DeliveryError::Rejected(detail)),
                Err(e) => Err(e),
            }
        }
        other => Err(failed(format!("not a case notice: {other:?}"))),
    }
}

fn posted_thread(view: &CaseView) -> Result<u64, DeliveryError> {
    view.case
        .thread_id
        .ok_or_else(|| failed("the case's thread is not made yet"))
}

/// A thread Discord archived for quiet is opened again before the bot writes in it.
async fn reopen(p: &DiscordPublisher, thread_id: u64) -> Result<(), DeliveryError> {
    p.rest()
        .request(
            Method::PATCH,
            &format!("/channels/{thread_id}"),
            Some(&json!({ "archived": false })),
        )
        .await
        .map(drop)
}

/// Where a case's thread is made: a conflict's where it was opened; a conduct report's in the
/// TSC's channel; a security report's in the security team's (else the TSC's).
async fn parent_channel(p: &DiscordPublisher, view: &CaseView) -> Result<u64, DeliveryError> {
    let guild_id = view.case.guild_id;
    match (view.case.kind, view.case.parent_channel_id) {
        (_, Some(channel)) => Ok(channel),
        (Kind::Security, None) => match view.config.channel(ChannelPurpose::Security) {
            Some(channel) => Ok(channel),
            None => p.tsc_channel(guild_id).await,
        },
        (Kind::Conduct | Kind::Conflict, None) => p.tsc_channel(guild_id).await,
    }
}

/// The thread, made once and recorded at once; every reader added (idempotent); the card
/// posted once, its id recorded on delivery.
async fn thread(
    p: &DiscordPublisher,
    item: &OutboxItem,
    view: &CaseView,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let case = &view.case;
    let thread_id = match case.thread_id {
        Some(id) => {
            reopen(p, id).await?;
            id
        }
        None => {
            let parent = parent_channel(p, view).await?;
            let body = json!({
                "name": render::case_name(case, locale),
                "type": PRIVATE_THREAD,
                "invitable": false,
                "auto_archive_duration": ARCHIVE_AFTER_MINUTES,
            });
            let answer = p
                .rest()
                .request(
                    Method::POST,
                    &format!("/channels/{parent}/threads"),
                    Some(&body),
                )
                .await?;
            let id = answer["id"]
                .as_str()
                .and_then(|id| id.parse().ok())
                .ok_or_else(|| failed("Discord answered without a thread id"))?;
            p.app()
                .record_case_thread(case.id, id)
                .await
                .map_err(failed)?;
            id
        }
    };
    for reader in &view.readers {
        let path = format!("/channels/{thread_id}/thread-members/{reader}");
        match p.rest().request(Method::PUT, &path, NO_BODY).await {
            // A member who left the server meanwhile does not hold the case up.
            Ok(_) | Err(DeliveryError::Rejected(_)) => {}
            Err(e) => return Err(e),
        }
    }
    if case.card_message_id.is_some() {
        return Ok(None);
    }
    let message = DiscordPublisher::message(item)
        .content(card::card_greeting(view, locale))
        .embed(card::card_embed(view, locale))
        .components(card::card_buttons(view, locale))
        .allowed_mentions(pinging(&view.readers));
    p.post(thread_id, &message).await
}
