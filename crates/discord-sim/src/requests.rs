//! What the bot asked of Discord: every HTTP request is recorded, and tests find them with route
//! patterns like `"POST /channels/{}/messages"`.

use std::time::Duration;

use serde_json::Value;

/// One HTTP request the bot made.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    pub method: String,
    /// Path below `/api/v10`, e.g. `/channels/1/messages`.
    pub path: String,
    pub query: Option<String>,
    /// JSON body (Null when empty or not JSON).
    pub body: Value,
    /// `X-Audit-Log-Reason`, if sent.
    pub audit_reason: Option<String>,
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
