//! Injected faults: a route answers an error, a rate limit or Missing Permissions for the next
//! `n` requests, or answers late, or acts and loses its answer.

use std::time::Duration;

use crate::Sim;
use crate::requests::RoutePattern;

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
    /// Handle the request normally (what it creates exists), then answer with this status, as
    /// when Discord's edge times out (504) or fails after the work was done.
    AfterHandling(u16),
}

/// A fault on the requests that match `route`.
#[derive(Clone, Debug)]
pub struct Fault {
    pub route: RoutePattern,
    pub kind: FaultKind,
    /// `None` = forever.
    pub remaining: Option<usize>,
}

impl Sim {
    fn add_fault(&self, route: RoutePattern, kind: FaultKind, remaining: Option<usize>) {
        self.inner.with(|st| {
            st.faults.push(Fault {
                route,
                kind,
                remaining,
            })
        });
    }

    /// Answers the next `n` matching requests with `status` (500: `{"message":"Internal Server
    /// Error","code":0}`; 429/403 as in [`Sim::rate_limit_next`]/[`Sim::deny`]).
    pub fn fail_next(&self, route: impl Into<RoutePattern>, n: usize, status: u16) {
        self.add_fault(route.into(), FaultKind::Status(status), Some(n));
    }

    /// Answers the next `n` matching requests 429 with `retry_after` seconds (body and headers).
    pub fn rate_limit_next(&self, route: impl Into<RoutePattern>, n: usize, retry_after: f64) {
        self.add_fault(route.into(), FaultKind::RateLimit(retry_after), Some(n));
    }

    /// Answers matching requests 403 Missing Permissions (code 50013): the next `n`, or all until
    /// [`Sim::allow`] when `n` is `None`.
    pub fn deny(&self, route: impl Into<RoutePattern>, n: Option<usize>) {
        self.add_fault(route.into(), FaultKind::Deny, n);
    }

    /// Removes every fault on exactly this route pattern.
    pub fn allow(&self, route: impl Into<RoutePattern>) {
        let p = route.into();
        self.inner.with(|st| st.faults.retain(|f| f.route != p));
    }

    /// Handles the next `n` matching requests normally but answers them with `status` (a
    /// timeout or 5xx after Discord did the work: a role or channel exists, the client thinks
    /// it failed).
    pub fn fail_after_handling(&self, route: impl Into<RoutePattern>, n: usize, status: u16) {
        self.add_fault(route.into(), FaultKind::AfterHandling(status), Some(n));
    }

    /// Delays every matching request by `d` (until [`Sim::allow`]/[`Sim::clear_faults`]).
    pub fn delay(&self, route: impl Into<RoutePattern>, d: Duration) {
        self.add_fault(route.into(), FaultKind::Delay(d), None);
    }

    pub fn clear_faults(&self) {
        self.inner.with(|st| st.faults.clear());
    }
}
