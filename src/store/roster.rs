//! The roster: members holding governance roles (as read from Discord), their roles and since
//! when, their area of focus, their last activity (a timestamp only), and the history of roles
//! gained and lost.

use chrono::{DateTime, Utc};
use sqlx::{FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::roles::{GovRole, RoleSet};

/// A member as Discord shows them, with the governance roles their Discord roles map to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberSnapshot {
    pub member_id: u64,
    pub username: String,
    pub display_name: String,
    pub roles: Vec<GovRole>,
}

/// One member of the roster as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    pub member_id: u64,
    pub username: String,
    pub display_name: String,
    pub in_guild: bool,
    pub area: Option<String>,
    pub last_active_at: Option<DateTime<Utc>>,
    /// Each governance role held, with when the bot first saw it held.
    pub roles: Vec<(GovRole, DateTime<Utc>)>,
}

impl RosterEntry {
    pub fn role_set(&self) -> RoleSet {
        RoleSet::new(self.roles.iter().map(|(r, _)| *r))
    }

    pub fn has(&self, role: GovRole) -> bool {
        self.roles.iter().any(|(r, _)| *r == role)
    }
}

/// A role gained or lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleEvent {
    pub member_id: u64,
    pub role: GovRole,
    pub gained: bool,
    pub at: DateTime<Utc>,
}

#[derive(FromRow)]
struct MemberRow {
    member_id: i64,
    username: String,
    display_name: String,
    in_guild: bool,
    area: Option<String>,
    last_active_at: Option<i64>,
}

#[derive(FromRow)]
struct RoleRow {
    member_id: i64,
    gov_role: String,
    since: i64,
}

fn entries(members: Vec<MemberRow>, roles: Vec<RoleRow>) -> Vec<RosterEntry> {
    members
        .into_iter()
        .map(|m| RosterEntry {
            member_id: from_db_id(m.member_id),
            username: m.username,
            display_name: m.display_name,
            in_guild: m.in_guild,
            area: m.area,
            last_active_at: m.last_active_at.map(from_millis),
            roles: roles
                .iter()
                .filter(|r| r.member_id == m.member_id)
                .filter_map(|r| Some((GovRole::from_key(&r.gov_role)?, from_millis(r.since))))
                .collect(),
        })
        .collect()
}

/// Every member of the guild's roster (present or not), ordered by display name.
pub async fn list(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<Vec<RosterEntry>> {
    let members: Vec<MemberRow> = sqlx::query_as(
        "SELECT member_id, username, display_name, in_guild, area, last_active_at
         FROM roster_members WHERE guild_id = ? ORDER BY lower(display_name), member_id",
    )
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    let roles: Vec<RoleRow> = sqlx::query_as(
        "SELECT member_id, gov_role, since FROM roster_roles WHERE guild_id = ? ORDER BY gov_role",
    )
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(entries(members, roles))
}

pub async fn get(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
) -> sqlx::Result<Option<RosterEntry>> {
    let members: Vec<MemberRow> = sqlx::query_as(
        "SELECT member_id, username, display_name, in_guild, area, last_active_at
         FROM roster_members WHERE guild_id = ? AND member_id = ?",
    )
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .fetch_all(&mut *conn)
    .await?;
    let roles: Vec<RoleRow> = sqlx::query_as(
        "SELECT member_id, gov_role, since FROM roster_roles
         WHERE guild_id = ? AND member_id = ? ORDER BY gov_role",
    )
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(entries(members, roles).pop())
}

/// Records a member as present with exactly these governance roles; returns what changed.
/// A member with no governance role and no roster history is not stored at all.
pub async fn upsert(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member: &MemberSnapshot,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<RoleEvent>> {
    let known: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM roster_members WHERE guild_id = ? AND member_id = ?)",
    )
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member.member_id))
    .fetch_one(&mut *conn)
    .await?;
    if !known && member.roles.is_empty() {
        return Ok(Vec::new());
    }
    sqlx::query(
        "INSERT INTO roster_members (guild_id, member_id, username, display_name, in_guild, updated_at)
         VALUES (?, ?, ?, ?, 1, ?)
         ON CONFLICT (guild_id, member_id) DO UPDATE SET
             username = excluded.username, display_name = excluded.display_name,
             in_guild = 1, updated_at = excluded.updated_at",
    )
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member.member_id))
    .bind(&member.username)
    .bind(&member.display_name)
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?;
    set_roles(conn, guild_id, member.member_id, &member.roles, now).await
}

