//! Before connecting: ask Discord who the token belongs to. A rejected token (401) ends the
//! start at once with one clear line (the binary exits with code 2) instead of serenity's
//! retries; an unreachable Discord is said so, once per attempt, while it is retried.

use std::time::Duration;

use poise::serenity_prelude as serenity;

/// serenity's client for this token, pointed at `api_base` when set (a simulator or a proxy).
pub fn serenity_http(token: &str, api_base: Option<&str>) -> serenity::Http {
    let mut http = serenity::HttpBuilder::new(token);
    if let Some(base) = api_base {
        // serenity only honours the proxy with its own rate limiter off.
        http = http.proxy(base).ratelimiter_disabled(true);
    }
    http.build()
}

/// Discord refused the token: retrying cannot help.
#[derive(Debug, thiserror::Error)]
#[error(
    "Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the token again from the developer portal (Bot → Reset Token)"
)]
pub struct TokenRejected;

/// How often to try reaching Discord before giving up (about two minutes in all).
const ATTEMPTS: u32 = 8;

/// The bot's user, once Discord accepted the token.
pub async fn check_token(
    http: &serenity::Http,
    api: &str,
) -> anyhow::Result<serenity::CurrentUser> {
    let mut wait = Duration::from_secs(1);
    for attempt in 1..=ATTEMPTS {
        match http.get_current_user().await {
            Ok(user) => return Ok(user),
            Err(e) if is_unauthorized(&e) => return Err(TokenRejected.into()),
            Err(e) if attempt == ATTEMPTS => {
                return Err(anyhow::anyhow!("could not reach Discord at {api}: {e}"));
            }
            Err(e) => {
                tracing::warn!(%api, error = %e, retry_in = ?wait, "could not reach Discord; retrying");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(30));
            }
        }
    }
    unreachable!("the last attempt returns")
}

/// A 401 from the REST API, or the gateway's "authentication failed" (close code 4004).
pub fn is_unauthorized(e: &serenity::Error) -> bool {
    match e {
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) => {
            r.status_code.as_u16() == 401
        }
        serenity::Error::Gateway(serenity::GatewayError::InvalidAuthentication) => true,
        _ => false,
    }
}
