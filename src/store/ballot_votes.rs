//! A ballot's votes: the current vote of each voter, the append-only history of a public
//! ballot, and the sealing of a closed secret ballot (voters unlinked from choices).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
// Table names below are constants: the only formatted SQL.
use sqlx::{AssertSqlSafe, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::ballot::{Choice, Count};

/// A concern of a closed secret ballot: its text and whether its vote was binding, no author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedConcern {
    pub text: String,
    pub binding: bool,
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

#[derive(Deserialize)]
struct VoteRow {
    voter_id: i64,
    choice: i64,
    binding: i64,
    concern: Option<String>,
    cast_at: i64,
    updated_at: i64,
}

impl VoteRow {
    fn into_record(self) -> Option<VoteRecord> {
        Some(VoteRecord {
            voter_id: from_db_id(self.voter_id),
            choice: Choice::from_i64(self.choice)?,
            binding: self.binding != 0,
            concern: self.concern,
            cast_at: from_millis(self.cast_at),
            updated_at: from_millis(self.updated_at),
        })
    }
}

/// Current votes, in the order they were first cast. SQLite hands them over as one JSON array:
/// row by row, sqlx passes each row from its SQLite thread on its own, and a ballot message's
/// every refresh reads all its votes (`cargo bench --bench core`, README).
pub async fn votes(conn: &mut SqliteConnection, ballot_id: i64) -> sqlx::Result<Vec<VoteRecord>> {
    let rows: String = sqlx::query_scalar(
        "SELECT json_group_array(json_object(
                    'voter_id', voter_id, 'choice', choice, 'binding', binding,
                    'concern', concern, 'cast_at', cast_at, 'updated_at', updated_at)
                ORDER BY cast_at, voter_id)
         FROM votes WHERE ballot_id = ?",
    )
    .bind(ballot_id)
    .fetch_one(&mut *conn)
    .await?;
    let rows: Vec<VoteRow> = super::json_rows(&rows)?;
    Ok(rows.into_iter().filter_map(VoteRow::into_record).collect())
}

/// Records a vote, new or changed, if the ballot is still open at `now` (checked in the same
/// statement, under the writer: a vote committed before the close counts, one after is
/// refused). Returns `None` when the ballot was closed, else whether the voter had voted
/// before. A public ballot's history is appended by the database (migration 0009).
pub async fn record_vote(
    conn: &mut SqliteConnection,
    ballot_id: i64,
    voter_id: u64,
    vote: (Choice, Option<&str>),
    binding: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<bool>> {
    let (choice, concern) = vote;
    let changes: Option<i64> = sqlx::query_scalar(
        "INSERT INTO votes (ballot_id, voter_id, choice, binding, concern, cast_at, updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?6
         WHERE EXISTS (SELECT 1 FROM ballots WHERE id = ?1 AND state = 'open' AND closes_at > ?6)
         ON CONFLICT (ballot_id, voter_id) DO UPDATE SET
             choice = excluded.choice, concern = excluded.concern,
             updated_at = excluded.updated_at, changes = changes + 1
         RETURNING changes",
    )
    .bind(ballot_id)
    .bind(to_db_id(voter_id))
    .bind(choice.as_i64())
    .bind(binding)
    .bind(concern)
    .bind(to_millis(now))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(changes.map(|changes| changes > 0))
}

/// A vote to record with others in one statement (see `app/ballot/vote_batch.rs`).
#[derive(Debug, Clone, Serialize)]
pub struct NewVote {
    pub ballot: i64,
    pub voter: i64,
    pub choice: i64,
    pub binding: bool,
    pub concern: Option<String>,
    /// When it was cast (milliseconds): the ballot must still be open then.
    pub at: i64,
}

impl NewVote {
    pub fn new(
        ballot_id: i64,
        voter_id: u64,
        vote: (Choice, Option<&str>),
        binding: bool,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            ballot: ballot_id,
            voter: to_db_id(voter_id),
            choice: vote.0.as_i64(),
            binding,
            concern: vote.1.map(str::to_owned),
            at: to_millis(now),
        }
    }
}

/// Records many votes in one statement, each exactly as [`record_vote`] would (its ballot open
/// at its own time, history by the trigger). At most one vote per voter and ballot. Returns,
/// for each vote in order, `None` when its ballot was closed, else whether the voter had voted
/// before. One statement: if any row breaks a constraint, none is recorded (the caller then
/// records them one by one).
pub async fn record_votes(
    conn: &mut SqliteConnection,
    votes: &[NewVote],
) -> sqlx::Result<Vec<Option<bool>>> {
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "INSERT INTO votes (ballot_id, voter_id, choice, binding, concern, cast_at, updated_at)
         SELECT v.value ->> 'ballot', v.value ->> 'voter', v.value ->> 'choice',
                v.value ->> 'binding', v.value ->> 'concern', v.value ->> 'at', v.value ->> 'at'
         FROM json_each(?1) AS v
         WHERE EXISTS (SELECT 1 FROM ballots b WHERE b.id = v.value ->> 'ballot'
                       AND b.state = 'open' AND b.closes_at > v.value ->> 'at')
         ON CONFLICT (ballot_id, voter_id) DO UPDATE SET
             choice = excluded.choice, concern = excluded.concern,
             updated_at = excluded.updated_at, changes = changes + 1
         RETURNING ballot_id, voter_id, changes",
    )
    .bind(sqlx::types::Json(votes))
    .fetch_all(&mut *conn)
    .await?;
    // RETURNING's order is unspecified: match rows by ballot and voter (unique in a batch).
    let recorded: std::collections::HashMap<(i64, i64), i64> = rows
        .into_iter()
        .map(|(ballot, voter, changes)| ((ballot, voter), changes))
        .collect();
    Ok(votes
        .iter()
        .map(|v| recorded.get(&(v.ballot, v.voter)).map(|c| *c > 0))
        .collect())
}

/// Withdraws a vote (a public ballot's history records the withdrawal: `history`); returns
/// false when there was none.
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

/// Retention: removes the vote history (casts and changes) of a server's ballots closed before
/// `before`. The current votes, a secret ballot's sealed totals and every open ballot's history
/// stay. Returns how many events went.
pub async fn prune_history(
    conn: &mut SqliteConnection,
    guild_id: u64,
    before: DateTime<Utc>,
) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "DELETE FROM vote_events WHERE ballot_id IN
         (SELECT id FROM ballots WHERE guild_id = ? AND state = 'closed' AND closed_at < ?)",
    )
    .bind(to_db_id(guild_id))
    .bind(to_millis(before))
    .execute(&mut *conn)
    .await?
    .rows_affected())
}
