//! Delivers case notices.

use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::discord::publisher::{DiscordPublisher, failed};

pub async fn deliver(
    _p: &DiscordPublisher,
    item: &OutboxItem,
    _locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    Err(failed(format!("not yet: {:?}", item.notice)))
}
