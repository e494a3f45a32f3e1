//! Releases, their history, candidates, "works for me" feedback and blocking issues.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::release::{Stage, Step};

/// A release as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Release {
    pub id: i64,
    pub guild_id: u64,
    pub version: String,
    pub stage: Stage,
    pub proposer_id: u64,
    pub changelog: String,
    pub planned_on: Option<NaiveDate>,
    pub plan_ballot_id: Option<i64>,
    pub final_ballot_id: Option<i64>,
    pub channel_id: u64,
    pub card_message_id: Option<u64>,
    pub thread_id: Option<u64>,
    pub feedback_ends_at: Option<DateTime<Utc>>,
    pub signed_off_by: Option<u64>,
    pub published_link: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub ended_step: Option<Step>,
    pub ended_reason: Option<String>,
    pub stage_since: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    guild_id: i64,
    version: String,
    stage: String,
    proposer_id: i64,
    changelog: Option<String>,
    planned_on: Option<String>,
    plan_ballot_id: Option<i64>,
    final_ballot_id: Option<i64>,
    channel_id: i64,
    card_message_id: Option<i64>,
    thread_id: Option<i64>,
    feedback_ends_at: Option<i64>,
    signed_off_by: Option<i64>,
    published_link: Option<String>,
    published_at: Option<i64>,
    ended_step: Option<i64>,
    ended_reason: Option<String>,
    stage_since: i64,
    created_at: i64,
}

impl From<Row> for Release {
    fn from(r: Row) -> Self {
        Self {
            id: r.id,
            guild_id: from_db_id(r.guild_id),
            version: r.version,
            stage: Stage::from_key(&r.stage).unwrap_or(Stage::Withdrawn),
            proposer_id: from_db_id(r.proposer_id),
            changelog: r.changelog.unwrap_or_default(),
            planned_on: r
                .planned_on
                .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            plan_ballot_id: r.plan_ballot_id,
            final_ballot_id: r.final_ballot_id,
            channel_id: from_db_id(r.channel_id),
            card_message_id: r.card_message_id.map(from_db_id),
            thread_id: r.thread_id.map(from_db_id),
            feedback_ends_at: r.feedback_ends_at.map(from_millis),
            signed_off_by: r.signed_off_by.map(from_db_id),
            published_link: r.published_link,
            published_at: r.published_at.map(from_millis),
            ended_step: r.ended_step.and_then(Step::from_number),
            ended_reason: r.ended_reason,
            stage_since: from_millis(r.stage_since),
            created_at: from_millis(r.created_at),
        }
    }
}

// Column list is a constant: the only formatted SQL in this file.
const COLUMNS: &str = "id, guild_id, version, stage, proposer_id, changelog, planned_on, \
    plan_ballot_id, final_ballot_id, channel_id, card_message_id, thread_id, feedback_ends_at, \
    signed_off_by, published_link, published_at, ended_step, ended_reason, stage_since, created_at";

/// Records a draft (`/release propose` before its form); returns its id.
pub async fn insert_draft(
    conn: &mut SqliteConnection,
    guild_id: u64,
    version: &str,
    proposer_id: u64,
    channel_id: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO releases (guild_id, version, stage, proposer_id, channel_id, stage_since,
                               created_at)
         VALUES (?, ?, 'draft', ?, ?, ?, ?) RETURNING id",
    )
    .bind(to_db_id(guild_id))
    .bind(version)
    .bind(to_db_id(proposer_id))
    .bind(to_db_id(channel_id))
    .bind(to_millis(now))
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await
}

/// Forgets drafts whose form was never submitted.
pub async fn delete_stale_drafts(
    conn: &mut SqliteConnection,
    before: DateTime<Utc>,
) -> sqlx::Result<u64> {
    Ok(
        sqlx::query("DELETE FROM releases WHERE stage = 'draft' AND created_at < ?")
            .bind(to_millis(before))
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Release>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM releases WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Release::from))
}

/// The guild's release of this version: the live one, else the latest (drafts excluded).
pub async fn find(
    conn: &mut SqliteConnection,
    guild_id: u64,
    version: &str,
) -> sqlx::Result<Option<Release>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM releases
         WHERE guild_id = ? AND version = ? AND stage <> 'draft'
         ORDER BY stage NOT IN ('rejected', 'withdrawn') DESC, id DESC LIMIT 1"
    )))
    .bind(to_db_id(guild_id))
    .bind(version)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Release::from))
}

/// Whether a live release (in flight or released) holds this version.
pub async fn version_taken(
    conn: &mut SqliteConnection,
    guild_id: u64,
    version: &str,
) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM releases WHERE guild_id = ? AND version = ?
         AND stage NOT IN ('draft', 'rejected', 'withdrawn')",
    )
    .bind(to_db_id(guild_id))
    .bind(version)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

/// The guild's releases but drafts, newest first.
pub async fn list(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<Vec<Release>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM releases WHERE guild_id = ? AND stage <> 'draft' ORDER BY id DESC"
    )))
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Release::from).collect())
}

