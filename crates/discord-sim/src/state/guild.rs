//! Discord objects as the simulator sends them: users, members, roles, channels, the guild, the
//! bot's user and application.

use serde_json::{Value, json};

use super::{State, sid};
use crate::fixture::{FxChannel, FxRole, channel_kind};

/// Members above which GUILD_CREATE leaves them out (Discord's largest `large_threshold`).
const LARGE_THRESHOLD: usize = 250;

impl State {
    pub fn user_json(&self, id: u64) -> Value {
        match self.members.get(&id) {
            Some(m) => json!({
                "id": sid(id),
                "username": m.username,
                "discriminator": "0",
                "global_name": m.global_name,
                "avatar": null,
                "bot": m.bot,
                "public_flags": 0,
                "banner": null,
                "accent_color": null,
            }),
            None => json!({
                "id": sid(id), "username": format!("user{id}"), "discriminator": "0",
                "global_name": null, "avatar": null, "bot": false, "public_flags": 0,
            }),
        }
    }

    pub fn role_json(&self, r: &FxRole) -> Value {
        let mut tags = json!({});
        if let Some(b) = r.bot_id {
            tags = json!({"bot_id": sid(b)});
        }
        json!({
            "id": sid(r.id),
            "name": r.name,
            "color": r.color,
            "colors": {"primary_color": r.color, "secondary_color": null, "tertiary_color": null},
            "hoist": r.hoist,
            "icon": null,
            "unicode_emoji": null,
            "position": r.position,
            "permissions": r.permissions.to_string(),
            "managed": r.managed,
            "mentionable": r.mentionable,
            "flags": 0,
            "tags": tags,
        })
    }

    pub fn channel_json(&self, c: &FxChannel) -> Value {
        let last = self
            .channel_order
            .get(&c.id)
            .and_then(|v| v.last())
            .map(|id| sid(*id));
        let mut j = json!({
            "id": sid(c.id),
            "type": c.kind,
            "guild_id": sid(self.fx.guild),
            "name": c.name,
            "position": c.position,
            "permission_overwrites": c.permission_overwrites,
            "parent_id": c.parent_id.map(sid),
            "topic": c.topic,
            "nsfw": false,
            "last_message_id": last,
            "rate_limit_per_user": 0,
            "flags": 0,
        });
        if c.kind == channel_kind::FORUM {
            let forum = json!({
                "available_tags": [],
                "default_reaction_emoji": null,
                "default_sort_order": null,
                "default_forum_layout": 0,
                "default_thread_rate_limit_per_user": 0,
            });
            if let (Some(a), Value::Object(b)) = (j.as_object_mut(), forum) {
                a.extend(b);
            }
        }
        j
    }

    pub fn dm_channel_json(&self, channel: u64, user: u64) -> Value {
        json!({
            "id": sid(channel),
            "type": channel_kind::DM,
            "last_message_id": self.channel_order.get(&channel).and_then(|v| v.last()).map(|id| sid(*id)),
            "recipients": [self.user_json(user)],
            "flags": 0,
        })
    }
    /// A guild member object (with `user`).
    pub fn member_json(&self, id: u64) -> Value {
        let m = &self.members[&id];
        json!({
            "user": self.user_json(id),
            "nick": m.nick,
            "avatar": null,
            "banner": null,
            "roles": m.roles.iter().map(|r| sid(*r)).collect::<Vec<_>>(),
            "joined_at": m.joined_at,
            "premium_since": null,
            "deaf": false,
            "mute": false,
            "flags": 0,
            "pending": false,
            "communication_disabled_until": self.timeouts.get(&id),
        })
    }

    /// Member object as sent inside interactions (with `permissions`).
    pub fn interaction_member_json(&self, id: u64, channel: u64) -> Value {
        let mut m = self.member_json(id);
        m["permissions"] = json!(self.channel_permissions(id, channel).to_string());
        m
    }

