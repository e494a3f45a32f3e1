//! SQLite persistence: one repository module per table group, named after the feature it
//! serves, with plain row structs and no rules; `queue` is the core both durable queues share.
//!
//! Every function takes a `&mut SqliteConnection`, so that a use case can run several of them
//! inside one transaction (`&mut *tx`).

pub mod amendment;
pub mod annual_review;
pub mod backup;
pub mod ballot;
pub mod ballot_votes;
pub mod case;
pub mod decision_log;
pub mod dependency;
pub mod dissolution;
pub mod github;
pub mod guild;
pub mod jobs;
pub mod nomination;
pub mod nomination_history;
pub mod operations;
pub mod outbox;
pub mod queue;
pub mod release;
pub mod release_blockers;
pub mod rfc;
pub mod rfc_history;
pub mod roster;
pub mod schema;
pub mod succession;
pub mod web;
pub mod working_group;
pub mod working_group_members;
pub mod writer;

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, SqlitePool};

pub use writer::{WriteTx, Writer};

/// The database: a pool of read-only connections for reads, and the one [`Writer`] every
/// write transaction goes through.
#[derive(Clone)]
pub struct Database {
    pub read: SqlitePool,
    pub writer: Writer,
}

/// How durable a commit is. With WAL, `Normal` survives a process crash but an OS crash or
/// power cut can lose the last commits; `Full` syncs every commit to disk (group commit makes
/// that affordable: one sync per group). The default is `Full`; see the README's Performance
/// section for what each costs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Durability {
    #[default]
    Full,
    Normal,
}

impl Durability {
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "full" => Some(Self::Full),
            "normal" => Some(Self::Normal),
            _ => None,
        }
    }
}

/// How long a connection waits for another process's lock.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The WAL file is cut back to this after a checkpoint (bytes): above the thousand pages at
/// which SQLite checkpoints by itself, so that routine commits never grow it.
pub const WAL_SIZE_LIMIT: &str = "8388608";

/// Opens (creating if missing) the database with full durability and brings its schema up to
/// date.
pub async fn connect(url: &str) -> Result<Database, sqlx::Error> {
    connect_with(url, Durability::Full).await
}

/// Like [`connect`], with the durability chosen.
pub async fn connect_with(url: &str, durability: Durability) -> Result<Database, sqlx::Error> {
    let synchronous = match durability {
        Durability::Full => SqliteSynchronous::Full,
        Durability::Normal => SqliteSynchronous::Normal,
    };
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(synchronous)
        .foreign_keys(true)
        // Deleted content is overwritten (and the WAL truncated after an erasure, see
        // `checkpoint`), so that a secret ballot's choices, unlinked at close, cannot be read
        // off the disk. Otherwise the WAL keeps its size: a commit that grows the file costs
        // its sync a metadata write (cut to nothing after every checkpoint, a vote cost half
        // again).
        .pragma("secure_delete", "ON")
        .pragma("journal_size_limit", WAL_SIZE_LIMIT)
        // Readers never wait on the writer in WAL mode; the timeout covers other processes.
        .busy_timeout(BUSY_TIMEOUT);
    let mut writer = options.clone().connect().await?;
    schema::migrator().run(&mut writer).await?;
    let read = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options.read_only(true))
        .await?;
    Ok(Database {
        read,
        writer: Writer::new(writer),
    })
}

impl Database {
    /// Closes the readers and the writer.
    pub async fn close(&self) {
        self.read.close().await;
        self.writer.close().await;
    }
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

/// Decodes the rows of a many-row read that SQLite returned as one JSON array
/// (`json_group_array`): sqlx hands each row of a result over on its own, so reads of many rows
/// ask for one value instead (ARCHITECTURE.md, store/).
/// A failure names only its kind and place: serde's message can quote a value, and the rows
/// hold members' text (concerns, titles), which never reaches a log.
pub(crate) fn json_rows<T: serde::de::DeserializeOwned>(array: &str) -> sqlx::Result<Vec<T>> {
    serde_json::from_str(array).map_err(|e| {
        let kind = format!("{:?}", e.classify());
        sqlx::Error::Decode(format!("rows as JSON: {kind} error at column {}", e.column()).into())
    })
}

/// Copies the WAL into the database and truncates it, best effort: after a secret ballot's
/// choices were deleted, their old pages leave the WAL file too. Busy readers only postpone it
/// (it stays owed, and [`checkpoint_if_owed`] does it); a failure is never an error for the
/// caller.
pub async fn checkpoint(db: &Database) {
    match db.writer.truncate_wal().await {
        Ok(true) => {}
        Ok(false) => tracing::debug!("WAL truncation postponed by readers"),
        Err(e) => tracing::warn!(error = %e, "WAL truncation failed; will retry"),
    }
}

/// Truncates the WAL if an earlier truncation was postponed, or if this process has not
/// truncated it yet (the last one may have stopped first): the job loop calls it on every
/// pass, at least once a minute.
pub async fn checkpoint_if_owed(db: &Database) {
    if db.writer.truncation_owed() {
        checkpoint(db).await;
    }
}

/// One nullable integer column (an id, a time, a number) of a table, as the store that owns
/// the table names it: both are constants of that store, never member text, which is what
/// makes the SQL formatted from them safe.
#[derive(Debug, Clone, Copy)]
pub struct IntColumn {
    table: &'static str,
    name: &'static str,
}

impl IntColumn {
    pub(crate) const fn new(table: &'static str, name: &'static str) -> Self {
        Self { table, name }
    }
}

/// Sets one integer column of the row `id` (stores record a card's message, a thread, a
/// ballot, a deadline this way).
pub(crate) async fn set_int(
    conn: &mut sqlx::SqliteConnection,
    column: IntColumn,
    id: i64,
    value: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE {} SET {} = ? WHERE id = ?",
        column.table, column.name
    )))
    .bind(value)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::json_rows;

    #[test]
    fn json_rows_decode_in_order_and_a_failure_quotes_no_value() {
        let rows: Vec<(i64, String)> = json_rows(r#"[[2,"b"],[1,"a"]]"#).unwrap();
        assert_eq!(rows, vec![(2, "b".to_owned()), (1, "a".to_owned())]);
        // A member's text where a number belongs: the error says what and where, not the text.
        let err = json_rows::<(i64, String)>(r#"[["my private concern","x"]]"#).unwrap_err();
        let shown = err.to_string();
        assert!(shown.contains("rows as JSON"), "{shown}");
        assert!(!shown.contains("private concern"), "{shown}");
    }
}
