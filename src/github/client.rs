//! The HTTP client: base URL configurable (`GITHUB_API_URL`, a simulator in tests), an optional
//! token (`GITHUB_TOKEN`, never printed), and GitHub's rate-limit headers read on every answer.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{ACCEPT, AUTHORIZATION, HeaderMap, USER_AGENT};
use serde::Deserialize;

use crate::governance::github::{Event, RateHeaders};

pub const DEFAULT_API_URL: &str = "https://api.github.com";
/// Events per page: GitHub's maximum.
const PER_PAGE: u32 = 100;
const TIMEOUT: Duration = Duration::from_secs(20);

/// Where GitHub is, and the token if one is set.
#[derive(Clone, PartialEq, Eq)]
pub struct GithubSettings {
    pub api_url: String,
    pub token: Option<String>,
}

impl Default for GithubSettings {
    fn default() -> Self {
        Self {
            api_url: DEFAULT_API_URL.to_owned(),
            token: None,
        }
    }
}

impl std::fmt::Debug for GithubSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GithubSettings")
            .field("api_url", &self.api_url)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// Why a request gave no answer to use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GithubError {
    #[error("not found on GitHub")]
    NotFound,
    /// A spent budget (403/429 with `X-RateLimit-Remaining: 0`) or a secondary limit
    /// (`Retry-After`).
    #[error("rate limited by GitHub")]
    RateLimited(RateHeaders),
    /// Network, server or token trouble; the text is for the log, never for members.
    #[error("GitHub request failed: {0}")]
    Failed(String),
}

/// An account as GitHub spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub login: String,
    pub organisation: bool,
}

#[derive(Deserialize)]
struct AccountBody {
    login: String,
    #[serde(rename = "type", default)]
    kind: String,
}

#[derive(Deserialize)]
struct EventBody {
    #[serde(rename = "type")]
    kind: Option<String>,
    repo: Option<RepoBody>,
    created_at: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
struct RepoBody {
    name: String,
}

/// A client for one GitHub API (github.com, an Enterprise server, or a simulator).
#[derive(Debug, Clone)]
pub struct GithubClient {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
}

impl GithubClient {
    pub fn new(settings: &GithubSettings) -> Self {
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .unwrap_or_default();
        Self {
            http,
            base: settings.api_url.trim_end_matches('/').to_owned(),
            token: settings.token.clone().filter(|t| !t.trim().is_empty()),
        }
    }

    /// Whether the daily poll reads GitHub: only with a token (the operator's opt-in).
    pub fn can_poll(&self) -> bool {
        self.token.is_some()
    }

    async fn get(&self, path: &str) -> Result<(reqwest::Response, RateHeaders), GithubError> {
        let mut request = self
            .http
            .get(format!("{}{path}", self.base))
            .header(USER_AGENT, "steward-governance-bot")
            .header(ACCEPT, "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28");
        if let Some(token) = &self.token {
            request = request.header(AUTHORIZATION, format!("Bearer {token}"));
        }
        let response = request
            .send()
            .await
            .map_err(|e| GithubError::Failed(e.without_url().to_string()))?;
        let rate = rate_headers(response.headers());
        let status = response.status().as_u16();
        match status {
            200..=299 => Ok((response, rate)),
            404 => Err(GithubError::NotFound),
            429 => Err(GithubError::RateLimited(rate)),
            403 if rate.exhausted() || rate.retry_after.is_some() => {
                Err(GithubError::RateLimited(rate))
            }
            _ => Err(GithubError::Failed(format!("status {status}"))),
        }
    }

    /// The account with this login (a user or an organisation), as GitHub spells it.
    pub async fn account(&self, login: &str) -> Result<Account, GithubError> {
        let (response, _) = self.get(&format!("/users/{login}")).await?;
        let body: AccountBody = response
            .json()
            .await
            .map_err(|e| GithubError::Failed(e.without_url().to_string()))?;
        Ok(Account {
            login: body.login,
            organisation: body.kind == "Organization",
        })
    }

    /// Whether the repository `owner/name` exists (and is visible to this client).
    pub async fn repository(&self, full_name: &str) -> Result<(), GithubError> {
        self.get(&format!("/repos/{full_name}")).await.map(drop)
    }

    /// One page (from 1) of a member's recent public events, newest first, with the
    /// rate-limit headers of the answer. Only type, repository and time are read.
    pub async fn public_events(
        &self,
        login: &str,
        page: u32,
    ) -> Result<(Vec<Event>, RateHeaders, bool), GithubError> {
        let path = format!("/users/{login}/events/public?per_page={PER_PAGE}&page={page}");
        let (response, rate) = self.get(&path).await?;
        let body: Vec<EventBody> = response
            .json()
            .await
            .map_err(|e| GithubError::Failed(e.without_url().to_string()))?;
        let full = body.len() >= PER_PAGE as usize;
        let events = body
            .into_iter()
            .filter_map(|e| {
                Some(Event {
                    kind: e.kind?,
                    repo: e.repo?.name,
                    at: e.created_at?,
                })
            })
            .collect();
        Ok((events, rate, full))
    }
}

fn rate_headers(headers: &HeaderMap) -> RateHeaders {
    let number = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<i64>().ok())
    };
    RateHeaders {
        remaining: number("x-ratelimit-remaining").and_then(|n| u64::try_from(n).ok()),
        reset: number("x-ratelimit-reset"),
        retry_after: number("retry-after").and_then(|n| u64::try_from(n).ok()),
    }
}
