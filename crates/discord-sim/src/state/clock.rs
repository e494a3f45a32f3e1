//! The state's "now" (the clock given to `Sim::use_clock`, the real one otherwise) and the
//! timeouts judged by it.

use chrono::{DateTime, Utc};

use super::State;

impl State {
    /// Now, by the clock given to [`Sim::use_clock`] (the real clock otherwise).
    pub fn now(&self) -> DateTime<Utc> {
        match &self.clock {
            Some(c) => c(),
            None => Utc::now(),
        }
    }

    /// Whether a member's timeout runs past now.
    pub fn is_timed_out(&self, user: u64) -> bool {
        self.timeouts
            .get(&user)
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .is_some_and(|t| t > self.now())
    }
}
