//! Working groups, their members, join requests and reports.

use chrono::{DateTime, Utc};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::working_group::{Charter, Status};

/// A working group as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: i64,
    pub guild_id: u64,
    pub name: String,
    pub slug: String,
    pub focus: String,
    pub chair_id: u64,
    pub proposed_by: u64,
    pub charter: Option<Charter>,
    pub report_every_days: u32,
    pub ends_at: Option<DateTime<Utc>>,
    pub status: Status,
    pub ballot_id: Option<i64>,
    pub role_id: Option<u64>,
    pub channel_id: Option<u64>,
    pub charter_message_id: Option<u64>,
    pub next_report_due: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub activated_at: Option<DateTime<Utc>>,
    pub provisioned_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    guild_id: i64,
    name: String,
    slug: String,
    focus: String,
    chair_id: i64,
    proposed_by: i64,
    charter: Option<String>,
    report_every_days: i64,
    ends_at: Option<i64>,
    status: String,
    ballot_id: Option<i64>,
    role_id: Option<i64>,
    channel_id: Option<i64>,
    charter_message_id: Option<i64>,
    next_report_due: Option<i64>,
    created_at: i64,
    activated_at: Option<i64>,
    provisioned_at: Option<i64>,
    closed_at: Option<i64>,
}

impl From<Row> for Group {
    fn from(r: Row) -> Self {
        Self {
            id: r.id,
            guild_id: from_db_id(r.guild_id),
            name: r.name,
            slug: r.slug,
            focus: r.focus,
            chair_id: from_db_id(r.chair_id),
            proposed_by: from_db_id(r.proposed_by),
            charter: r.charter.and_then(|c| serde_json::from_str(&c).ok()),
            report_every_days: u32::try_from(r.report_every_days).unwrap_or(28),
            ends_at: r.ends_at.map(from_millis),
            status: Status::from_key(&r.status).unwrap_or(Status::Closed),
            ballot_id: r.ballot_id,
            role_id: r.role_id.map(from_db_id),
            channel_id: r.channel_id.map(from_db_id),
            charter_message_id: r.charter_message_id.map(from_db_id),
            next_report_due: r.next_report_due.map(from_millis),
            created_at: from_millis(r.created_at),
            activated_at: r.activated_at.map(from_millis),
            provisioned_at: r.provisioned_at.map(from_millis),
            closed_at: r.closed_at.map(from_millis),
        }
    }
}

// Column list is a constant: the only formatted SQL in this file.
const COLUMNS: &str = "id, guild_id, name, slug, focus, chair_id, proposed_by, charter, \
    report_every_days, ends_at, status, ballot_id, role_id, channel_id, charter_message_id, \
    next_report_due, created_at, activated_at, provisioned_at, closed_at";

/// What `/wg create` records before the charter form is filled in.
#[derive(Debug, Clone)]
pub struct NewGroup<'a> {
    pub guild_id: u64,
    pub name: &'a str,
    pub slug: &'a str,
    pub focus: &'a str,
    pub chair_id: u64,
    pub proposed_by: u64,
    pub report_every_days: u32,
    pub ends_at: Option<DateTime<Utc>>,
    pub founding: &'a [u64],
}

/// Records a draft with its chair and founding members; returns its id.
pub async fn insert_draft(
    conn: &mut SqliteConnection,
    g: &NewGroup<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO working_groups (guild_id, name, slug, focus, chair_id, proposed_by,
                                     report_every_days, ends_at, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?) RETURNING id",
    )
    .bind(to_db_id(g.guild_id))
    .bind(g.name)
    .bind(g.slug)
    .bind(g.focus)
    .bind(to_db_id(g.chair_id))
    .bind(to_db_id(g.proposed_by))
    .bind(i64::from(g.report_every_days))
    .bind(g.ends_at.map(to_millis))
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await?;
    super::working_group_members::add_member(conn, id, g.chair_id, now).await?;
    for member in g.founding {
        super::working_group_members::add_member(conn, id, *member, now).await?;
    }
    Ok(id)
}

