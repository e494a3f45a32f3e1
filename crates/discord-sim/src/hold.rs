//! Held requests: after letting a few through, a route's requests wait until the test releases
//! them, so that a test acts while the bot is provably in the middle of something (a member
//! list read page by page) instead of hoping it still is.

use std::sync::Arc;
use std::time::Duration;

use crate::requests::RoutePattern;
use crate::{Inner, Sim};

/// A route whose requests wait for the test.
pub(crate) struct HeldRoute {
    id: u64,
    route: RoutePattern,
    /// Requests still let through before the hold starts.
    pass: usize,
    /// Requests waiting now.
    waiting: usize,
    released: bool,
}

/// The test's handle on a hold: see who waits, then release them. Dropping it releases too, so
/// that a failing test never leaves the bot waiting.
pub struct Hold {
    inner: Arc<Inner>,
    id: u64,
    wait_timeout: Duration,
}

impl Sim {
    /// Lets the next `pass` requests matching `route` through, then holds every later one
    /// (before it is handled) until [`Hold::release`].
    pub fn hold_after(&self, route: impl Into<RoutePattern>, pass: usize) -> Hold {
        let route = route.into();
        let id = self.inner.with(|st| {
            let id = st.holds.len() as u64 + 1;
            st.holds.push(HeldRoute {
                id,
                route,
                pass,
                waiting: 0,
                released: false,
            });
            id
        });
        Hold {
            inner: self.inner.clone(),
            id,
            wait_timeout: self.wait_timeout,
        }
    }
}

impl Hold {
    /// Waits until a request is held: the bot is waiting for this answer right now.
    pub async fn wait_held(&self) {
        let mut rx = self.inner.version.subscribe();
        let deadline = tokio::time::Instant::now() + self.wait_timeout;
        while self.held() == 0 {
            if tokio::time::timeout_at(deadline, rx.changed())
                .await
                .is_err()
            {
                panic!(
                    "timed out after {:?} waiting for a request to be held",
                    self.wait_timeout
                );
            }
        }
    }

    /// How many requests wait now.
    pub fn held(&self) -> usize {
        let st = self.inner.lock();
        st.holds
            .iter()
            .find(|h| h.id == self.id)
            .map_or(0, |h| h.waiting)
    }

    /// Lets the waiting requests, and every later one, through.
    pub fn release(&self) {
        self.inner.with(|st| {
            if let Some(h) = st.holds.iter_mut().find(|h| h.id == self.id) {
                h.released = true;
            }
        });
    }
}

impl Drop for Hold {
    fn drop(&mut self) {
        self.release();
    }
}

/// Called for every REST request before it is handled: waits while a hold catches it.
pub(crate) async fn wait_if_held(inner: &Arc<Inner>, method: &str, path: &str) {
    let caught = inner.with(|st| {
        let hold = st
            .holds
            .iter_mut()
            .find(|h| !h.released && h.route.matches(method, path))?;
        if hold.pass > 0 {
            hold.pass -= 1;
            return None;
        }
        hold.waiting += 1;
        Some(hold.id)
    });
    let Some(id) = caught else {
        return;
    };
    let mut rx = inner.version.subscribe();
    let released = || {
        let st = inner.lock();
        st.holds.iter().any(|h| h.id == id && h.released)
    };
    while !released() {
        if rx.changed().await.is_err() {
            break;
        }
    }
    inner.with(|st| {
        if let Some(h) = st.holds.iter_mut().find(|h| h.id == id) {
            h.waiting -= 1;
        }
    });
}
