//! A Discord simulator (API v10 REST routes and the JSON gateway) that a real bot runs against
//! in tests: it serves on 127.0.0.1, keeps the guild, messages and interactions it was told about,
//! checks every payload against serenity's types and Discord's limits, and lets a test act as
//! members do (slash commands, button clicks, modal submits) and inject faults.
//!
//! What it covers (a request to anything else is an unknown route and fails the test):
//! - **Gateway**: HELLO, IDENTIFY/READY, GUILD_CREATE (with active threads), heartbeats, RESUME
//!   and replay, INVALID_SESSION; dispatches filtered by intents ([`Sim::drop_gateway`],
//!   [`Sim::invalidate_session`], [`Sim::dispatch_raw`]); a session per shard the bot
//!   identifies, each guild's events on its shard ([`Fixture::two_shards`] adds a second server
//!   on the other of two shards; [`Sim::shard_events`]).
//!   Each dispatch is checked against serenity's types and serialized as its connection writes
//!   it, outside the state's lock, so that a test sending a burst does not stall the runtime.
//! - **What members read**, in order, with where it is ([`Sim::feed`], [`SimPlace`]).
//! - **Messages** in channels, threads and DMs: create, read, list, edit, delete, pins, mentions
//!   as `allowed_mentions` decides them; `enforce_nonce` (a repeated nonce returns the first
//!   message); **files** from `multipart/form-data` (at most 10, each
//!   within [`Fixture::attachment_size_limit`]) on messages, interaction replies, follow-ups and
//!   edits, served back at their `url` ([`SimMessage::attachments`], [`Reply::attachments`],
//!   [`Sim::post_message_with_files`]).
//! - **Guild**: channels (the fixture has a forum, [`Fixture::forum`]), permission overwrites,
//!   roles, members, role grants below the bot's role, **timeouts** with Discord's refusals
//!   ([`Sim::timed_out_until`], [`Sim::timeouts`], [`Sim::use_clock`]); the bot's permissions are
//!   its role's ([`Fixture::set_bot_permissions`], [`Sim::set_role_permissions`]).
//! - **Threads and forum posts**: threads with or without a starter message, forum posts whose
//!   starter message has the thread's id, thread members, archive and lock, private threads
//!   visible to their members and moderators only ([`Sim::threads_of`], [`Sim::thread`],
//!   [`Sim::thread_members`], [`Sim::can_see`], [`Sim::wait_for_thread`], [`Sim::join_thread`]).
//! - **Commands**: registration (slash, user and message commands) held to Discord's rules;
//!   members use them as [`Sim::slash`], [`Sim::slash_in`], [`Sim::slash_dm`] (from their DM, only
//!   global commands usable there), [`Sim::context_menu`], [`Sim::user_context_menu`] and
//!   [`Sim::autocomplete`] (the bot's choices, at most 25); buttons and modals as [`Sim::click`]
//!   and [`Sim::submit_modal`]; each returns the bot's [`Reply`].
//! - **Faults and checks**: [`Sim::fail_next`], [`Sim::rate_limit_next`], [`Sim::deny`],
//!   [`Sim::fail_after_handling`],
//!   [`Sim::delay`], [`Sim::hold_after`] (requests wait until the test releases them); a late
//!   interaction callback with [`SimOptions::callback_deadline`]; bodies
//!   Discord would refuse are problems that fail the test unless taken ([`Sim::take_problems`]).
//!
//! ```ignore
//! let fx = Fixture::standard();
//! let sim = Sim::start(fx.clone()).await;
//! // start the bot with api_base = sim.api_base(), token = fx.token()
//! sim.wait_ready().await;
//! sim.wait_commands_registered().await;
//! let r = sim.slash(fx.alice, "vote start", json!({"title": "Adopt RFC 7", "duration": "7d"})).await;
//! let ballot = sim.wait_for_message(fx.announcements, |m| m.text().contains("Adopt RFC 7")).await;
//! let r = sim.click(fx.bob, &ballot, "ballot:1:vote:+1").await;
//! assert!(r.is_ephemeral());
//! ```

mod actions;
mod attachment;
mod faults;
mod feed;
pub mod fixture;
mod gateway;
mod hold;
mod ids;
mod kinds;
mod message;
mod nonces;
mod reply;
mod requests;
mod routes;
mod state;
mod thread;
mod timeouts;
mod validate;
mod view;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::{Mutex, MutexGuard};
use tokio::sync::watch;

pub use attachment::SimAttachment;
pub use feed::SimPlace;
pub use fixture::{Fixture, FxChannel, FxGuild, FxMember, FxRole, channel_kind, perms};
pub use gateway::GatewayStats;
pub use hold::Hold;
pub use message::{SimButton, SimMessage};
pub use reply::{Reply, ReplyKind, SimInput, SimModal};
pub use requests::{RecordedRequest, RoutePattern};
use state::State;
pub use thread::SimThread;
pub use timeouts::SimTimeout;
pub use view::SimView;

pub(crate) struct Inner {
    /// parking_lot's lock hands itself to a waiter now and then: std's, taken again at once by
    /// a test sending clicks in a loop, kept the runtime threads the bot shares waiting about
    /// 15 ms a wait.
    state: Mutex<State>,
    /// Bumped after every change; waiters and gateway connections watch it.
    version: watch::Sender<u64>,
}

impl Inner {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock()
    }

    pub(crate) fn bump(&self) {
        self.version.send_modify(|v| *v += 1);
    }

    /// Mutates the state and wakes everyone who waits on it.
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        let r = f(&mut self.lock());
        self.bump();
        r
    }
}

