//! The guild the simulator starts with: roles, channels and members, with fixed ids.

pub use crate::kinds::{channel_kind, perms};

#[derive(Clone, Debug)]
pub struct FxRole {
    pub id: u64,
    pub name: String,
    pub permissions: u64,
    pub position: u16,
    pub color: u32,
    pub hoist: bool,
    pub mentionable: bool,
    pub managed: bool,
    /// For a bot's managed role.
    pub bot_id: Option<u64>,
}

#[derive(Clone, Debug)]
pub struct FxChannel {
    pub id: u64,
    pub name: String,
    pub kind: u8,
    pub parent_id: Option<u64>,
    pub position: u16,
    pub topic: Option<String>,
    /// Raw Discord permission overwrite objects (`{id, type, allow, deny}`, allow/deny strings).
    pub permission_overwrites: Vec<serde_json::Value>,
}

#[derive(Clone, Debug)]
pub struct FxMember {
    pub id: u64,
    pub username: String,
    pub global_name: Option<String>,
    pub nick: Option<String>,
    pub bot: bool,
    pub roles: Vec<u64>,
    /// The Discord client locale sent with this member's interactions ("en-US", "de", ...).
    pub locale: String,
    /// RFC 3339.
    pub joined_at: String,
}

/// A second server the bot is in (see [`Fixture::two_shards`]): one text channel and some of
/// the standard members, who hold no roles there.
#[derive(Clone, Debug)]
pub struct FxGuild {
    pub id: u64,
    pub name: String,
    /// Its only channel (`#lobby`).
    pub channel: u64,
    pub members: Vec<u64>,
}

/// A guild as the simulator starts it. All ids are plain `u64` snowflakes.
#[derive(Clone, Debug)]
pub struct Fixture {
    pub app_id: u64,
    /// The bot's user id (equal to the application id, as on Discord).
    pub bot: u64,
    pub bot_name: String,
    pub guild: u64,
    pub guild_name: String,
    pub owner: u64,
    pub preferred_locale: String,

    /// `@everyone` (its id is the guild id).
    pub everyone_role: u64,
    pub admin_role: u64,
    pub tsc_role: u64,
    pub maintainers_role: u64,
    pub contributors_role: u64,
    pub security_role: u64,
    pub emeritus_role: u64,
    /// The bot's managed role ([`perms::BOT`]: Manage Roles, Channels, Threads, Moderate
    /// Members, ...; not Administrator). Change it with [`Fixture::set_bot_permissions`].
    pub bot_role: u64,

    pub general: u64,
    pub announcements: u64,
    pub governance_category: u64,
    pub tsc_private: u64,
    /// `#rfcs`, a forum channel (type 15): its posts are threads with a starter message.
    pub forum: u64,

    /// The application's flags (`GET /applications/@me`): by default the limited Server Members
    /// intent is on ([`Fixture::MEMBERS_INTENT_LIMITED`]); 0 as if it were off in the portal.
    pub app_flags: u64,
    /// The shard count `GET /gateway/bot` recommends (1 unless a test asks for more).
    pub recommended_shards: u32,
    /// A second server, on another shard than `guild` ([`Fixture::two_shards`]).
    pub second_guild: Option<FxGuild>,

    /// Largest file a message may carry, in bytes (Discord's 25 MiB unless changed); also sent
    /// as `attachment_size_limit` in interactions.
    pub attachment_size_limit: u64,

    /// TSC + Admins role (Administrator); guild owner.
    pub alice: u64,
    /// TSC.
    pub bob: u64,
    /// TSC.
    pub carol: u64,
    /// TSC.
    pub dave: u64,
    /// Maintainers.
    pub erin: u64,
    /// No role.
    pub frank: u64,

    pub roles: Vec<FxRole>,
    pub channels: Vec<FxChannel>,
    pub members: Vec<FxMember>,
}

const BASE: u64 = 1_200_000_000_000_000_000;

impl Fixture {
    /// `GATEWAY_GUILD_MEMBERS_LIMITED`: the Server Members intent of a bot in under 100 servers.
    pub const MEMBERS_INTENT_LIMITED: u64 = 1 << 15;

