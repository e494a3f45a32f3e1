//! Discord's `enforce_nonce`: a message created with a nonce and `enforce_nonce: true` is
//! remembered for a few minutes; another such POST by the same author in the same channel with
//! the same nonce returns the first message and creates nothing.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

use crate::state::State;

/// How long Discord remembers a nonce ("the past few minutes").
const WINDOW: Duration = Duration::minutes(5);

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

impl State {
    /// The live message an earlier POST with this nonce created, if still within the window.
    pub(crate) fn nonce_message(&self, channel: u64, author: u64, nonce: &str) -> Option<u64> {
        let (id, at) = self.nonces.get(&(channel, author, nonce.to_owned()))?;
        let live = self.messages.get(id).is_some_and(|m| !m.deleted);
        (live && self.now() - *at < WINDOW).then_some(*id)
    }

    pub(crate) fn remember_nonce(&mut self, channel: u64, author: u64, nonce: String, id: u64) {
        let now = self.now();
        self.nonces.insert((channel, author, nonce), (id, now));
    }
}
