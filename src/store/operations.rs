//! What the operator's features read and write beside the governance record: the policies of
//! every server (the backup keeps as long as the longest asks), the database's file, and the
//! pending backup job.

use std::path::PathBuf;

use sqlx::SqliteConnection;

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