    /// The standard governance guild.
    ///
    /// Roles: `@everyone`, Admins (Administrator), TSC, Maintainers, Contributors, Security,
    /// Emeritus, Steward (the bot's managed role).
    /// Channels: `#general`, `#announcements`, category "Governance" with `#tsc` (private to TSC),
    /// the forum `#rfcs`.
    /// Members: alice (TSC, Admins, owner), bob/carol/dave (TSC), erin (Maintainers), frank
    /// (nothing), and the bot.
    pub fn standard() -> Fixture {
        let guild = BASE + 1;
        let app_id = BASE + 999;
        let r = |n: u64| BASE + 100 + n;
        let c = |n: u64| BASE + 200 + n;
        let u = |n: u64| BASE + 300 + n;
        let role = |id, name: &str, permissions, position, color| FxRole {
            id,
            name: name.to_string(),
            permissions,
            position,
            color,
            hoist: false,
            mentionable: true,
            managed: false,
            bot_id: None,
        };
        let mut roles = vec![
            FxRole {
                mentionable: false,
                ..role(guild, "@everyone", perms::EVERYONE, 0, 0)
            },
            role(r(1), "Admins", perms::ADMINISTRATOR, 7, 0xe74c3c),
            role(
                r(2),
                "TSC",
                perms::MANAGE_MESSAGES | perms::MENTION_EVERYONE,
                6,
                0x3498db,
            ),
            role(r(3), "Maintainers", 0, 5, 0x2ecc71),
            role(r(4), "Contributors", 0, 4, 0x95a5a6),
            role(r(5), "Security", 0, 3, 0x9b59b6),
            role(r(6), "Emeritus", 0, 2, 0x7f8c8d),
        ];
        roles.push(FxRole {
            managed: true,
            mentionable: false,
            bot_id: Some(app_id),
            ..role(r(7), "Steward", perms::BOT, 8, 0)
        });
        let chan = |id, name: &str, kind, parent_id, position| FxChannel {
            id,
            name: name.to_string(),
            kind,
            parent_id,
            position,
            topic: None,
            permission_overwrites: vec![],
        };
        let tsc_role = r(2);
        let channels = vec![
            chan(c(1), "general", channel_kind::TEXT, None, 0),
            chan(c(2), "announcements", channel_kind::TEXT, None, 1),
            chan(c(3), "Governance", channel_kind::CATEGORY, None, 2),
            FxChannel {
                permission_overwrites: vec![
                    serde_json::json!({"id": guild.to_string(), "type": 0, "allow": "0", "deny": perms::VIEW_CHANNEL.to_string()}),
                    serde_json::json!({"id": tsc_role.to_string(), "type": 0, "allow": perms::VIEW_CHANNEL.to_string(), "deny": "0"}),
                    serde_json::json!({"id": r(7).to_string(), "type": 0, "allow": perms::VIEW_CHANNEL.to_string(), "deny": "0"}),
                ],
                ..chan(c(4), "tsc", channel_kind::TEXT, Some(c(3)), 3)
            },
            chan(c(5), "rfcs", channel_kind::FORUM, None, 4),
        ];
        let member = |id, name: &str, roles: Vec<u64>, day: u32| FxMember {
            id,
            username: name.to_string(),
            global_name: Some(capitalize(name)),
            nick: None,
            bot: false,
            roles,
            locale: "en-US".to_string(),
            joined_at: format!("2023-01-{day:02}T12:00:00.000000+00:00"),
        };
        let members = vec![
            member(u(1), "alice", vec![r(1), tsc_role], 1),
            member(u(2), "bob", vec![tsc_role], 2),
            member(u(3), "carol", vec![tsc_role], 3),
            member(u(4), "dave", vec![tsc_role], 4),
            member(u(5), "erin", vec![r(3)], 5),
            member(u(6), "frank", vec![], 6),
            FxMember {
                bot: true,
                global_name: None,
                ..member(app_id, "Steward", vec![r(7)], 7)
            },
        ];
        Fixture {
            app_id,
            bot: app_id,
            bot_name: "Steward".into(),
            guild,
            guild_name: "Open Project".into(),
            owner: u(1),
            preferred_locale: "en-US".into(),
            everyone_role: guild,
            admin_role: r(1),
            tsc_role,
            maintainers_role: r(3),
            contributors_role: r(4),
            security_role: r(5),
            emeritus_role: r(6),
            bot_role: r(7),
            general: c(1),
            announcements: c(2),
            governance_category: c(3),
            tsc_private: c(4),
            forum: c(5),
            app_flags: Fixture::MEMBERS_INTENT_LIMITED,
            recommended_shards: 1,
            second_guild: None,
            attachment_size_limit: 25 * 1024 * 1024,
            alice: u(1),
            bob: u(2),
            carol: u(3),
            dave: u(4),
            erin: u(5),
            frank: u(6),
            roles,
            channels,
            members,
        }
    }

