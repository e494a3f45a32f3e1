//! Delivers dependency notices: a proposal's card and its edits.

use poise::serenity_prelude as serenity;

use super::render::{card_buttons, card_embed};
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::discord::publisher::{DiscordPublisher, failed};
use crate::discord::reply::no_pings;

pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    match &item.notice {
        Notice::DependencyCardPosted { dependency_id } => {
            let d = p
                .app()
                .dependency_by_id(*dependency_id)
                .await
                .map_err(failed)?;
            let message = DiscordPublisher::message(item)
                .embed(card_embed(&d, locale))
                .components(card_buttons(&d, locale));
            p.post(d.channel_id, &message).await
        }
        Notice::DependencyCardRefresh { dependency_id } => {
            let d = p
                .app()
                .dependency_by_id(*dependency_id)
                .await
                .map_err(failed)?;
            // Not posted yet: the post itself will show the latest state.
            let Some(message_id) = d.card_message_id else {
                return Ok(None);
            };
            let edit = serenity::EditMessage::new()
                .embed(card_embed(&d, locale))
                .components(card_buttons(&d, locale))
                .allowed_mentions(no_pings());
            p.rest()
                .edit_message(d.channel_id, message_id, &edit)
                .await
                .map(Some)
        }
        other => Err(failed(format!("not a dependency notice: {other:?}"))),
    }
}
