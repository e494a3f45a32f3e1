//! The gateway session in the state: the dispatch log that connections flush, events held back
//! until the bot identifies, READY and GUILD_CREATE for a new session.

use serde_json::{Value, json};

use super::GatewayStats;
use crate::state::{State, sid};
use crate::validate;

/// The gateway session and its connections.
#[derive(Clone, Debug, Default)]
pub struct GatewayState {
    pub connections: u32,
    pub connected: u32,
    pub identifies: u32,
    pub resumes: u32,
    pub heartbeats: u32,
    pub invalid_sessions: u32,
    pub session_id: Option<String>,
    pub seq: u64,
    /// Dispatches of the current session: (seq, full payload text).
    pub log: Vec<(u64, String)>,
    /// Events dispatched before the bot identified.
    pub pending: Vec<(String, Value)>,
    /// Set once READY and GUILD_CREATE of the current session are in the log.
    pub ready: bool,
    pub intents: u64,
    pub identify_token: Option<String>,
    /// The connection that owns the session.
    pub active_conn: u64,
    pub next_conn: u64,
    /// Bumped by drop_gateway: connections that saw an older value close.
    pub drop_gen: u64,
    /// Next RESUME is answered with INVALID_SESSION (d=false).
    pub invalidate_next_resume: bool,
    pub heartbeat_interval_ms: u64,
    pub other_ops: Vec<Value>,
    /// Highest seq written to the bot's websocket.
    pub delivered: u64,
    /// The connection owning the session is open.
    pub active_alive: bool,
}

impl GatewayState {
    pub fn stats(&self) -> GatewayStats {
        GatewayStats {
            connections: self.connections,
            connected: self.connected,
            identifies: self.identifies,
            resumes: self.resumes,
            heartbeats: self.heartbeats,
            invalid_sessions: self.invalid_sessions,
            seq: self.seq,
            delivered: self.delivered,
            intents: self.intents,
            session_id: self.session_id.clone(),
        }
    }
}

impl State {
    /// Queues a gateway dispatch. Validates it against serenity's model first.
    pub fn dispatch(&mut self, t: &str, d: Value) {
        if let Err(e) = validate::dispatch(t, &d) {
            self.problem(format!(
                "simulator produced a {t} that serenity rejects: {e}"
            ));
        }
        if !self.gateway.ready {
            self.gateway.pending.push((t.to_string(), d));
            return;
        }
        self.push_log(t, d);
    }

    pub fn push_log(&mut self, t: &str, d: Value) {
        self.gateway.seq += 1;
        let s = self.gateway.seq;
        let payload = json!({"op": 0, "s": s, "t": t, "d": d});
        self.gateway.log.push((s, payload.to_string()));
    }

    /// Starts a new session: READY, GUILD_CREATE, then anything that was waiting.
    pub fn new_session(&mut self, conn: u64) {
        let sid_ = format!("sim-session-{}", self.snowflake());
        let g = &mut self.gateway;
        g.session_id = Some(sid_.clone());
        g.seq = 0;
        g.log.clear();
        g.delivered = 0;
        g.active_conn = conn;
        g.active_alive = true;
        g.identifies += 1;
        let ready = json!({
            "v": 10,
            "user": self.current_user_json(),
            "guilds": self.guild_ids().iter().map(|g| json!({"id": sid(*g), "unavailable": true})).collect::<Vec<_>>(),
            "session_id": sid_,
            "resume_gateway_url": format!("ws://127.0.0.1:{}/gateway", self.port),
            "shard": [0, 1],
            "application": {"id": sid(self.fx.app_id), "flags": 0},
            "private_channels": [],
            "presences": [],
            "relationships": [],
            "guild_join_requests": [],
            "user_settings": {},
        });
        if let Err(e) = validate::dispatch("READY", &ready) {
            self.problem(format!("READY rejected by serenity: {e}"));
        }
        self.push_log("READY", ready);
        let guild = self.guild_json();
        if let Err(e) = validate::dispatch("GUILD_CREATE", &guild) {
            self.problem(format!("GUILD_CREATE rejected by serenity: {e}"));
        }
        self.push_log("GUILD_CREATE", guild);
        self.gateway.ready = true;
        for (t, d) in std::mem::take(&mut self.gateway.pending) {
            self.push_log(&t, d);
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
