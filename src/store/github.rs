//! GitHub identities and activity: linked logins with the time of each member's latest public
//! activity (timestamps only), the project's organisation or repositories, and the poll's state.

use chrono::{DateTime, Utc};
use sqlx::{FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::github::Sources;

/// A member's linked login and what polls found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub member_id: u64,
    pub login: String,
    pub last_activity_at: Option<DateTime<Utc>>,
    pub checked_at: Option<DateTime<Utc>>,
}

#[derive(FromRow)]
struct LinkRow {
    member_id: i64,
    login: String,
    last_activity_at: Option<i64>,
    checked_at: Option<i64>,
}

impl From<LinkRow> for Link {
    fn from(r: LinkRow) -> Self {
        Self {
            member_id: from_db_id(r.member_id),
            login: r.login,
            last_activity_at: r.last_activity_at.map(from_millis),
            checked_at: r.checked_at.map(from_millis),
        }
    }
}

/// Every link of the guild, by member.
pub async fn links(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<Vec<Link>> {
    let rows: Vec<LinkRow> = sqlx::query_as(
        "SELECT member_id, login, last_activity_at, checked_at FROM github_links
         WHERE guild_id = ? ORDER BY member_id",
    )
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Link::from).collect())
}

/// The links not read since `since` (or never), the ones a poll still has to read.
pub async fn unchecked_since(
    conn: &mut SqliteConnection,
    guild_id: u64,
    since: DateTime<Utc>,
) -> sqlx::Result<Vec<Link>> {
    let rows: Vec<LinkRow> = sqlx::query_as(
        "SELECT member_id, login, last_activity_at, checked_at FROM github_links
         WHERE guild_id = ? AND (checked_at IS NULL OR checked_at < ?) ORDER BY member_id",
    )
    .bind(to_db_id(guild_id))
    .bind(to_millis(since))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Link::from).collect())
}

/// The member a login is linked to in this guild, whatever its case.
pub async fn member_of(
    conn: &mut SqliteConnection,
    guild_id: u64,
    login: &str,
) -> sqlx::Result<Option<u64>> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT member_id FROM github_links WHERE guild_id = ? AND lower(login) = lower(?)",
    )
    .bind(to_db_id(guild_id))
    .bind(login)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(from_db_id))
}

/// Links `login` to the member, replacing their earlier login. Another login is another
/// identity: what polls found for the old one is forgotten.
pub async fn link(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
    login: &str,
    linked_by: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO github_links (guild_id, member_id, login, linked_by, linked_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (guild_id, member_id) DO UPDATE SET
             login = excluded.login, linked_by = excluded.linked_by,
             linked_at = excluded.linked_at,
             last_activity_at = CASE WHEN lower(login) = lower(excluded.login)
                                     THEN last_activity_at END,
             checked_at = CASE WHEN lower(login) = lower(excluded.login) THEN checked_at END",
    )
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .bind(login)
    .bind(to_db_id(linked_by))
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Records a successful read of `login`'s activity: checked now, and the latest activity moved
/// forward to `latest` (never back). Nothing happens if the member linked another login since
/// the read began.
pub async fn record_read(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
    login: &str,
    latest: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE github_links SET checked_at = ?1,
             last_activity_at = CASE WHEN last_activity_at IS NULL OR last_activity_at < ?2
                                     THEN coalesce(?2, last_activity_at) ELSE last_activity_at END
         WHERE guild_id = ?3 AND member_id = ?4 AND login = ?5",
    )
    .bind(to_millis(now))
    .bind(latest.map(to_millis))
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .bind(login)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The project's sources and the poll's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcesRow {
    pub sources: Sources,
    pub polling: bool,
    pub failing_since: Option<DateTime<Utc>>,
    pub failure_told: bool,
}

#[derive(FromRow)]
struct SourcesDbRow {
    owner: String,
    repos: String,
    polling: bool,
    failing_since: Option<i64>,
    failure_told: bool,
}

pub async fn sources(
    conn: &mut SqliteConnection,
    guild_id: u64,
) -> sqlx::Result<Option<SourcesRow>> {
    let row: Option<SourcesDbRow> = sqlx::query_as(
        "SELECT owner, repos, polling, failing_since, failure_told FROM github_sources
         WHERE guild_id = ?",
    )
    .bind(to_db_id(guild_id))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| SourcesRow {
        sources: Sources {
            owner: r.owner,
            repos: serde_json::from_str(&r.repos).unwrap_or_default(),
        },
        polling: r.polling,
        failing_since: r.failing_since.map(from_millis),
        failure_told: r.failure_told,
    }))
}

/// Names the project's sources (the poll's state is kept).
pub async fn set_sources(
    conn: &mut SqliteConnection,
    guild_id: u64,
    sources: &Sources,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let repos = serde_json::to_string(&sources.repos).unwrap_or_else(|_| "[]".into());
    sqlx::query(
        "INSERT INTO github_sources (guild_id, owner, repos, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (guild_id) DO UPDATE SET
             owner = excluded.owner, repos = excluded.repos, updated_at = excluded.updated_at",
    )
    .bind(to_db_id(guild_id))
    .bind(&sources.owner)
    .bind(repos)
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Stops reading GitHub for the guild (`/govern setup github: none`).
pub async fn clear_sources(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM github_sources WHERE guild_id = ?")
        .bind(to_db_id(guild_id))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records how a poll went: whether GitHub can be read at all, the start of a run of failures
/// (kept while it lasts, cleared by a success), and whether the TSC was told of it.
pub async fn set_poll_state(
    conn: &mut SqliteConnection,
    guild_id: u64,
    polling: bool,
    failing_since: Option<DateTime<Utc>>,
    failure_told: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE github_sources SET polling = ?, failing_since = ?, failure_told = ?, updated_at = ?
         WHERE guild_id = ?",
    )
    .bind(polling)
    .bind(failing_since.map(to_millis))
    .bind(failure_told)
    .bind(to_millis(now))
    .bind(to_db_id(guild_id))
    .execute(&mut *conn)
    .await?;
    Ok(())
}
