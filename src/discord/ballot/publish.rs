//! Delivers ballot notices: the ballot message and its edits, the result, the reminder.

use poise::serenity_prelude as serenity;

use super::{concerns, render};
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::discord::publisher::{DiscordPublisher, failed};
use crate::discord::reply::no_pings;
use crate::discord::rest::UNKNOWN_MESSAGE;

pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    match &item.notice {
        Notice::BallotPosted { ballot_id } => {
            let view = p.app().ballot_view(*ballot_id).await.map_err(failed)?;
            let message = DiscordPublisher::message(item)
                .embeds(concerns::message_embeds(&view, locale))
                .components(render::ballot_buttons(&view, locale));
            p.post(view.ballot.channel_id, &message).await
        }
        Notice::BallotRefresh { ballot_id } => {
            let view = p.app().ballot_view(*ballot_id).await.map_err(failed)?;
            // Not posted yet: the post itself will show the latest state.
            let Some(message_id) = view.ballot.message_id else {
                return Ok(None);
            };
            let edit = serenity::EditMessage::new()
                .embeds(concerns::message_embeds(&view, locale))
                .components(render::ballot_buttons(&view, locale))
                .allowed_mentions(no_pings());
            match p
                .rest()
                .edit_message(view.ballot.channel_id, message_id, &edit)
                .await
            {
                // Deleted while we did not hear of it: the same path as MESSAGE_DELETE (keyed by
                // the lost message, so whichever comes second does nothing) posts the ballot
                // again, and that post shows the latest state.
                Err(e) if e.discord_code() == Some(UNKNOWN_MESSAGE) => {
                    let channel_id = view.ballot.channel_id;
                    p.app()
                        .message_deleted(item.guild_id, channel_id, message_id)
                        .await
                        .map_err(failed)?;
                    Ok(None)
                }
                other => other.map(Some),
            }
        }
        Notice::BallotResult { ballot_id } => {
            let view = p.app().ballot_view(*ballot_id).await.map_err(failed)?;
            // A private subject's result is the TSC's alone.
            let channel_id = if view.ballot.subject.is_private() {
                p.tsc_channel(item.guild_id).await?
            } else {
                p.announce_channel(item.guild_id).await?
            };
            // Every concern in full: the pages after the first are further messages, each
            // with its own nonce so that a retry posts none twice.
            let pages = concerns::pages(&view, locale, render::result_embed(&view, locale));
            let mut first = None;
            for (n, page) in pages.into_iter().enumerate() {
                let mut message = DiscordPublisher::message(item).embeds(page.embeds);
                if n > 0 {
                    message =
                        message.nonce(serenity::Nonce::String(format!("steward-{}-{n}", item.id)));
                }
                let id = p.post(channel_id, &message).await?;
                first = first.or(id);
            }
            Ok(first)
        }
        Notice::BallotReminder { ballot_id, members } => {
            let view = p.app().ballot_view(*ballot_id).await.map_err(failed)?;
            if !view.ballot.open {
                return Ok(None);
            }
            // Whoever voted since the reminder was queued is left alone.
            let missing = view.missing_voters();
            // Groups of the members as queued, so that a retry forms the same ones: each
            // message keeps its nonce and nobody is pinged twice.
            let groups = render::reminder_groups(&view, members, locale);
            let mut first = None;
            for (n, group) in groups.into_iter().enumerate() {
                let group: Vec<u64> = group.into_iter().filter(|m| missing.contains(m)).collect();
                if group.is_empty() {
                    continue;
                }
                let mut message = DiscordPublisher::message(item)
                    .content(render::reminder_text(&view, &group, locale))
                    .allowed_mentions(
                        serenity::CreateAllowedMentions::new()
                            .users(group.iter().map(|m| serenity::UserId::new(*m))),
                    );
                if n > 0 {
                    message =
                        message.nonce(serenity::Nonce::String(format!("steward-{}-{n}", item.id)));
                }
                let id = p.post(view.ballot.channel_id, &message).await?;
                first = first.or(id);
            }
            Ok(first)
        }
        other => Err(failed(format!("not a ballot notice: {other:?}"))),
    }
}
