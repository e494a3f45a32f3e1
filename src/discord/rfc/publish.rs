//! Delivers the RFC notices: the discussion place with its pinned card, the card's edits, the
//! announcement, and each step told in the thread, the announcement channel or the TSC's.

use poise::serenity_prelude as serenity;
use reqwest::Method;
use serde_json::{Value, json};

use super::{render, render_steps};
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::app::rfc::objects::RfcObject;
use crate::app::rfc::view::RfcView;
use crate::discord::publisher::{DiscordPublisher, failed};
use crate::discord::reply::no_pings;
use crate::discord::text::truncate;
use crate::governance::rfc::Place;
use crate::store::guild::{ChannelPurpose, GuildConfig};

/// Discord's channel type of a forum.
const FORUM: u64 = 15;
/// A public thread.
const PUBLIC_THREAD: u64 = 11;
/// A week without messages before Discord hides the thread (it stays readable and reopens).
const ARCHIVE_MINUTES: u64 = 10_080;
const NO_BODY: Option<&Value> = None;

fn id_of(value: &Value) -> Option<u64> {
    value.as_str().and_then(|id| id.parse().ok())
}

pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let config = p.config(item.guild_id).await?;
    match &item.notice {
        Notice::RfcCardPosted { rfc_id } => post_card(p, item, &config, *rfc_id, locale).await,
        Notice::RfcCardRefresh { rfc_id } => {
            let view = p.app().rfc_by_id(*rfc_id).await.map_err(failed)?;
            // Not posted yet: the post itself will show the latest state.
            let (Some(thread), Some(card)) = (view.rfc.thread_id, view.rfc.card_message_id) else {
                return Ok(None);
            };
            let edit = serenity::EditMessage::new()
                .embed(render::card_embed(&view, &config.policy, locale))
                .components(render::card_buttons(&view, locale))
                .allowed_mentions(no_pings());
            p.rest().edit_message(thread, card, &edit).await.map(Some)
        }
        Notice::RfcAnnounced { rfc_id } => {
            let view = p.app().rfc_by_id(*rfc_id).await.map_err(failed)?;
            let Some(channel) = config.announce_channel_id else {
                return Ok(None);
            };
            let message = DiscordPublisher::message(item)
                .content(render_steps::announced_text(&view, locale));
            p.post(channel, &message).await
        }
        Notice::RfcEvent { event_id, place } => {
            let (view, event) = p.app().rfc_event(*event_id).await.map_err(failed)?;
            let channel = match place {
                Place::Thread => view.rfc.thread_id,
                Place::Announce => config.announce_channel_id,
                // Nothing private: a proposal ready for a decision may be told publicly
                // where a server has no TSC channel.
                Place::Tsc => config.tsc_channel_id.or(config.announce_channel_id),
            };
            let Some(channel) = channel else {
                // The discussion place is being made: the step waits for it.
                if *place == Place::Thread {
                    return Err(failed("the proposal's thread does not exist yet"));
                }
                return Ok(None);
            };
            let text = render_steps::step_text(&view, &event, *place, locale);
            p.post_text(item, channel, &text).await
        }
        other => Err(failed(format!("not an RFC notice: {other:?}"))),
    }
}

/// The discussion place and its card, each made once and recorded at once, so that a retry
/// continues where a failure stopped: a forum post whose first message is the card, or a
/// thread in a text channel with the card posted in it; then the card is pinned.
async fn post_card(
    p: &DiscordPublisher,
    item: &OutboxItem,
    config: &GuildConfig,
    rfc_id: i64,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let app = p.app();
    let view = app.rfc_by_id(rfc_id).await.map_err(failed)?;
    let card = card_message(&view, config, locale, item);
    let name = truncate(&render::heading(&view.rfc, locale), 100);
    let (thread, card_id) = match (view.rfc.thread_id, view.rfc.card_message_id) {
        (Some(thread), Some(card)) => (thread, card),
        (Some(thread), None) => {
            let id = p.rest().create_message(thread, &card).await?;
            record(p, rfc_id, RfcObject::Card(id)).await?;
            (thread, id)
        }
        (None, _) => {
            let parent = config
                .channel(ChannelPurpose::Rfc)
                .ok_or_else(|| failed("no RFC channel is set"))?;
            let channel = p
                .rest()
                .request(Method::GET, &format!("/channels/{parent}"), NO_BODY)
                .await?;
            if channel["type"].as_u64() == Some(FORUM) {
                // A forum post's message takes no nonce: the post is made once, recorded at once.
                let first = serenity::CreateMessage::new()
                    .embed(render::card_embed(&view, &config.policy, locale))
                    .components(render::card_buttons(&view, locale))
                    .allowed_mentions(no_pings());
                let body = json!({
                    "name": name,
                    "auto_archive_duration": ARCHIVE_MINUTES,
                    "message": serde_json::to_value(&first).map_err(failed)?,
                });
                let thread = p
                    .rest()
                    .request(
                        Method::POST,
                        &format!("/channels/{parent}/threads"),
                        Some(&body),
                    )
                    .await?;
                let thread_id = id_of(&thread["id"]).ok_or_else(|| failed("thread without id"))?;
                record(p, rfc_id, RfcObject::Thread(thread_id)).await?;
                // A forum post's first message has the post's id.
                let card_id = id_of(&thread["message"]["id"]).unwrap_or(thread_id);
                record(p, rfc_id, RfcObject::Card(card_id)).await?;
                (thread_id, card_id)
            } else {
                let body = json!({
                    "name": name,
                    "type": PUBLIC_THREAD,
                    "auto_archive_duration": ARCHIVE_MINUTES,
                });
                let thread = p
                    .rest()
                    .request(
                        Method::POST,
                        &format!("/channels/{parent}/threads"),
                        Some(&body),
                    )
                    .await?;
                let thread_id = id_of(&thread["id"]).ok_or_else(|| failed("thread without id"))?;
                record(p, rfc_id, RfcObject::Thread(thread_id)).await?;
                let card_id = p.rest().create_message(thread_id, &card).await?;
                record(p, rfc_id, RfcObject::Card(card_id)).await?;
                (thread_id, card_id)
            }
        }
    };
    p.rest()
        .request(
            Method::PUT,
            &format!("/channels/{thread}/pins/{card_id}"),
            NO_BODY,
        )
        .await?;
    Ok(Some(card_id))
}

fn card_message(
    view: &RfcView,
    config: &GuildConfig,
    locale: &str,
    item: &OutboxItem,
) -> serenity::CreateMessage {
    DiscordPublisher::message(item)
        .embed(render::card_embed(view, &config.policy, locale))
        .components(render::card_buttons(view, locale))
}

async fn record(p: &DiscordPublisher, rfc_id: i64, object: RfcObject) -> Result<(), DeliveryError> {
    p.app()
        .record_rfc_object(rfc_id, object)
        .await
        .map_err(failed)
}
