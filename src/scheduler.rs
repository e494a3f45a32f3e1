//! The loop shape both durable queues run in (jobs and the outbox): do the due work, then sleep
//! until the next item falls due, a wake-up, or shutdown.

use std::future::Future;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::sync::{Notify, watch};

use crate::clock::Clock;

/// Wakes a loop early: after something was scheduled, or after a test moved the clock.
#[derive(Debug, Clone, Default)]
pub struct Wakeup(Arc<Notify>);

impl Wakeup {
    pub fn wake(&self) {
        // notify_one keeps a permit when the loop is busy, so no wake-up is lost.
        self.0.notify_one();
    }

    async fn woken(&self) {
        self.0.notified().await
    }
}

/// The longest a loop sleeps without looking again, whatever it was told.
const MAX_SLEEP: std::time::Duration = std::time::Duration::from_secs(60);

/// Runs `tick` (which does the due work and returns when the next work falls due) until
/// `shutdown` turns true. Between ticks it sleeps until that time, a wake-up, or shutdown.
pub async fn run_loop<F, Fut>(
    clock: Arc<dyn Clock>,
    wakeup: Wakeup,
    mut shutdown: watch::Receiver<bool>,
    mut tick: F,
) where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<DateTime<Utc>>>,
{
    while !*shutdown.borrow() {
        let next = tick().await;
        let pause = next
            .map(|at| (at - clock.now()).to_std().unwrap_or_default())
            .unwrap_or(MAX_SLEEP)
            .min(MAX_SLEEP);
        tokio::select! {
            _ = tokio::time::sleep(pause) => {}
            _ = wakeup.woken() => {}
            _ = shutdown.changed() => {}
        }
    }
}
