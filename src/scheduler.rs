//! The loop shape both durable queues run in (jobs and the outbox): do the due work, then sleep
//! until the next item falls due, a wake-up, or shutdown.

use std::future::Future;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::sync::{Notify, watch};

use crate::clock::Clock;

/// Wakes a loop early (after something was scheduled, or after a test moved the clock), and
/// tells who waits for it when the loop has gone through everything due.
#[derive(Debug, Clone)]
pub struct Wakeup(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    notify: Notify,
    progress: watch::Sender<Progress>,
}

/// How many passes a loop has started and finished, and whether the last one left nothing due.
#[derive(Debug, Clone, Copy, Default)]
struct Progress {
    started: u64,
    finished: u64,
    idle: bool,
}

impl Default for Wakeup {
    fn default() -> Self {
        Self(Arc::new(Inner {
            notify: Notify::new(),
            progress: watch::Sender::new(Progress::default()),
        }))
    }
}

impl Wakeup {
    pub fn wake(&self) {
        // notify_one keeps a permit when the loop is busy, so no wake-up is lost.
        self.0.notify.notify_one();
    }

    async fn woken(&self) {
        self.0.notify.notified().await
    }

    /// Wakes the loop and resolves once a pass that started after this call has finished with
    /// nothing left due: what a test waits for before asserting that nothing more happens.
    pub async fn settled(&self) {
        let mut progress = self.0.progress.subscribe();
        let seen = progress.borrow().started;
        self.wake();
        let _ = progress.wait_for(|p| p.finished > seen && p.idle).await;
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
        let pass = {
            let mut started = 0;
            wakeup.0.progress.send_modify(|p| {
                p.started += 1;
                started = p.started;
            });
            started
        };
        let next = tick().await;
        let idle = next.is_none_or(|at| at > clock.now());
        wakeup.0.progress.send_modify(|p| {
            p.finished = pass;
            p.idle = idle;
        });
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
