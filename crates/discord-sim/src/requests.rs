//! What the bot asked of Discord: every HTTP request is recorded, and tests find them with route
//! patterns like `"POST /channels/{}/messages"`.

use std::time::Duration;

use serde_json::Value;

use crate::Sim;

/// One HTTP request the bot made.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    pub method: String,
    /// Path below `/api/v10`, e.g. `/channels/1/messages`.
    pub path: String,
    pub query: Option<String>,
    /// JSON body (Null when empty or not JSON).
    pub body: Value,
    /// `X-Audit-Log-Reason`, if sent (URL-decoded, as the audit log shows it).
    pub audit_reason: Option<String>,
    /// `(filename, size in bytes)` of the files a multipart body carried.
    pub files: Vec<(String, usize)>,
    /// Status the simulator answered.
    pub status: u16,
    /// Time since the simulator started.
    pub at: Duration,
    pub at_utc: chrono::DateTime<chrono::Utc>,
}

impl RecordedRequest {
    pub fn matches(&self, pattern: &RoutePattern) -> bool {
        pattern.matches(&self.method, &self.path)
    }
}

/// `METHOD /path/{}/pattern` where `{}` matches any one segment; method `*` matches any method;
/// a trailing `/**` matches any rest of the path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoutePattern {
    pub method: String,
    pub path: String,
}

impl RoutePattern {
    pub fn new(method: &str, path: &str) -> Self {
        let path = path.strip_prefix("/api/v10").unwrap_or(path);
        let path = path.split('?').next().unwrap_or("");
        RoutePattern {
            method: method.to_ascii_uppercase(),
            path: path.to_string(),
        }
    }

    pub fn matches(&self, method: &str, path: &str) -> bool {
        if self.method != "*" && !self.method.eq_ignore_ascii_case(method) {
            return false;
        }
        let pat: Vec<&str> = self.path.trim_matches('/').split('/').collect();
        let act: Vec<&str> = path.trim_matches('/').split('/').collect();
        let mut i = 0;
        while i < pat.len() {
            if pat[i] == "**" {
                return true;
            }
            match act.get(i) {
                Some(a) if pat[i] == "{}" || pat[i] == *a => {}
                _ => return false,
            }
            i += 1;
        }
        i == act.len()
    }
}

impl From<(&str, &str)> for RoutePattern {
    fn from((m, p): (&str, &str)) -> Self {
        RoutePattern::new(m, p)
    }
}

impl From<&str> for RoutePattern {
    /// `"POST /channels/{}/messages"`.
    fn from(s: &str) -> Self {
        let (m, p) = s.split_once(' ').unwrap_or(("*", s));
        RoutePattern::new(m, p.trim())
    }
}

impl Sim {
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.inner.lock().requests.clone()
    }

    /// Requests matching a route pattern like `("POST", "/channels/{}/messages")`.
    pub fn requests_to(&self, route: impl Into<RoutePattern>) -> Vec<RecordedRequest> {
        let p = route.into();
        self.requests()
            .into_iter()
            .filter(|r| r.matches(&p))
            .collect()
    }

    pub async fn wait_for_request(
        &self,
        route: impl Into<RoutePattern>,
        n: usize,
    ) -> Vec<RecordedRequest> {
        let p = route.into();
        self.wait_until(&format!("{n} requests to {} {}", p.method, p.path), |v| {
            let m: Vec<_> =
                v.st.requests
                    .iter()
                    .filter(|r| r.matches(&p))
                    .cloned()
                    .collect();
            (m.len() >= n).then_some(m)
        })
        .await
    }

    // ------------------------------------------------------------------ failure checks

    pub fn unknown_routes(&self) -> Vec<String> {
        self.inner.lock().unknown_routes.clone()
    }

    pub fn problems(&self) -> Vec<String> {
        self.inner.lock().problems.clone()
    }

    /// Clears and returns recorded problems and unknown routes (for tests that expect them).
    pub fn take_problems(&self) -> Vec<String> {
        self.inner.with(|st| {
            let mut p = std::mem::take(&mut st.problems);
            p.extend(
                std::mem::take(&mut st.unknown_routes)
                    .into_iter()
                    .map(|r| format!("unknown route {r}")),
            );
            p
        })
    }

    pub fn assert_no_unknown_routes(&self) {
        let u = self.unknown_routes();
        assert!(
            u.is_empty(),
            "the bot called routes the simulator does not know: {u:#?}\n{}",
            self.dump()
        );
    }

    /// No unknown routes and no problems (invalid payloads, rejected bodies, bad auth).
    pub fn assert_clean(&self) {
        self.assert_no_unknown_routes();
        let p = self.problems();
        assert!(
            p.is_empty(),
            "the simulator recorded problems: {p:#?}\n{}",
            self.dump()
        );
    }
}
