//! What happens to a proposal over time: its numbered revisions, the community's feedback, and
//! the history of its steps (which the notices telling each step render).

use chrono::{DateTime, Utc};
use sqlx::{FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::rfc::Stance;

/// A numbered revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub number: i64,
    pub author_id: u64,
    pub what_changed: String,
    pub link: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(FromRow)]
struct RevisionRow {
    number: i64,
    author_id: i64,
    what_changed: String,
    link: Option<String>,
    at: i64,
}

/// Records the next revision; returns its number.
pub async fn add_revision(
    conn: &mut SqliteConnection,
    rfc_id: i64,
    author_id: u64,
    what_changed: &str,
    link: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO rfc_revisions (rfc_id, number, author_id, what_changed, link, at)
         VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM rfc_revisions WHERE rfc_id = ?),
                 ?, ?, ?, ?)
         RETURNING number",
    )
    .bind(rfc_id)
    .bind(rfc_id)
    .bind(to_db_id(author_id))
    .bind(what_changed)
    .bind(link)
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await
}

pub async fn revisions(conn: &mut SqliteConnection, rfc_id: i64) -> sqlx::Result<Vec<Revision>> {
    let rows: Vec<RevisionRow> = sqlx::query_as(
        "SELECT number, author_id, what_changed, link, at FROM rfc_revisions
         WHERE rfc_id = ? ORDER BY number",
    )
    .bind(rfc_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Revision {
            number: r.number,
            author_id: from_db_id(r.author_id),
            what_changed: r.what_changed,
            link: r.link,
            at: from_millis(r.at),
        })
        .collect())
}

/// A member's feedback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub member_id: u64,
    pub stance: Stance,
    pub concern: Option<String>,
    pub updated_at: DateTime<Utc>,
}

#[derive(FromRow)]
struct FeedbackRow {
    member_id: i64,
    stance: String,
    concern: Option<String>,
    updated_at: i64,
}

/// Gives or changes a member's feedback; returns whether they had given one before.
pub async fn upsert_feedback(
    conn: &mut SqliteConnection,
    rfc_id: i64,
    member_id: u64,
    stance: Stance,
    concern: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let before: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM rfc_feedback WHERE rfc_id = ? AND member_id = ?")
            .bind(rfc_id)
            .bind(to_db_id(member_id))
            .fetch_one(&mut *conn)
            .await?;
    sqlx::query(
        "INSERT INTO rfc_feedback (rfc_id, member_id, stance, concern, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (rfc_id, member_id) DO UPDATE SET
             stance = excluded.stance, concern = excluded.concern,
             updated_at = excluded.updated_at",
    )
    .bind(rfc_id)
    .bind(to_db_id(member_id))
    .bind(stance.key())
    .bind(concern)
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?;
    Ok(before > 0)
}

/// The feedback given, oldest first.
pub async fn feedback(conn: &mut SqliteConnection, rfc_id: i64) -> sqlx::Result<Vec<Feedback>> {
    let rows: Vec<FeedbackRow> = sqlx::query_as(
        "SELECT member_id, stance, concern, updated_at FROM rfc_feedback
         WHERE rfc_id = ? ORDER BY updated_at, member_id",
    )
    .bind(rfc_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(Feedback {
                member_id: from_db_id(r.member_id),
                stance: Stance::from_key(&r.stance)?,
                concern: r.concern,
                updated_at: from_millis(r.updated_at),
            })
        })
        .collect())
}

/// A step in a proposal's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: i64,
    pub rfc_id: i64,
    /// The status it moved to (`discussion`, `accepted`, …) or `revised`, `voting`, `applied`.
    pub step: String,
    pub actor_id: Option<u64>,
    pub details: serde_json::Value,
    pub at: DateTime<Utc>,
}

#[derive(FromRow)]
struct EventRow {
    id: i64,
    rfc_id: i64,
    step: String,
    actor_id: Option<i64>,
    details: String,
    at: i64,
}

/// Appends a step; returns its id.
pub async fn add_event(
    conn: &mut SqliteConnection,
    rfc_id: i64,
    step: &str,
    actor_id: Option<u64>,
    details: &serde_json::Value,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO rfc_events (rfc_id, step, actor_id, details, at)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(rfc_id)
    .bind(step)
    .bind(actor_id.map(to_db_id))
    .bind(details.to_string())
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await
}

pub async fn event(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Event>> {
    let row: Option<EventRow> = sqlx::query_as(
        "SELECT id, rfc_id, step, actor_id, details, at FROM rfc_events WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| Event {
        id: r.id,
        rfc_id: r.rfc_id,
        step: r.step,
        actor_id: r.actor_id.map(from_db_id),
        details: serde_json::from_str(&r.details).unwrap_or_default(),
        at: from_millis(r.at),
    }))
}