/// Makes the stored roles equal `roles`, recording each gain and loss.
async fn set_roles(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
    roles: &[GovRole],
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<RoleEvent>> {
    let held: Vec<String> = sqlx::query_scalar(
        "SELECT gov_role FROM roster_roles WHERE guild_id = ? AND member_id = ?",
    )
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .fetch_all(&mut *conn)
    .await?;
    let held: Vec<GovRole> = held.iter().filter_map(|k| GovRole::from_key(k)).collect();
    let mut events = Vec::new();
    for role in GovRole::ALL {
        let (was, is) = (held.contains(&role), roles.contains(&role));
        if was == is {
            continue;
        }
        if is {
            sqlx::query(
                "INSERT INTO roster_roles (guild_id, member_id, gov_role, since) VALUES (?, ?, ?, ?)",
            )
            .bind(to_db_id(guild_id))
            .bind(to_db_id(member_id))
            .bind(role.key())
            .bind(to_millis(now))
            .execute(&mut *conn)
            .await?;
        } else {
            sqlx::query(
                "DELETE FROM roster_roles WHERE guild_id = ? AND member_id = ? AND gov_role = ?",
            )
            .bind(to_db_id(guild_id))
            .bind(to_db_id(member_id))
            .bind(role.key())
            .execute(&mut *conn)
            .await?;
        }
        sqlx::query(
            "INSERT INTO role_events (guild_id, member_id, gov_role, gained, at) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(to_db_id(guild_id))
        .bind(to_db_id(member_id))
        .bind(role.key())
        .bind(is)
        .bind(to_millis(now))
        .execute(&mut *conn)
        .await?;
        events.push(RoleEvent {
            member_id,
            role,
            gained: is,
            at: now,
        });
    }
    Ok(events)
}

/// A member left the server: kept in the roster's history, without roles.
pub async fn mark_left(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<RoleEvent>> {
    sqlx::query(
        "UPDATE roster_members SET in_guild = 0, updated_at = ? WHERE guild_id = ? AND member_id = ?",
    )
    .bind(to_millis(now))
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .execute(&mut *conn)
    .await?;
    set_roles(conn, guild_id, member_id, &[], now).await
}

/// Moves a member's last activity forward to `at` (never back); a no-op for members outside
/// the roster. Returns whether a roster member was touched.
pub async fn touch(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
    at: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE roster_members SET last_active_at = ?
         WHERE guild_id = ? AND member_id = ? AND (last_active_at IS NULL OR last_active_at < ?)",
    )
    .bind(to_millis(at))
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .bind(to_millis(at))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

pub async fn set_area(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
    area: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE roster_members SET area = ? WHERE guild_id = ? AND member_id = ?")
        .bind(area)
        .bind(to_db_id(guild_id))
        .bind(to_db_id(member_id))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(FromRow)]
struct EventRow {
    member_id: i64,
    gov_role: String,
    gained: bool,
    at: i64,
}

/// Roles gained and lost in `[from, to)`, oldest first.
pub async fn events_between(
    conn: &mut SqliteConnection,
    guild_id: u64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<RoleEvent>> {
    let rows: Vec<EventRow> = sqlx::query_as(
        "SELECT member_id, gov_role, gained, at FROM role_events
         WHERE guild_id = ? AND at >= ? AND at < ? ORDER BY at, id",
    )
    .bind(to_db_id(guild_id))
    .bind(to_millis(from))
    .bind(to_millis(to))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(RoleEvent {
                member_id: from_db_id(r.member_id),
                role: GovRole::from_key(&r.gov_role)?,
                gained: r.gained,
                at: from_millis(r.at),
            })
        })
        .collect())
}