    pub fn guild_json(&self) -> Value {
        let fx = &self.fx;
        let mut g = json!({
            "id": sid(fx.guild),
            "name": fx.guild_name,
            "icon": null, "icon_hash": null, "splash": null, "discovery_splash": null,
            "owner_id": sid(fx.owner),
            "afk_channel_id": null, "afk_timeout": 300,
            "widget_enabled": false, "widget_channel_id": null,
            "verification_level": 0, "default_message_notifications": 1, "explicit_content_filter": 0,
            "roles": self.roles.values().map(|r| self.role_json(r)).collect::<Vec<_>>(),
            "emojis": [], "features": [], "mfa_level": 0,
            "application_id": null, "system_channel_id": null, "system_channel_flags": 0,
            "rules_channel_id": null, "max_presences": null, "max_members": 500000,
            "vanity_url_code": null, "description": null, "banner": null,
        });
        // A large guild (over Discord's large_threshold, 250 at most) comes without its member
        // list, as on Discord: only the bot itself; the rest is paged through REST.
        let large = self.members.len() > LARGE_THRESHOLD;
        let members: Vec<_> = self
            .members
            .keys()
            .filter(|id| !large || **id == self.fx.bot)
            .map(|id| self.member_json(*id))
            .collect();
        let more = json!({
            "premium_tier": 0, "premium_subscription_count": 0,
            "preferred_locale": fx.preferred_locale,
            "public_updates_channel_id": null,
            "max_video_channel_users": 25, "max_stage_video_channel_users": 50,
            "nsfw_level": 0, "stickers": [], "premium_progress_bar_enabled": false,
            "safety_alerts_channel_id": null, "incidents_data": null,
            "joined_at": "2023-01-07T12:00:00.000000+00:00",
            "large": large, "unavailable": false,
            "member_count": self.members.len(),
            "voice_states": [],
            "members": members,
            "channels": self.channels.values().map(|c| self.channel_json(c)).collect::<Vec<_>>(),
            "threads": self.threads.values()
                .filter(|t| !t.archived && self.can_see(fx.bot, t.id))
                .map(|t| self.thread_json(t.id))
                .collect::<Vec<_>>(),
            "presences": [], "stage_instances": [], "guild_scheduled_events": [],
            "soundboard_sounds": [],
        });
        if let (Some(a), Value::Object(b)) = (g.as_object_mut(), more) {
            a.extend(b);
        }
        g
    }

    pub fn partial_channel_json(&self, channel: u64, for_user: u64) -> Value {
        if self.threads.contains_key(&channel) {
            let mut t = self.thread_json(channel);
            t["permissions"] = json!(self.channel_permissions(for_user, channel).to_string());
            return t;
        }
        if let Some(u) = self.is_dm(channel) {
            return self.dm_channel_json(channel, u);
        }
        match self.channels.get(&channel) {
            Some(c) => json!({
                "id": sid(c.id), "name": c.name, "type": c.kind,
                "parent_id": c.parent_id.map(sid), "guild_id": sid(self.fx.guild),
                "permissions": self.channel_permissions(for_user, channel).to_string(),
                "nsfw": false, "position": c.position, "flags": 0, "topic": c.topic,
                "rate_limit_per_user": 0, "permission_overwrites": c.permission_overwrites,
                "last_message_id": null,
            }),
            None => json!({"id": sid(channel), "name": null, "type": channel_kind::DM}),
        }
    }

    pub fn current_user_json(&self) -> Value {
        let mut u = self.user_json(self.fx.bot);
        u["bot"] = json!(true);
        u["verified"] = json!(true);
        u["mfa_enabled"] = json!(false);
        u["flags"] = json!(0);
        u["email"] = Value::Null;
        u
    }

    pub fn application_json(&self) -> Value {
        json!({
            "id": sid(self.fx.app_id),
            "name": self.fx.bot_name,
            "icon": null,
            "description": "Governance bot (simulated)",
            "rpc_origins": [],
            "bot_public": false,
            "bot_require_code_grant": false,
            "owner": self.user_json(self.fx.owner),
            "verify_key": "0000000000000000000000000000000000000000000000000000000000000000",
            "team": null,
            "flags": self.fx.app_flags,
            "bot": self.current_user_json(),
            "summary": "",
        })
    }
}
