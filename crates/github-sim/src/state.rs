//! What the simulator knows (accounts, repositories, events, the rate-limit budget, faults)
//! and how it answers one request.

use std::collections::VecDeque;
use std::sync::Arc;

use axum::http::HeaderMap;
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

use crate::message;

/// A public event as the simulator stores it.
#[derive(Debug, Clone)]
pub struct SimEvent {
    pub login: String,
    pub kind: String,
    pub repo: String,
    pub at: DateTime<Utc>,
}

type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

pub(crate) struct State {
    /// (login, organisation)
    accounts: Vec<(String, bool)>,
    pub repos: Vec<String>,
    pub events: Vec<SimEvent>,
    pub limit: u64,
    pub remaining: u64,
    pub reset: Option<DateTime<Utc>>,
    pub secondary: VecDeque<u64>,
    pub failures: Vec<(String, u16, Option<usize>)>,
    pub token: Option<String>,
    pub clock: Option<Clock>,
    pub requests: Vec<String>,
    pub authorizations: Vec<Option<String>>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            accounts: Vec::new(),
            repos: Vec::new(),
            events: Vec::new(),
            // GitHub's budget for a token.
            limit: 5000,
            remaining: 5000,
            reset: None,
            secondary: VecDeque::new(),
            failures: Vec::new(),
            token: None,
            clock: None,
            requests: Vec::new(),
            authorizations: Vec::new(),
        }
    }
}

/// An answer: status, headers, JSON body.
pub(crate) struct Answer {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Value,
}

impl State {
    pub fn add_account(&mut self, login: &str, organisation: bool) {
        self.accounts.push((login.to_owned(), organisation));
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.as_ref().map_or_else(Utc::now, |c| c())
    }

    pub fn answer(&mut self, method: &str, path: &str, query: &str, headers: &HeaderMap) -> Answer {
        let full = if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{query}")
        };
        self.requests.push(full);
        let auth = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        self.authorizations.push(auth.clone());
        // The budget refills at its reset.
        let now = self.now();
        let reset = *self.reset.get_or_insert(now + Duration::hours(1));
        if now >= reset {
            self.remaining = self.limit;
            self.reset = Some(now + Duration::hours(1));
        }
        if !headers.contains_key("user-agent") {
            return self.plain(403, message("Request forbidden by administrative rules. Please make sure your request has a User-Agent header"));
        }
        if let (Some(token), Some(auth)) = (&self.token, &auth)
            && *auth != format!("Bearer {token}")
        {
            return self.plain(401, message("Bad credentials"));
        }
        if let Some(secs) = self.secondary.pop_front() {
            let mut answer = self.plain(403, message("You have exceeded a secondary rate limit."));
            answer.headers.push(("retry-after", secs.to_string()));
            return answer;
        }
        if let Some(status) = self.take_failure(path) {
            return self.plain(status, message("Server Error"));
        }
        if self.remaining == 0 {
            return self.plain(403, message("API rate limit exceeded"));
        }
        self.remaining -= 1;
        if method != "GET" {
            return self.plain(404, message("Not Found"));
        }
        let (status, body) = self.route(path, query);
        self.plain(status, body)
    }

    fn take_failure(&mut self, path: &str) -> Option<u16> {
        let found = self
            .failures
            .iter_mut()
            .find(|(prefix, _, times)| path.starts_with(prefix.as_str()) && *times != Some(0))?;
        if let Some(n) = found.2.as_mut() {
            *n -= 1;
        }
        Some(found.1)
    }

    /// An answer with the rate-limit headers of the budget as it now stands.
    fn plain(&self, status: u16, body: Value) -> Answer {
        let reset = self.reset.map_or(0, |r| r.timestamp());
        Answer {
            status,
            headers: vec![
                ("x-ratelimit-limit", self.limit.to_string()),
                ("x-ratelimit-remaining", self.remaining.to_string()),
                (
                    "x-ratelimit-used",
                    (self.limit - self.remaining).to_string(),
                ),
                ("x-ratelimit-reset", reset.to_string()),
            ],
            body,
        }
    }

    fn account(&self, login: &str) -> Option<&(String, bool)> {
        self.accounts
            .iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(login))
    }

    fn route(&self, path: &str, query: &str) -> (u16, Value) {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let not_found = (404, message("Not Found"));
        match parts.as_slice() {
            ["users", login] => match self.account(login) {
                Some((login, org)) => (
                    200,
                    json!({
                        "login": login,
                        "id": 1000 + login.len(),
                        "type": if *org { "Organization" } else { "User" },
                    }),
                ),
                None => not_found,
            },
            ["repos", owner, name] => {
                let full = format!("{owner}/{name}");
                match self.repos.iter().find(|r| r.eq_ignore_ascii_case(&full)) {
                    Some(repo) => (200, json!({ "full_name": repo, "private": false })),
                    None => not_found,
                }
            }
            ["users", login, "events", "public"] => match self.account(login) {
                Some((login, _)) => (200, self.events_page(login, query)),
                None => not_found,
            },
            _ => not_found,
        }
    }

    fn events_page(&self, login: &str, query: &str) -> Value {
        let param = |name: &str, default: usize| {
            query
                .split('&')
                .filter_map(|kv| kv.split_once('='))
                .find(|(k, _)| *k == name)
                .and_then(|(_, v)| v.parse::<usize>().ok())
                .unwrap_or(default)
        };
        let per_page = param("per_page", 30).clamp(1, 100);
        let page = param("page", 1).max(1);
        let mut events: Vec<&SimEvent> = self
            .events
            .iter()
            .filter(|e| e.login.eq_ignore_ascii_case(login))
            .collect();
        events.sort_by_key(|e| std::cmp::Reverse(e.at));
        let list: Vec<Value> = events
            .into_iter()
            .enumerate()
            .skip((page - 1) * per_page)
            .take(per_page)
            .map(|(n, e)| {
                json!({
                    "id": n.to_string(),
                    "type": e.kind,
                    "actor": { "login": login },
                    "repo": { "name": e.repo },
                    "payload": {},
                    "public": true,
                    "created_at": e.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                })
            })
            .collect();
        Value::Array(list)
    }
}
