//! Delivers the yearly review summary to the TSC, split across messages when long.

use super::render;
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::discord::publisher::{DiscordPublisher, failed};

pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let Notice::AnnualReview { to, .. } = &item.notice else {
        return Err(failed(format!(
            "not an annual review notice: {:?}",
            item.notice
        )));
    };
    let summary = p
        .app()
        .review_summary(item.guild_id, *to)
        .await
        .map_err(failed)?;
    let channel_id = p.tsc_channel(item.guild_id).await?;
    p.post_text(item, channel_id, &render::review_text(&summary, locale))
        .await
}
