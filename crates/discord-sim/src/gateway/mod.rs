//! The gateway: a v10 JSON websocket (`socket`) serving the session kept in the state
//! (`session`).

mod session;
mod socket;

pub(crate) use session::GatewayState;
pub(crate) use socket::upgrade;

use serde_json::Value;

use crate::Sim;

/// Counters of the gateway, for tests about connections, sessions and delivery.
#[derive(Clone, Debug, Default)]
pub struct GatewayStats {
    pub connections: u32,
    pub connected: u32,
    pub identifies: u32,
    pub resumes: u32,
    pub heartbeats: u32,
    pub invalid_sessions: u32,
    /// Dispatches queued, summed over the shards' current sessions (one shard: its seq).
    pub seq: u64,
    /// Dispatches written to the bot, summed the same way.
    pub delivered: u64,
    pub intents: u64,
    /// Shard 0's session.
    pub session_id: Option<String>,
    /// The shard count the bot identified with.
    pub shard_count: u32,
    /// Shards whose session is ready and connected.
    pub ready_shards: Vec<u32>,
}

impl Sim {
    /// Closes the bot's websockets (close code 4000); serenity reconnects and RESUMEs. Events
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
        self.inner.lock().gateway.stats()
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
            v.st.gateway.all_delivered().then_some(())
        })
        .await
    }

    /// The shard a guild's events go to, by the shard count the bot identified with.
    pub fn shard_of_guild(&self, guild: u64) -> u32 {
        self.inner.lock().shard_of_guild(guild)
    }

    /// The guild ids (None for DMs) of the `t` events sent on a shard's current session.
    pub fn shard_events(&self, shard: u32, t: &str) -> Vec<Option<u64>> {
        let st = self.inner.lock();
        let Some(session) = st.gateway.sessions.get(&shard) else {
            return vec![];
        };
        session
            .log
            .iter()
            .filter(|e| e.t == t)
            .map(|e| crate::ids::as_id(&e.d["guild_id"]))
            .collect()
    }

    /// Dispatches an arbitrary gateway event (validated against serenity's model).
    pub fn dispatch_raw(&self, t: &str, d: Value) {
        self.inner.with(|st| st.dispatch(t, d));
    }
}
