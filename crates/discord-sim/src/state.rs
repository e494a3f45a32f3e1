//! The simulator's world: guild, members, messages, interactions, recorded requests, faults.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::fixture::{Fixture, FxChannel, FxMember, FxRole, channel_kind, perms};
use crate::model::SimMessage;
use crate::validate;

/// One HTTP request the bot made.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    pub method: String,
    /// Path below `/api/v10`, e.g. `/channels/1/messages`.
    pub path: String,
    pub query: Option<String>,
    /// JSON body (Null when empty or not JSON).
    pub body: Value,
    /// `X-Audit-Log-Reason`, if sent.
    pub audit_reason: Option<String>,
    /// Status the simulator answered.
    pub status: u16,
    /// Time since the simulator started.
    pub at: Duration,
    pub at_utc: chrono::DateTime<chrono::Utc>,
}

impl RecordedRequest {
    pub fn matches(&self, pattern: &RoutePattern) -> bool {
        pattern.matches(&self.method, &self.path)
    }
}

/// `METHOD /path/{}/pattern` where `{}` matches any one segment; method `*` matches any method;
/// a trailing `/**` matches any rest of the path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoutePattern {
    pub method: String,
    pub path: String,
}

impl RoutePattern {
    pub fn new(method: &str, path: &str) -> Self {
        let path = path.strip_prefix("/api/v10").unwrap_or(path);
        let path = path.split('?').next().unwrap_or("");
        RoutePattern {
            method: method.to_ascii_uppercase(),
            path: path.to_string(),
        }
    }

    pub fn matches(&self, method: &str, path: &str) -> bool {
        if self.method != "*" && !self.method.eq_ignore_ascii_case(method) {
            return false;
        }
        let pat: Vec<&str> = self.path.trim_matches('/').split('/').collect();
        let act: Vec<&str> = path.trim_matches('/').split('/').collect();
        let mut i = 0;
        while i < pat.len() {
            if pat[i] == "**" {
                return true;
            }
            match act.get(i) {
                Some(a) if pat[i] == "{}" || pat[i] == *a => {}
                _ => return false,
            }
            i += 1;
        }
        i == act.len()
    }
}

impl From<(&str, &str)> for RoutePattern {
    fn from((m, p): (&str, &str)) -> Self {
        RoutePattern::new(m, p)
    }
}

impl From<&str> for RoutePattern {
    /// `"POST /channels/{}/messages"`.
    fn from(s: &str) -> Self {
        let (m, p) = s.split_once(' ').unwrap_or(("*", s));
        RoutePattern::new(m, p.trim())
    }
}

#[derive(Clone, Debug)]
pub enum FaultKind {
    /// Answer with this status and Discord's generic body for it.
    Status(u16),
    /// 429 with `retry_after` seconds (body and `Retry-After` header).
    RateLimit(f64),
    /// 403 Missing Permissions (code 50013).
    Deny,
    /// Sleep this long before handling normally (does not consume a count).
    Delay(Duration),
}

#[derive(Clone, Debug)]
pub struct Fault {
    pub route: RoutePattern,
    pub kind: FaultKind,
    /// `None` = forever.
    pub remaining: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct InteractionRec {
    pub id: u64,
    pub token: String,
    /// 2 command, 3 component, 5 modal submit.
    pub kind: u8,
    pub user: u64,
    pub channel: u64,
    /// Command path ("vote start") or custom id.
    pub name: String,
    pub payload: Value,
    pub created: Instant,
    pub callback: Option<Value>,
    pub callback_latency: Option<Duration>,
    pub original: Option<u64>,
    pub followups: Vec<u64>,
    /// For component interactions: the message the component is on.
    pub target_message: Option<u64>,
    pub modal: Option<Value>,
    /// Number of PATCHes of @original.
    pub original_edits: u32,
}

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

pub struct State {
    pub fx: Fixture,
    pub started: Instant,
    pub port: u16,
    pub roles: BTreeMap<u64, FxRole>,
    pub channels: BTreeMap<u64, FxChannel>,
    pub members: BTreeMap<u64, FxMember>,
    /// user -> DM channel
    pub dm_channels: BTreeMap<u64, u64>,
    /// Members whose DMs are closed: the bot's DMs to them fail with 50007.
    pub closed_dms: std::collections::BTreeSet<u64>,
    pub messages: BTreeMap<u64, SimMessage>,
    /// channel -> message ids in creation order
    pub channel_order: BTreeMap<u64, Vec<u64>>,
    pub pins: BTreeMap<u64, Vec<u64>>,
    pub global_commands: Vec<Value>,
    pub guild_commands: Vec<Value>,
    pub command_ids: HashMap<String, u64>,
    pub command_puts: u32,
    pub interactions: BTreeMap<u64, InteractionRec>,
    pub tokens: HashMap<String, u64>,
    pub requests: Vec<RecordedRequest>,
    pub unknown_routes: Vec<String>,
    /// Payloads the simulator produced that serenity would not parse, bodies Discord would reject,
    /// bad auth... Anything that makes a test fail at the end.
    pub problems: Vec<String>,
    pub faults: Vec<Fault>,
    pub gateway: GatewayState,
    pub next_id: u64,
    pub callback_deadline: Option<Duration>,
}

pub fn now_ts() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, false)
}

