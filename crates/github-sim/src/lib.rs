//! A GitHub REST API simulator served on 127.0.0.1, for tests of code that reads GitHub.
//!
//! It serves the few routes Steward calls, as GitHub answers them:
//! - `GET /users/{login}`: a user or organisation (`type`), 404 if unknown (logins match
//!   whatever their case, as on GitHub);
//! - `GET /repos/{owner}/{name}`: a repository, 404 if unknown;
//! - `GET /users/{login}/events/public?per_page=&page=`: the user's public events, newest
//!   first, paginated.
//!
//! Every answer carries `X-RateLimit-Limit`, `-Remaining`, `-Used` and `-Reset`. The primary
//! budget is spent one request at a time and refilled at its reset, by the clock given to
//! [`GithubSim::use_clock`] (the real clock otherwise); a spent budget is answered with 403
//! "API rate limit exceeded". Faults: [`GithubSim::secondary_limit_next`] (403 with
//! `Retry-After`), [`GithubSim::fail`] (a status on every route starting with a prefix),
//! a required `User-Agent` (403 without, as GitHub does) and, with [`GithubSim::require_token`],
//! 401 for a wrong token. [`GithubSim::requests`] lists what was asked.

mod state;

use std::sync::{Arc, Mutex};

use axum::extract::{Request, State as AxumState};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

pub use state::SimEvent;
use state::{Answer, State};

type Shared = Arc<Mutex<State>>;

/// A running simulator; stops when dropped.
pub struct GithubSim {
    url: String,
    state: Shared,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl GithubSim {
    /// Serves on a free port of 127.0.0.1.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let state: Shared = Arc::default();
        let app = axum::Router::new()
            .fallback(handle)
            .with_state(state.clone());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                })
                .await;
        });
        Self {
            url: format!("http://{addr}"),
            state,
            _stop: stop,
        }
    }

    /// The base URL to use instead of `https://api.github.com`.
    pub fn api_url(&self) -> String {
        self.url.clone()
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        f(&mut self.state.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// A person's account.
    pub fn add_user(&self, login: &str) {
        self.with(|s| s.add_account(login, false));
    }

    /// An organisation.
    pub fn add_org(&self, login: &str) {
        self.with(|s| s.add_account(login, true));
    }

    /// A repository, `owner/name`.
    pub fn add_repo(&self, full_name: &str) {
        self.with(|s| s.repos.push(full_name.to_owned()));
    }

    /// A public event of `login` (`PushEvent`, `PullRequestReviewEvent`, …) in `repo` at `at`.
    pub fn push_event(&self, login: &str, kind: &str, repo: &str, at: DateTime<Utc>) {
        self.with(|s| {
            s.events.push(SimEvent {
                login: login.to_owned(),
                kind: kind.to_owned(),
                repo: repo.to_owned(),
                at,
            })
        });
    }

    /// Sets the primary budget: `remaining` of `limit` requests until `reset`, when it refills
    /// for another hour.
    pub fn set_rate_limit(&self, limit: u64, remaining: u64, reset: DateTime<Utc>) {
        self.with(|s| {
            s.limit = limit;
            s.remaining = remaining;
            s.reset = Some(reset);
        });
    }

    /// The next request meets a secondary rate limit: 403 with `Retry-After: secs`.
    pub fn secondary_limit_next(&self, secs: u64) {
        self.with(|s| s.secondary.push_back(secs));
    }

    /// Requests whose path starts with `prefix` are answered `status`, `times` times (`None`:
    /// until [`GithubSim::clear_failures`]).
    pub fn fail(&self, prefix: &str, status: u16, times: Option<usize>) {
        self.with(|s| s.failures.push((prefix.to_owned(), status, times)));
    }

    pub fn clear_failures(&self) {
        self.with(|s| s.failures.clear());
    }

    /// Only `Bearer token` (or no token) is accepted; another token gets 401.
    pub fn require_token(&self, token: &str) {
        self.with(|s| s.token = Some(token.to_owned()));
    }

    /// Reads time from `now` (e.g. the bot's manual clock) for rate-limit resets.
    pub fn use_clock(&self, now: impl Fn() -> DateTime<Utc> + Send + Sync + 'static) {
        self.with(|s| s.clock = Some(Arc::new(now)));
    }

    /// Paths (with query) of the requests served so far, oldest first, including refused ones.
    pub fn requests(&self) -> Vec<String> {
        self.with(|s| s.requests.clone())
    }

    /// Whether every request so far carried `Authorization: Bearer <token>`.
    pub fn all_authorized(&self, token: &str) -> bool {
        let expected = format!("Bearer {token}");
        self.with(|s| {
            s.authorizations
                .iter()
                .all(|a| a.as_deref() == Some(&*expected))
        })
    }
}

async fn handle(AxumState(state): AxumState<Shared>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let query = request.uri().query().unwrap_or_default().to_owned();
    let headers = request.headers().clone();
    let answer = {
        let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
        st.answer(request.method().as_str(), &path, &query, &headers)
    };
    respond(answer)
}

fn respond(answer: Answer) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut headers = HeaderMap::new();
    for (name, value) in answer.headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    (status, headers, axum::Json(answer.body)).into_response()
}

/// GitHub's error body.
fn message(text: &str) -> Value {
    json!({ "message": text, "documentation_url": "https://docs.github.com/rest" })
}
