//! The loop shape both durable queues run in (jobs and the outbox): do the due work, then sleep
//! until the next item falls due, a wake-up, or shutdown. The loop is supervised: a pass that
//! panics is logged and the loop goes on, so that a bug in one item never stops deliveries
//! while the gateway keeps accepting votes.

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

/// After a pass panicked, the loop looks again this long after.
const PANIC_RETRY: std::time::Duration = std::time::Duration::from_secs(5);

/// Runs `tick` (which does the due work and returns when the next work falls due) until
/// `shutdown` turns true. Between ticks it sleeps until that time, a wake-up, or shutdown.
/// Each tick runs as a task of its own: if it panics, the panic is logged and the loop
/// carries on (the claimed items come back when their lease ends).
pub async fn run_loop<F, Fut>(
    clock: Arc<dyn Clock>,
    wakeup: Wakeup,
    mut shutdown: watch::Receiver<bool>,
    mut tick: F,
) where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<DateTime<Utc>>> + Send + 'static,
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
        let next = match tokio::spawn(tick()).await {
            Ok(next) => next,
            Err(e) if e.is_panic() => {
                tracing::error!("a background pass panicked; the loop goes on");
                Some(clock.now() + PANIC_RETRY)
            }
            // Cancelled: the runtime is shutting down.
            Err(_) => return,
        };
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
            // An error: whoever could stop the loop is gone (the bot dropped without a clean
            // shutdown), so nothing will ever stop it: stop now rather than spin.
            changed = shutdown.changed() => if changed.is_err() { return },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;
    use chrono::TimeZone;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn a_panicking_pass_does_not_stop_the_loop() {
        let clock = Arc::new(ManualClock::new(
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        ));
        let (stop, stopped) = watch::channel(false);
        let passes = Arc::new(AtomicUsize::new(0));
        let counted = passes.clone();
        let wakeup = Wakeup::default();
        let task = tokio::spawn(run_loop(clock, wakeup.clone(), stopped, move || {
            let n = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                if n == 0 {
                    panic!("the first pass fails");
                }
                None
            }
        }));
        // A wake-up ends the loop's pause after the panic; no test waits for it to run out.
        for _ in 0..500 {
            if passes.load(Ordering::SeqCst) >= 3 {
                break;
            }
            wakeup.wake();
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        assert!(
            passes.load(Ordering::SeqCst) >= 3,
            "the loop stopped after the panic"
        );
        stop.send(true).unwrap();
        wakeup.wake();
        task.await.expect("the loop itself never panics");
    }

    #[tokio::test]
    async fn the_loop_stops_when_its_stop_switch_is_dropped() {
        let clock = Arc::new(ManualClock::new(
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        ));
        let (stop, stopped) = watch::channel(false);
        let passes = Arc::new(AtomicUsize::new(0));
        let counted = passes.clone();
        let task = tokio::spawn(run_loop(clock, Wakeup::default(), stopped, move || {
            counted.fetch_add(1, Ordering::SeqCst);
            async move { None }
        }));
        while passes.load(Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
        drop(stop);
        tokio::time::timeout(std::time::Duration::from_secs(10), task)
            .await
            .expect("the loop ended")
            .unwrap();
        assert!(
            passes.load(Ordering::SeqCst) <= 2,
            "the loop kept passing after its stop switch was dropped"
        );
    }
}
