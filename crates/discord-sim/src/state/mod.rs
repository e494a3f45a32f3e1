//! The simulator's world: the guild (roles, channels, members), messages, interactions, the
//! gateway session, recorded requests, faults and problems. One `State` behind one mutex.

mod attachments;
mod clock;
mod dump;
mod faults;
mod guild;
mod guilds;
mod interactions;
mod messages;
mod nonces;
mod permissions;
mod threads;

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::faults::Fault;
use crate::fixture::{Fixture, FxChannel, FxMember, FxRole};
use crate::gateway::GatewayState;
use crate::message::SimMessage;
use crate::requests::RecordedRequest;
use crate::thread::SimThread;
use crate::timeouts::{Clock, SimTimeout};
pub(crate) use interactions::InteractionRec;
// The JSON helpers live in a leaf module; re-exported for the state's many users.
pub use crate::ids::{as_id, now_ts, sid};

/// Everything the simulator knows; `Inner` guards it and wakes waiters on every change.
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
    /// Threads and forum posts by id (a thread's messages are in `channel_order` under its id).
    pub threads: BTreeMap<u64, SimThread>,
    /// user -> `communication_disabled_until` (RFC 3339), as last set.
    pub timeouts: BTreeMap<u64, String>,
    /// Every timeout the bot set or lifted, in order.
    pub timeout_log: Vec<SimTimeout>,
    /// The clock time-bound rules are judged by (the real one when None).
    pub clock: Option<Clock>,
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
    /// Nonces of messages created with `enforce_nonce`.
    pub(crate) nonces: crate::nonces::Nonces,
    pub gateway: GatewayState,
    pub next_id: u64,
    pub callback_deadline: Option<Duration>,
    /// Routes whose requests wait for the test ([`crate::Sim::hold_after`]).
    pub(crate) holds: Vec<crate::hold::HeldRoute>,
}

impl State {
    pub fn new(fx: Fixture, heartbeat_interval_ms: u64) -> State {
        let shard_count = fx.recommended_shards.max(1);
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
            threads: BTreeMap::new(),
            timeouts: BTreeMap::new(),
            timeout_log: vec![],
            clock: None,
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
            nonces: Default::default(),
            gateway: GatewayState {
                heartbeat_interval_ms,
                // Until the bot identifies, events are queued for the shards it is told to run.
                shard_count,
                ..Default::default()
            },
            next_id: 0,
            callback_deadline: None,
            holds: Vec::new(),
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
    /// A guild channel, a thread or a DM channel the simulator knows.
    pub fn channel_exists(&self, c: u64) -> bool {
        self.in_guild(c) || self.is_dm(c).is_some()
    }

    /// A guild channel or a thread (what messages with `guild_id` are in).
    pub fn in_guild(&self, c: u64) -> bool {
        self.channels.contains_key(&c)
            || self.threads.contains_key(&c)
            || self.second_guild_of(c).is_some()
    }

    /// The DM channel of a user with the bot, made on first use.
    pub fn dm_channel_of(&mut self, user: u64) -> u64 {
        match self.dm_channels.get(&user) {
            Some(c) => *c,
            None => {
                let c = self.snowflake();
                self.dm_channels.insert(user, c);
                c
            }
        }
    }

    pub fn is_dm(&self, channel: u64) -> Option<u64> {
        self.dm_channels
            .iter()
            .find(|(_, c)| **c == channel)
            .map(|(u, _)| *u)
    }
}
