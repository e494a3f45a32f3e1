//! Injected faults: a route answers an error, a rate limit or Missing Permissions for the next
//! `n` requests, or answers late.

use std::time::Duration;

use crate::requests::RoutePattern;
use crate::state::State;

/// What an injected fault does to a matching request.
#[derive(Clone, Debug)]
pub enum FaultKind {
    /// Answer with this status and Discord's generic body for it.
    Status(u16),
    /// 429 with `retry_after` seconds (body and `Retry-After` header).
    RateLimit(f64),
    /// 403 Missing Permissions (code 50013).
    Deny,
    /// Sleep this long before handling normally (does not consume a count).
    Delay(Duration),
}

/// A fault on the requests that match `route`.
#[derive(Clone, Debug)]
pub struct Fault {
    pub route: RoutePattern,
    pub kind: FaultKind,
    /// `None` = forever.
    pub remaining: Option<usize>,
}

impl State {
    /// The faults a request meets: the first matching delay (it does not consume a count) and the
    /// first matching counted fault; each one applied loses a count, used-up faults are removed.
    pub(crate) fn take_faults(
        &mut self,
        method: &str,
        path: &str,
    ) -> (Option<Duration>, Option<FaultKind>) {
        let mut delay = None;
        let mut fault = None;
        for f in self.faults.iter_mut() {
            if !f.route.matches(method, path) || f.remaining == Some(0) {
                continue;
            }
            match &f.kind {
                FaultKind::Delay(d) => {
                    if delay.is_none() {
                        delay = Some(*d);
                        if let Some(n) = f.remaining.as_mut() {
                            *n -= 1;
                        }
                    }
                }
                k => {
                    if fault.is_none() {
                        fault = Some(k.clone());
                        if let Some(n) = f.remaining.as_mut() {
                            *n -= 1;
                        }
                    }
                }
            }
        }
        self.faults.retain(|f| f.remaining != Some(0));
        (delay, fault)
    }
}