/// The form was submitted: the changelog and planned date are kept.
pub async fn set_plan(
    conn: &mut SqliteConnection,
    id: i64,
    changelog: &str,
    planned_on: NaiveDate,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE releases SET changelog = ?, planned_on = ? WHERE id = ?")
        .bind(changelog)
        .bind(planned_on.format("%Y-%m-%d").to_string())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Moves the release to `stage` and records the step in its history.
pub async fn set_stage(
    conn: &mut SqliteConnection,
    id: i64,
    stage: Stage,
    event: &str,
    actor_id: Option<u64>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE releases SET stage = ?,
                stage_since = CASE WHEN stage = ? THEN stage_since ELSE ? END
         WHERE id = ?",
    )
    .bind(stage.key())
    .bind(stage.key())
    .bind(to_millis(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO release_history (release_id, stage, event, actor_id, at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(stage.key())
    .bind(event)
    .bind(actor_id.map(to_db_id))
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The history of a release: (stage, event, actor, at), oldest first.
pub async fn history(
    conn: &mut SqliteConnection,
    id: i64,
) -> sqlx::Result<Vec<(String, String, Option<u64>, DateTime<Utc>)>> {
    let rows: Vec<(String, String, Option<i64>, i64)> = sqlx::query_as(
        "SELECT stage, event, actor_id, at FROM release_history WHERE release_id = ? ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(s, e, a, at)| (s, e, a.map(from_db_id), from_millis(at)))
        .collect())
}

/// A column that [`set_column`] may write (a closed list, never member text).
#[derive(Clone, Copy)]
pub struct Column(&'static str);

impl Column {
    pub const PLAN_BALLOT: Column = Column("plan_ballot_id");
    pub const FINAL_BALLOT: Column = Column("final_ballot_id");
    pub const CARD_MESSAGE: Column = Column("card_message_id");
    pub const THREAD: Column = Column("thread_id");
    pub const FEEDBACK_ENDS: Column = Column("feedback_ends_at");
    pub const SIGNED_OFF_BY: Column = Column("signed_off_by");
    pub const PUBLISHED_AT: Column = Column("published_at");
    pub const ENDED_STEP: Column = Column("ended_step");
}

/// Sets one id, time or number column.
pub async fn set_column(
    conn: &mut SqliteConnection,
    id: i64,
    column: Column,
    value: Option<i64>,
) -> sqlx::Result<()> {
    super::set_int(conn, super::IntColumn::new("releases", column.0), id, value).await
}

/// Sets one text column: the publication's link or the reason a release ended.
pub async fn set_text(
    conn: &mut SqliteConnection,
    id: i64,
    published_link: bool,
    text: &str,
) -> sqlx::Result<()> {
    let column = if published_link {
        "published_link"
    } else {
        "ended_reason"
    };
    sqlx::query(AssertSqlSafe(format!(
        "UPDATE releases SET {column} = ? WHERE id = ?"
    )))
    .bind(text)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A recorded release candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub number: i64,
    pub link: String,
    pub recorded_by: u64,
    pub recorded_at: DateTime<Utc>,
}

/// Records the next candidate; returns its number (1 for rc1).
pub async fn add_candidate(
    conn: &mut SqliteConnection,
    release_id: i64,
    link: &str,
    by: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO release_candidates (release_id, number, link, recorded_by, recorded_at)
         SELECT ?, COALESCE(MAX(number), 0) + 1, ?, ?, ? FROM release_candidates
         WHERE release_id = ? RETURNING number",
    )
    .bind(release_id)
    .bind(link)
    .bind(to_db_id(by))
    .bind(to_millis(now))
    .bind(release_id)
    .fetch_one(&mut *conn)
    .await
}

pub async fn candidates(
    conn: &mut SqliteConnection,
    release_id: i64,
) -> sqlx::Result<Vec<Candidate>> {
    let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT number, link, recorded_by, recorded_at FROM release_candidates
         WHERE release_id = ? ORDER BY number",
    )
    .bind(release_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(number, link, by, at)| Candidate {
            number,
            link,
            recorded_by: from_db_id(by),
            recorded_at: from_millis(at),
        })
        .collect())
}

/// Counts a member's "works for me" on a candidate; false if already counted.
pub async fn add_feedback(
    conn: &mut SqliteConnection,
    release_id: i64,
    candidate: i64,
    member_id: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let added = sqlx::query(
        "INSERT OR IGNORE INTO release_feedback (release_id, candidate, member_id, at)
         VALUES (?, ?, ?, ?)",
    )
    .bind(release_id)
    .bind(candidate)
    .bind(to_db_id(member_id))
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(added == 1)
}

/// "Works for me" counts per candidate: (candidate, count), by candidate.
pub async fn feedback_counts(
    conn: &mut SqliteConnection,
    release_id: i64,
) -> sqlx::Result<Vec<(i64, i64)>> {
    sqlx::query_as(
        "SELECT candidate, COUNT(*) FROM release_feedback WHERE release_id = ?
         GROUP BY candidate ORDER BY candidate",
    )
    .bind(release_id)
    .fetch_all(&mut *conn)
    .await
}
