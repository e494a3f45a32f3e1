//! Everything members can read, in the order it appeared: channel, thread and DM messages with
//! where they are. `steward demo` follows it to print what a community would see.

use crate::Sim;
use crate::message::SimMessage;
use crate::view::SimView;

/// Where a message is, with the names members see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimPlace {
    /// A guild channel (`#name`).
    Channel { id: u64, name: String },
    /// A thread or forum post in a channel.
    Thread { id: u64, name: String, parent: u64 },
    /// The DM channel between the bot and this member.
    Dm { user: u64 },
}

impl Sim {
    /// Every message members can see (not ephemeral, not deleted), oldest first, with its place
    /// and its latest content (edits applied; `edits` counts them).
    pub fn feed(&self) -> Vec<(SimPlace, SimMessage)> {
        let st = self.inner.lock();
        st.messages
            .values()
            .filter(|m| !m.ephemeral && !m.deleted && !m.loading)
            .filter_map(|m| {
                let c = m.channel_id;
                let place = if let Some(ch) = st.channels.get(&c) {
                    SimPlace::Channel {
                        id: c,
                        name: ch.name.clone(),
                    }
                } else if let Some(t) = st.threads.get(&c) {
                    SimPlace::Thread {
                        id: c,
                        name: t.name.clone(),
                        parent: t.parent_id,
                    }
                } else {
                    SimPlace::Dm { user: st.is_dm(c)? }
                };
                Some((place, m.clone()))
            })
            .collect()
    }

    /// A member's display name (server nickname, global name, then username), or the role or
    /// channel name for those ids; `None` for an id the simulator does not know.
    pub fn display_name(&self, id: u64) -> Option<String> {
        let st = self.inner.lock();
        if let Some(m) = st.members.get(&id) {
            return Some(
                m.nick
                    .clone()
                    .or_else(|| m.global_name.clone())
                    .unwrap_or_else(|| m.username.clone()),
            );
        }
        if let Some(r) = st.roles.get(&id) {
            return Some(r.name.clone());
        }
        st.channels
            .get(&id)
            .map(|c| c.name.clone())
            .or_else(|| st.threads.get(&id).map(|t| t.name.clone()))
    }
}

impl SimView<'_> {
    /// Messages the bot sent to a member's DMs (for [`Sim::wait_until`]).
    pub fn dm_messages(&self, user: u64) -> Vec<SimMessage> {
        match self.st.dm_channels.get(&user) {
            Some(c) => self.channel_messages(*c),
            None => vec![],
        }
    }

    /// Whether a guild channel of this name exists (one the bot created, say).
    pub fn has_channel(&self, name: &str) -> bool {
        self.st.channels.values().any(|c| c.name == name)
    }
}
