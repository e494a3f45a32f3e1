//! The outbox table: what the bot must put on Discord, queued in the transaction that decided it
//! and delivered until Discord accepts it. Due items, claims and retries are the shared queue
//! core (`queue::OUTBOX`).

use chrono::{DateTime, Utc};
// Column lists below are constants: the only formatted SQL is those lists.
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxRow {
    pub id: i64,
    pub guild_id: u64,
    pub dedupe_key: String,
    pub payload: String,
    pub revision: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub message_id: Option<u64>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    guild_id: i64,
    dedupe_key: String,
    payload: String,
    revision: i64,
    next_attempt_at: i64,
    attempts: i64,
    last_error: Option<String>,
    delivered_at: Option<i64>,
    message_id: Option<i64>,
}

impl From<Row> for OutboxRow {
    fn from(r: Row) -> Self {
        Self {
            id: r.id,
            guild_id: from_db_id(r.guild_id),
            dedupe_key: r.dedupe_key,
            payload: r.payload,
            revision: r.revision,
            next_attempt_at: from_millis(r.next_attempt_at),
            attempts: r.attempts,
            last_error: r.last_error,
            delivered_at: r.delivered_at.map(from_millis),
            message_id: r.message_id.map(from_db_id),
        }
    }
}

const COLUMNS: &str = "id, guild_id, dedupe_key, payload, revision, next_attempt_at, attempts, \
                       last_error, delivered_at, message_id";

/// Queues an item. If an undelivered item with the same key exists, it is not duplicated. If
/// that item is in flight (claimed) or carried another payload, its revision is bumped, so that
/// the delivery is repeated with the latest state; a pending item not yet claimed is left
/// untouched, since its delivery will read the latest state anyway (a burst of votes then
/// rewrites nothing but its votes).
pub async fn enqueue(
    conn: &mut SqliteConnection,
    guild_id: u64,
    dedupe_key: &str,
    payload: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO outbox (guild_id, dedupe_key, payload, created_at, next_attempt_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (dedupe_key) WHERE delivered_at IS NULL
         DO UPDATE SET revision = revision + 1, payload = excluded.payload
         WHERE outbox.claimed = 1 OR outbox.payload <> excluded.payload",
    )
    .bind(to_db_id(guild_id))
    .bind(dedupe_key)
    .bind(payload)
    .bind(to_millis(now))
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Queues an item only if no item with this key was ever queued (an index lookup): a one-off
/// notice is never posted twice, even if what queued it runs again.
pub async fn enqueue_once(
    conn: &mut SqliteConnection,
    guild_id: u64,
    dedupe_key: &str,
    payload: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let added = sqlx::query(
        "INSERT INTO outbox (guild_id, dedupe_key, payload, created_at, next_attempt_at)
         SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE dedupe_key = ?)",
    )
    .bind(to_db_id(guild_id))
    .bind(dedupe_key)
    .bind(payload)
    .bind(to_millis(now))
    .bind(to_millis(now))
    .bind(dedupe_key)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(added == 1)
}

/// The items with these ids, in the order given (claimed by `queue::OUTBOX.claim_due`).
pub async fn get_many(conn: &mut SqliteConnection, ids: &[i64]) -> sqlx::Result<Vec<OutboxRow>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox WHERE id = ?"
        )))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        out.extend(row.map(OutboxRow::from));
    }
    Ok(out)
}

/// Records a delivery, unless the item was queued again meanwhile (its revision moved on):
/// then it stays pending and is due again at once, to be delivered with the latest state.
/// Returns whether it is now delivered.
pub async fn mark_delivered(
    conn: &mut SqliteConnection,
    id: i64,
    revision: i64,
    message_id: Option<u64>,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE outbox SET delivered_at = ?, message_id = ?, attempts = attempts + 1, last_error = NULL
         WHERE id = ? AND revision = ? AND delivered_at IS NULL",
    )
    .bind(to_millis(now))
    .bind(message_id.map(to_db_id))
    .bind(id)
    .bind(revision)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if changed == 0 {
        super::queue::OUTBOX.due_at(conn, id, now).await?;
    }
    Ok(changed == 1)
}

/// Settles an item Discord refused for good: no message, the reason kept.
pub async fn mark_abandoned(
    conn: &mut SqliteConnection,
    id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE outbox SET delivered_at = ?, abandoned_reason = ?, attempts = attempts + 1,
                           last_error = ? WHERE id = ?",
    )
    .bind(to_millis(now))
    .bind(reason)
    .bind(reason)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Every item with this key, oldest first (for tests and audits).
pub async fn by_key(conn: &mut SqliteConnection, dedupe_key: &str) -> sqlx::Result<Vec<OutboxRow>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM outbox WHERE dedupe_key = ? ORDER BY id"
    )))
    .bind(dedupe_key)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(OutboxRow::from).collect())
}

/// Makes every undelivered item of a guild due now: after its set-up changed, items that waited
/// for a channel are tried at once.
pub async fn wake_guild(
    conn: &mut SqliteConnection,
    guild_id: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE outbox SET next_attempt_at = ? WHERE guild_id = ? AND delivered_at IS NULL
                                               AND next_attempt_at > ?",
    )
    .bind(to_millis(now))
    .bind(to_db_id(guild_id))
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// How many of a guild's items wait for its set-up (a channel it has not named).
pub async fn waiting(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox
         WHERE guild_id = ? AND delivered_at IS NULL AND last_error LIKE 'waiting:%'",
    )
    .bind(to_db_id(guild_id))
    .fetch_one(&mut *conn)
    .await
}

/// Retention: removes a server's items settled (delivered or given up) before `before`, except
/// those of a ballot still open (its one-off notices stay deduplicated while it runs). Pending
/// items are never touched. Returns how many went.
pub async fn prune_delivered(
    conn: &mut SqliteConnection,
    guild_id: u64,
    before: DateTime<Utc>,
) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "DELETE FROM outbox WHERE delivered_at < ?1 AND guild_id = ?2
         AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.guild_id = ?2 AND b.state = 'open'
                         AND outbox.dedupe_key LIKE 'ballot:' || b.id || ':%')",
    )
    .bind(to_millis(before))
    .bind(to_db_id(guild_id))
    .execute(&mut *conn)
    .await?
    .rows_affected())
}
