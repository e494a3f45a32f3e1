//! A nomination's steps: each change of state, recorded with it, and read back in order.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{from_millis, to_millis};
use crate::governance::nomination::State;

/// Moves a nomination from `from` to `to` and records the step; false if it was not in `from`
/// (another step came first), or if `to` is open and the member already has an open one.
pub async fn set_state(
    conn: &mut SqliteConnection,
    id: i64,
    from: State,
    to: State,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let closed_at = to.is_closed().then(|| to_millis(now));
    let result = sqlx::query(
        "UPDATE nominations SET state = ?, updated_at = ?, closed_at = coalesce(?, closed_at)
         WHERE id = ? AND state = ?",
    )
    .bind(to.key())
    .bind(to_millis(now))
    .bind(closed_at)
    .bind(id)
    .bind(from.key())
    .execute(&mut *conn)
    .await;
    let changed = match result {
        Ok(r) => r.rows_affected() == 1,
        Err(e)
            if e.as_database_error()
                .is_some_and(|d| d.is_unique_violation()) =>
        {
            return Ok(false);
        }
        Err(e) => return Err(e),
    };
    if changed && from != to {
        sqlx::query(
            "INSERT INTO nomination_events (nomination_id, from_state, to_state, at)
             VALUES (?, ?, ?, ?)",
        )
        .bind(id)
        .bind(from.key())
        .bind(to.key())
        .bind(to_millis(now))
        .execute(&mut *conn)
        .await?;
    }
    Ok(changed)
}

/// The steps a nomination took: (from, to, when), oldest first.
pub async fn history(
    conn: &mut SqliteConnection,
    id: i64,
) -> sqlx::Result<Vec<(State, State, DateTime<Utc>)>> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT from_state, to_state, at FROM nomination_events
         WHERE nomination_id = ? ORDER BY at, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(from, to, at)| {
            Some((
                State::from_key(&from)?,
                State::from_key(&to)?,
                from_millis(at),
            ))
        })
        .collect())
}
