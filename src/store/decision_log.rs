//! The decision log: one row per decision, recorded in the transaction that took it.

use chrono::{DateTime, Utc};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::decision::DecisionKind;

/// A decision as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub id: i64,
    pub guild_id: u64,
    pub kind: DecisionKind,
    pub subject_ref: String,
    pub title: String,
    pub outcome: String,
    pub link: Option<String>,
    pub details: serde_json::Value,
    pub private: bool,
    pub decided_by: Option<u64>,
    pub decided_at: DateTime<Utc>,
}

/// What recording a decision needs.
#[derive(Debug, Clone)]
pub struct NewDecision<'a> {
    pub guild_id: u64,
    /// One record per event: the same key twice is recorded once.
    pub dedupe_key: &'a str,
    pub kind: DecisionKind,
    pub subject_ref: &'a str,
    pub title: &'a str,
    pub outcome: &'a str,
    pub link: Option<&'a str>,
    pub details: &'a serde_json::Value,
    pub private: bool,
    pub decided_by: Option<u64>,
    pub decided_at: DateTime<Utc>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    guild_id: i64,
    kind: String,
    subject_ref: String,
    title: String,
    outcome: String,
    link: Option<String>,
    details: String,
    private: bool,
    decided_by: Option<i64>,
    decided_at: i64,
}

impl Row {
    fn into_decision(self) -> Option<Decision> {
        Some(Decision {
            id: self.id,
            guild_id: from_db_id(self.guild_id),
            kind: DecisionKind::from_key(&self.kind)?,
            subject_ref: self.subject_ref,
            title: self.title,
            outcome: self.outcome,
            link: self.link,
            details: serde_json::from_str(&self.details).unwrap_or_default(),
            private: self.private,
            decided_by: self.decided_by.map(from_db_id),
            decided_at: from_millis(self.decided_at),
        })
    }
}

const COLUMNS: &str = "id, guild_id, kind, subject_ref, title, outcome, link, details, private, \
                       decided_by, decided_at";

/// Records a decision; returns its id, or `None` when this event was recorded already.
pub async fn insert(conn: &mut SqliteConnection, d: &NewDecision<'_>) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "INSERT INTO decisions (guild_id, dedupe_key, kind, subject_ref, title, outcome, link,
                                details, private, decided_by, decided_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id",
    )
    .bind(to_db_id(d.guild_id))
    .bind(d.dedupe_key)
    .bind(d.kind.key())
    .bind(d.subject_ref)
    .bind(d.title)
    .bind(d.outcome)
    .bind(d.link)
    .bind(d.details.to_string())
    .bind(d.private)
    .bind(d.decided_by.map(to_db_id))
    .bind(to_millis(d.decided_at))
    .fetch_optional(&mut *conn)
    .await
}

/// Which decisions to list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<DecisionKind>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// Include private decisions (for the TSC's own view only).
    pub include_private: bool,
}

/// The guild's decisions matching the filter, oldest first.
pub async fn list(
    conn: &mut SqliteConnection,
    guild_id: u64,
    filter: &Filter,
) -> sqlx::Result<Vec<Decision>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM decisions
         WHERE guild_id = ? AND (? IS NULL OR kind = ?) AND decided_at >= ? AND decided_at < ?
               AND (? OR private = 0)
         ORDER BY decided_at, id"
    )))
    .bind(to_db_id(guild_id))
    .bind(filter.kind.map(DecisionKind::key))
    .bind(filter.kind.map(DecisionKind::key))
    .bind(filter.since.map_or(i64::MIN, to_millis))
    .bind(filter.until.map_or(i64::MAX, to_millis))
    .bind(filter.include_private)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().filter_map(Row::into_decision).collect())
}
