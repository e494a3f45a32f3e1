//! A Discord simulator (API v10 REST routes and the JSON gateway) that a real bot runs against
//! in tests: it serves on 127.0.0.1, keeps the guild, messages and interactions it was told about,
//! checks every payload against serenity's types and Discord's limits, and lets a test act as
//! members do (slash commands, button clicks, modal submits) and inject faults.
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

mod faults;
pub mod fixture;
mod gateway;
pub mod model;
mod requests;
mod routes;
mod state;
mod validate;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::sync::watch;

use faults::{Fault, FaultKind};
pub use fixture::{Fixture, FxChannel, FxMember, FxRole, channel_kind, perms};
pub use model::{GatewayStats, Reply, ReplyKind, SimButton, SimInput, SimMessage, SimModal};
pub use requests::{RecordedRequest, RoutePattern};
use state::{State, sid};

pub(crate) struct Inner {
    state: Mutex<State>,
    /// Bumped after every change; waiters and gateway connections watch it.
    version: watch::Sender<u64>,
}

impl Inner {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
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
        let app = axum::Router::new()
            .route("/gateway", axum::routing::get(gateway::upgrade))
            .fallback(routes::handle)
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
                let g = &v.st.gateway;
                (g.ready && g.active_alive && g.delivered >= 2).then_some(())
            },
        )
        .await
    }

    /// Waits until the bot registered its commands (guild or global); returns them as stored.
    pub async fn wait_commands_registered(&self) -> Vec<Value> {
        self.wait_until("the bot to register its application commands", |v| {
            (v.st.command_puts > 0).then(|| {
                v.st.guild_commands
                    .iter()
                    .chain(v.st.global_commands.iter())
                    .cloned()
                    .collect()
            })
        })
        .await
    }

    /// Registered commands (guild ones first).
    pub fn commands(&self) -> Vec<Value> {
        let st = self.inner.lock();
        st.guild_commands
            .iter()
            .chain(st.global_commands.iter())
            .cloned()
            .collect()
    }

    pub fn command(&self, name: &str) -> Option<Value> {
        self.commands().into_iter().find(|c| c["name"] == name)
    }

    // ------------------------------------------------------------------ members acting

    /// `/command [subcommand] options…` by `user` in `#general`; waits for the bot's answer.
    pub async fn slash(&self, user: u64, command: &str, options: Value) -> Reply {
        self.slash_in(user, self.fx.general, command, options).await
    }

    pub async fn slash_in(&self, user: u64, channel: u64, command: &str, options: Value) -> Reply {
        let iid = self.send_slash(user, channel, command, options).await;
        self.wait_reply(iid).await
    }

    /// Dispatches the slash command and returns the interaction id without waiting for the answer.
    /// Panics if the command, subcommand or an option is not registered, or a value does not fit.
    pub async fn send_slash(&self, user: u64, channel: u64, command: &str, options: Value) -> u64 {
        self.wait_ready().await;
        if self.commands().is_empty() {
            self.wait_commands_registered().await;
        }
        let built = {
            let st = self.inner.lock();
            model::build_command_data(&st, user, channel, command, &options)
        };
        let data = built.unwrap_or_else(|e| panic!("cannot send /{command}: {e}\n{}", self.dump()));
        self.inner
            .with(|st| st.new_interaction(2, user, channel, command, data, None, None))
    }

    /// Clicks a button (custom id) on a message, as `user`; waits for the bot's answer. Panics if
    /// the message has no such button or it is disabled.
    pub async fn click(&self, user: u64, msg: &SimMessage, custom_id: &str) -> Reply {
        match self.try_click(user, msg, custom_id).await {
            Ok(r) => r,
            Err(e) => panic!("{e}\n{}", self.dump()),
        }
    }

    /// Like [`Sim::click`], but a missing/disabled button is an `Err` (a member could not click it).
    pub async fn try_click(
        &self,
        user: u64,
        msg: &SimMessage,
        custom_id: &str,
    ) -> Result<Reply, String> {
        let iid = self.send_click(user, msg, custom_id).await?;
        Ok(self.wait_reply(iid).await)
    }

    pub async fn send_click(
        &self,
        user: u64,
        msg: &SimMessage,
        custom_id: &str,
    ) -> Result<u64, String> {
        self.wait_ready().await;
        self.inner.with(|st| {
            let Some(now) = st.messages.get(&msg.id).filter(|m| !m.deleted).cloned() else {
                return Err(format!(
                    "message {} no longer exists; cannot click {custom_id}",
                    msg.id
                ));
            };
            let Some(button) = now.button(custom_id) else {
                return Err(format!(
                    "message {} has no button {custom_id:?}; it has {:?}",
                    msg.id,
                    now.custom_ids()
                ));
            };
            if button.disabled {
                return Err(format!(
                    "button {custom_id:?} on message {} is disabled",
                    msg.id
                ));
            }
            let channel = msg.channel_id;
            let data = json!({"custom_id": custom_id, "component_type": 2});
            Ok(st.new_interaction(
                3,
                user,
                channel,
                custom_id,
                data,
                Some(now.json),
                Some(msg.id),
            ))
        })
    }

    /// A component interaction with any custom id on a message, as a modified client could send
    /// it (Discord does not check that the button exists); waits for the bot's answer.
    pub async fn forge_click(&self, user: u64, msg: &SimMessage, custom_id: &str) -> Reply {
        self.wait_ready().await;
        let iid = self.inner.with(|st| {
            let current = st.messages.get(&msg.id).map(|m| m.json.clone());
            let data = json!({"custom_id": custom_id, "component_type": 2});
            st.new_interaction(
                3,
                user,
                msg.channel_id,
                custom_id,
                data,
                current,
                Some(msg.id),
            )
        });
        self.wait_reply(iid).await
    }

    /// Submits the modal `custom_id` that the bot showed to `user`, with `(input custom id, value)`
    /// pairs; waits for the bot's answer. Panics if no such modal was shown to `user`, an input id
    /// is unknown, a required input is missing or a value breaks the input's length limits.
    pub async fn submit_modal(
        &self,
        user: u64,
        channel: u64,
        custom_id: &str,
        fields: &[(&str, &str)],
    ) -> Reply {
        self.wait_ready().await;
        let r = self.inner.with(|st| {
            let shown = st
                .interactions
                .values()
                .rev()
                .find(|i| i.user == user && i.modal.as_ref().is_some_and(|m| m["custom_id"] == custom_id))
                .cloned();
            let Some(origin) = shown else {
                return Err(format!("no modal {custom_id:?} was shown to {}", st.fx.name_of(user)));
            };
            let modal = SimModal::from_json(origin.modal.clone().unwrap_or_default());
            for (k, _) in fields {
                if !modal.inputs.iter().any(|i| i.custom_id == *k) {
                    return Err(format!("modal {custom_id:?} has no input {k:?}; inputs: {:?}", modal.inputs.iter().map(|i| &i.custom_id).collect::<Vec<_>>()));
                }
            }
            let mut rows = vec![];
            for input in &modal.inputs {
                let value = fields.iter().find(|(k, _)| *k == input.custom_id).map(|(_, v)| v.to_string()).unwrap_or_default();
                let n = value.chars().count() as u64;
                if input.required && n == 0 {
                    return Err(format!("modal {custom_id:?}: required input {:?} left empty", input.custom_id));
                }
                if n > 0 && (input.min_length.is_some_and(|m| n < m) || input.max_length.is_some_and(|m| n > m)) {
                    return Err(format!("modal {custom_id:?}: value for {:?} has {n} characters, outside {:?}..{:?}", input.custom_id, input.min_length, input.max_length));
                }
                rows.push(json!({"type": 1, "components": [{"type": 4, "custom_id": input.custom_id, "value": value}]}));
            }
            let data = json!({"custom_id": custom_id, "components": rows});
            let message = origin.target_message.and_then(|m| st.messages.get(&m)).map(|m| m.json.clone());
            Ok(st.new_interaction(5, user, channel, custom_id, data, message, origin.target_message))
        });
        match r {
            Ok(iid) => self.wait_reply(iid).await,
            Err(e) => panic!("{e}\n{}", self.dump()),
        }
    }

    /// Waits for the bot's callback to interaction `iid`; if the bot deferred (type 5), also for the
    /// follow-up or @original edit that fills it.
    pub async fn wait_reply(&self, iid: u64) -> Reply {
        let what = format!(
            "the bot to answer {}",
            self.inner.lock().interaction_summary(iid)
        );
        self.wait_until(&what, |v| {
            let r = v.st.interactions.get(&iid)?;
            let cb = r.callback.as_ref()?;
            if cb["type"] == 5 && r.original.is_some_and(|o| v.st.messages[&o].loading) {
                return None;
            }
            Some(model::build_reply(v.st, iid))
        })
        .await
    }

    /// The current state of an interaction's answer (for later follow-ups/edits).
    pub fn reply(&self, iid: u64) -> Reply {
        model::build_reply(&self.inner.lock(), iid)
    }

    /// Waits until interaction `iid` has at least `n` follow-up messages.
    pub async fn wait_followups(&self, iid: u64, n: usize) -> Reply {
        self.wait_until(&format!("{n} follow-ups to interaction {iid}"), |v| {
            (v.st.interactions.get(&iid)?.followups.len() >= n)
                .then(|| model::build_reply(v.st, iid))
        })
        .await
    }

    /// A member posts a message (MESSAGE_CREATE; content empty unless the bot asked for the
    /// MESSAGE_CONTENT intent, as on Discord).
    pub fn post_message(&self, user: u64, channel: u64, content: &str) -> SimMessage {
        self.inner.with(|st| {
            let m = st.build_message(channel, user, &json!({"content": content}), 0);
            st.store_message(m.clone(), json!({"content": content}), false, None);
            let mut g = m.clone();
            let bot_mentioned = content.contains(&format!("<@{}>", st.fx.bot));
            if st.gateway.identifies > 0 && !st.has_intent(15) && !bot_mentioned {
                g["content"] = json!("");
            }
            routes::announce_message(st, &g);
            SimMessage::from_json(m)
        })
    }

    /// Sets the Discord client locale of a member (sent as `locale` in interactions).
    pub fn set_locale(&self, user: u64, locale: &str) {
        self.inner.with(|st| {
            if let Some(m) = st.members.get_mut(&user) {
                m.locale = locale.to_string();
            }
        })
    }

    /// An admin gives a member a role (GUILD_MEMBER_UPDATE).
    pub fn add_role(&self, user: u64, role: u64) {
        self.inner.with(|st| {
            if let Some(m) = st.members.get_mut(&user)
                && !m.roles.contains(&role)
            {
                m.roles.push(role);
            }
            member_update(st, user);
        })
    }

    /// An admin removes a role from a member (GUILD_MEMBER_UPDATE).
    pub fn remove_role(&self, user: u64, role: u64) {
        self.inner.with(|st| {
            if let Some(m) = st.members.get_mut(&user) {
                m.roles.retain(|r| *r != role);
            }
            member_update(st, user);
        })
    }

    /// The member closes their DMs: the bot's messages to them fail with 403 (code 50007).
    pub fn close_dms(&self, user: u64) {
        self.inner.with(|st| {
            st.closed_dms.insert(user);
        })
    }

    /// A member leaves the guild (GUILD_MEMBER_REMOVE).
    pub fn remove_member(&self, user: u64) {
        self.inner.with(|st| {
            let u = st.user_json(user);
            if st.members.remove(&user).is_some() && st.gateway.ready && st.has_intent(1) {
                let g = sid(st.fx.guild);
                st.dispatch("GUILD_MEMBER_REMOVE", json!({"guild_id": g, "user": u}));
            }
        })
    }

    /// A new member joins (GUILD_MEMBER_ADD); returns the id.
    pub fn add_member(&self, username: &str, roles: &[u64]) -> u64 {
        self.inner.with(|st| {
            let id = st.snowflake();
            st.members.insert(
                id,
                FxMember {
                    id,
                    username: username.into(),
                    global_name: None,
                    nick: None,
                    bot: false,
                    roles: roles.to_vec(),
                    locale: "en-US".into(),
                    joined_at: state::now_ts(),
                },
            );
            if st.gateway.ready && st.has_intent(1) {
                let mut d = st.member_json(id);
                d["guild_id"] = json!(sid(st.fx.guild));
                st.dispatch("GUILD_MEMBER_ADD", d);
            }
            id
        })
    }

    // ------------------------------------------------------------------ what members see

    /// Messages in a channel, oldest first (no ephemeral or deleted ones).
    pub fn channel_messages(&self, channel: u64) -> Vec<SimMessage> {
        SimView {
            st: &self.inner.lock(),
        }
        .channel_messages(channel)
    }

    /// Every message with this id (ephemeral ones too).
    pub fn message(&self, id: u64) -> Option<SimMessage> {
        SimView {
            st: &self.inner.lock(),
        }
        .message(id)
    }

    /// Messages the bot sent to a member's DMs.
    pub fn dm_messages(&self, user: u64) -> Vec<SimMessage> {
        let st = self.inner.lock();
        match st.dm_channels.get(&user) {
            Some(c) => SimView { st: &st }.channel_messages(*c),
            None => vec![],
        }
    }

    /// Waits until a message in `channel` matches (the oldest match is returned).
    pub async fn wait_for_message(
        &self,
        channel: u64,
        pred: impl Fn(&SimMessage) -> bool,
    ) -> SimMessage {
        self.wait_until(&format!("a matching message in channel {channel}"), |v| {
            v.channel_messages(channel)
                .into_iter()
                .find(|m| !m.loading && pred(m))
        })
        .await
    }

    /// Waits for a matching message created after this call.
    pub async fn wait_for_new_message(
        &self,
        channel: u64,
        pred: impl Fn(&SimMessage) -> bool,
    ) -> SimMessage {
        let before: Vec<u64> = self
            .channel_messages(channel)
            .iter()
            .map(|m| m.id)
            .collect();
        self.wait_until(
            &format!("a new matching message in channel {channel}"),
            |v| {
                v.channel_messages(channel)
                    .into_iter()
                    .find(|m| !before.contains(&m.id) && !m.loading && pred(m))
            },
        )
        .await
    }

    /// Waits for a matching DM from the bot to `user`.
    pub async fn wait_for_dm(&self, user: u64, pred: impl Fn(&SimMessage) -> bool) -> SimMessage {
        self.wait_until(&format!("a matching DM to {user}"), |v| {
            let c = *v.st.dm_channels.get(&user)?;
            v.channel_messages(c).into_iter().find(|m| pred(m))
        })
        .await
    }

    /// Waits until message `id` satisfies `pred` (e.g. after an edit).
    pub async fn wait_for_edit(&self, id: u64, pred: impl Fn(&SimMessage) -> bool) -> SimMessage {
        self.wait_until(&format!("message {id} to match"), |v| {
            v.message(id).filter(|m| pred(m))
        })
        .await
    }

    pub fn member_roles(&self, user: u64) -> Vec<u64> {
        self.inner
            .lock()
            .members
            .get(&user)
            .map(|m| m.roles.clone())
            .unwrap_or_default()
    }

    pub fn has_role(&self, user: u64, role: u64) -> bool {
        self.member_roles(user).contains(&role)
    }

    pub async fn wait_for_role(&self, user: u64, role: u64, present: bool) {
        self.wait_until(
            &format!(
                "role {role} {} member {user}",
                if present { "on" } else { "off" }
            ),
            |v| {
                (v.st
                    .members
                    .get(&user)
                    .is_some_and(|m| m.roles.contains(&role))
                    == present)
                    .then_some(())
            },
        )
        .await
    }

    pub fn roles(&self) -> Vec<FxRole> {
        self.inner.lock().roles.values().cloned().collect()
    }

    pub fn role_by_name(&self, name: &str) -> Option<FxRole> {
        self.roles().into_iter().find(|r| r.name == name)
    }

    pub fn channels(&self) -> Vec<FxChannel> {
        self.inner.lock().channels.values().cloned().collect()
    }

    pub fn channel_by_name(&self, name: &str) -> Option<FxChannel> {
        self.channels().into_iter().find(|c| c.name == name)
    }

    /// Pinned message ids of a channel, in pin order.
    pub fn pins(&self, channel: u64) -> Vec<u64> {
        self.inner
            .lock()
            .pins
            .get(&channel)
            .cloned()
            .unwrap_or_default()
    }

    /// Every interaction the simulator dispatched, oldest first.
    pub fn interactions(&self) -> Vec<Reply> {
        let st = self.inner.lock();
        st.interactions
            .keys()
            .map(|i| model::build_reply(&st, *i))
            .collect()
    }

    // ------------------------------------------------------------------ requests

    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.inner.lock().requests.clone()
    }

    /// Requests matching a route pattern like `("POST", "/channels/{}/messages")`.
    pub fn requests_to(&self, route: impl Into<RoutePattern>) -> Vec<RecordedRequest> {
        let p = route.into();
        self.requests()
            .into_iter()
            .filter(|r| r.matches(&p))
            .collect()
    }

    pub async fn wait_for_request(
        &self,
        route: impl Into<RoutePattern>,
        n: usize,
    ) -> Vec<RecordedRequest> {
        let p = route.into();
        self.wait_until(&format!("{n} requests to {} {}", p.method, p.path), |v| {
            let m: Vec<_> =
                v.st.requests
                    .iter()
                    .filter(|r| r.matches(&p))
                    .cloned()
                    .collect();
            (m.len() >= n).then_some(m)
        })
        .await
    }

    // ------------------------------------------------------------------ faults

    fn add_fault(&self, route: RoutePattern, kind: FaultKind, remaining: Option<usize>) {
        self.inner.with(|st| {
            st.faults.push(Fault {
                route,
                kind,
                remaining,
            })
        });
    }

    /// Answers the next `n` matching requests with `status` (500: `{"message":"Internal Server
    /// Error","code":0}`; 429/403 as in [`Sim::rate_limit_next`]/[`Sim::deny`]).
    pub fn fail_next(&self, route: impl Into<RoutePattern>, n: usize, status: u16) {
        self.add_fault(route.into(), FaultKind::Status(status), Some(n));
    }

    /// Answers the next `n` matching requests 429 with `retry_after` seconds (body and headers).
    pub fn rate_limit_next(&self, route: impl Into<RoutePattern>, n: usize, retry_after: f64) {
        self.add_fault(route.into(), FaultKind::RateLimit(retry_after), Some(n));
    }

    /// Answers matching requests 403 Missing Permissions (code 50013): the next `n`, or all until
    /// [`Sim::allow`] when `n` is `None`.
    pub fn deny(&self, route: impl Into<RoutePattern>, n: Option<usize>) {
        self.add_fault(route.into(), FaultKind::Deny, n);
    }

    /// Removes every fault on exactly this route pattern.
    pub fn allow(&self, route: impl Into<RoutePattern>) {
        let p = route.into();
        self.inner.with(|st| st.faults.retain(|f| f.route != p));
    }

    /// Delays every matching request by `d` (until [`Sim::allow`]/[`Sim::clear_faults`]).
    pub fn delay(&self, route: impl Into<RoutePattern>, d: Duration) {
        self.add_fault(route.into(), FaultKind::Delay(d), None);
    }

    pub fn clear_faults(&self) {
        self.inner.with(|st| st.faults.clear());
    }

    // ------------------------------------------------------------------ gateway control

    /// Closes the bot's websocket (close code 4000); serenity reconnects and RESUMEs. Events
    /// dispatched meanwhile are replayed on RESUME.
    pub fn drop_gateway(&self) {
        self.inner.with(|st| st.gateway.drop_gen += 1);
    }

    /// Drops the connection and answers the next RESUME with INVALID_SESSION (the bot must
    /// IDENTIFY again; serenity waits up to 5 s between IDENTIFYs).
    pub fn invalidate_session(&self) {
        self.inner.with(|st| {
            st.gateway.invalidate_next_resume = true;
            st.gateway.drop_gen += 1;
        });
    }

    pub fn gateway_stats(&self) -> GatewayStats {
        let st = self.inner.lock();
        let g = &st.gateway;
        GatewayStats {
            connections: g.connections,
            connected: g.connected,
            identifies: g.identifies,
            resumes: g.resumes,
            heartbeats: g.heartbeats,
            invalid_sessions: g.invalid_sessions,
            seq: g.seq,
            delivered: g.delivered,
            intents: g.intents,
            session_id: g.session_id.clone(),
        }
    }

    /// Waits until the gateway stats satisfy `pred`.
    pub async fn wait_gateway(
        &self,
        what: &str,
        pred: impl Fn(&GatewayStats) -> bool,
    ) -> GatewayStats {
        self.wait_until(what, |v| {
            let s = v.gateway();
            pred(&s).then_some(s)
        })
        .await
    }

    /// Waits until every dispatch queued so far has been written to the bot's websocket.
    pub async fn wait_delivered(&self) {
        self.wait_until("all gateway events to be delivered", |v| {
            let g = &v.st.gateway;
            (g.ready && g.delivered >= g.seq).then_some(())
        })
        .await
    }

    /// Dispatches an arbitrary gateway event (validated against serenity's model).
    pub fn dispatch_raw(&self, t: &str, d: Value) {
        self.inner.with(|st| st.dispatch(t, d));
    }

    // ------------------------------------------------------------------ failure checks

    pub fn unknown_routes(&self) -> Vec<String> {
        self.inner.lock().unknown_routes.clone()
    }

    pub fn problems(&self) -> Vec<String> {
        self.inner.lock().problems.clone()
    }

    /// Clears and returns recorded problems and unknown routes (for tests that expect them).
    pub fn take_problems(&self) -> Vec<String> {
        self.inner.with(|st| {
            let mut p = std::mem::take(&mut st.problems);
            p.extend(
                std::mem::take(&mut st.unknown_routes)
                    .into_iter()
                    .map(|r| format!("unknown route {r}")),
            );
            p
        })
    }

    pub fn assert_no_unknown_routes(&self) {
        let u = self.unknown_routes();
        assert!(
            u.is_empty(),
            "the bot called routes the simulator does not know: {u:#?}\n{}",
            self.dump()
        );
    }

    /// No unknown routes and no problems (invalid payloads, rejected bodies, bad auth).
    pub fn assert_clean(&self) {
        self.assert_no_unknown_routes();
        let p = self.problems();
        assert!(
            p.is_empty(),
            "the simulator recorded problems: {p:#?}\n{}",
            self.dump()
        );
    }
}

