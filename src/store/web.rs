//! The transparency page's settings: which servers publish their page, under which slug.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{from_db_id, to_db_id, to_millis};

/// Publishes the guild's page under `slug` (replacing its previous slug); false when another
/// guild holds the slug (the unique index decides a race).
pub async fn enable(
    conn: &mut SqliteConnection,
    guild_id: u64,
    slug: &str,
    enabled_by: u64,
    at: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "INSERT INTO web_pages (guild_id, slug, enabled_by, enabled_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (guild_id) DO UPDATE SET slug = excluded.slug,
             enabled_by = excluded.enabled_by, enabled_at = excluded.enabled_at",
    )
    .bind(to_db_id(guild_id))
    .bind(slug)
    .bind(to_db_id(enabled_by))
    .bind(to_millis(at))
    .execute(&mut *conn)
    .await;
    match result {
        Ok(_) => Ok(true),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(false),
        Err(e) => Err(e),
    }
}

/// Withdraws the guild's page; returns the slug it had, if any.
pub async fn disable(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("DELETE FROM web_pages WHERE guild_id = ? RETURNING slug")
        .bind(to_db_id(guild_id))
        .fetch_optional(&mut *conn)
        .await
}

/// The guild publishing under `slug`, if one does.
pub async fn guild_for(conn: &mut SqliteConnection, slug: &str) -> sqlx::Result<Option<u64>> {
    let id: Option<i64> = sqlx::query_scalar("SELECT guild_id FROM web_pages WHERE slug = ?")
        .bind(slug)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(id.map(from_db_id))
}

/// The guild's slug, if its page is published.
pub async fn slug_of(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT slug FROM web_pages WHERE guild_id = ?")
        .bind(to_db_id(guild_id))
        .fetch_optional(&mut *conn)
        .await
}

/// The years (UTC) in which the guild recorded public decisions, newest first.
pub async fn decision_years(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<Vec<i32>> {
    let years: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT strftime('%Y', decided_at / 1000, 'unixepoch') AS year FROM decisions
         WHERE guild_id = ? AND private = 0 ORDER BY year DESC",
    )
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(years.iter().filter_map(|y| y.parse().ok()).collect())
}

/// A public decision as the page reads it: a ballot's details (its totals) only.
#[derive(serde::Deserialize)]
pub struct DecisionRow {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub outcome: String,
    pub link: Option<String>,
    pub details: Option<String>,
    pub decided_at: i64,
}

/// The guild's public decisions in `[since, until)` (millis), of one kind or all, newest first.
/// Only the columns the page shows: no one's id, and no details but a ballot's totals.
/// SQLite hands them over as one JSON array: row by row, sqlx passes each row from its SQLite
/// thread to the caller on its own, which for a page of 1,000 decisions took most of the page's
/// time (`cargo bench --bench web`, README).
pub async fn public_decisions(
    conn: &mut SqliteConnection,
    guild_id: u64,
    kind: Option<&str>,
    since: i64,
    until: i64,
) -> sqlx::Result<Vec<DecisionRow>> {
    let rows: String = sqlx::query_scalar(
        "SELECT json_group_array(json_object(
                    'id', id, 'kind', kind, 'title', title, 'outcome', outcome, 'link', link,
                    'details', CASE kind WHEN 'ballot' THEN details END,
                    'decided_at', decided_at)
                ORDER BY decided_at DESC, id DESC)
         FROM decisions
         WHERE guild_id = ? AND private = 0 AND (? IS NULL OR kind = ?)
               AND decided_at >= ? AND decided_at < ?",
    )
    .bind(to_db_id(guild_id))
    .bind(kind)
    .bind(kind)
    .bind(since)
    .bind(until)
    .fetch_one(&mut *conn)
    .await?;
    super::json_rows(&rows)
}
