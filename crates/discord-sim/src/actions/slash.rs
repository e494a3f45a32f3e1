//! Slash commands as a member types them, in a guild channel or in their DM with the bot, and
//! autocomplete while they type an option: the command, subcommand and options are checked
//! against what the bot registered and typed as Discord types them.

use serde_json::{Value, json};

use super::command_data::{Use, build_command_data};
use crate::Sim;
use crate::reply::{Reply, ReplyKind};

impl Sim {
    /// `/command [subcommand] options…` by `user` in `#general`; waits for the bot's answer.
    pub async fn slash(&self, user: u64, command: &str, options: Value) -> Reply {
        self.slash_in(user, self.fx.general, command, options).await
    }

    /// Like [`Sim::slash`] in any channel: a guild channel, a thread, or a DM channel (see
    /// [`Sim::dm_channel`]).
    pub async fn slash_in(&self, user: u64, channel: u64, command: &str, options: Value) -> Reply {
        let iid = self.send_slash(user, channel, command, options).await;
        self.wait_reply(iid).await
    }

    /// `/command` from the member's DM with the bot: no `guild_id` or `member`, `user` set,
    /// `context` 1. Only global commands usable in DMs exist there (guild commands do not).
    pub async fn slash_dm(&self, user: u64, command: &str, options: Value) -> Reply {
        let dm = self.dm_channel(user);
        self.slash_in(user, dm, command, options).await
    }

    /// The member's DM channel with the bot (opened now if the bot never opened it).
    pub fn dm_channel(&self, user: u64) -> u64 {
        self.inner.with(|st| st.dm_channel_of(user))
    }

    /// Dispatches the slash command and returns the interaction id without waiting for the answer.
    /// Panics if the command, subcommand or an option is not registered, or a value does not fit.
    pub async fn send_slash(&self, user: u64, channel: u64, command: &str, options: Value) -> u64 {
        self.wait_ready().await;
        if self.commands().is_empty() {
            self.wait_commands_registered().await;
        }
        let built = {
            let st = self.inner.lock();
            let how = Use {
                dm: st.is_dm(channel).is_some(),
                focused: None,
            };
            build_command_data(&st, user, channel, command, &options, how)
        };
        let data = built.unwrap_or_else(|e| panic!("cannot send /{command}: {e}\n{}", self.dump()));
        self.inner
            .with(|st| st.new_interaction(2, user, channel, command, data, None, None))
    }

    /// `user` types `partial` into option `option` of `/command [subcommand]` in `channel`, with
    /// `other_options` already filled in: an autocomplete interaction (type 4, the option
    /// `focused`). Returns the choices the bot answered with (callback type 8) as `(name, value)`.
    /// Panics if the option was not registered with autocomplete or the bot answered otherwise.
    pub async fn autocomplete(
        &self,
        user: u64,
        channel: u64,
        command: &str,
        option: &str,
        partial: &str,
        other_options: Value,
    ) -> Vec<(String, Value)> {
        self.wait_ready().await;
        if self.commands().is_empty() {
            self.wait_commands_registered().await;
        }
        let built = {
            let st = self.inner.lock();
            let how = Use {
                dm: st.is_dm(channel).is_some(),
                focused: Some((option, partial)),
            };
            build_command_data(&st, user, channel, command, &other_options, how)
        };
        let data = built.unwrap_or_else(|e| {
            panic!(
                "cannot autocomplete /{command} {option}: {e}\n{}",
                self.dump()
            )
        });
        let iid = self
            .inner
            .with(|st| st.new_interaction(4, user, channel, command, data, None, None));
        let r = self.wait_reply(iid).await;
        if r.kind != ReplyKind::Autocomplete {
            panic!(
                "the bot answered autocomplete of /{command} {option} with {:?}: {}\n{}",
                r.kind,
                json!(r.callback),
                self.dump()
            );
        }
        r.choices()
    }
}
