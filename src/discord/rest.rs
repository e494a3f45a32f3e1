//! The small REST client the outbox posts through. Unlike serenity's client it reports 429's
//! `retry_after` (serenity drops it when its own rate limiter is off, as it is behind a proxy),
//! so that the outbox never retries earlier than Discord asked.

use chrono::Duration;
use poise::serenity_prelude as serenity;
use serde::Serialize;

use crate::governance::capabilities;

use crate::app::delivery::{DeliveryError, MAX_RETRY_AFTER};

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

    /// Sends one request; returns the JSON answer (Null for 204) or the classified failure.
    pub async fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&(impl Serialize + ?Sized)>,
    ) -> Result<serde_json::Value, DeliveryError> {
        let method_name = method.as_str().to_owned();
        let method_name = method_name.as_str();
        let mut request = self
            .client
            .request(method, format!("{}/api/v10{path}", self.base))
            .header(reqwest::header::AUTHORIZATION, &self.authorization);
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request
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
            return Ok(body);
        }
        match classify(status.as_u16(), &body, header_wait) {
            // Discord does not say which permission is missing; the route does.
            DeliveryError::Forbidden(detail) => Err(DeliveryError::Forbidden(
                capabilities::with_needs(detail, &capabilities::needed_for(method_name, path)),
            )),
            other => Err(other),
        }
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &impl Serialize,
    ) -> Result<u64, DeliveryError> {
        let answer = self.request(method, path, Some(body)).await?;
        answer["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .ok_or_else(|| DeliveryError::Failed("response without a message id".into()))
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

/// Discord's JSON error codes that decide how a failure is retried.
pub const UNKNOWN_CHANNEL: i64 = 10003;
pub const UNKNOWN_MESSAGE: i64 = 10008;
const MISSING_ACCESS: i64 = 50001;
const MISSING_PERMISSIONS: i64 = 50013;

/// Sorts a failed answer: wait (429), fix a permission (403 missing access/permissions), give up
/// (other 4xx: closed DMs, unknown channel or message, a body Discord refuses), or retry (5xx).
fn classify(status: u16, body: &serde_json::Value, header_wait: Option<f64>) -> DeliveryError {
    let code = body["code"].as_i64().unwrap_or(0);
    let message = format!(
        "HTTP {status} ({code}): {}",
        body["message"].as_str().unwrap_or("")
    );
    match status {
        429 => {
            // Bounded before any arithmetic: NaN, infinity or 1e300 must not overflow.
            let seconds = body["retry_after"]
                .as_f64()
                .or(header_wait)
                .filter(|s| s.is_finite())
                .unwrap_or(5.0)
                .clamp(0.0, MAX_RETRY_AFTER.num_seconds() as f64);
            DeliveryError::RetryAfter(Duration::milliseconds((seconds * 1000.0).ceil() as i64))
        }
        403 if code == MISSING_PERMISSIONS || code == MISSING_ACCESS => {
            DeliveryError::Forbidden(message)
        }
        // A body Discord refuses is our bug, not the member's: logged loudly, not retried.
        400 => {
            tracing::error!(code, "Discord refused a request body");
            DeliveryError::Rejected(message)
        }
        // The token is wrong: deliveries stop, nothing is given up (see the outbox).
        401 => DeliveryError::Unauthorized,
        // Request Timeout: Discord did not finish reading it; sending it again is safe.
        408 => DeliveryError::Failed(message),
        402..=499 => DeliveryError::Rejected(message),
        _ => DeliveryError::Failed(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn failures_are_sorted_by_what_fixes_them() {
        let rate = classify(429, &json!({"retry_after": 1.5, "code": 0}), None);
        assert_eq!(
            rate,
            DeliveryError::RetryAfter(Duration::milliseconds(1500))
        );
        assert_eq!(
            classify(429, &json!({}), Some(2.0)),
            DeliveryError::RetryAfter(Duration::seconds(2))
        );
        let missing = json!({"code": 50013, "message": "Missing Permissions"});
        assert!(matches!(
            classify(403, &missing, None),
            DeliveryError::Forbidden(_)
        ));
        let closed_dms = json!({"code": 50007, "message": "Cannot send messages to this user"});
        assert!(matches!(
            classify(403, &closed_dms, None),
            DeliveryError::Rejected(_)
        ));
        assert!(matches!(
            classify(404, &json!({"code": 10003}), None),
            DeliveryError::Rejected(_)
        ));
        assert!(matches!(
            classify(502, &json!({}), None),
            DeliveryError::Failed(_)
        ));
        assert_eq!(
            classify(401, &json!({"code": 0}), None),
            DeliveryError::Unauthorized
        );
        assert!(matches!(
            classify(408, &json!({}), None),
            DeliveryError::Failed(_)
        ));
    }

    #[test]
    fn absurd_waits_are_bounded() {
        for wait in [json!(1e300), json!(-3.0), json!(f64::MAX)] {
            let DeliveryError::RetryAfter(d) = classify(429, &json!({"retry_after": wait}), None)
            else {
                panic!("not a wait");
            };
            assert!(d >= Duration::zero() && d <= MAX_RETRY_AFTER, "{d}");
        }
        assert_eq!(
            classify(429, &json!({}), Some(f64::INFINITY)),
            DeliveryError::RetryAfter(Duration::seconds(5))
        );
    }
}
