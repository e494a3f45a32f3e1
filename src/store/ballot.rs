//! Ballots, their frozen electorate, current votes and the append-only vote history.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
// Column lists below are constants: the only formatted SQL is those lists.
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::ballot::{Choice, Count, Outcome, Subject};
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

/// A concern of a closed secret ballot: its text and whether its vote was binding, no author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedConcern {
    pub text: String,
    pub binding: bool,
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

/// A voter's current vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteRecord {
    pub voter_id: u64,
    pub choice: Choice,
    pub binding: bool,
    pub concern: Option<String>,
    pub cast_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(FromRow)]
struct VoteRow {
    voter_id: i64,
    choice: i64,
    binding: bool,
    concern: Option<String>,
    cast_at: i64,
    updated_at: i64,
}

impl VoteRow {
    fn into_record(self) -> Option<VoteRecord> {
        Some(VoteRecord {
            voter_id: from_db_id(self.voter_id),
            choice: Choice::from_i64(self.choice)?,
            binding: self.binding,
            concern: self.concern,
            cast_at: from_millis(self.cast_at),
            updated_at: from_millis(self.updated_at),
        })
    }
}

/// Current votes, in the order they were first cast.
pub async fn votes(conn: &mut SqliteConnection, ballot_id: i64) -> sqlx::Result<Vec<VoteRecord>> {
    let rows: Vec<VoteRow> = sqlx::query_as(
        "SELECT voter_id, choice, binding, concern, cast_at, updated_at FROM votes
         WHERE ballot_id = ? ORDER BY cast_at, voter_id",
    )
    .bind(ballot_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().filter_map(VoteRow::into_record).collect())
}

/// Records a vote (new or changed) and, when `history` is asked for (public ballots), appends
/// it to the history.
#[expect(
    clippy::too_many_arguments,
    reason = "one row's columns, written in one statement"
)]
pub async fn upsert_vote(
    conn: &mut SqliteConnection,
    ballot_id: i64,
    voter_id: u64,
    choice: Choice,
    binding: bool,
    concern: Option<&str>,
    history: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO votes (ballot_id, voter_id, choice, binding, concern, cast_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (ballot_id, voter_id) DO UPDATE SET
             choice = excluded.choice, concern = excluded.concern, updated_at = excluded.updated_at",
    )
    .bind(ballot_id)
    .bind(to_db_id(voter_id))
    .bind(choice.as_i64())
    .bind(binding)
    .bind(concern)
    .bind(to_millis(now))
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?;
    if !history {
        return Ok(());
    }
    append_event(conn, ballot_id, voter_id, Some(choice), concern, now).await
}

/// Withdraws a vote (recorded in the history when `history` is asked for); returns false when
/// there was none.
pub async fn delete_vote(
    conn: &mut SqliteConnection,
    ballot_id: i64,
    voter_id: u64,
    history: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let deleted = sqlx::query("DELETE FROM votes WHERE ballot_id = ? AND voter_id = ?")
        .bind(ballot_id)
        .bind(to_db_id(voter_id))
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if deleted == 0 {
        return Ok(false);
    }
    if history {
        append_event(conn, ballot_id, voter_id, None, None, now).await?;
    }
    Ok(true)
}

async fn append_event(
    conn: &mut SqliteConnection,
    ballot_id: i64,
    voter_id: u64,
    choice: Option<Choice>,
    concern: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO vote_events (ballot_id, voter_id, choice, concern, at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(ballot_id)
    .bind(to_db_id(voter_id))
    .bind(choice.map(Choice::as_i64))
    .bind(concern)
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Number of entries in a ballot's vote history (casts, changes and withdrawals).
pub async fn history_len(conn: &mut SqliteConnection, ballot_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM vote_events WHERE ballot_id = ?")
        .bind(ballot_id)
        .fetch_one(&mut *conn)
        .await
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

/// Unlinks a closed secret ballot's voters from their choices: its totals and authorless
/// concerns are kept on the ballot, who voted is kept apart, and every row that tied a voter
/// to a choice (current votes and their history) is deleted.
pub async fn seal(
    conn: &mut SqliteConnection,
    ballot_id: i64,
    count: &Count,
    concerns: &[SealedConcern],
) -> sqlx::Result<()> {
    sqlx::query("UPDATE ballots SET final_count = ?, final_concerns = ? WHERE id = ?")
        .bind(serde_json::to_string(count).map_err(|e| sqlx::Error::Encode(Box::new(e)))?)
        .bind(serde_json::to_string(concerns).map_err(|e| sqlx::Error::Encode(Box::new(e)))?)
        .bind(ballot_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT OR IGNORE INTO ballot_voters (ballot_id, voter_id, binding)
         SELECT ballot_id, voter_id, binding FROM votes WHERE ballot_id = ?",
    )
    .bind(ballot_id)
    .execute(&mut *conn)
    .await?;
    for table in ["votes", "vote_events"] {
        sqlx::query(AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE ballot_id = ?"
        )))
        .bind(ballot_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Who voted on a sealed secret ballot, with whether their vote was binding.
pub async fn sealed_voters(
    conn: &mut SqliteConnection,
    ballot_id: i64,
) -> sqlx::Result<Vec<(u64, bool)>> {
    let rows: Vec<(i64, bool)> = sqlx::query_as(
        "SELECT voter_id, binding FROM ballot_voters WHERE ballot_id = ? ORDER BY voter_id",
    )
    .bind(ballot_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(v, b)| (from_db_id(v), b)).collect())
}
