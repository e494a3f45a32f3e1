//! Delivers the annual review: the yearly summary to the TSC, the completed review where the
//! TSC votes on it, and the approved review to the community; each split across messages when
//! long.

use super::render;
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::discord::publisher::{DiscordPublisher, failed};

pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let (review_id, channel_id, draft) = match &item.notice {
        Notice::AnnualReview { to, .. } => {
            let summary = p
                .app()
                .review_summary(item.guild_id, *to)
                .await
                .map_err(failed)?;
            let channel_id = p.tsc_channel(item.guild_id).await?;
            return p
                .post_text(item, channel_id, &render::review_text(&summary, locale))
                .await;
        }
        Notice::AnnualReviewDraft {
            review_id,
            channel_id,
        } => (*review_id, *channel_id, true),
        Notice::AnnualReviewPublished { review_id } => {
            (*review_id, p.announce_channel(item.guild_id).await?, false)
        }
        other => return Err(failed(format!("not an annual review notice: {other:?}"))),
    };
    let review = p.app().annual_review(review_id).await.map_err(failed)?;
    // What the community reads: private matters counted, never shown; the TSC votes on that.
    let summary = p
        .app()
        .review_summary_between(item.guild_id, review.from, review.to)
        .await
        .map_err(failed)?
        .public();
    let text = render::publication_text(&summary, &review.sections, draft, locale);
    p.post_text(item, channel_id, &text).await
}
