//! Discord's `enforce_nonce`: a message created with a nonce and `enforce_nonce: true` is
//! remembered for a few minutes; another such POST by the same author in the same channel with
//! the same nonce returns the first message and creates nothing.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

/// How long Discord remembers a nonce ("the past few minutes").
pub(crate) const WINDOW: Duration = Duration::minutes(5);

/// (channel, author, nonce) -> (message id, created at).
pub(crate) type Nonces = HashMap<(u64, u64, String), (u64, DateTime<Utc>)>;

/// The nonce of a create body that asks for enforcement (a string or an integer, as Discord
/// takes both), or None.
pub(crate) fn enforced(body: &Value) -> Option<String> {
    if body["enforce_nonce"].as_bool() != Some(true) {
        return None;
    }
    match &body["nonce"] {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
