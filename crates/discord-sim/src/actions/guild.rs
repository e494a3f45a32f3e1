//! What happens in the guild besides the bot: members post (with files too), join and leave,
//! change their client locale or close their DMs; an admin gives or takes roles or changes what
//! a role grants. The bot hears of it on the gateway.

use serde_json::json;

use crate::Sim;
use crate::attachment::SimAttachment;
use crate::fixture::FxMember;
use crate::message::SimMessage;
use crate::routes;
use crate::state::{State, now_ts, sid};

impl Sim {
    /// A member posts a message (MESSAGE_CREATE; content empty unless the bot asked for the
    /// MESSAGE_CONTENT intent, as on Discord).
    pub fn post_message(&self, user: u64, channel: u64, content: &str) -> SimMessage {
        self.inner.with(|st| {
            let m = st.build_message(channel, user, &json!({"content": content}), 0);
            st.store_message(m.clone(), json!({"content": content}), false, None);
            let mut g = m.clone();
            let bot_mentioned = content.contains(&format!("<@{}>", st.fx.bot));
            if st.gateway.identifies > 0 && !st.has_intent(15) && !bot_mentioned {
                g["content"] = json!("");
            }
            routes::announce_message(st, &g);
            SimMessage::from_json(m)
        })
    }

    /// A member posts a message with files, each `(filename, bytes)` (MESSAGE_CREATE; the
    /// bot reads them from `attachments`, and can download them from their `url`).
    pub fn post_message_with_files(
        &self,
        user: u64,
        channel: u64,
        content: &str,
        files: &[(&str, &[u8])],
    ) -> SimMessage {
        self.inner.with(|st| {
            let body = json!({"content": content});
            let m = st.build_message(channel, user, &body, 0);
            let id = st.store_message(m, body, false, None);
            let files = files
                .iter()
                .map(|(name, bytes)| SimAttachment {
                    id: st.snowflake(),
                    filename: name.to_string(),
                    description: None,
                    content_type: None,
                    bytes: bytes.to_vec(),
                })
                .collect();
            let m = st.set_attachments(id, files).unwrap_or_default();
            let mut g = m.clone();
            if st.gateway.identifies > 0 && !st.has_intent(15) {
                g["content"] = json!("");
                g["attachments"] = json!([]);
            }
            routes::announce_message(st, &g);
            st.messages[&id].clone()
        })
    }

    /// An admin changes what a role grants (GUILD_ROLE_UPDATE), e.g. takes Moderate Members
    /// from the bot's role.
    pub fn set_role_permissions(&self, role: u64, permissions: u64) {
        self.inner.with(|st| {
            let Some(r) = st.roles.get_mut(&role) else {
                return;
            };
            r.permissions = permissions;
            let j = st.role_json(&st.roles[&role].clone());
            if st.gateway.ready() && st.has_intent(0) {
                let g = sid(st.fx.guild);
                st.dispatch("GUILD_ROLE_UPDATE", json!({"guild_id": g, "role": j}));
            }
        })
    }

    /// Sets the Discord client locale of a member (sent as `locale` in interactions).
    pub fn set_locale(&self, user: u64, locale: &str) {
        self.inner.with(|st| {
            if let Some(m) = st.members.get_mut(&user) {
                m.locale = locale.to_string();
            }
        })
    }

    /// An admin gives a member a role (GUILD_MEMBER_UPDATE).
    pub fn add_role(&self, user: u64, role: u64) {
        self.inner.with(|st| {
            if let Some(m) = st.members.get_mut(&user)
                && !m.roles.contains(&role)
            {
                m.roles.push(role);
            }
            member_update(st, user);
        })
    }

    /// An admin removes a role from a member (GUILD_MEMBER_UPDATE).
    pub fn remove_role(&self, user: u64, role: u64) {
        self.inner.with(|st| {
            if let Some(m) = st.members.get_mut(&user) {
                m.roles.retain(|r| *r != role);
            }
            member_update(st, user);
        })
    }

