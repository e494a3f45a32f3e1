//! Guild configuration: role bindings, the channels the bot posts in, locale and policy.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, SqliteConnection};

use super::{from_db_id, to_db_id, to_millis};
use crate::governance::policy::Policy;
use crate::governance::roles::GovRole;

/// A guild's configuration as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct GuildConfig {
    pub guild_id: u64,
    pub announce_channel_id: Option<u64>,
    /// Private TSC channel, where the bot tells the TSC what only the TSC should read. Never
    /// replaced by a public channel: while unset, such notices wait.
    pub tsc_channel_id: Option<u64>,
    /// Category for working-group channels.
    pub wg_category_id: Option<u64>,
    pub locale: String,
    pub policy: Policy,
    pub roles: Vec<(GovRole, u64)>,
    /// Channels named for a purpose (RFCs, releases, ...).
    pub channels: Vec<(ChannelPurpose, u64)>,
}

/// What a guild may name a channel for, beyond announcements and the TSC's channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelPurpose {
    /// Where RFCs and amendments are discussed (a forum, or a text channel for threads).
    Rfc,
    /// Where releases are tracked.
    Releases,
    /// The security response team's private channel.
    Security,
    /// The maintainers' channel (mediators are asked there).
    Maintainers,
}

impl ChannelPurpose {
    pub const ALL: [ChannelPurpose; 4] =
        [Self::Rfc, Self::Releases, Self::Security, Self::Maintainers];

    /// Stable name used in the database.
    pub fn key(self) -> &'static str {
        match self {
            Self::Rfc => "rfc",
            Self::Releases => "releases",
            Self::Security => "security",
            Self::Maintainers => "maintainers",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The part of a configuration `/govern setup` sets (everything but the policy), as recorded
/// in the audit of each change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupSnapshot {
    pub roles: Vec<(GovRole, u64)>,
    pub announce_channel_id: Option<u64>,
    pub tsc_channel_id: Option<u64>,
    pub wg_category_id: Option<u64>,
    pub channels: Vec<(ChannelPurpose, u64)>,
    pub locale: String,
}

impl GuildConfig {
    pub fn setup_snapshot(&self) -> SetupSnapshot {
        SetupSnapshot {
            roles: self.roles.clone(),
            announce_channel_id: self.announce_channel_id,
            tsc_channel_id: self.tsc_channel_id,
            wg_category_id: self.wg_category_id,
            channels: self.channels.clone(),
            locale: self.locale.clone(),
        }
    }

    /// The channel named for `purpose`, if any.
    pub fn channel(&self, purpose: ChannelPurpose) -> Option<u64> {
        self.channels
            .iter()
            .find(|(p, _)| *p == purpose)
            .map(|(_, id)| *id)
    }

    pub fn role_id(&self, role: GovRole) -> Option<u64> {
        self.roles
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, id)| *id)
    }
}

#[derive(FromRow)]
struct GuildRow {
    guild_id: i64,
    announce_channel_id: Option<i64>,
    tsc_channel_id: Option<i64>,
    wg_category_id: Option<i64>,
    locale: String,
    policy: String,
}

#[derive(FromRow)]
struct BindingRow {
    gov_role: String,
    role_id: i64,
}

pub async fn get(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<Option<GuildConfig>> {
    let row: Option<GuildRow> = sqlx::query_as(
        "SELECT guild_id, announce_channel_id, tsc_channel_id, wg_category_id, locale, policy
         FROM guilds WHERE guild_id = ?",
    )
    .bind(to_db_id(guild_id))
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let bindings: Vec<BindingRow> = sqlx::query_as(
        "SELECT gov_role, role_id FROM role_bindings WHERE guild_id = ? ORDER BY gov_role",
    )
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    let channels: Vec<(String, i64)> = sqlx::query_as(
        "SELECT purpose, channel_id FROM guild_channels WHERE guild_id = ? ORDER BY purpose",
    )
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some(GuildConfig {
        guild_id: from_db_id(row.guild_id),
        announce_channel_id: row.announce_channel_id.map(from_db_id),
        tsc_channel_id: row.tsc_channel_id.map(from_db_id),
        wg_category_id: row.wg_category_id.map(from_db_id),
        locale: row.locale,
        // A policy that no longer parses falls back to the document's defaults field by field.
        policy: serde_json::from_str(&row.policy).unwrap_or_default(),
        roles: bindings
            .into_iter()
            .filter_map(|b| Some((GovRole::from_key(&b.gov_role)?, from_db_id(b.role_id))))
            .collect(),
        channels: channels
            .into_iter()
            .filter_map(|(p, id)| Some((ChannelPurpose::from_key(&p)?, from_db_id(id))))
            .collect(),
    }))
}

/// Creates or replaces the role bindings, channels and locale; the policy is kept.
pub async fn save_setup(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let guild = to_db_id(config.guild_id);
    sqlx::query(
        "INSERT INTO guilds (guild_id, announce_channel_id, tsc_channel_id, wg_category_id, locale,
                             policy, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (guild_id) DO UPDATE SET
             announce_channel_id = excluded.announce_channel_id,
             tsc_channel_id = excluded.tsc_channel_id,
             wg_category_id = excluded.wg_category_id,
             locale = excluded.locale,
             updated_at = excluded.updated_at",
    )
    .bind(guild)
    .bind(config.announce_channel_id.map(to_db_id))
    .bind(config.tsc_channel_id.map(to_db_id))
    .bind(config.wg_category_id.map(to_db_id))
    .bind(&config.locale)
    .bind(serde_json::to_string(&config.policy).unwrap_or_else(|_| "{}".into()))
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM role_bindings WHERE guild_id = ?")
        .bind(guild)
        .execute(&mut *conn)
        .await?;
    for (role, role_id) in &config.roles {
        sqlx::query("INSERT INTO role_bindings (guild_id, gov_role, role_id) VALUES (?, ?, ?)")
            .bind(guild)
            .bind(role.key())
            .bind(to_db_id(*role_id))
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM guild_channels WHERE guild_id = ?")
        .bind(guild)
        .execute(&mut *conn)
        .await?;
    for (purpose, channel_id) in &config.channels {
        sqlx::query("INSERT INTO guild_channels (guild_id, purpose, channel_id) VALUES (?, ?, ?)")
            .bind(guild)
            .bind(purpose.key())
            .bind(to_db_id(*channel_id))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn save_policy(
    conn: &mut SqliteConnection,
    guild_id: u64,
    policy: &Policy,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE guilds SET policy = ?, updated_at = ? WHERE guild_id = ?")
        .bind(serde_json::to_string(policy).unwrap_or_else(|_| "{}".into()))
        .bind(to_millis(now))
        .bind(to_db_id(guild_id))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records that the bot was removed from the server (`Some`) or is in it again (`None`);
/// returns whether that changed anything (a server never set up has no row and stays so).
pub async fn set_removed(
    conn: &mut SqliteConnection,
    guild_id: u64,
    removed_at: Option<DateTime<Utc>>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE guilds SET removed_at = ?1 WHERE guild_id = ?2 AND (removed_at IS NULL) = (?1 IS NOT NULL)",
    )
    .bind(removed_at.map(to_millis))
    .bind(to_db_id(guild_id))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Whether the bot was removed from the server and not added back.
pub async fn is_removed(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<bool> {
    let removed: Option<bool> =
        sqlx::query_scalar("SELECT removed_at IS NOT NULL FROM guilds WHERE guild_id = ?")
            .bind(to_db_id(guild_id))
            .fetch_optional(&mut *conn)
            .await?;
    Ok(removed.unwrap_or(false))
}