/// Forgets drafts whose charter form was never submitted (the member closed it).
pub async fn delete_stale_drafts(
    conn: &mut SqliteConnection,
    before: DateTime<Utc>,
) -> sqlx::Result<u64> {
    sqlx::query("DELETE FROM wg_members WHERE wg_id IN (SELECT id FROM working_groups WHERE status = 'draft' AND created_at < ?)")
        .bind(to_millis(before))
        .execute(&mut *conn)
        .await?;
    Ok(
        sqlx::query("DELETE FROM working_groups WHERE status = 'draft' AND created_at < ?")
            .bind(to_millis(before))
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Group>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM working_groups WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Group::from))
}

/// The group of a guild with this channel name: the live one, else the most recent.
pub async fn find_by_slug(
    conn: &mut SqliteConnection,
    guild_id: u64,
    slug: &str,
) -> sqlx::Result<Option<Group>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM working_groups
         WHERE guild_id = ? AND slug = ? AND status <> 'draft'
         ORDER BY status IN ('proposed', 'active') DESC, id DESC LIMIT 1"
    )))
    .bind(to_db_id(guild_id))
    .bind(slug)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Group::from))
}

/// Whether a live group (proposed or active) already uses this channel name.
pub async fn slug_taken(
    conn: &mut SqliteConnection,
    guild_id: u64,
    slug: &str,
) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM working_groups
         WHERE guild_id = ? AND slug = ? AND status IN ('proposed', 'active')",
    )
    .bind(to_db_id(guild_id))
    .bind(slug)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

/// Every group of a guild but drafts: active first, then proposed, then the rest, by name.
pub async fn list(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<Vec<Group>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM working_groups WHERE guild_id = ? AND status <> 'draft'
         ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'proposed' THEN 1 ELSE 2 END, name"
    )))
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Group::from).collect())
}

/// A draft becomes a proposal under a charter and its ballot.
pub async fn propose(
    conn: &mut SqliteConnection,
    id: i64,
    charter: &Charter,
    ballot_id: i64,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE working_groups SET charter = ?, ballot_id = ?, status = 'proposed'
         WHERE id = ? AND status = 'draft'",
    )
    .bind(serde_json::to_string(charter).map_err(|e| sqlx::Error::Encode(Box::new(e)))?)
    .bind(ballot_id)
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

pub async fn set_status(
    conn: &mut SqliteConnection,
    id: i64,
    status: Status,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let column = match status {
        Status::Active => "activated_at",
        Status::Closed | Status::Rejected => "closed_at",
        Status::Draft | Status::Proposed => "created_at",
    };
    sqlx::query(AssertSqlSafe(format!(
        "UPDATE working_groups SET status = ?, {column} = ? WHERE id = ?"
    )))
    .bind(status.key())
    .bind(to_millis(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn set_ballot(
    conn: &mut SqliteConnection,
    id: i64,
    ballot_id: Option<i64>,
) -> sqlx::Result<()> {
    super::set_int(conn, column("ballot_id"), id, ballot_id).await
}

pub async fn set_role(conn: &mut SqliteConnection, id: i64, role_id: u64) -> sqlx::Result<()> {
    super::set_int(conn, column("role_id"), id, Some(to_db_id(role_id))).await
}

pub async fn set_channel(
    conn: &mut SqliteConnection,
    id: i64,
    channel_id: u64,
) -> sqlx::Result<()> {
    super::set_int(conn, column("channel_id"), id, Some(to_db_id(channel_id))).await
}

pub async fn set_charter_message(
    conn: &mut SqliteConnection,
    id: i64,
    message_id: u64,
) -> sqlx::Result<()> {
    super::set_int(
        conn,
        column("charter_message_id"),
        id,
        Some(to_db_id(message_id)),
    )
    .await
}

pub async fn set_chair(conn: &mut SqliteConnection, id: i64, chair_id: u64) -> sqlx::Result<()> {
    super::set_int(conn, column("chair_id"), id, Some(to_db_id(chair_id))).await
}

pub async fn set_next_report_due(
    conn: &mut SqliteConnection,
    id: i64,
    due: DateTime<Utc>,
) -> sqlx::Result<()> {
    super::set_int(conn, column("next_report_due"), id, Some(to_millis(due))).await
}

/// Marks the group's Discord objects as complete; true only the first time.
pub async fn mark_provisioned(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE working_groups SET provisioned_at = ? WHERE id = ? AND provisioned_at IS NULL",
    )
    .bind(to_millis(now))
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// A column of `working_groups` that the setters above write.
const fn column(name: &'static str) -> super::IntColumn {
    super::IntColumn::new("working_groups", name)
}
