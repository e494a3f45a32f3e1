//! What the operator's features read and write beside the governance record: the policies of
//! every server (the backup keeps as long as the longest asks), the database's file, and the
//! pending backup job.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{from_millis, to_db_id};

use crate::governance::policy::Policy;

/// Every configured server's policy.
pub async fn policies(conn: &mut SqliteConnection) -> sqlx::Result<Vec<Policy>> {
    let rows: Vec<String> = sqlx::query_scalar("SELECT policy FROM guilds")
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .iter()
        .map(|p| serde_json::from_str(p).unwrap_or_default())
        .collect())
}

/// Every configured server with its policy (retention prunes each by its own).
pub async fn guild_policies(conn: &mut SqliteConnection) -> sqlx::Result<Vec<(u64, Policy)>> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT guild_id, policy FROM guilds ORDER BY guild_id")
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, p)| {
            (
                super::from_db_id(id),
                serde_json::from_str(&p).unwrap_or_default(),
            )
        })
        .collect())
}

/// The file of the connection's main database (`None` in memory).
pub async fn main_file(conn: &mut SqliteConnection) -> sqlx::Result<Option<PathBuf>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as("PRAGMA database_list")
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .find(|(_, name, _)| name == "main")
        .map(|(_, _, file)| file)
        .filter(|f| !f.is_empty())
        .map(PathBuf::from))
}

/// Removes pending jobs whose key starts with `prefix` (a plan replaced at start-up).
pub async fn cancel_pending_jobs(conn: &mut SqliteConnection, prefix: &str) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "DELETE FROM jobs WHERE done_at IS NULL AND substr(dedupe_key, 1, length(?1)) = ?1",
    )
    .bind(prefix)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// Every configured server.
pub async fn guild_ids(conn: &mut SqliteConnection) -> sqlx::Result<Vec<u64>> {
    let ids: Vec<i64> = sqlx::query_scalar("SELECT guild_id FROM guilds ORDER BY guild_id")
        .fetch_all(&mut *conn)
        .await?;
    Ok(ids.into_iter().map(super::from_db_id).collect())
}

/// The outbox of a server as `/govern status` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutboxHealth {
    pub waiting: i64,
    pub oldest: Option<DateTime<Utc>>,
    /// Notice kinds that failed at least once and still wait, with how many.
    pub failing: Vec<(String, i64)>,
}

pub async fn outbox_health(
    conn: &mut SqliteConnection,
    guild_id: u64,
) -> sqlx::Result<OutboxHealth> {
    let (waiting, oldest): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE guild_id = ? AND delivered_at IS NULL",
    )
    .bind(to_db_id(guild_id))
    .fetch_one(&mut *conn)
    .await?;
    let failing: Vec<(String, i64)> = sqlx::query_as(
        "SELECT COALESCE(json_extract(payload, '$.kind'), '?') AS kind, COUNT(*) FROM outbox
         WHERE guild_id = ? AND delivered_at IS NULL AND attempts > 0
         GROUP BY kind ORDER BY COUNT(*) DESC, kind",
    )
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(OutboxHealth {
        waiting,
        oldest: oldest.map(from_millis),
        failing,
    })
}

/// A pending job: its kind and when it falls due.
pub async fn next_jobs(
    conn: &mut SqliteConnection,
    limit: i64,
) -> sqlx::Result<Vec<(String, DateTime<Utc>)>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT COALESCE(json_extract(payload, '$.kind'), '?'), due_at FROM jobs
         WHERE done_at IS NULL ORDER BY due_at LIMIT ?",
    )
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(k, at)| (k, from_millis(at)))
        .collect())
}

/// A recorded failure: when, of what kind, the error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentError {
    pub at: DateTime<Utc>,
    pub kind: String,
    pub error: String,
}

/// The latest failures of this server's deliveries and of jobs.
pub async fn recent_errors(
    conn: &mut SqliteConnection,
    guild_id: u64,
    limit: i64,
) -> sqlx::Result<Vec<RecentError>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT at, kind, error FROM (
             SELECT next_attempt_at AS at, COALESCE(json_extract(payload, '$.kind'), '?') AS kind,
                    last_error AS error
             FROM outbox WHERE guild_id = ?1 AND last_error IS NOT NULL
             UNION ALL
             SELECT due_at AS at, COALESCE(json_extract(payload, '$.kind'), '?') AS kind,
                    last_error AS error
             FROM jobs WHERE last_error IS NOT NULL
         ) ORDER BY at DESC LIMIT ?2",
    )
    .bind(to_db_id(guild_id))
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, kind, error)| RecentError {
            at: from_millis(at),
            kind,
            error,
        })
        .collect())
}
