//! Succession steps taken per member and quiet period, and offices below their minimum size.

use chrono::{DateTime, Utc};
// Column lists below are constants: the only formatted SQL is those lists.
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::roles::GovRole;
use crate::governance::succession::Step;

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// The member said they are still active, or was active again.
    Active,
    /// The member moved to emeritus (their choice or the TSC's).
    Emeritus,
    /// The review did not approve the move.
    Kept,
}

impl Resolution {
    pub fn key(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Emeritus => "emeritus",
            Self::Kept => "kept",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Active, Self::Emeritus, Self::Kept]
            .into_iter()
            .find(|r| r.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRecord {
    pub id: i64,
    pub guild_id: u64,
    pub member_id: u64,
    pub step: Step,
    pub period_start: DateTime<Utc>,
    /// Reviews of one quiet period are numbered from 0 (a review that decided nothing is
    /// opened again later).
    pub attempt: i64,
    pub taken_at: DateTime<Utc>,
    pub ballot_id: Option<i64>,
    pub dm_failed_at: Option<DateTime<Utc>>,
    pub resolution: Option<Resolution>,
    pub resolved_at: Option<DateTime<Utc>>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    guild_id: i64,
    member_id: i64,
    step: String,
    period_start: i64,
    attempt: i64,
    taken_at: i64,
    ballot_id: Option<i64>,
    dm_failed_at: Option<i64>,
    resolution: Option<String>,
    resolved_at: Option<i64>,
}

impl From<Row> for StepRecord {
    fn from(r: Row) -> Self {
        Self {
            id: r.id,
            guild_id: from_db_id(r.guild_id),
            member_id: from_db_id(r.member_id),
            step: if r.step == "review" {
                Step::Review
            } else {
                Step::Contact
            },
            period_start: from_millis(r.period_start),
            attempt: r.attempt,
            taken_at: from_millis(r.taken_at),
            ballot_id: r.ballot_id,
            dm_failed_at: r.dm_failed_at.map(from_millis),
            resolution: r.resolution.as_deref().and_then(Resolution::from_key),
            resolved_at: r.resolved_at.map(from_millis),
        }
    }
}

const COLUMNS: &str = "id, guild_id, member_id, step, period_start, attempt, taken_at, ballot_id, \
                       dm_failed_at, resolution, resolved_at";

/// Records a step's `attempt` (0 for the first); `None` if that attempt was already taken for
/// this quiet period (each step happens once per attempt).
pub async fn insert(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
    step: Step,
    period_start: DateTime<Utc>,
    attempt: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "INSERT INTO succession_steps (guild_id, member_id, step, period_start, attempt, taken_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .bind(step.key())
    .bind(to_millis(period_start))
    .bind(attempt)
    .bind(to_millis(now))
    .fetch_optional(&mut *conn)
    .await
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<StepRecord>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM succession_steps WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(StepRecord::from))
}

/// The steps of a member's quiet period that began at `period_start`.
pub async fn for_period(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
    period_start: DateTime<Utc>,
) -> sqlx::Result<Vec<StepRecord>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM succession_steps
         WHERE guild_id = ? AND member_id = ? AND period_start = ? ORDER BY id"
    )))
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .bind(to_millis(period_start))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(StepRecord::from).collect())
}

/// Steps of a guild taken in `[from, to)`, oldest first.
pub async fn between(
    conn: &mut SqliteConnection,
    guild_id: u64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<StepRecord>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM succession_steps
         WHERE guild_id = ? AND taken_at >= ? AND taken_at < ? ORDER BY taken_at, id"
    )))
    .bind(to_db_id(guild_id))
    .bind(to_millis(from))
    .bind(to_millis(to))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(StepRecord::from).collect())
}

/// The review step whose ballot this is.
pub async fn by_ballot(
    conn: &mut SqliteConnection,
    ballot_id: i64,
) -> sqlx::Result<Option<StepRecord>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM succession_steps WHERE ballot_id = ?"
    )))
    .bind(ballot_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(StepRecord::from))
}

pub async fn set_ballot(conn: &mut SqliteConnection, id: i64, ballot_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE succession_steps SET ballot_id = ? WHERE id = ?")
        .bind(ballot_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Resolves a step unless it already was; returns whether this call resolved it.
pub async fn resolve(
    conn: &mut SqliteConnection,
    id: i64,
    resolution: Resolution,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE succession_steps SET resolution = ?, resolved_at = ?
         WHERE id = ? AND resolution IS NULL",
    )
    .bind(resolution.key())
    .bind(to_millis(now))
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Resolves every open step of a member (they moved to emeritus, or were active again).
pub async fn resolve_all(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
    resolution: Resolution,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE succession_steps SET resolution = ?, resolved_at = ?
         WHERE guild_id = ? AND member_id = ? AND resolution IS NULL",
    )
    .bind(resolution.key())
    .bind(to_millis(now))
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn mark_dm_failed(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE succession_steps SET dm_failed_at = ? WHERE id = ?")
        .bind(to_millis(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records that an office is below its minimum; returns false if that was already known
/// (the TSC is prompted once per dip).
pub async fn start_shortfall(
    conn: &mut SqliteConnection,
    guild_id: u64,
    role: GovRole,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let added = sqlx::query(
        "INSERT INTO roster_shortfalls (guild_id, gov_role, since) VALUES (?, ?, ?)
         ON CONFLICT DO NOTHING",
    )
    .bind(to_db_id(guild_id))
    .bind(role.key())
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(added == 1)
}

/// The office is back at its minimum: a later dip prompts again.
pub async fn end_shortfall(
    conn: &mut SqliteConnection,
    guild_id: u64,
    role: GovRole,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM roster_shortfalls WHERE guild_id = ? AND gov_role = ?")
        .bind(to_db_id(guild_id))
        .bind(role.key())
        .execute(&mut *conn)
        .await?;
    Ok(())
}
