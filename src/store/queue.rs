//! The durable-queue core shared by the job table and the outbox: which items are due, claiming
//! them for a while, recording a failure and when to try again, and looking items up by their
//! dedupe key. Each queue names its table and its two time columns; the SQL is written once.
//! Items of a server the bot was removed from are neither due nor claimed: they wait, untouched,
//! until the bot is added back.

use chrono::{DateTime, Duration, Utc};
// Table and column names below are constants of this module: the only formatted SQL.
use sqlx::{AssertSqlSafe, SqliteConnection};

use super::{from_millis, to_millis};

/// A queue table: its name, the column holding when an item is next due, and the column set
/// once the item is settled (done or delivered).
#[derive(Debug, Clone, Copy)]
pub struct Queue {
    table: &'static str,
    due: &'static str,
    settled: &'static str,
}

/// The item's server has not removed the bot (an item of no server, `guild_id` NULL, always
/// qualifies): one primary-key lookup per candidate row.
fn present(table: &str) -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM guilds g
         WHERE g.guild_id = {table}.guild_id AND g.removed_at IS NOT NULL)"
    )
}

/// Durable jobs: deadlines, reminders, daily passes.
pub const JOBS: Queue = Queue {
    table: "jobs",
    due: "due_at",
    settled: "done_at",
};

/// What the bot owes Discord.
pub const OUTBOX: Queue = Queue {
    table: "outbox",
    due: "next_attempt_at",
    settled: "delivered_at",
};

impl Queue {
    /// When the next pending item falls due, if any (walking the due index in order, so the
    /// first item of a server still present ends the search).
    pub async fn next_due(
        &self,
        conn: &mut SqliteConnection,
    ) -> sqlx::Result<Option<DateTime<Utc>>> {
        let Queue {
            table,
            due,
            settled,
        } = self;
        let present = present(table);
        let at: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT {due} FROM {table} WHERE {settled} IS NULL AND {present}
             ORDER BY {due} LIMIT 1"
        )))
        .fetch_optional(&mut *conn)
        .await?;
        Ok(at.map(from_millis))
    }

    /// Claims up to `limit` pending items due at `now`, oldest first: each is pushed `lease`
    /// into the future, so that no other pass takes it meanwhile, and comes back by itself if
    /// this process dies before settling it. Returns their ids, in order.
    pub async fn claim_due(
        &self,
        conn: &mut SqliteConnection,
        now: DateTime<Utc>,
        lease: Duration,
        limit: i64,
    ) -> sqlx::Result<Vec<i64>> {
        let Queue {
            table,
            due,
            settled,
        } = self;
        let present = present(table);
        let ids: Vec<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT id FROM {table} WHERE {settled} IS NULL AND {due} <= ? AND {present}
             ORDER BY {due}, id LIMIT ?"
        )))
        .bind(to_millis(now))
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?;
        for id in &ids {
            sqlx::query(AssertSqlSafe(format!(
                "UPDATE {table} SET {due} = ?, claimed = 1 WHERE id = ? AND {settled} IS NULL"
            )))
            .bind(to_millis(now + lease))
            .bind(id)
            .execute(&mut *conn)
            .await?;
        }
        Ok(ids)
    }

    /// At start-up: the claims of a process that died are due at once (no pass of it runs any
    /// more), rather than when their lease ends. Returns how many there were.
    pub async fn release_claims(
        &self,
        conn: &mut SqliteConnection,
        now: DateTime<Utc>,
    ) -> sqlx::Result<u64> {
        let Queue {
            table,
            due,
            settled,
        } = self;
        Ok(sqlx::query(AssertSqlSafe(format!(
            "UPDATE {table} SET {due} = ?, claimed = 0 WHERE claimed = 1 AND {settled} IS NULL"
        )))
        .bind(to_millis(now))
        .execute(&mut *conn)
        .await?
        .rows_affected())
    }

    /// Makes a pending item due at `at` (now, to deliver it again at once).
    pub async fn due_at(
        &self,
        conn: &mut SqliteConnection,
        id: i64,
        at: DateTime<Utc>,
    ) -> sqlx::Result<()> {
        let Queue {
            table,
            due,
            settled,
        } = self;
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE {table} SET {due} = ?, claimed = 0 WHERE id = ? AND {settled} IS NULL"
        )))
        .bind(to_millis(at))
        .bind(id)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// Records a failed attempt, its error, and when to try again.
    pub async fn failed(
        &self,
        conn: &mut SqliteConnection,
        id: i64,
        error: &str,
        retry_at: DateTime<Utc>,
    ) -> sqlx::Result<()> {
        let Queue { table, due, .. } = self;
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE {table} SET attempts = attempts + 1, last_error = ?, {due} = ?, claimed = 0
             WHERE id = ?"
        )))
        .bind(error)
        .bind(to_millis(retry_at))
        .bind(id)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// Whether any item, pending or settled, was ever queued under this key (an index lookup).
    pub async fn key_exists(&self, conn: &mut SqliteConnection, key: &str) -> sqlx::Result<bool> {
        let table = self.table;
        sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT EXISTS (SELECT 1 FROM {table} WHERE dedupe_key = ?)"
        )))
        .bind(key)
        .fetch_one(&mut *conn)
        .await
    }
}

/// Exponential backoff after `attempts` failures: 5 s, 10 s, 20 s, … capped at one hour.
pub fn backoff(attempts: i64) -> Duration {
    let exp = attempts.clamp(0, 10) as u32;
    Duration::seconds(5 * 2_i64.pow(exp)).min(Duration::hours(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_then_caps() {
        assert_eq!(backoff(0), Duration::seconds(5));
        assert_eq!(backoff(1), Duration::seconds(10));
        assert_eq!(backoff(3), Duration::seconds(40));
        assert_eq!(backoff(40), Duration::hours(1));
    }
}
