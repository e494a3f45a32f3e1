//! The gateway sessions in the state, one per shard the bot identified: each with the dispatch
//! log its connection flushes; events held back until their shard identifies; READY and
//! GUILD_CREATE (the shard's guilds only) for a new session. A guild's events go to shard
//! `(guild_id >> 22) % shard_count`, DMs to shard 0, as on Discord.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use serde::Serialize;
use serde_json::{Value, json};

use super::GatewayStats;
use crate::ids::{as_id, sid};
use crate::state::State;
use crate::validate;

/// One shard's session.
#[derive(Clone, Debug, Default)]
pub struct Session {
    pub session_id: Option<String>,
    pub seq: u64,
    /// Dispatches of this session, in seq order.
    pub log: Vec<Arc<Dispatch>>,
    /// Set once READY and the shard's GUILD_CREATEs are in the log.
    pub ready: bool,
    /// The connection that owns the session.
    pub active_conn: u64,
    /// Highest seq written to the bot's websocket.
    pub delivered: u64,
    /// The connection owning the session is open.
    pub active_alive: bool,
}

/// One dispatch of a session's log. Its connection writes its text and checks it against
/// serenity's model on its way out, outside the state's lock: done under the lock, a burst of
/// clicks held it for most of the burst, and the runtime threads the bot shares with the
/// simulator waited behind it (the vote burst bench measured 73-496 ms of such waiting per
/// burst of 1,000 clicks).
#[derive(Debug)]
pub struct Dispatch {
    pub seq: u64,
    pub t: String,
    pub d: Value,
    text: OnceLock<String>,
    checked: OnceLock<()>,
}

impl Dispatch {
    /// The payload as written to the websocket.
    pub fn text(&self) -> &str {
        #[derive(Serialize)]
        struct Frame<'a> {
            op: u8,
            s: u64,
            t: &'a str,
            d: &'a Value,
        }
        self.text.get_or_init(|| {
            let frame = Frame {
                op: 0,
                s: self.seq,
                t: &self.t,
                d: &self.d,
            };
            serde_json::to_string(&frame).expect("a JSON value serializes")
        })
    }

    /// Why serenity would reject it, if it would; said once (a RESUME sends it again).
    pub fn rejected(&self) -> Option<String> {
        self.checked.set(()).ok()?;
        validate::dispatch(&self.t, &self.d)
            .err()
            .map(|e| format!("simulator produced a {} that serenity rejects: {e}", self.t))
    }
}

/// The gateway: its sessions (by shard) and counters over all connections.
#[derive(Clone, Debug, Default)]
pub struct GatewayState {
    pub connections: u32,
    pub connected: u32,
    pub identifies: u32,
    pub resumes: u32,
    pub heartbeats: u32,
    pub invalid_sessions: u32,
    /// Sessions by shard number.
    pub sessions: BTreeMap<u32, Session>,
    /// The shard count of the bot's IDENTIFY (1 until it says otherwise).
    pub shard_count: u32,
    /// Events dispatched before their shard identified: (shard, type, data).
    pub pending: Vec<(u32, String, Value)>,
    pub intents: u64,
    pub identify_token: Option<String>,
    pub next_conn: u64,
    /// Bumped by drop_gateway: connections that saw an older value close.
    pub drop_gen: u64,
    /// Next RESUME is answered with INVALID_SESSION (d=false).
    pub invalidate_next_resume: bool,
    pub heartbeat_interval_ms: u64,
    pub other_ops: Vec<Value>,
}

impl GatewayState {
    /// Some shard's session is ready (dispatches for a shard not yet ready wait for it).
    pub fn ready(&self) -> bool {
        self.sessions.values().any(|s| s.ready)
    }

    /// Every shard of the bot's count is identified, ready, connected and has received at
    /// least `min_delivered(shard)` dispatches.
    pub fn all_ready(&self, min_delivered: impl Fn(u32) -> u64) -> bool {
        self.shard_count > 0
            && (0..self.shard_count).all(|n| {
                self.sessions
                    .get(&n)
                    .is_some_and(|s| s.ready && s.active_alive && s.delivered >= min_delivered(n))
            })
    }

    /// Every dispatch queued so far was written to its shard's websocket.
    pub fn all_delivered(&self) -> bool {
        self.ready() && self.sessions.values().all(|s| s.delivered >= s.seq)
    }

