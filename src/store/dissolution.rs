//! Dissolution proposals: the date, the reason, where resources and documents go, and the
//! ballots that decide them and call them off.

use chrono::{DateTime, Utc};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::dissolution::{Plan, Status};

/// A proposal as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dissolution {
    pub id: i64,
    pub guild_id: u64,
    pub date: DateTime<Utc>,
    pub reason: String,
    pub plan: Plan,
    pub status: Status,
    pub proposed_by: u64,
    pub ballot_id: Option<i64>,
    pub call_off_ballot_id: Option<i64>,
    pub proposed_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub called_off_at: Option<DateTime<Utc>>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    guild_id: i64,
    date: i64,
    reason: String,
    plan: String,
    status: String,
    proposed_by: i64,
    ballot_id: Option<i64>,
    call_off_ballot_id: Option<i64>,
    proposed_at: i64,
    decided_at: Option<i64>,
    called_off_at: Option<i64>,
}

impl From<Row> for Dissolution {
    fn from(r: Row) -> Self {
        Self {
            id: r.id,
            guild_id: from_db_id(r.guild_id),
            date: from_millis(r.date),
            reason: r.reason,
            plan: serde_json::from_str(&r.plan).unwrap_or_default(),
            status: Status::from_key(&r.status).unwrap_or(Status::Rejected),
            proposed_by: from_db_id(r.proposed_by),
            ballot_id: r.ballot_id,
            call_off_ballot_id: r.call_off_ballot_id,
            proposed_at: from_millis(r.proposed_at),
            decided_at: r.decided_at.map(from_millis),
            called_off_at: r.called_off_at.map(from_millis),
        }
    }
}

const COLUMNS: &str = "id, guild_id, date, reason, plan, status, proposed_by, ballot_id, \
    call_off_ballot_id, proposed_at, decided_at, called_off_at";

/// What a proposal records.
#[derive(Debug, Clone)]
pub struct NewDissolution<'a> {
    pub guild_id: u64,
    pub date: DateTime<Utc>,
    pub reason: &'a str,
    pub plan: &'a Plan,
    pub proposed_by: u64,
}

pub async fn insert(
    conn: &mut SqliteConnection,
    d: &NewDissolution<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO dissolutions (guild_id, date, reason, plan, status, proposed_by, proposed_at)
         VALUES (?, ?, ?, ?, 'proposed', ?, ?) RETURNING id",
    )
    .bind(to_db_id(d.guild_id))
    .bind(to_millis(d.date))
    .bind(d.reason)
    .bind(serde_json::to_string(d.plan).map_err(|e| sqlx::Error::Encode(Box::new(e)))?)
    .bind(to_db_id(d.proposed_by))
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Dissolution>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM dissolutions WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Dissolution::from))
}

/// The guild's proposal still under way (proposed or decided), if any.
pub async fn underway(
    conn: &mut SqliteConnection,
    guild_id: u64,
) -> sqlx::Result<Option<Dissolution>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM dissolutions
         WHERE guild_id = ? AND status IN ('proposed', 'scheduled') ORDER BY id DESC LIMIT 1"
    )))
    .bind(to_db_id(guild_id))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Dissolution::from))
}

pub async fn set_ballot(conn: &mut SqliteConnection, id: i64, ballot_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE dissolutions SET ballot_id = ? WHERE id = ?")
        .bind(ballot_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_call_off_ballot(
    conn: &mut SqliteConnection,
    id: i64,
    ballot_id: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE dissolutions SET call_off_ballot_id = ? WHERE id = ?")
        .bind(ballot_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Moves a proposal from `from` to `to`; true only if it was in `from`.
pub async fn set_status(
    conn: &mut SqliteConnection,
    id: i64,
    from: Status,
    to: Status,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let column = if to == Status::CalledOff {
        "called_off_at"
    } else {
        "decided_at"
    };
    let changed = sqlx::query(AssertSqlSafe(format!(
        "UPDATE dissolutions SET status = ?, {column} = ? WHERE id = ? AND status = ?"
    )))
    .bind(to.key())
    .bind(to_millis(now))
    .bind(id)
    .bind(from.key())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}
