//! What an amendment changes in the policy, and what it changed once approved.

use chrono::{DateTime, Utc};
use sqlx::{FromRow, SqliteConnection};

use super::{from_millis, to_millis};
use crate::governance::amendment::{Applied, Change};

/// An amendment's policy changes as stored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    pub changes: Vec<Change>,
    pub applied: Option<Vec<Applied>>,
    pub applied_at: Option<DateTime<Utc>>,
    /// Why the approved changes could not be applied (the policy had moved meanwhile).
    pub refused: Option<String>,
}

#[derive(FromRow)]
struct Row {
    changes: String,
    applied: Option<String>,
    applied_at: Option<i64>,
    refused: Option<String>,
}

pub async fn insert(
    conn: &mut SqliteConnection,
    rfc_id: i64,
    changes: &[Change],
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO amendments (rfc_id, changes) VALUES (?, ?)")
        .bind(rfc_id)
        .bind(serde_json::to_string(changes).map_err(|e| sqlx::Error::Encode(Box::new(e)))?)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The amendment's changes; none for an RFC.
pub async fn get(conn: &mut SqliteConnection, rfc_id: i64) -> sqlx::Result<Changes> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT changes, applied, applied_at, refused FROM amendments WHERE rfc_id = ?",
    )
    .bind(rfc_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row
        .map(|r| Changes {
            changes: serde_json::from_str(&r.changes).unwrap_or_default(),
            applied: r.applied.and_then(|a| serde_json::from_str(&a).ok()),
            applied_at: r.applied_at.map(from_millis),
            refused: r.refused,
        })
        .unwrap_or_default())
}

/// Records what the approved changes did to the policy.
pub async fn set_applied(
    conn: &mut SqliteConnection,
    rfc_id: i64,
    applied: &[Applied],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE amendments SET applied = ?, applied_at = ? WHERE rfc_id = ?")
        .bind(serde_json::to_string(applied).map_err(|e| sqlx::Error::Encode(Box::new(e)))?)
        .bind(to_millis(now))
        .bind(rfc_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records why approved changes could not be applied.
pub async fn set_refused(
    conn: &mut SqliteConnection,
    rfc_id: i64,
    reason: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE amendments SET refused = ? WHERE rfc_id = ?")
        .bind(reason)
        .bind(rfc_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
