//! Context menu commands as a member uses them: right-click a message (type 3) or a member
//! (type 2) and pick the bot's command; the interaction carries `target_id` and the target in
//! `resolved`.

use serde_json::{Value, json};

use crate::Sim;
use crate::message::SimMessage;
use crate::reply::Reply;
use crate::state::{State, sid};

impl Sim {
    /// `user` runs the message command `command` on `target` (in `channel`, where the message
    /// is); waits for the bot's answer. Panics if no such message command is registered there or
    /// the message is gone.
    pub async fn context_menu(
        &self,
        user: u64,
        channel: u64,
        command: &str,
        target: &SimMessage,
    ) -> Reply {
        self.wait_ready().await;
        let r = self.inner.with(|st| {
            let (id, guild_cmd) = context_command(st, channel, command, 3)?;
            let msg = st
                .messages
                .get(&target.id)
                .filter(|m| !m.deleted && !m.ephemeral && m.channel_id == channel)
                .ok_or(format!("message {} is not in channel {channel}", target.id))?;
            let mut data = json!({
                "id": id, "name": command, "type": 3, "target_id": sid(target.id),
                "resolved": {"messages": {sid(target.id): msg.json.clone()}},
            });
            if guild_cmd {
                data["guild_id"] = json!(sid(st.fx.guild));
            }
            Ok(st.new_interaction(2, user, channel, command, data, None, None))
        });
        self.context_reply(command, r).await
    }

    /// `user` runs the user command `command` on member `target` in `channel`; waits for the
    /// bot's answer.
    pub async fn user_context_menu(
        &self,
        user: u64,
        channel: u64,
        command: &str,
        target: u64,
    ) -> Reply {
        self.wait_ready().await;
        let r = self.inner.with(|st| {
            let (id, guild_cmd) = context_command(st, channel, command, 2)?;
            let mut resolved = json!({"users": {sid(target): st.user_json(target)}});
            if st.members.contains_key(&target) && st.is_dm(channel).is_none() {
                let mut m = st.interaction_member_json(target, channel);
                if let Some(o) = m.as_object_mut() {
                    o.remove("user");
                }
                resolved["members"] = json!({sid(target): m});
            }
            let mut data = json!({
                "id": id, "name": command, "type": 2, "target_id": sid(target),
                "resolved": resolved,
            });
            if guild_cmd {
                data["guild_id"] = json!(sid(st.fx.guild));
            }
            Ok(st.new_interaction(2, user, channel, command, data, None, None))
        });
        self.context_reply(command, r).await
    }

    async fn context_reply(&self, command: &str, r: Result<u64, String>) -> Reply {
        match r {
            Ok(iid) => self.wait_reply(iid).await,
            Err(e) => panic!("cannot run context menu {command:?}: {e}\n{}", self.dump()),
        }
    }
}

/// The id of the registered context menu command `name` of type `kind` (2 user, 3 message) that
/// is usable in `channel`, and whether it is a guild command.
fn context_command(
    st: &State,
    channel: u64,
    name: &str,
    kind: u64,
) -> Result<(Value, bool), String> {
    let matching = |c: &&Value| c["name"] == name && c["type"] == kind;
    let in_dm = st.is_dm(channel).is_some();
    let guild = (!in_dm)
        .then(|| st.guild_commands.iter().find(matching))
        .flatten();
    if let Some(c) = guild {
        return Ok((c["id"].clone(), true));
    }
    match st.global_commands.iter().find(matching) {
        Some(c)
            if !in_dm
                || c["contexts"]
                    .as_array()
                    .is_none_or(|x| x.iter().any(|v| v == 1)) =>
        {
            Ok((c["id"].clone(), false))
        }
        _ => Err(format!(
            "no {} command {name:?} registered for this channel; registered: {:?}",
            if kind == 3 { "message" } else { "user" },
            st.guild_commands
                .iter()
                .chain(st.global_commands.iter())
                .map(|c| (c["name"].clone(), c["type"].clone()))
                .collect::<Vec<_>>()
        )),
    }
}
