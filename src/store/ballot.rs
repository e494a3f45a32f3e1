//! Ballots and their frozen electorate; their votes are `ballot_votes`.

use chrono::{DateTime, Utc};
// Column lists below are constants: the only formatted SQL is those lists.
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::ballot_votes::SealedConcern;
use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::ballot::{Count, Outcome, Subject};
use crate::governance::policy::Policy;

/// A ballot as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Ballot {
    pub id: i64,
    pub guild_id: u64,
    pub title: String,
    pub description: String,
    pub secret: bool,
    pub opened_by: u64,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub policy: Policy,
    pub channel_id: u64,
    pub message_id: Option<u64>,
    pub open: bool,
    pub outcome: Option<Outcome>,
    pub closed_at: Option<DateTime<Utc>>,
    pub cancelled_by: Option<u64>,
    pub cancel_reason: Option<String>,
    pub subject: Subject,
    /// A closed secret ballot's totals, kept after its voters were unlinked from their choices.
    pub final_count: Option<Count>,
    /// A closed secret ballot's concerns, without their authors.
    pub final_concerns: Option<Vec<SealedConcern>>,
}

#[derive(FromRow)]
struct BallotRow {
    id: i64,
    guild_id: i64,
    title: String,
    description: String,
    secret: bool,
    opened_by: i64,
    opens_at: i64,
    closes_at: i64,
    policy: String,
    channel_id: i64,
    message_id: Option<i64>,
    state: String,
    outcome: Option<String>,
    closed_at: Option<i64>,
    cancelled_by: Option<i64>,
    cancel_reason: Option<String>,
    subject: String,
    final_count: Option<String>,
    final_concerns: Option<String>,
}

impl From<BallotRow> for Ballot {
    fn from(r: BallotRow) -> Self {
        Self {
            id: r.id,
            guild_id: from_db_id(r.guild_id),
            title: r.title,
            description: r.description,
            secret: r.secret,
            opened_by: from_db_id(r.opened_by),
            opens_at: from_millis(r.opens_at),
            closes_at: from_millis(r.closes_at),
            policy: serde_json::from_str(&r.policy).unwrap_or_default(),
            channel_id: from_db_id(r.channel_id),
            message_id: r.message_id.map(from_db_id),
            open: r.state == "open",
            outcome: r.outcome.as_deref().and_then(Outcome::from_key),
            closed_at: r.closed_at.map(from_millis),
            cancelled_by: r.cancelled_by.map(from_db_id),
            cancel_reason: r.cancel_reason,
            // A subject this version does not know is treated as a plain vote.
            subject: serde_json::from_str(&r.subject).unwrap_or_default(),
            final_count: r.final_count.and_then(|c| serde_json::from_str(&c).ok()),
            final_concerns: r.final_concerns.and_then(|c| serde_json::from_str(&c).ok()),
        }
    }
}

const BALLOT_COLUMNS: &str = "id, guild_id, title, description, secret, opened_by, opens_at, \
     closes_at, policy, channel_id, message_id, state, outcome, closed_at, cancelled_by, cancel_reason, \
     subject, final_count, final_concerns";

/// What a new ballot needs.
#[derive(Debug, Clone)]
pub struct NewBallot<'a> {
    pub guild_id: u64,
    pub title: &'a str,
    pub description: &'a str,
    pub secret: bool,
    pub opened_by: u64,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub policy: &'a Policy,
    pub channel_id: u64,
    pub electorate: &'a [u64],
    pub subject: &'a Subject,
}

/// Inserts the ballot and its frozen electorate; returns the new id.
pub async fn insert(conn: &mut SqliteConnection, b: &NewBallot<'_>) -> sqlx::Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO ballots (guild_id, title, description, secret, opened_by, opens_at, closes_at,
                              policy, channel_id, subject)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(to_db_id(b.guild_id))
    .bind(b.title)
    .bind(b.description)
    .bind(b.secret)
    .bind(to_db_id(b.opened_by))
    .bind(to_millis(b.opens_at))
    .bind(to_millis(b.closes_at))
    .bind(serde_json::to_string(b.policy).unwrap_or_else(|_| "{}".into()))
    .bind(to_db_id(b.channel_id))
    .bind(serde_json::to_string(b.subject).unwrap_or_else(|_| r#"{"kind":"general"}"#.into()))
    .fetch_one(&mut *conn)
    .await?;
    for member in b.electorate {
        sqlx::query("INSERT OR IGNORE INTO ballot_electorate (ballot_id, member_id) VALUES (?, ?)")
            .bind(id)
            .bind(to_db_id(*member))
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Ballot>> {
    let row: Option<BallotRow> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {BALLOT_COLUMNS} FROM ballots WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Ballot::from))
}

/// Open ballots of a guild, soonest deadline first.
pub async fn list_open(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<Vec<Ballot>> {
    let rows: Vec<BallotRow> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {BALLOT_COLUMNS} FROM ballots WHERE guild_id = ? AND state = 'open'
         ORDER BY closes_at, id"
    )))
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Ballot::from).collect())
}

pub async fn electorate(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Vec<u64>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT member_id FROM ballot_electorate WHERE ballot_id = ? ORDER BY member_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(ids.into_iter().map(from_db_id).collect())
}

/// How a ballot closes.
#[derive(Debug, Clone)]
pub struct Closing<'a> {
    pub outcome: Outcome,
    pub at: DateTime<Utc>,
    pub cancelled_by: Option<u64>,
    pub cancel_reason: Option<&'a str>,
}

/// Closes an open ballot; returns false if it was already closed (so closing is idempotent).
pub async fn close(conn: &mut SqliteConnection, id: i64, c: &Closing<'_>) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE ballots SET state = 'closed', outcome = ?, closed_at = ?, cancelled_by = ?,
                            cancel_reason = ?
         WHERE id = ? AND state = 'open'",
    )
    .bind(c.outcome.key())
    .bind(to_millis(c.at))
    .bind(c.cancelled_by.map(to_db_id))
    .bind(c.cancel_reason)
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

pub async fn set_message(
    conn: &mut SqliteConnection,
    id: i64,
    message_id: u64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE ballots SET message_id = ? WHERE id = ?")
        .bind(to_db_id(message_id))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The ballot whose message this is, if any (an index lookup).
pub async fn by_message(
    conn: &mut SqliteConnection,
    channel_id: u64,
    message_id: u64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT id FROM ballots WHERE message_id = ? AND channel_id = ?")
        .bind(to_db_id(message_id))
        .bind(to_db_id(channel_id))
        .fetch_optional(&mut *conn)
        .await
}

/// Forgets a ballot's message (it was deleted): edits wait for the new one.
pub async fn clear_message(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE ballots SET message_id = NULL WHERE id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ballots of a guild that closed in `[from, to)`, oldest first (for the annual review).
pub async fn closed_between(
    conn: &mut SqliteConnection,
    guild_id: u64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<Ballot>> {
    let rows: Vec<BallotRow> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {BALLOT_COLUMNS} FROM ballots
         WHERE guild_id = ? AND state = 'closed' AND closed_at >= ? AND closed_at < ?
         ORDER BY closed_at, id"
    )))
    .bind(to_db_id(guild_id))
    .bind(to_millis(from))
    .bind(to_millis(to))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Ballot::from).collect())
}

/// Whether the guild has ever opened a ballot (after its first, the policy changes only by
/// amendment).
pub async fn any_in_guild(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM ballots WHERE guild_id = ?)")
        .bind(to_db_id(guild_id))
        .fetch_one(&mut *conn)
        .await
}
