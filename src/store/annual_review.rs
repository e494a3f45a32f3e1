//! Annual reviews as the TSC completes them: the five sections, the period they cover, the
//! ballot that approves them.

use chrono::{DateTime, Utc};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::annual_review::{Sections, Status};

/// A completed review as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub id: i64,
    pub guild_id: u64,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub sections: Sections,
    pub status: Status,
    pub proposed_by: u64,
    pub ballot_id: Option<i64>,
    pub proposed_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    guild_id: i64,
    period_from: i64,
    period_to: i64,
    sections: String,
    status: String,
    proposed_by: i64,
    ballot_id: Option<i64>,
    proposed_at: i64,
    decided_at: Option<i64>,
}

impl From<Row> for Review {
    fn from(r: Row) -> Self {
        Self {
            id: r.id,
            guild_id: from_db_id(r.guild_id),
            from: from_millis(r.period_from),
            to: from_millis(r.period_to),
            sections: serde_json::from_str(&r.sections).unwrap_or_default(),
            status: Status::from_key(&r.status).unwrap_or(Status::Rejected),
            proposed_by: from_db_id(r.proposed_by),
            ballot_id: r.ballot_id,
            proposed_at: from_millis(r.proposed_at),
            decided_at: r.decided_at.map(from_millis),
        }
    }
}

const COLUMNS: &str = "id, guild_id, period_from, period_to, sections, status, proposed_by, \
    ballot_id, proposed_at, decided_at";

/// Records a review put to the TSC; returns its id.
pub async fn insert(
    conn: &mut SqliteConnection,
    guild_id: u64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    sections: &Sections,
    proposed_by: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO annual_reviews (guild_id, period_from, period_to, sections, status,
                                     proposed_by, proposed_at)
         VALUES (?, ?, ?, ?, 'proposed', ?, ?) RETURNING id",
    )
    .bind(to_db_id(guild_id))
    .bind(to_millis(from))
    .bind(to_millis(to))
    .bind(serde_json::to_string(sections).map_err(|e| sqlx::Error::Encode(Box::new(e)))?)
    .bind(to_db_id(proposed_by))
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Review>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM annual_reviews WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Review::from))
}

/// The guild's latest review, whatever became of it (its sections prefill the next form).
pub async fn latest(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<Option<Review>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM annual_reviews WHERE guild_id = ? ORDER BY id DESC LIMIT 1"
    )))
    .bind(to_db_id(guild_id))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Review::from))
}

pub async fn set_ballot(conn: &mut SqliteConnection, id: i64, ballot_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE annual_reviews SET ballot_id = ? WHERE id = ?")
        .bind(ballot_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A proposed review decided; true only the first time.
pub async fn decide(
    conn: &mut SqliteConnection,
    id: i64,
    status: Status,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE annual_reviews SET status = ?, decided_at = ? WHERE id = ? AND status = 'proposed'",
    )
    .bind(status.key())
    .bind(to_millis(now))
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}
