//! Member timeouts as the bot sets them (`communication_disabled_until`), and the clock the
//! simulator judges them by.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::Sim;

/// One timeout the bot set (`until` Some) or lifted (`until` None).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimTimeout {
    pub user: u64,
    pub until: Option<DateTime<Utc>>,
    /// The `X-Audit-Log-Reason` sent with it.
    pub reason: Option<String>,
}

/// What the simulator takes as "now".
pub(crate) type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

impl Sim {
    /// The `communication_disabled_until` the bot last set for a member (None if never set or
    /// lifted); it may lie in the past, as on Discord.
    pub fn timed_out_until(&self, user: u64) -> Option<DateTime<Utc>> {
        let st = self.inner.lock();
        let t = st.timeouts.get(&user)?;
        DateTime::parse_from_rfc3339(t)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    /// Whether the member is timed out now (by the simulator's clock): their permissions are cut
    /// to View Channel and Read Message History, as Discord does.
    pub fn is_timed_out(&self, user: u64) -> bool {
        self.inner.lock().is_timed_out(user)
    }

    /// Every timeout the bot set or lifted, in order, with its audit log reason.
    pub fn timeouts(&self) -> Vec<SimTimeout> {
        self.inner.lock().timeout_log.clone()
    }

    /// Judges time-bound rules (a timeout at most 28 days ahead, whether one is running) by this
    /// clock instead of the real one, e.g. `sim.use_clock(move || clock.now())` with the bot's
    /// manual clock.
    pub fn use_clock(&self, now: impl Fn() -> DateTime<Utc> + Send + Sync + 'static) {
        self.inner.with(|st| st.clock = Some(Arc::new(now)));
    }
}
