//! Delivers the set-up notices: a policy change announced, a set-up change and a missing
//! permission told to the TSC.

use super::render;
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::discord::publisher::{DiscordPublisher, failed};

pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let (channel_id, text) = match &item.notice {
        Notice::PermissionMissing {
            channel_id,
            failed,
            detail,
            ..
        } => (
            *channel_id,
            render::permission_missing_text(locale, failed, detail),
        ),
        Notice::PolicyChanged {
            channel_id,
            key,
            value,
            changed_by,
            ..
        } => (
            *channel_id,
            render::policy_changed_text(locale, *key, value, *changed_by),
        ),
        Notice::SetupChanged {
            changed_by,
            before,
            after,
            ..
        } => (
            p.tsc_channel(item.guild_id).await?,
            render::setup_changed_text(locale, *changed_by, before.as_deref(), after),
        ),
        Notice::SetupChannelGone { channel_id, what } => {
            // Told where it can still be read: the TSC's channel, unless that is the one gone.
            let config = p.config(item.guild_id).await?;
            let target = [config.tsc_channel_id, config.announce_channel_id]
                .into_iter()
                .flatten()
                .find(|c| c != channel_id)
                .ok_or_else(|| DeliveryError::Waiting("no channel to tell the TSC in".into()))?;
            (target, render::setup_channel_gone_text(locale, what))
        }
        other => return Err(failed(format!("not a set-up notice: {other:?}"))),
    };
    p.post_text(item, channel_id, &text).await
}
