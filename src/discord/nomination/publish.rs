//! Delivers the nomination notices: the consent DM, the TSC's private thread (or its channel)
//! with the card, the card's edits, the notes to the TSC and the nominator, the outcome DM and
//! the welcome. Nothing but the welcome goes anywhere public.

use poise::serenity_prelude as serenity;
use reqwest::Method;
use serde_json::{Value, json};

use super::notes;
use super::render::{self, BallotLine};
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::discord::publisher::{DiscordPublisher, failed};
use crate::discord::reply::no_pings;
use crate::governance::nomination::State;
use crate::store::nomination::Nomination;

/// Discord's channel type of a private thread.
const PRIVATE_THREAD: u8 = 12;
/// A week without messages before the thread hides itself (it comes back with the next one).
const AUTO_ARCHIVE_MINUTES: u32 = 10_080;

const NO_BODY: Option<&Value> = None;

pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let app = p.app();
    let load = |id: i64| async move { app.nomination(id).await.map_err(failed) };
    match &item.notice {
        Notice::NominationInvite { nomination_id } => {
            let n = load(*nomination_id).await?;
            // Answered, ended or forgotten meanwhile: nothing to ask.
            if n.state != State::AwaitingConsent || n.statement.is_none() {
                return Ok(None);
            }
            let channel = p.dm_channel(n.nominee_id).await?;
            let message = DiscordPublisher::message(item)
                .content(notes::invite_text(&n, locale))
                .embed(render::statement_embed(&n, locale))
                .components(render::answer_buttons(n.id, locale));
            p.post(channel, &message).await
        }
        Notice::NominationCardPosted { nomination_id } => {
            card(p, item, load(*nomination_id).await?, locale).await
        }
        Notice::NominationCardRefresh { nomination_id } => {
            let n = load(*nomination_id).await?;
            // Not posted yet: the post itself shows the latest state.
            let (Some(place), Some(card)) = (n.place_id, n.card_message_id) else {
                return Ok(None);
            };
            // Only the steps are edited: the embed with the statement stays as posted.
            let edit = serenity::EditMessage::new()
                .content(render::card_steps(&n, ballot_line(p, &n).await?, locale))
                .allowed_mentions(no_pings());
            p.rest().edit_message(place, card, &edit).await.map(Some)
        }
        Notice::NominationTscNote {
            nomination_id,
            note,
        } => {
            let n = load(*nomination_id).await?;
            let channel = p.tsc_channel(item.guild_id).await?;
            p.post_text(item, channel, &notes::tsc_note(&n, *note, locale))
                .await
        }
        Notice::NominationNominatorNote {
            nomination_id,
            note,
        } => {
            let n = load(*nomination_id).await?;
            let channel = p.dm_channel(n.nominator_id).await?;
            p.post_text(item, channel, &notes::nominator_note(&n, *note, locale))
                .await
        }
        Notice::NominationOutcome { nomination_id } => {
            let n = load(*nomination_id).await?;
            let days = p.config(item.guild_id).await?.policy.renomination_days;
            let channel = p.dm_channel(n.nominee_id).await?;
            p.post_text(item, channel, &notes::outcome_text(&n, days, locale))
                .await
        }
        Notice::NominationWelcome { nomination_id } => {
            let n = load(*nomination_id).await?;
            let channel = p.announce_channel(item.guild_id).await?;
            p.post_text(item, channel, &notes::welcome_text(&n, locale))
                .await
        }
        other => Err(failed(format!("not a nomination notice: {other:?}"))),
    }
}

/// The ballot the card shows, once it is open.
async fn ballot_line(
    p: &DiscordPublisher,
    n: &Nomination,
) -> Result<Option<BallotLine>, DeliveryError> {
    let Some(ballot_id) = n.ballot_id else {
        return Ok(None);
    };
    let view = p.app().ballot_view(ballot_id).await.map_err(failed)?;
    Ok(Some(BallotLine {
        id: ballot_id,
        closes_at: view.ballot.closes_at,
    }))
}

/// The private place and the card in it. The thread is recorded as soon as Discord made it,
/// so a retry after a later failure adds the TSC and posts the card without a second thread.
async fn card(
    p: &DiscordPublisher,
    item: &OutboxItem,
    n: Nomination,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    if n.state.is_closed() && n.place_id.is_none() {
        return Ok(None);
    }
    // Never a public channel: without a private TSC channel the card waits for one.
    let channel = p.tsc_channel(item.guild_id).await?;
    let place = match n.place_id {
        Some(place) => place,
        None => {
            let place = private_thread(p, &n, channel, locale).await?;
            p.app()
                .record_nomination_place(n.id, place)
                .await
                .map_err(failed)?;
            place
        }
    };
    if place != channel {
        add_tsc(p, &n, place).await?;
    }
    let message = DiscordPublisher::message(item)
        .content(render::card_steps(&n, None, locale))
        .embed(render::statement_embed(&n, locale));
    p.post(place, &message).await
}

/// A private thread in the TSC channel, or the channel itself where the bot cannot create one
/// (no permission, or a channel without private threads).
async fn private_thread(
    p: &DiscordPublisher,
    n: &Nomination,
    channel: u64,
    locale: &str,
) -> Result<u64, DeliveryError> {
    let body = json!({
        "name": render::thread_name(n, locale),
        "type": PRIVATE_THREAD,
        "invitable": false,
        "auto_archive_duration": AUTO_ARCHIVE_MINUTES,
    });
    let path = format!("/channels/{channel}/threads");
    match p.rest().request(Method::POST, &path, Some(&body)).await {
        Ok(answer) => answer["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .ok_or_else(|| failed("Discord answered without a thread id")),
        Err(DeliveryError::Forbidden(reason) | DeliveryError::Rejected(reason)) => {
            tracing::info!(
                nomination_id = n.id,
                reason,
                "no private thread; the TSC channel itself is used"
            );
            Ok(channel)
        }
        Err(e) => Err(e),
    }
}

/// Adds the TSC (who vote) to the private thread; PUT is idempotent, so a retry is safe.
async fn add_tsc(p: &DiscordPublisher, n: &Nomination, thread: u64) -> Result<(), DeliveryError> {
    for member in p.app().nomination_electorate(n).await.map_err(failed)? {
        let path = format!("/channels/{thread}/thread-members/{member}");
        match p.rest().request(Method::PUT, &path, NO_BODY).await {
            // A member who left meanwhile does not stop the others.
            Ok(_) | Err(DeliveryError::Rejected(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
