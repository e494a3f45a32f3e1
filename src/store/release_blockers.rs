//! Blocking issues reported on a release, and how each was decided.

use chrono::{DateTime, Utc};
use sqlx::{FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};

/// How a blocking issue stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockerStatus {
    Open,
    /// Fixed, with the fix's link.
    Resolved,
    /// Judged not to block the release, with the reason.
    NotBlocking,
}

impl BlockerStatus {
    pub fn key(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Resolved => "resolved",
            Self::NotBlocking => "not_blocking",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Open, Self::Resolved, Self::NotBlocking]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// A blocking issue as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Blocker {
    pub id: i64,
    pub release_id: i64,
    pub candidate: i64,
    pub reporter_id: u64,
    pub link: String,
    pub reason: String,
    pub reported_at: DateTime<Utc>,
    pub status: BlockerStatus,
    pub decided_by: Option<u64>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decision: Option<String>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    release_id: i64,
    candidate: i64,
    reporter_id: i64,
    link: String,
    reason: String,
    reported_at: i64,
    status: String,
    decided_by: Option<i64>,
    decided_at: Option<i64>,
    decision: Option<String>,
}

impl From<Row> for Blocker {
    fn from(r: Row) -> Self {
        Self {
            id: r.id,
            release_id: r.release_id,
            candidate: r.candidate,
            reporter_id: from_db_id(r.reporter_id),
            link: r.link,
            reason: r.reason,
            reported_at: from_millis(r.reported_at),
            status: BlockerStatus::from_key(&r.status).unwrap_or(BlockerStatus::Open),
            decided_by: r.decided_by.map(from_db_id),
            decided_at: r.decided_at.map(from_millis),
            decision: r.decision,
        }
    }
}

const SELECT: &str = "SELECT id, release_id, candidate, reporter_id, link, reason, reported_at, \
    status, decided_by, decided_at, decision FROM release_blockers";

/// What reporting a blocking issue records.
#[derive(Debug, Clone)]
pub struct NewBlocker<'a> {
    pub release_id: i64,
    pub candidate: i64,
    pub reporter_id: u64,
    pub link: &'a str,
    pub reason: &'a str,
}

pub async fn insert(
    conn: &mut SqliteConnection,
    b: &NewBlocker<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO release_blockers (release_id, candidate, reporter_id, link, reason,
                                       reported_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(b.release_id)
    .bind(b.candidate)
    .bind(to_db_id(b.reporter_id))
    .bind(b.link)
    .bind(b.reason)
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Blocker>> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = ?")))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(Blocker::from))
}

/// Every blocker of a release, oldest first.
pub async fn of_release(
    conn: &mut SqliteConnection,
    release_id: i64,
) -> sqlx::Result<Vec<Blocker>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE release_id = ? ORDER BY id"
    )))
    .bind(release_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Blocker::from).collect())
}

/// How many of a release's blockers are open.
pub async fn open_count(conn: &mut SqliteConnection, release_id: i64) -> sqlx::Result<u32> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM release_blockers WHERE release_id = ? AND status = 'open'",
    )
    .bind(release_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Decides an open blocker; false if it was decided already.
pub async fn decide(
    conn: &mut SqliteConnection,
    id: i64,
    status: BlockerStatus,
    by: u64,
    decision: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE release_blockers SET status = ?, decided_by = ?, decided_at = ?, decision = ?
         WHERE id = ? AND status = 'open'",
    )
    .bind(status.key())
    .bind(to_db_id(by))
    .bind(to_millis(now))
    .bind(decision)
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}
