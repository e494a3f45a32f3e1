//! The state's side of `enforce_nonce`: the message an earlier POST with a nonce created.

use super::State;
use crate::nonces::WINDOW;

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
