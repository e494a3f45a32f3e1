//! SQLite persistence: one repository module per table group, named after the feature it
//! serves, with plain row structs and no rules; `queue` is the core both durable queues share.
//!
//! Every function takes a `&mut SqliteConnection`, so that a use case can run several of them
//! inside one transaction (`&mut *tx`).

pub mod annual_review;
pub mod ballot;
pub mod case;
pub mod decision_log;
pub mod dissolution;
pub mod guild;
pub mod jobs;
pub mod outbox;
pub mod queue;
pub mod roster;
pub mod succession;
pub mod working_group;
pub mod working_group_members;

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

/// Opens (creating if missing) the database and brings its schema up to date.
pub async fn connect(url: &str) -> Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // WAL + NORMAL is durable across process crashes; only an OS crash can lose the
        // last transactions, never corrupt the file.
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        // Deleted content is overwritten, and the WAL file is cut back after each checkpoint,
        // so that a secret ballot's choices, unlinked at close, cannot be read off the disk.
        .pragma("secure_delete", "ON")
        .pragma("journal_size_limit", "0")
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

/// Times are stored as milliseconds since the epoch.
pub fn to_millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub fn from_millis(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Snowflakes are u64; SQLite integers are i64. The cast is lossless in both directions.
pub fn to_db_id(id: u64) -> i64 {
    id as i64
}

pub fn from_db_id(id: i64) -> u64 {
    id as u64
}

/// Copies the WAL into the database and truncates it, best effort: after a secret ballot's
/// choices were deleted, their old pages leave the WAL file too. Busy readers only postpone it
/// (the next checkpoint does it); a failure is never an error for the caller.
pub async fn checkpoint(pool: &SqlitePool) {
    match sqlx::query_as::<_, (i64, i64, i64)>("PRAGMA wal_checkpoint(TRUNCATE)")
        .fetch_one(pool)
        .await
    {
        Ok((0, _, _)) => {}
        Ok(_) => tracing::debug!("checkpoint postponed by readers"),
        Err(e) => tracing::warn!(error = %e, "checkpoint failed"),
    }
}
