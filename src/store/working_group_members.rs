//! Who is in a working group, who asked to join, and the reports its chair filed.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{from_db_id, from_millis, to_db_id, to_millis};

/// Current members (the chair included), in the order they joined.
pub async fn members(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Vec<u64>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT user_id FROM wg_members WHERE wg_id = ? AND left_at IS NULL ORDER BY joined_at, user_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(ids.into_iter().map(from_db_id).collect())
}

/// Adds a member (again, if they had left); false if they are a member already.
pub async fn add_member(
    conn: &mut SqliteConnection,
    id: i64,
    user: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "INSERT INTO wg_members (wg_id, user_id, joined_at) VALUES (?, ?, ?)
         ON CONFLICT (wg_id, user_id) DO UPDATE SET joined_at = excluded.joined_at, left_at = NULL
         WHERE left_at IS NOT NULL",
    )
    .bind(id)
    .bind(to_db_id(user))
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Ends a membership; false if they were not a member.
pub async fn remove_member(
    conn: &mut SqliteConnection,
    id: i64,
    user: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE wg_members SET left_at = ? WHERE wg_id = ? AND user_id = ? AND left_at IS NULL",
    )
    .bind(to_millis(now))
    .bind(id)
    .bind(to_db_id(user))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// A request to join, awaiting the chair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinRequest {
    pub id: i64,
    pub wg_id: i64,
    pub user_id: u64,
    pub decision: Option<String>,
}

/// Records a join request; `None` if one is already pending.
pub async fn insert_request(
    conn: &mut SqliteConnection,
    wg_id: i64,
    user: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "INSERT INTO wg_join_requests (wg_id, user_id, requested_at) VALUES (?, ?, ?)
         ON CONFLICT (wg_id, user_id) WHERE decision IS NULL DO NOTHING RETURNING id",
    )
    .bind(wg_id)
    .bind(to_db_id(user))
    .bind(to_millis(now))
    .fetch_optional(&mut *conn)
    .await
}

/// A member's requests to join a group: since when one waits for the chair, and when the
/// chair last declined one.
pub async fn request_history(
    conn: &mut SqliteConnection,
    wg_id: i64,
    user: u64,
) -> sqlx::Result<(Option<DateTime<Utc>>, Option<DateTime<Utc>>)> {
    let (pending, declined): (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT MIN(CASE WHEN decision IS NULL THEN requested_at END),
                MAX(CASE WHEN decision = 'declined' THEN decided_at END)
         FROM wg_join_requests WHERE wg_id = ? AND user_id = ?",
    )
    .bind(wg_id)
    .bind(to_db_id(user))
    .fetch_one(&mut *conn)
    .await?;
    Ok((pending.map(from_millis), declined.map(from_millis)))
}

pub async fn get_request(
    conn: &mut SqliteConnection,
    id: i64,
) -> sqlx::Result<Option<JoinRequest>> {
    let row: Option<(i64, i64, i64, Option<String>)> =
        sqlx::query_as("SELECT id, wg_id, user_id, decision FROM wg_join_requests WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|(id, wg_id, user_id, decision)| JoinRequest {
        id,
        wg_id,
        user_id: from_db_id(user_id),
        decision,
    }))
}

/// Decides a pending request; false if it was decided already.
pub async fn decide_request(
    conn: &mut SqliteConnection,
    id: i64,
    approved: bool,
    by: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE wg_join_requests SET decision = ?, decided_by = ?, decided_at = ?
         WHERE id = ? AND decision IS NULL",
    )
    .bind(if approved { "approved" } else { "declined" })
    .bind(to_db_id(by))
    .bind(to_millis(now))
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// A report as submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub id: i64,
    pub wg_id: i64,
    pub author_id: u64,
    pub body: String,
    pub submitted_at: DateTime<Utc>,
}

pub async fn insert_report(
    conn: &mut SqliteConnection,
    wg_id: i64,
    author: u64,
    body: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar("INSERT INTO wg_reports (wg_id, author_id, body, submitted_at) VALUES (?, ?, ?, ?) RETURNING id")
        .bind(wg_id)
        .bind(to_db_id(author))
        .bind(body)
        .bind(to_millis(now))
        .fetch_one(&mut *conn)
        .await
}

pub async fn get_report(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Report>> {
    let row: Option<(i64, i64, i64, String, i64)> = sqlx::query_as(
        "SELECT id, wg_id, author_id, body, submitted_at FROM wg_reports WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(id, wg_id, author, body, at)| Report {
        id,
        wg_id,
        author_id: from_db_id(author),
        body,
        submitted_at: from_millis(at),
    }))
}

/// How many reports the group has filed, and when the last one came.
pub async fn report_stats(
    conn: &mut SqliteConnection,
    wg_id: i64,
) -> sqlx::Result<(i64, Option<DateTime<Utc>>)> {
    let (count, last): (i64, Option<i64>) =
        sqlx::query_as("SELECT COUNT(*), MAX(submitted_at) FROM wg_reports WHERE wg_id = ?")
            .bind(wg_id)
            .fetch_one(&mut *conn)
            .await?;
    Ok((count, last.map(from_millis)))
}

/// How many reports a group filed in `[from, to)`.
pub async fn reports_between(
    conn: &mut SqliteConnection,
    wg_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM wg_reports WHERE wg_id = ? AND submitted_at >= ? AND submitted_at < ?")
        .bind(wg_id)
        .bind(to_millis(from))
        .bind(to_millis(to))
        .fetch_one(&mut *conn)
        .await
}