    pub fn stats(&self) -> GatewayStats {
        let first = self.sessions.get(&0);
        GatewayStats {
            connections: self.connections,
            connected: self.connected,
            identifies: self.identifies,
            resumes: self.resumes,
            heartbeats: self.heartbeats,
            invalid_sessions: self.invalid_sessions,
            seq: self.sessions.values().map(|s| s.seq).sum(),
            delivered: self.sessions.values().map(|s| s.delivered).sum(),
            intents: self.intents,
            session_id: first.and_then(|s| s.session_id.clone()),
            shard_count: self.shard_count,
            ready_shards: self
                .sessions
                .iter()
                .filter(|(_, s)| s.ready && s.active_alive)
                .map(|(n, _)| *n)
                .collect(),
        }
    }
}

impl State {
    /// The shard a guild's events go to (Discord's rule).
    pub fn shard_of_guild(&self, guild: u64) -> u32 {
        ((guild >> 22) % u64::from(self.gateway.shard_count.max(1))) as u32
    }

    /// The shard of a dispatch: its guild's (`guild_id`, or `id` for the guild events), else 0.
    fn shard_of_event(&self, t: &str, d: &Value) -> u32 {
        let guild = match t {
            "GUILD_CREATE" | "GUILD_UPDATE" | "GUILD_DELETE" => as_id(&d["id"]),
            _ => as_id(&d["guild_id"]),
        };
        guild.map_or(0, |g| self.shard_of_guild(g))
    }

    /// Queues a gateway dispatch on its shard (checked against serenity's model when sent).
    pub fn dispatch(&mut self, t: &str, d: Value) {
        let shard = self.shard_of_event(t, &d);
        if !self.gateway.sessions.get(&shard).is_some_and(|s| s.ready) {
            self.gateway.pending.push((shard, t.to_string(), d));
            return;
        }
        self.push_log(shard, t, d);
    }

    pub fn push_log(&mut self, shard: u32, t: &str, d: Value) {
        let session = self.gateway.sessions.entry(shard).or_default();
        session.seq += 1;
        session.log.push(Arc::new(Dispatch {
            seq: session.seq,
            t: t.to_string(),
            d,
            text: OnceLock::new(),
            checked: OnceLock::new(),
        }));
    }

    /// Starts a new session for `shard` of `total`: READY, a GUILD_CREATE per guild on the
    /// shard, then anything that was waiting for it.
    pub fn new_session(&mut self, conn: u64, shard: u32, total: u32) {
        let sid_ = format!("sim-session-{}", self.snowflake());
        self.gateway.shard_count = total.max(1);
        self.gateway.identifies += 1;
        self.gateway.sessions.insert(
            shard,
            Session {
                session_id: Some(sid_.clone()),
                active_conn: conn,
                active_alive: true,
                ..Session::default()
            },
        );
        let guilds: Vec<u64> = self
            .guild_ids()
            .into_iter()
            .filter(|g| self.shard_of_guild(*g) == shard)
            .collect();
        let ready = json!({
            "v": 10,
            "user": self.current_user_json(),
            "guilds": guilds.iter().map(|g| json!({"id": sid(*g), "unavailable": true})).collect::<Vec<_>>(),
            "session_id": sid_,
            "resume_gateway_url": format!("ws://127.0.0.1:{}/gateway", self.port),
            "shard": [shard, total.max(1)],
            "application": {"id": sid(self.fx.app_id), "flags": 0},
            "private_channels": [],
            "presences": [],
            "relationships": [],
            "guild_join_requests": [],
            "user_settings": {},
        });
        self.push_log(shard, "READY", ready);
        for g in guilds {
            let guild = self.guild_json_of(g);
            self.push_log(shard, "GUILD_CREATE", guild);
        }
        if let Some(s) = self.gateway.sessions.get_mut(&shard) {
            s.ready = true;
        }
        let (mine, others) = std::mem::take(&mut self.gateway.pending)
            .into_iter()
            .partition::<Vec<_>, _>(|(s, _, _)| *s == shard);
        self.gateway.pending = others;
        for (_, t, d) in mine {
            self.push_log(shard, &t, d);
        }
    }

    pub fn has_intent(&self, bit: u32) -> bool {
        self.gateway.intents & (1 << bit) != 0
    }

    pub fn dispatch_member_update(&mut self, user: u64) {
        if !self.members.contains_key(&user) {
            return;
        }
        let mut d = self.member_json(user);
        d["guild_id"] = json!(sid(self.fx.guild));
        self.dispatch("GUILD_MEMBER_UPDATE", d);
    }
}