pub fn sid(id: u64) -> String {
    id.to_string()
}

/// Reads a snowflake from a JSON string or number.
pub fn as_id(v: &Value) -> Option<u64> {
    match v {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

impl State {
    pub fn new(fx: Fixture, heartbeat_interval_ms: u64) -> State {
        let roles = fx.roles.iter().map(|r| (r.id, r.clone())).collect();
        let channels = fx.channels.iter().map(|c| (c.id, c.clone())).collect();
        let members = fx.members.iter().map(|m| (m.id, m.clone())).collect();
        State {
            fx,
            started: Instant::now(),
            port: 0,
            roles,
            channels,
            members,
            dm_channels: BTreeMap::new(),
            closed_dms: Default::default(),
            messages: BTreeMap::new(),
            channel_order: BTreeMap::new(),
            pins: BTreeMap::new(),
            global_commands: vec![],
            guild_commands: vec![],
            command_ids: HashMap::new(),
            command_puts: 0,
            interactions: BTreeMap::new(),
            tokens: HashMap::new(),
            requests: vec![],
            unknown_routes: vec![],
            problems: vec![],
            faults: vec![],
            gateway: GatewayState {
                heartbeat_interval_ms,
                ..Default::default()
            },
            next_id: 0,
            callback_deadline: None,
        }
    }

    /// A fresh snowflake with the current time in it.
    pub fn snowflake(&mut self) -> u64 {
        const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;
        let ms = chrono::Utc::now().timestamp_millis() as u64 - DISCORD_EPOCH_MS;
        self.next_id += 1;
        (ms << 22) | (self.next_id & 0x3f_ffff)
    }

    pub fn problem(&mut self, p: impl Into<String>) {
        let p = p.into();
        eprintln!("[sim] PROBLEM: {p}");
        self.problems.push(p);
    }

    // ---------------------------------------------------------------- JSON builders

    pub fn user_json(&self, id: u64) -> Value {
        match self.members.get(&id) {
            Some(m) => json!({
                "id": sid(id),
                "username": m.username,
                "discriminator": "0",
                "global_name": m.global_name,
                "avatar": null,
                "bot": m.bot,
                "public_flags": 0,
                "banner": null,
                "accent_color": null,
            }),
            None => json!({
                "id": sid(id), "username": format!("user{id}"), "discriminator": "0",
                "global_name": null, "avatar": null, "bot": false, "public_flags": 0,
            }),
        }
    }

    pub fn role_json(&self, r: &FxRole) -> Value {
        let mut tags = json!({});
        if let Some(b) = r.bot_id {
            tags = json!({"bot_id": sid(b)});
        }
        json!({
            "id": sid(r.id),
            "name": r.name,
            "color": r.color,
            "colors": {"primary_color": r.color, "secondary_color": null, "tertiary_color": null},
            "hoist": r.hoist,
            "icon": null,
            "unicode_emoji": null,
            "position": r.position,
            "permissions": r.permissions.to_string(),
            "managed": r.managed,
            "mentionable": r.mentionable,
            "flags": 0,
            "tags": tags,
        })
    }

    pub fn channel_json(&self, c: &FxChannel) -> Value {
        let last = self
            .channel_order
            .get(&c.id)
            .and_then(|v| v.last())
            .map(|id| sid(*id));
        json!({
            "id": sid(c.id),
            "type": c.kind,
            "guild_id": sid(self.fx.guild),
            "name": c.name,
            "position": c.position,
            "permission_overwrites": c.permission_overwrites,
            "parent_id": c.parent_id.map(sid),
            "topic": c.topic,
            "nsfw": false,
            "last_message_id": last,
            "rate_limit_per_user": 0,
            "flags": 0,
        })
    }

    pub fn dm_channel_json(&self, channel: u64, user: u64) -> Value {
        json!({
            "id": sid(channel),
            "type": channel_kind::DM,
            "last_message_id": self.channel_order.get(&channel).and_then(|v| v.last()).map(|id| sid(*id)),
            "recipients": [self.user_json(user)],
            "flags": 0,
        })
    }

    /// Base permissions of a member from its roles (Administrator = all).
    pub fn member_permissions(&self, user: u64) -> u64 {
        let Some(m) = self.members.get(&user) else {
            return 0;
        };
        if user == self.fx.owner {
            return perms::ALL;
        }
        let mut p = self
            .roles
            .get(&self.fx.guild)
            .map(|r| r.permissions)
            .unwrap_or(0);
        for r in &m.roles {
            if let Some(role) = self.roles.get(r) {
                p |= role.permissions;
            }
        }
        if p & perms::ADMINISTRATOR != 0 {
            perms::ALL
        } else {
            p
        }
    }

    /// Permissions of a member in a channel, applying overwrites as Discord does.
    pub fn channel_permissions(&self, user: u64, channel: u64) -> u64 {
        let base = self.member_permissions(user);
        if base & perms::ADMINISTRATOR != 0 || user == self.fx.owner {
            return perms::ALL;
        }
        let Some(c) = self.channels.get(&channel) else {
            return base;
        };
        let mut overwrites = c.permission_overwrites.clone();
        // A channel without overwrites of its own shows its category's (as if synced).
        if let Some(parent) = c.parent_id.and_then(|p| self.channels.get(&p))
            && overwrites.is_empty()
        {
            overwrites = parent.permission_overwrites.clone();
        }
        let roles = self
            .members
            .get(&user)
            .map(|m| m.roles.clone())
            .unwrap_or_default();
        let bits = |o: &Value, k: &str| {
            o[k].as_str()
                .and_then(|s| s.parse::<u64>().ok())
                .unwrap_or(0)
        };
        let mut p = base;
        let everyone = self.fx.guild;
        for o in overwrites
            .iter()
            .filter(|o| as_id(&o["id"]) == Some(everyone))
        {
            p = (p & !bits(o, "deny")) | bits(o, "allow");
        }
        let (mut allow, mut deny) = (0, 0);
        for o in overwrites
            .iter()
            .filter(|o| o["type"] == 0 && as_id(&o["id"]).is_some_and(|id| roles.contains(&id)))
        {
            allow |= bits(o, "allow");
            deny |= bits(o, "deny");
        }
        p = (p & !deny) | allow;
        for o in overwrites
            .iter()
            .filter(|o| o["type"] == 1 && as_id(&o["id"]) == Some(user))
        {
            p = (p & !bits(o, "deny")) | bits(o, "allow");
        }
        p
    }

    /// A guild member object (with `user`).
    pub fn member_json(&self, id: u64) -> Value {
        let m = &self.members[&id];
        json!({
            "user": self.user_json(id),
            "nick": m.nick,
            "avatar": null,
            "banner": null,
            "roles": m.roles.iter().map(|r| sid(*r)).collect::<Vec<_>>(),
            "joined_at": m.joined_at,
            "premium_since": null,
            "deaf": false,
            "mute": false,
            "flags": 0,
            "pending": false,
            "communication_disabled_until": null,
        })
    }

    /// Member object as sent inside interactions (with `permissions`).
    pub fn interaction_member_json(&self, id: u64, channel: u64) -> Value {
        let mut m = self.member_json(id);
        m["permissions"] = json!(self.channel_permissions(id, channel).to_string());
        m
    }

    pub fn guild_json(&self) -> Value {
        let fx = &self.fx;
        let mut g = json!({
            "id": sid(fx.guild),
            "name": fx.guild_name,
            "icon": null, "icon_hash": null, "splash": null, "discovery_splash": null,
            "owner_id": sid(fx.owner),
            "afk_channel_id": null, "afk_timeout": 300,
            "widget_enabled": false, "widget_channel_id": null,
            "verification_level": 0, "default_message_notifications": 1, "explicit_content_filter": 0,
            "roles": self.roles.values().map(|r| self.role_json(r)).collect::<Vec<_>>(),
            "emojis": [], "features": [], "mfa_level": 0,
            "application_id": null, "system_channel_id": null, "system_channel_flags": 0,
            "rules_channel_id": null, "max_presences": null, "max_members": 500000,
            "vanity_url_code": null, "description": null, "banner": null,
        });
        let more = json!({
            "premium_tier": 0, "premium_subscription_count": 0,
            "preferred_locale": fx.preferred_locale,
            "public_updates_channel_id": null,
            "max_video_channel_users": 25, "max_stage_video_channel_users": 50,
            "nsfw_level": 0, "stickers": [], "premium_progress_bar_enabled": false,
            "safety_alerts_channel_id": null, "incidents_data": null,
            "joined_at": "2023-01-07T12:00:00.000000+00:00",
            "large": false, "unavailable": false,
            "member_count": self.members.len(),
            "voice_states": [],
            "members": self.members.keys().map(|id| self.member_json(*id)).collect::<Vec<_>>(),
            "channels": self.channels.values().map(|c| self.channel_json(c)).collect::<Vec<_>>(),
            "threads": [], "presences": [], "stage_instances": [], "guild_scheduled_events": [],
            "soundboard_sounds": [],
        });
        if let (Some(a), Value::Object(b)) = (g.as_object_mut(), more) {
            a.extend(b);
        }
        g
    }

    pub fn partial_channel_json(&self, channel: u64, for_user: u64) -> Value {
        match self.channels.get(&channel) {
            Some(c) => json!({
                "id": sid(c.id), "name": c.name, "type": c.kind,
                "parent_id": c.parent_id.map(sid), "guild_id": sid(self.fx.guild),
                "permissions": self.channel_permissions(for_user, channel).to_string(),
                "nsfw": false, "position": c.position, "flags": 0, "topic": c.topic,
                "rate_limit_per_user": 0, "permission_overwrites": c.permission_overwrites,
                "last_message_id": null,
            }),
            None => json!({"id": sid(channel), "name": null, "type": channel_kind::DM}),
        }
    }

    pub fn current_user_json(&self) -> Value {
        let mut u = self.user_json(self.fx.bot);
        u["bot"] = json!(true);
        u["verified"] = json!(true);
        u["mfa_enabled"] = json!(false);
        u["flags"] = json!(0);
        u["email"] = Value::Null;
        u
    }

    pub fn application_json(&self) -> Value {
        json!({
            "id": sid(self.fx.app_id),
            "name": self.fx.bot_name,
            "icon": null,
            "description": "Governance bot (simulated)",
            "rpc_origins": [],
            "bot_public": false,
            "bot_require_code_grant": false,
            "owner": self.user_json(self.fx.owner),
            "verify_key": "0000000000000000000000000000000000000000000000000000000000000000",
            "team": null,
            "flags": 0,
            "bot": self.current_user_json(),
            "summary": "",
        })
    }

    pub fn guild_ids(&self) -> Vec<u64> {
        vec![self.fx.guild]
    }

    pub fn is_dm(&self, channel: u64) -> Option<u64> {
        self.dm_channels
            .iter()
            .find(|(_, c)| **c == channel)
            .map(|(u, _)| *u)
    }

    // ---------------------------------------------------------------- messages

    /// Computes `mentions`, `mention_roles`, `mention_everyone` from content + allowed_mentions.
    pub fn compute_mentions(
        &self,
        content: &str,
        allowed: Option<&Value>,
    ) -> (Vec<u64>, Vec<u64>, bool) {
        let (parse, users, roles): (Vec<String>, Vec<u64>, Vec<u64>) = match allowed {
            None | Some(Value::Null) => (
                vec!["users".into(), "roles".into(), "everyone".into()],
                vec![],
                vec![],
            ),
            Some(a) => (
                a["parse"]
                    .as_array()
                    .map(|v| {
                        v.iter()
                            .filter_map(|x| x.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default(),
                a["users"]
                    .as_array()
                    .map(|v| v.iter().filter_map(as_id).collect())
                    .unwrap_or_default(),
                a["roles"]
                    .as_array()
                    .map(|v| v.iter().filter_map(as_id).collect())
                    .unwrap_or_default(),
            ),
        };
        let mut mu = vec![];
        let mut mr = vec![];
        let mut rest = content;
        while let Some(i) = rest.find("<@") {
            rest = &rest[i + 2..];
            let (is_role, body) = if let Some(b) = rest.strip_prefix('&') {
                (true, b)
            } else {
                (false, rest.strip_prefix('!').unwrap_or(rest))
            };
            let Some(end) = body.find('>') else { break };
            if let Ok(id) = body[..end].parse::<u64>() {
                if is_role {
                    if (parse.iter().any(|p| p == "roles") || roles.contains(&id))
                        && !mr.contains(&id)
                    {
                        mr.push(id);
                    }
                } else if (parse.iter().any(|p| p == "users") || users.contains(&id))
                    && !mu.contains(&id)
                {
                    mu.push(id);
                }
            }
        }
        let everyone = (content.contains("@everyone") || content.contains("@here"))
            && parse.iter().any(|p| p == "everyone");
        (mu, mr, everyone)
    }

    /// Builds a Message object from a create-message body.
    pub fn build_message(&mut self, channel: u64, author: u64, body: &Value, kind: u8) -> Value {
        let id = self.snowflake();
        let content = body["content"].as_str().unwrap_or("").to_string();
        let allowed = body.get("allowed_mentions").filter(|v| !v.is_null());
        let (mu, mr, everyone) = self.compute_mentions(&content, allowed);
        let author_json = self.user_json(author);
        let mut m = json!({
            "id": sid(id),
            "channel_id": sid(channel),
            "author": author_json,
            "content": content,
            "timestamp": now_ts(),
            "edited_timestamp": null,
            "tts": body["tts"].as_bool().unwrap_or(false),
            "mention_everyone": everyone,
            "mentions": mu.iter().map(|u| self.user_json(*u)).collect::<Vec<_>>(),
            "mention_roles": mr.iter().map(|r| sid(*r)).collect::<Vec<_>>(),
            "mention_channels": [],
            "attachments": [],
            "embeds": body.get("embeds").cloned().filter(|v| !v.is_null()).unwrap_or(json!([])),
            "reactions": [],
            "pinned": false,
            "type": kind,
            "flags": body["flags"].as_u64().unwrap_or(0),
            "components": body.get("components").cloned().filter(|v| !v.is_null()).unwrap_or(json!([])),
        });
        if let Some(r) = body.get("message_reference").filter(|v| !v.is_null()) {
            m["message_reference"] = r.clone();
            m["type"] = json!(19);
        }
        m
    }

    pub fn store_message(
        &mut self,
        json: Value,
        raw_body: Value,
        ephemeral: bool,
        interaction_id: Option<u64>,
    ) -> u64 {
        let allowed_mentions = raw_body.get("allowed_mentions").cloned();
        let message = SimMessage {
            raw_body,
            ephemeral,
            interaction_id,
            allowed_mentions,
            ..SimMessage::from_json(json)
        };
        let (id, channel) = (message.id, message.channel_id);
        assert!(
            id != 0 && channel != 0,
            "stored message without id or channel"
        );
        self.messages.insert(id, message);
        if !ephemeral {
            self.channel_order.entry(channel).or_default().push(id);
        }
        id
    }

    /// Applies an edit body (content/embeds/components/flags/allowed_mentions) to a message.
    pub fn edit_message(&mut self, id: u64, body: &Value) -> Option<Value> {
        let content_now = {
            let rec = self.messages.get(&id)?;
            body.get("content")
                .and_then(|c| c.as_str())
                .map(String::from)
                .unwrap_or_else(|| rec.json["content"].as_str().unwrap_or("").to_string())
        };
        let allowed = body
            .get("allowed_mentions")
            .cloned()
            .or_else(|| self.messages[&id].allowed_mentions.clone());
        let (mu, mr, everyone) = self.compute_mentions(&content_now, allowed.as_ref());
        let mentions: Vec<Value> = mu.iter().map(|u| self.user_json(*u)).collect();
        let rec = self.messages.get_mut(&id)?;
        for key in ["content", "embeds", "components"] {
            if let Some(v) = body.get(key) {
                rec.json[key] = if v.is_null() {
                    if key == "content" {
                        json!("")
                    } else {
                        json!([])
                    }
                } else {
                    v.clone()
                };
            }
        }
        if let Some(f) = body.get("flags").and_then(|f| f.as_u64()) {
            let keep = rec.json["flags"].as_u64().unwrap_or(0) & 64;
            rec.json["flags"] = json!(f | keep);
        }
        if let Some(a) = body.get("allowed_mentions") {
            rec.allowed_mentions = Some(a.clone());
        }
        rec.json["mentions"] = json!(mentions);
        rec.json["mention_roles"] = json!(mr.iter().map(|r| sid(*r)).collect::<Vec<_>>());
        rec.json["mention_everyone"] = json!(everyone);
        rec.json["edited_timestamp"] = json!(now_ts());
        rec.edits.push(body.clone());
        Some(rec.json.clone())
    }

    // ---------------------------------------------------------------- gateway

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

    pub fn interaction_summary(&self, id: u64) -> String {
        match self.interactions.get(&id) {
            Some(i) => format!(
                "interaction {} ({}, by {}): callback={}",
                i.id,
                i.name,
                self.fx.name_of(i.user),
                i.callback
                    .as_ref()
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "none".into())
            ),
            None => format!("interaction {id} unknown"),
        }
    }

    /// Text dump for timeouts and failures.
    pub fn dump(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "--- sim state (t={:?})\ngateway: connections={} identifies={} resumes={} ready={} seq={} intents={:#x}\n",
            self.started.elapsed(),
            self.gateway.connections,
            self.gateway.identifies,
            self.gateway.resumes,
            self.gateway.ready,
            self.gateway.seq,
            self.gateway.intents
        ));
        s.push_str(&format!(
            "registered commands: guild={:?} global={:?}\n",
            self.guild_commands
                .iter()
                .map(|c| c["name"].clone())
                .collect::<Vec<_>>(),
            self.global_commands
                .iter()
                .map(|c| c["name"].clone())
                .collect::<Vec<_>>()
        ));
        s.push_str("last requests:\n");
        for r in self.requests.iter().rev().take(25).rev() {
            let body = r.body.to_string();
            let body = if body.len() > 300 {
                format!("{}…", &body[..300])
            } else {
                body
            };
            s.push_str(&format!(
                "  {:>8.3}s {} {} -> {} {}\n",
                r.at.as_secs_f64(),
                r.method,
                r.path,
                r.status,
                body
            ));
        }
        s.push_str("messages:\n");
        for (ch, ids) in &self.channel_order {
            let name = self
                .channels
                .get(ch)
                .map(|c| format!("#{}", c.name))
                .or_else(|| {
                    self.is_dm(*ch)
                        .map(|u| format!("DM {}", self.fx.name_of(u)))
                })
                .unwrap_or(ch.to_string());
            for id in ids {
                let m = &self.messages[id].json;
                s.push_str(&format!(
                    "  {name} [{}] {}: {:?} embeds={}\n",
                    id,
                    m["author"]["username"].as_str().unwrap_or("?"),
                    m["content"].as_str().unwrap_or(""),
                    m["embeds"].as_array().map(|a| a.len()).unwrap_or(0)
                ));
            }
        }
        for i in self.interactions.values() {
            s.push_str(&format!("  {}\n", self.interaction_summary(i.id)));
        }
        if !self.unknown_routes.is_empty() {
            s.push_str(&format!("UNKNOWN ROUTES: {:?}\n", self.unknown_routes));
        }
        if !self.problems.is_empty() {
            s.push_str(&format!("PROBLEMS: {:#?}\n", self.problems));
        }
        s
    }
}
