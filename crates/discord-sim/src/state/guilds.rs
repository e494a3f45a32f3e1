//! The servers the bot is in: the fixture's guild and, for shard tests, a second one
//! ([`crate::Fixture::two_shards`]) with a single channel where its members hold no roles.

use serde_json::{Value, json};

use super::{State, sid};
use crate::fixture::{FxChannel, FxGuild, FxRole, channel_kind, perms};

impl State {
    /// Every guild the bot is in.
    pub fn guild_ids(&self) -> Vec<u64> {
        let mut ids = vec![self.fx.guild];
        ids.extend(self.fx.second_guild.as_ref().map(|g| g.id));
        ids
    }

    /// How many of the bot's guilds a shard serves.
    pub fn guilds_on_shard(&self, shard: u32) -> usize {
        self.guild_ids()
            .into_iter()
            .filter(|g| self.shard_of_guild(*g) == shard)
            .count()
    }

    /// The second guild, if `channel` is its channel.
    pub fn second_guild_of(&self, channel: u64) -> Option<&FxGuild> {
        self.fx
            .second_guild
            .as_ref()
            .filter(|g| g.channel == channel)
    }

    /// The guild a guild channel or thread is in.
    pub fn guild_of(&self, channel: u64) -> u64 {
        self.second_guild_of(channel)
            .map_or(self.fx.guild, |g| g.id)
    }

    /// GUILD_CREATE's guild object of any of the bot's guilds.
    pub fn guild_json_of(&self, guild: u64) -> Value {
        match self.fx.second_guild.as_ref().filter(|g| g.id == guild) {
            Some(g) => self.second_guild_json(g),
            None => self.guild_json(),
        }
    }

    /// The second guild: the first's shape with its own id, name, `@everyone`, channel and
    /// members (no roles; the bot with its permissions on `@everyone`'s behalf).
    fn second_guild_json(&self, g: &FxGuild) -> Value {
        let mut j = self.guild_json();
        let everyone = self.role_json(&FxRole {
            id: g.id,
            name: "@everyone".into(),
            permissions: perms::EVERYONE | perms::BOT,
            position: 0,
            color: 0,
            hoist: false,
            mentionable: false,
            managed: false,
            bot_id: None,
        });
        let members: Vec<Value> = g
            .members
            .iter()
            .chain([&self.fx.bot])
            .filter(|id| self.members.contains_key(id))
            .map(|id| {
                let mut m = self.member_json(*id);
                m["roles"] = json!([]);
                m
            })
            .collect();
        j["id"] = json!(sid(g.id));
        j["name"] = json!(g.name);
        j["roles"] = json!([everyone]);
        j["member_count"] = json!(members.len());
        j["members"] = json!(members);
        j["channels"] = json!([self.second_channel_json(g)]);
        j["threads"] = json!([]);
        j["large"] = json!(false);
        j
    }

    /// The second guild's one text channel.
    pub fn second_channel_json(&self, g: &FxGuild) -> Value {
        let mut c = self.channel_json(&FxChannel {
            id: g.channel,
            name: "lobby".into(),
            kind: channel_kind::TEXT,
            parent_id: None,
            position: 0,
            topic: None,
            permission_overwrites: vec![],
        });
        c["guild_id"] = json!(sid(g.id));
        c
    }

    /// An interaction's `member` in the second guild: no roles, `@everyone`'s permissions.
    pub fn second_member_json(&self, user: u64) -> Value {
        let mut m = self.member_json(user);
        m["roles"] = json!([]);
        m["permissions"] = json!(perms::EVERYONE.to_string());
        m
    }
}
