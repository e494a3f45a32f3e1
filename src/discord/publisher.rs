//! The Discord side of the outbox: the [`DiscordPublisher`] every feature's `publish.rs`
//! delivers through, and what they share (messages with nonces and no pings, the guild's
//! language, DM channels, long texts split across messages). `delivery.rs` dispatches.

use poise::serenity_prelude as serenity;

use super::reply::no_pings;
use super::rest::Rest;
use super::text::{MESSAGE_MAX, split_message};
use crate::app::App;
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::i18n;
use crate::store::guild::GuildConfig;

pub struct DiscordPublisher {
    app: App,
    rest: Rest,
}

/// A passing failure while preparing a delivery (reading state): retried with backoff.
pub fn failed(e: impl std::fmt::Display) -> DeliveryError {
    DeliveryError::Failed(e.to_string())
}

impl DiscordPublisher {
    pub fn new(app: App, rest: Rest) -> Self {
        Self { app, rest }
    }

    pub fn app(&self) -> &App {
        &self.app
    }

    pub fn rest(&self) -> &Rest {
        &self.rest
    }

    /// The guild's configuration; a notice for a guild without one cannot be delivered yet.
    pub async fn config(&self, guild_id: u64) -> Result<GuildConfig, DeliveryError> {
        self.app
            .find_guild_config(guild_id)
            .await
            .map_err(failed)?
            .ok_or_else(|| failed("guild not configured"))
    }

    /// The TSC's private channel; a notice for the TSC waits while the guild has none, rather
    /// than going anywhere public.
    pub async fn tsc_channel(&self, guild_id: u64) -> Result<u64, DeliveryError> {
        self.config(guild_id)
            .await?
            .tsc_channel_id
            .ok_or_else(|| DeliveryError::Waiting("no private TSC channel is set up".into()))
    }

    /// The announcement channel.
    pub async fn announce_channel(&self, guild_id: u64) -> Result<u64, DeliveryError> {
        self.config(guild_id)
            .await?
            .announce_channel_id
            .ok_or_else(|| DeliveryError::Waiting("no announcement channel is set up".into()))
    }

    /// The language notices are posted in: the guild's.
    pub async fn guild_locale(&self, guild_id: u64) -> &'static str {
        let config = self.app.find_guild_config(guild_id).await.ok().flatten();
        i18n::resolve(None, config.as_ref().map(|c| c.locale.as_str()))
    }

    /// A new message; the outbox id is its nonce, so Discord drops a duplicate if we crash
    /// between posting and recording the post.
    pub fn message(item: &OutboxItem) -> serenity::CreateMessage {
        serenity::CreateMessage::new()
            .allowed_mentions(no_pings())
            .nonce(serenity::Nonce::String(format!("steward-{}", item.id)))
            .enforce_nonce(true)
    }

    /// Posts a message; returns its id.
    pub async fn post(
        &self,
        channel_id: u64,
        message: &serenity::CreateMessage,
    ) -> Result<Option<u64>, DeliveryError> {
        self.rest
            .create_message(channel_id, message)
            .await
            .map(Some)
    }

    /// Posts a text that may be longer than one message as several, each with its own nonce so
    /// that a retry after a partial failure posts none twice. Returns the first message's id.
    pub async fn post_text(
        &self,
        item: &OutboxItem,
        channel_id: u64,
        text: &str,
    ) -> Result<Option<u64>, DeliveryError> {
        let mut first = None;
        for (n, chunk) in split_message(text, MESSAGE_MAX).into_iter().enumerate() {
            let mut message = Self::message(item).content(chunk);
            if n > 0 {
                message =
                    message.nonce(serenity::Nonce::String(format!("steward-{}-{n}", item.id)));
            }
            let id = self.rest.create_message(channel_id, &message).await?;
            first.get_or_insert(id);
        }
        Ok(first)
    }

    /// The DM channel with a member (Discord returns the existing one if there is one).
    pub async fn dm_channel(&self, member_id: u64) -> Result<u64, DeliveryError> {
        let body = serde_json::json!({ "recipient_id": member_id.to_string() });
        let answer = self
            .rest
            .request(reqwest::Method::POST, "/users/@me/channels", Some(&body))
            .await?;
        answer["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .ok_or_else(|| failed("DM channel without an id"))
    }

    /// Adds or removes one role of a member. PUT and DELETE are idempotent: a retry is safe.
    pub async fn set_role(
        &self,
        guild_id: u64,
        member_id: u64,
        role_id: u64,
        add: bool,
    ) -> Result<(), DeliveryError> {
        let method = if add {
            reqwest::Method::PUT
        } else {
            reqwest::Method::DELETE
        };
        let path = format!("/guilds/{guild_id}/members/{member_id}/roles/{role_id}");
        self.rest
            .request(method, &path, None::<&()>)
            .await
            .map(drop)
    }
}
