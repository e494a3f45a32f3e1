//! Interactions the simulator dispatched (slash commands, clicks, modal submits) and what the
//! bot answered to each.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::{State, sid};
use crate::fixture::perms;

/// One interaction and the bot's answers to it.
#[derive(Clone, Debug)]
pub struct InteractionRec {
    pub id: u64,
    pub token: String,
    /// 2 command, 3 component, 4 autocomplete, 5 modal submit.
    pub kind: u8,
    /// A user or message command (its reply is a type 23 message, not 20).
    pub context_menu: bool,
    pub user: u64,
    pub channel: u64,
    /// Command path ("vote start") or custom id.
    pub name: String,
    pub created: Instant,
    pub callback: Option<Value>,
    pub callback_latency: Option<Duration>,
    pub original: Option<u64>,
    pub followups: Vec<u64>,
    /// For component interactions: the message the component is on.
    pub target_message: Option<u64>,
    pub modal: Option<Value>,
    /// Number of PATCHes of @original.
    pub original_edits: u32,
}

impl State {
    /// Dispatches INTERACTION_CREATE as Discord builds it for `user` in `channel` (`kind` 2
    /// command, 3 component, 4 autocomplete, 5 modal submit); returns the interaction id.
    #[expect(
        clippy::too_many_arguments,
        reason = "one argument per part of the interaction the callers vary"
    )]
    pub(crate) fn new_interaction(
        &mut self,
        kind: u8,
        user: u64,
        channel: u64,
        name: &str,
        data: Value,
        message: Option<Value>,
        target: Option<u64>,
    ) -> u64 {
        let context_menu = kind == 2 && matches!(data["type"].as_u64(), Some(2 | 3));
        let id = self.snowflake();
        let token = format!("aW50ZXJhY3Rpb246{id}:sim{}", self.snowflake() % 1_000_003);
        let locale = self
            .members
            .get(&user)
            .map(|m| m.locale.clone())
            .unwrap_or_else(|| "en-US".into());
        let guild = self.guild_of(channel);
        let second = self.second_guild_of(channel).cloned();
        let mut payload = json!({
            "id": sid(id),
            "application_id": sid(self.fx.app_id),
            "type": kind,
            "data": data,
            "guild_id": sid(guild),
            "channel_id": sid(channel),
            "channel": self.partial_channel_json(channel, user),
            "member": self.interaction_member_json(user, channel),
            "token": token,
            "version": 1,
            "app_permissions": self.channel_permissions(self.fx.bot, channel).to_string(),
            "locale": locale,
            "guild_locale": self.fx.preferred_locale,
            "entitlements": [],
            "authorizing_integration_owners": {"0": sid(guild)},
            "context": 0,
            "attachment_size_limit": self.fx.attachment_size_limit,
        });
        if let Some(m) = message {
            payload["message"] = m;
        }
        if let Some(g) = second {
            payload["member"] = self.second_member_json(user);
            payload["channel"] = self.second_channel_json(&g);
            payload["app_permissions"] = json!((perms::EVERYONE | perms::BOT).to_string());
        }
        // In a DM (a command there, a button on a DM the bot sent), Discord sends `user` and no
        // guild or member; the guild install authorizes it with owner "0".
        if self.is_dm(channel).is_some()
            && let Some(o) = payload.as_object_mut()
        {
            for k in ["guild_id", "member", "guild_locale"] {
                o.remove(k);
            }
            o.insert("user".into(), self.user_json(user));
            o.insert("context".into(), json!(1));
            o.insert("authorizing_integration_owners".into(), json!({"0": "0"}));
        }

        self.interactions.insert(
            id,
            InteractionRec {
                id,
                token: token.clone(),
                kind,
                context_menu,
                user,
                channel,
                name: name.to_string(),
                created: std::time::Instant::now(),
                callback: None,
                callback_latency: None,
                original: None,
                followups: vec![],
                target_message: target,
                modal: None,
                original_edits: 0,
            },
        );
        self.tokens.insert(token, id);
        self.dispatch("INTERACTION_CREATE", payload);
        id
    }

    pub fn interaction_summary(&self, id: u64) -> String {
        match self.interactions.get(&id) {
            Some(i) => format!(
                "interaction {} ({}, by {}): callback={}",
                i.id,
                i.name,
                self.fx.name_of(i.user),
                i.callback
                    .as_ref()
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "none".into())
            ),
            None => format!("interaction {id} unknown"),
        }
    }
}
