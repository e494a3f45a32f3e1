//! The durable job table. Payloads are opaque JSON here; `app::schedule` gives them types. Due
//! items, claims and retries are the shared queue core (`queue::JOBS`).

use chrono::{DateTime, Utc};
// Column lists below are constants: the only formatted SQL is those lists.
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRow {
    pub id: i64,
    pub dedupe_key: String,
    pub payload: String,
    pub due_at: DateTime<Utc>,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub done_at: Option<DateTime<Utc>>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    dedupe_key: String,
    payload: String,
    due_at: i64,
    attempts: i64,
    last_error: Option<String>,
    done_at: Option<i64>,
}

impl From<Row> for JobRow {
    fn from(r: Row) -> Self {
        Self {
            id: r.id,
            dedupe_key: r.dedupe_key,
            payload: r.payload,
            due_at: from_millis(r.due_at),
            attempts: r.attempts,
            last_error: r.last_error,
            done_at: r.done_at.map(from_millis),
        }
    }
}

const COLUMNS: &str = "id, dedupe_key, payload, due_at, attempts, last_error, done_at";

/// Schedules a job of a server (`None`: of the whole bot) unless one with the same key is
/// still pending; returns whether it was added.
pub async fn insert(
    conn: &mut SqliteConnection,
    guild_id: Option<u64>,
    dedupe_key: &str,
    payload: &str,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let added = sqlx::query(
        "INSERT INTO jobs (guild_id, dedupe_key, payload, due_at, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (dedupe_key) WHERE done_at IS NULL DO NOTHING",
    )
    .bind(guild_id.map(to_db_id))
    .bind(dedupe_key)
    .bind(payload)
    .bind(to_millis(due_at))
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(added == 1)
}

/// The jobs with these ids, in the order given (claimed by `queue::JOBS.claim_due`).
pub async fn get_many(conn: &mut SqliteConnection, ids: &[i64]) -> sqlx::Result<Vec<JobRow>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM jobs WHERE id = ?"
        )))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        out.extend(row.map(JobRow::from));
    }
    Ok(out)
}

pub async fn mark_done(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE jobs SET done_at = ? WHERE id = ?")
        .bind(to_millis(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Every job with this key, newest first (for tests and audits).
pub async fn by_key(conn: &mut SqliteConnection, dedupe_key: &str) -> sqlx::Result<Vec<JobRow>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM jobs WHERE dedupe_key = ? ORDER BY id DESC"
    )))
    .bind(dedupe_key)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(JobRow::from).collect())
}

/// The server owning the row `id` of `table` (a ballot, a group, ...), for a job about it.
pub async fn owner_of(
    conn: &mut SqliteConnection,
    table: Owner,
    id: i64,
) -> sqlx::Result<Option<u64>> {
    let guild: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT guild_id FROM {} WHERE id = ?",
        table.table()
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(guild.map(from_db_id))
}

/// The tables a job can be about, each with a `guild_id` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Ballot,
    WorkingGroup,
    Rfc,
    Nomination,
    Release,
    Case,
    Dissolution,
}

impl Owner {
    fn table(self) -> &'static str {
        match self {
            Self::Ballot => "ballots",
            Self::WorkingGroup => "working_groups",
            Self::Rfc => "rfcs",
            Self::Nomination => "nominations",
            Self::Release => "releases",
            Self::Case => "cases",
            Self::Dissolution => "dissolutions",
        }
    }
}

/// Retention: removes the finished jobs of a server (`None`: the bot's own) done before
/// `before`. Pending jobs are never touched. Returns how many went.
pub async fn prune_done(
    conn: &mut SqliteConnection,
    guild_id: Option<u64>,
    before: DateTime<Utc>,
) -> sqlx::Result<u64> {
    Ok(
        sqlx::query("DELETE FROM jobs WHERE done_at < ? AND guild_id IS ?")
            .bind(to_millis(before))
            .bind(guild_id.map(to_db_id))
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}
