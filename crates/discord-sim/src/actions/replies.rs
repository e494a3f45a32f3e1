//! Waiting for the bot's answer to an interaction: its callback and, after a deferral, the
//! message that fills it; follow-ups.

use crate::Sim;
use crate::reply::{Reply, build_reply};

impl Sim {
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
            Some(build_reply(v.st, iid))
        })
        .await
    }

    /// The current state of an interaction's answer (for later follow-ups/edits).
    pub fn reply(&self, iid: u64) -> Reply {
        build_reply(&self.inner.lock(), iid)
    }

    /// Waits until interaction `iid` has at least `n` follow-up messages.
    pub async fn wait_followups(&self, iid: u64, n: usize) -> Reply {
        self.wait_until(&format!("{n} follow-ups to interaction {iid}"), |v| {
            (v.st.interactions.get(&iid)?.followups.len() >= n).then(|| build_reply(v.st, iid))
        })
        .await
    }
}