/// Options for [`Sim::start_with`].
#[derive(Clone, Debug)]
pub struct SimOptions {
    /// Gateway heartbeat interval sent in HELLO.
    pub heartbeat_interval: Duration,
    /// How long waiting helpers wait before failing the test.
    pub wait_timeout: Duration,
    /// If set, interaction callbacks later than this are answered 404 Unknown interaction (as
    /// Discord does after 3 s) and recorded as a problem.
    pub callback_deadline: Option<Duration>,
}

impl Default for SimOptions {
    fn default() -> Self {
        SimOptions {
            heartbeat_interval: Duration::from_millis(2000),
            wait_timeout: Duration::from_secs(10),
            callback_deadline: None,
        }
    }
}

/// The running simulator. Dropping it stops the server; if the bot hit unknown routes or the
/// simulator recorded problems, the drop panics (unless the test is already panicking).
pub struct Sim {
    inner: Arc<Inner>,
    addr: SocketAddr,
    fx: Fixture,
    wait_timeout: Duration,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for Sim {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.server.abort();
        if std::thread::panicking() {
            return;
        }
        let st = self.inner.lock();
        if !st.unknown_routes.is_empty() || !st.problems.is_empty() {
            let dump = st.dump();
            drop(st);
            panic!(
                "the Discord simulator recorded unknown routes or problems (call sim.take_problems() if they were expected)\n{dump}"
            );
        }
    }
}

impl Sim {
    /// Starts the simulator on 127.0.0.1 with a random port.
    pub async fn start(fx: Fixture) -> Sim {
        Sim::start_with(fx, SimOptions::default()).await
    }

    pub async fn start_with(fx: Fixture, opts: SimOptions) -> Sim {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let mut st = State::new(fx.clone(), opts.heartbeat_interval.as_millis() as u64);
        st.port = addr.port();
        st.callback_deadline = opts.callback_deadline;
        let (version, _) = watch::channel(0u64);
        let inner = Arc::new(Inner {
            state: Mutex::new(st),
            version,
        });
        // Room for 10 files of the size limit: a larger file is Discord's 413, not axum's.
        let body_limit = (fx.attachment_size_limit as usize + 64 * 1024) * 11;
        let app = axum::Router::new()
            .route("/gateway", axum::routing::get(gateway::upgrade))
            .route(
                "/attachments/{channel}/{id}/{filename}",
                axum::routing::get(routes::attachments::download),
            )
            .fallback(routes::handle)
            .layer(axum::extract::DefaultBodyLimit::max(body_limit))
            .with_state(inner.clone());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = rx.await;
                })
                .await;
        });
        Sim {
            inner,
            addr,
            fx,
            wait_timeout: opts.wait_timeout,
            shutdown: Some(tx),
            server,
        }
    }

    // ------------------------------------------------------------------ basics

    /// `http://127.0.0.1:PORT` — what the bot uses instead of `https://discord.com`.
    pub fn api_base(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn gateway_url(&self) -> String {
        format!("ws://{}/gateway", self.addr)
    }

    pub fn fx(&self) -> &Fixture {
        &self.fx
    }

    /// The bot token the simulator accepts.
    pub fn token(&self) -> String {
        self.fx.token()
    }

    pub fn set_wait_timeout(&mut self, d: Duration) {
        self.wait_timeout = d;
    }

    /// A serenity `Http` pointed at the simulator (rate limiter off), for tests that call the API
    /// themselves.
    pub fn serenity_http(&self) -> serenity::http::Http {
        serenity::http::HttpBuilder::new(self.fx.token())
            .proxy(self.api_base())
            .ratelimiter_disabled(true)
            .application_id(serenity::model::id::ApplicationId::new(self.fx.app_id))
            .build()
    }

    /// Text dump of the simulator's state (recent requests, messages, interactions, problems).
    pub fn dump(&self) -> String {
        self.inner.lock().dump()
    }

    /// Waits until `f` returns `Some`, re-checking on every state change; fails after the wait
    /// timeout with `what` and a dump.
    pub async fn wait_until<T>(&self, what: &str, f: impl FnMut(&SimView<'_>) -> Option<T>) -> T {
        match self.try_wait_until(self.wait_timeout, f).await {
            Some(t) => t,
            None => panic!(
                "timed out after {:?} waiting for {what}\n{}",
                self.wait_timeout,
                self.dump()
            ),
        }
    }

    /// Like [`Sim::wait_until`] but returns `None` after `timeout` instead of panicking.
    pub async fn try_wait_until<T>(
        &self,
        timeout: Duration,
        mut f: impl FnMut(&SimView<'_>) -> Option<T>,
    ) -> Option<T> {
        let mut rx = self.inner.version.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            {
                let st = self.inner.lock();
                if let Some(t) = f(&SimView { st: &st }) {
                    return Some(t);
                }
            }
            if tokio::time::timeout_at(deadline, rx.changed())
                .await
                .is_err()
            {
                return None;
            }
        }
    }

    /// Waits until the bot identified and READY + GUILD_CREATE went out on the gateway.
    pub async fn wait_ready(&self) {
        self.wait_until(
            "the bot to IDENTIFY and receive READY + GUILD_CREATE",
            |v| {
                // READY and a GUILD_CREATE per guild, on every shard.
                let st = v.st;
                st.gateway
                    .all_ready(|shard| 1 + st.guilds_on_shard(shard) as u64)
                    .then_some(())
            },
        )
        .await
    }
}
