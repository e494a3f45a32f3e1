//! The small REST client the outbox posts through. Unlike serenity's client it reports 429's
//! `retry_after` (serenity drops it when its own rate limiter is off, as it is behind a proxy),
//! so that the outbox never retries earlier than Discord asked.

use chrono::Duration;
use poise::serenity_prelude as serenity;
use serde::Serialize;

use crate::app::outbox::DeliveryError;

/// The production API host; `DISCORD_API_BASE` replaces it.
pub const DISCORD_BASE: &str = "https://discord.com";

#[derive(Clone)]
pub struct Rest {
    client: reqwest::Client,
    base: String,
    authorization: String,
}

impl std::fmt::Debug for Rest {
    // The token never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rest")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

impl Rest {
    pub fn new(token: &str, api_base: Option<&str>) -> Self {
        Self {
            client: reqwest::Client::builder()
                .user_agent(concat!(
                    "DiscordBot (https://github.com/steward-bot/steward, ",
                    env!("CARGO_PKG_VERSION"),
                    ")"
                ))
                .timeout(std::time::Duration::from_secs(30))
                .build()
                .unwrap_or_default(),
            base: api_base
                .unwrap_or(DISCORD_BASE)
                .trim_end_matches('/')
                .to_owned(),
            authorization: format!("Bot {token}"),
        }
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &impl Serialize,
    ) -> Result<u64, DeliveryError> {
        let response = self
            .client
            .request(method, format!("{}/api/v10{path}", self.base))
            .header(reqwest::header::AUTHORIZATION, &self.authorization)
            .json(body)
            .send()
            .await
            .map_err(|e| DeliveryError::Failed(format!("network: {}", e.without_url())))?;
        let status = response.status();
        let header_wait = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<f64>().ok());
        let body: serde_json::Value = response.json().await.unwrap_or_default();
        if status.is_success() {
            return body["id"]
                .as_str()
                .and_then(|id| id.parse().ok())
                .ok_or_else(|| DeliveryError::Failed("response without a message id".into()));
        }
        if status == reqwest::StatusCode::TOO_MANY_REQUESTS {
            let seconds = body["retry_after"]
                .as_f64()
                .or(header_wait)
                .unwrap_or(5.0)
                .max(0.0);
            return Err(DeliveryError::RetryAfter(Duration::milliseconds(
                (seconds * 1000.0).ceil() as i64,
            )));
        }
        let message = body["message"].as_str().unwrap_or("");
        Err(DeliveryError::Failed(format!(
            "HTTP {}: {message}",
            status.as_u16()
        )))
    }

    pub async fn create_message(
        &self,
        channel_id: u64,
        message: &serenity::CreateMessage,
    ) -> Result<u64, DeliveryError> {
        self.send(
            reqwest::Method::POST,
            &format!("/channels/{channel_id}/messages"),
            message,
        )
        .await
    }

    pub async fn edit_message(
        &self,
        channel_id: u64,
        message_id: u64,
        edit: &serenity::EditMessage,
    ) -> Result<u64, DeliveryError> {
        self.send(
            reqwest::Method::PATCH,
            &format!("/channels/{channel_id}/messages/{message_id}"),
            edit,
        )
        .await
    }
}
