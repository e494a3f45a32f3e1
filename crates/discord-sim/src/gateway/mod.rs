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
    pub seq: u64,
    pub delivered: u64,
    pub intents: u64,
    pub session_id: Option<String>,
}

impl Sim {
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
            let g = &v.st.gateway;
            (g.ready && g.delivered >= g.seq).then_some(())
        })
        .await
    }

    /// Dispatches an arbitrary gateway event (validated against serenity's model).
    pub fn dispatch_raw(&self, t: &str, d: Value) {
        self.inner.with(|st| st.dispatch(t, d));
    }
}