    /// A bot token that looks like a real one: base64(app id) + "." + timestamp part + "." + hmac
    /// part. The simulator accepts exactly this token (as `Bot <token>`).
    pub fn token(&self) -> String {
        format!(
            "{}.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB",
            base64_no_pad(self.app_id.to_string().as_bytes())
        )
    }

    /// Two shards recommended, and a second server ("Neighbour Project", alice and erin in it)
    /// whose id puts it on the other shard than `guild` (Discord's `(id >> 22) % shards`).
    pub fn two_shards(mut self) -> Fixture {
        self.recommended_shards = 2;
        self.second_guild = Some(FxGuild {
            // One more in the timestamp part flips the shard of two.
            id: self.guild + (1 << 22),
            name: "Neighbour Project".into(),
            channel: BASE + 290,
            members: vec![self.alice, self.erin],
        });
        self
    }

    /// Adds a member (not a bot) with the given roles; returns its id. Added members get ids of
    /// their own range, so that a server of thousands never reuses the bot's or a role's id.
    pub fn add_member(&mut self, username: &str, roles: &[u64]) -> u64 {
        let id = BASE + 100_000 + self.members.len() as u64;
        self.members.push(FxMember {
            id,
            username: username.to_string(),
            global_name: Some(capitalize(username)),
            nick: None,
            bot: false,
            roles: roles.to_vec(),
            locale: "en-US".into(),
            joined_at: "2023-02-01T12:00:00.000000+00:00".into(),
        });
        id
    }

    /// Adds a role (below the bot's role); returns its id.
    pub fn add_role(&mut self, name: &str, permissions: u64) -> u64 {
        let id = BASE + 150 + self.roles.len() as u64;
        self.roles.push(FxRole {
            id,
            name: name.to_string(),
            permissions,
            position: 1,
            color: 0,
            hoist: false,
            mentionable: true,
            managed: false,
            bot_id: None,
        });
        id
    }

    /// Adds a text channel; returns its id.
    pub fn add_text_channel(&mut self, name: &str, parent_id: Option<u64>) -> u64 {
        let id = BASE + 250 + self.channels.len() as u64;
        self.channels.push(FxChannel {
            id,
            name: name.to_string(),
            kind: channel_kind::TEXT,
            parent_id,
            position: self.channels.len() as u16,
            topic: None,
            permission_overwrites: vec![],
        });
        id
    }

    /// Sets a role's permission bits before the simulator starts (see also
    /// [`crate::Sim::set_role_permissions`]).
    pub fn set_role_permissions(&mut self, role: u64, permissions: u64) {
        if let Some(r) = self.roles.iter_mut().find(|r| r.id == role) {
            r.permissions = permissions;
        }
    }

    /// Sets what the bot's managed role grants, e.g. `perms::BOT & !perms::MODERATE_MEMBERS`.
    pub fn set_bot_permissions(&mut self, permissions: u64) {
        self.set_role_permissions(self.bot_role, permissions);
    }

    pub fn member(&self, id: u64) -> Option<&FxMember> {
        self.members.iter().find(|m| m.id == id)
    }

    pub fn member_by_name(&self, username: &str) -> Option<u64> {
        self.members
            .iter()
            .find(|m| m.username == username)
            .map(|m| m.id)
    }

    pub fn role_by_name(&self, name: &str) -> Option<u64> {
        self.roles.iter().find(|r| r.name == name).map(|r| r.id)
    }

    pub fn channel_by_name(&self, name: &str) -> Option<u64> {
        self.channels.iter().find(|c| c.name == name).map(|c| c.id)
    }

    /// Display name of a user id for messages in dumps.
    pub fn name_of(&self, id: u64) -> String {
        self.member(id)
            .map(|m| m.username.clone())
            .unwrap_or_else(|| id.to_string())
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Standard base64 without padding (as Discord tokens are).
pub fn base64_no_pad(input: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}
