//! What members see: messages in channels and DMs, roles, channels, pins, the registered
//! commands; waiting until they show something.

use serde_json::Value;

use crate::Sim;
use crate::fixture::{FxChannel, FxRole};
use crate::gateway::GatewayStats;
use crate::message::SimMessage;
use crate::reply::{Reply, build_reply};
use crate::requests::RecordedRequest;
use crate::state::State;

impl Sim {
    /// Waits until the bot registered its commands (guild or global); returns them as stored.
    pub async fn wait_commands_registered(&self) -> Vec<Value> {
        self.wait_until("the bot to register its application commands", |v| {
            (v.st.command_puts > 0).then(|| {
                v.st.guild_commands
                    .iter()
                    .chain(v.st.global_commands.iter())
                    .cloned()
                    .collect()
            })
        })
        .await
    }

    /// Waits until the bot registered its global commands too (those members use in DMs,
    /// beside the guild's): a bot that registers both has done so before anyone types.
    pub async fn wait_global_commands_registered(&self) {
        self.wait_until("the bot to register its global commands", |v| {
            v.requests()
                .iter()
                .any(|r| {
                    r.method == "PUT"
                        && r.path.ends_with("/commands")
                        && !r.path.contains("/guilds/")
                })
                .then_some(())
        })
        .await;
    }

    /// Registered commands (guild ones first).
    pub fn commands(&self) -> Vec<Value> {
        let st = self.inner.lock();
        st.guild_commands
            .iter()
            .chain(st.global_commands.iter())
            .cloned()
            .collect()
    }

    pub fn command(&self, name: &str) -> Option<Value> {
        self.commands().into_iter().find(|c| c["name"] == name)
    }

    /// Messages in a channel, oldest first (no ephemeral or deleted ones).
    pub fn channel_messages(&self, channel: u64) -> Vec<SimMessage> {
        SimView {
            st: &self.inner.lock(),
        }
        .channel_messages(channel)
    }

    /// Every message with this id (ephemeral ones too).
    pub fn message(&self, id: u64) -> Option<SimMessage> {
        SimView {
            st: &self.inner.lock(),
        }
        .message(id)
    }

    /// Messages the bot sent to a member's DMs.
    pub fn dm_messages(&self, user: u64) -> Vec<SimMessage> {
        let st = self.inner.lock();
        match st.dm_channels.get(&user) {
            Some(c) => SimView { st: &st }.channel_messages(*c),
            None => vec![],
        }
    }

    /// Waits until a message in `channel` matches (the oldest match is returned).
    pub async fn wait_for_message(
        &self,
        channel: u64,
        pred: impl Fn(&SimMessage) -> bool,
    ) -> SimMessage {
        self.wait_until(&format!("a matching message in channel {channel}"), |v| {
            v.channel_messages(channel)
                .into_iter()
                .find(|m| !m.loading && pred(m))
        })
        .await
    }

    /// Waits for a matching message created after this call.
    pub async fn wait_for_new_message(
        &self,
        channel: u64,
        pred: impl Fn(&SimMessage) -> bool,
    ) -> SimMessage {
        let before: Vec<u64> = self
            .channel_messages(channel)
            .iter()
            .map(|m| m.id)
            .collect();
        self.wait_until(
            &format!("a new matching message in channel {channel}"),
            |v| {
                v.channel_messages(channel)
                    .into_iter()
                    .find(|m| !before.contains(&m.id) && !m.loading && pred(m))
            },
        )
        .await
    }

    /// Waits for a matching DM from the bot to `user`.
    pub async fn wait_for_dm(&self, user: u64, pred: impl Fn(&SimMessage) -> bool) -> SimMessage {
        self.wait_until(&format!("a matching DM to {user}"), |v| {
            let c = *v.st.dm_channels.get(&user)?;
            v.channel_messages(c).into_iter().find(|m| pred(m))
        })
        .await
    }

    /// Waits until message `id` satisfies `pred` (e.g. after an edit).
    pub async fn wait_for_edit(&self, id: u64, pred: impl Fn(&SimMessage) -> bool) -> SimMessage {
        self.wait_until(&format!("message {id} to match"), |v| {
            v.message(id).filter(|m| pred(m))
        })
        .await
    }

    pub fn member_roles(&self, user: u64) -> Vec<u64> {
        self.inner
            .lock()
            .members
            .get(&user)
            .map(|m| m.roles.clone())
            .unwrap_or_default()
    }

    pub fn has_role(&self, user: u64, role: u64) -> bool {
        self.member_roles(user).contains(&role)
    }

    pub async fn wait_for_role(&self, user: u64, role: u64, present: bool) {
        self.wait_until(
            &format!(
                "role {role} {} member {user}",
                if present { "on" } else { "off" }
            ),
            |v| {
                (v.st
                    .members
                    .get(&user)
                    .is_some_and(|m| m.roles.contains(&role))
                    == present)
                    .then_some(())
            },
        )
        .await
    }

    pub fn roles(&self) -> Vec<FxRole> {
        self.inner.lock().roles.values().cloned().collect()
    }

    pub fn role_by_name(&self, name: &str) -> Option<FxRole> {
        self.roles().into_iter().find(|r| r.name == name)
    }

    pub fn channels(&self) -> Vec<FxChannel> {
        self.inner.lock().channels.values().cloned().collect()
    }

    pub fn channel_by_name(&self, name: &str) -> Option<FxChannel> {
        self.channels().into_iter().find(|c| c.name == name)
    }

    /// Pinned message ids of a channel, in pin order.
    pub fn pins(&self, channel: u64) -> Vec<u64> {
        self.inner
            .lock()
            .pins
            .get(&channel)
            .cloned()
            .unwrap_or_default()
    }

    /// Every interaction the simulator dispatched, oldest first.
    pub fn interactions(&self) -> Vec<Reply> {
        let st = self.inner.lock();
        st.interactions
            .keys()
            .map(|i| build_reply(&st, *i))
            .collect()
    }
}

/// Read-only view of the simulator state, handed to [`Sim::wait_until`] closures.
pub struct SimView<'a> {
    pub(crate) st: &'a State,
}

impl SimView<'_> {
    pub fn channel_messages(&self, channel: u64) -> Vec<SimMessage> {
        self.st
            .channel_order
            .get(&channel)
            .map(|ids| {
                ids.iter()
                    .filter_map(|id| self.message(*id))
                    .filter(|m| !m.deleted)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn message(&self, id: u64) -> Option<SimMessage> {
        self.st.messages.get(&id).cloned()
    }

    pub fn member_roles(&self, user: u64) -> Vec<u64> {
        self.st
            .members
            .get(&user)
            .map(|m| m.roles.clone())
            .unwrap_or_default()
    }

    pub fn requests(&self) -> &[RecordedRequest] {
        &self.st.requests
    }

    pub fn gateway(&self) -> GatewayStats {
        self.st.gateway.stats()
    }
}
