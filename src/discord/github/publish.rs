//! Delivers the GitHub notice: the TSC's private note that activity could not be read.

use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::discord::publisher::{DiscordPublisher, failed};
use crate::i18n::{args, tr};
use crate::msg;

pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let Notice::GithubPollFailing { since_ms } = &item.notice else {
        return Err(failed(format!("not a GitHub notice: {:?}", item.notice)));
    };
    let channel_id = p.tsc_channel(item.guild_id).await?;
    let text = tr(
        locale,
        msg!("github-poll-failing"),
        Some(&args([(
            "since",
            format!("<t:{}:R>", since_ms / 1000).into(),
        )])),
    );
    p.post_text(item, channel_id, &text).await
}