/// Read-only view of the simulator state, handed to [`Sim::wait_until`] closures.
pub struct SimView<'a> {
    st: &'a State,
}

impl SimView<'_> {
    pub fn channel_messages(&self, channel: u64) -> Vec<SimMessage> {
        self.st
            .channel_order
            .get(&channel)
            .map(|ids| {
                ids.iter()
                    .filter_map(|id| self.message(*id))
                    .filter(|m| !m.deleted)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn message(&self, id: u64) -> Option<SimMessage> {
        self.st.messages.get(&id).cloned()
    }

    pub fn member_roles(&self, user: u64) -> Vec<u64> {
        self.st
            .members
            .get(&user)
            .map(|m| m.roles.clone())
            .unwrap_or_default()
    }

    pub fn requests(&self) -> &[RecordedRequest] {
        &self.st.requests
    }

    pub fn gateway(&self) -> GatewayStats {
        let g = &self.st.gateway;
        GatewayStats {
            connections: g.connections,
            connected: g.connected,
            identifies: g.identifies,
            resumes: g.resumes,
            heartbeats: g.heartbeats,
            invalid_sessions: g.invalid_sessions,
            seq: g.seq,
            delivered: g.delivered,
            intents: g.intents,
            session_id: g.session_id.clone(),
        }
    }
}

fn member_update(st: &mut State, user: u64) {
    if st.gateway.ready && st.has_intent(1) {
        st.dispatch_member_update(user);
    }
}