    /// The member closes their DMs: the bot's messages to them fail with 403 (code 50007).
    pub fn close_dms(&self, user: u64) {
        self.inner.with(|st| {
            st.closed_dms.insert(user);
        })
    }

    /// A member leaves the guild (GUILD_MEMBER_REMOVE).
    pub fn remove_member(&self, user: u64) {
        self.inner.with(|st| {
            let u = st.user_json(user);
            if st.members.remove(&user).is_some() && st.gateway.ready() && st.has_intent(1) {
                let g = sid(st.fx.guild);
                st.dispatch("GUILD_MEMBER_REMOVE", json!({"guild_id": g, "user": u}));
            }
        })
    }

    /// A new member joins (GUILD_MEMBER_ADD); returns the id.
    pub fn add_member(&self, username: &str, roles: &[u64]) -> u64 {
        self.inner.with(|st| {
            let id = st.snowflake();
            st.members.insert(
                id,
                FxMember {
                    id,
                    username: username.into(),
                    global_name: None,
                    nick: None,
                    bot: false,
                    roles: roles.to_vec(),
                    locale: "en-US".into(),
                    joined_at: now_ts(),
                },
            );
            if st.gateway.ready() && st.has_intent(1) {
                let mut d = st.member_json(id);
                d["guild_id"] = json!(sid(st.fx.guild));
                st.dispatch("GUILD_MEMBER_ADD", d);
            }
            id
        })
    }
}

/// GUILD_MEMBER_UPDATE, if the bot is connected and asked for GUILD_MEMBERS.
fn member_update(st: &mut State, user: u64) {
    if st.gateway.ready() && st.has_intent(1) {
        st.dispatch_member_update(user);
    }
}

impl Sim {
    /// A moderator deletes a message (MESSAGE_DELETE, with the GUILD_MESSAGES intent); edits
    /// of it then fail with Unknown Message (10008).
    pub fn delete_message(&self, message: u64) {
        self.inner.with(|st| {
            let Some(rec) = st.messages.get_mut(&message) else {
                return;
            };
            rec.deleted = true;
            let channel = rec.channel_id;
            if st.gateway.ready() && st.has_intent(9) {
                let mut d = json!({"id": sid(message), "channel_id": sid(channel)});
                if st.in_guild(channel) {
                    d["guild_id"] = json!(sid(st.fx.guild));
                }
                st.dispatch("MESSAGE_DELETE", d);
            }
        })
    }

    /// A message is deleted while the bot does not hear of it (it was offline past the resume
    /// window): no MESSAGE_DELETE; the bot finds out when an edit fails with 10008.
    pub fn delete_message_unseen(&self, message: u64) {
        self.inner.with(|st| {
            if let Some(rec) = st.messages.get_mut(&message) {
                rec.deleted = true;
            }
        })
    }

    /// An admin deletes a channel (CHANNEL_DELETE): messages to it fail with Unknown Channel.
    pub fn delete_channel(&self, channel: u64) {
        self.inner.with(|st| {
            let Some(ch) = st.channels.remove(&channel) else {
                return;
            };
            if st.gateway.ready() && st.has_intent(0) {
                let j = st.channel_json(&ch);
                st.dispatch("CHANNEL_DELETE", j);
            }
        })
    }

    /// The bot is removed from the server (GUILD_DELETE without `unavailable`).
    pub fn remove_bot(&self) {
        self.inner.with(|st| {
            if st.gateway.ready() && st.has_intent(0) {
                let d = json!({"id": sid(st.fx.guild)});
                st.dispatch("GUILD_DELETE", d);
            }
        })
    }

    /// The bot is added back to the server (GUILD_CREATE with the whole guild).
    pub fn add_bot(&self) {
        self.inner.with(|st| {
            if st.gateway.ready() && st.has_intent(0) {
                let d = st.guild_json();
                st.dispatch("GUILD_CREATE", d);
            }
        })
    }
}
