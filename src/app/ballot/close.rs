//! How a ballot ends: decided at its deadline or cancelled, with its result and final message
//! queued; and the reminder to those who have not voted. What the outcome *does* is applied
//! by the caller (`decisions.rs`).

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::open::queue_refresh;
use super::view;
use crate::app::AppResult;
use crate::app::decision_log::record as decision_log;
use crate::app::outbox::{self, Notice};
use crate::app::schedule;
use crate::governance::ballot::{Count, Outcome, decide};
use crate::store::ballot::{self as repo, Ballot, Closing};
use crate::store::ballot_votes::{self as votes_repo, SealedConcern, VoteRecord};

/// How a ballot ends.
#[derive(Debug, Clone, Copy)]
pub enum Ending<'a> {
    /// Its deadline came: the votes decide.
    Deadline,
    /// Someone stopped it, with a reason (none when the bot withdraws its own ballot).
    Cancel { by: u64, reason: Option<&'a str> },
}

/// Decides and closes an open ballot and queues its result and message edit, inside the
/// caller's write transaction: a vote committed before it counts, one after it is refused.
/// `None` when the ballot was already closed (or does not exist), so closing is idempotent.
pub(crate) async fn close_in(
    conn: &mut SqliteConnection,
    ballot_id: i64,
    ending: Ending<'_>,
    now: DateTime<Utc>,
) -> AppResult<Option<(Ballot, Outcome)>> {
    let Some(ballot) = repo::get(conn, ballot_id).await? else {
        return Ok(None);
    };
    if !ballot.open {
        return Ok(None);
    }
    let votes = votes_repo::votes(conn, ballot_id).await?;
    let count = Count::of(votes.iter().map(|v| (v.choice, v.binding)));
    let electorate = repo::electorate(conn, ballot_id).await?.len();
    let closing = match ending {
        Ending::Deadline => Closing {
            outcome: decide(
                &ballot.policy,
                u32::try_from(electorate).unwrap_or(u32::MAX),
                &count,
            ),
            at: now.max(ballot.closes_at),
            cancelled_by: None,
            cancel_reason: None,
        },
        Ending::Cancel { by, reason } => Closing {
            outcome: Outcome::Cancelled,
            at: now,
            cancelled_by: Some(by),
            cancel_reason: reason,
        },
    };
    if !repo::close(conn, ballot.id, &closing).await? {
        return Ok(None);
    }
    // Where the result goes (the TSC's channel for a private subject) is decided on delivery.
    let notice = Notice::BallotResult {
        ballot_id: ballot.id,
    };
    outbox::queue(conn, ballot.guild_id, &notice, now).await?;
    if ballot.secret {
        seal(conn, &ballot, &votes, &count).await?;
        schedule::truncate_wal_after_erasure(conn, now).await?;
    }
    queue_refresh(conn, &ballot, now).await?;
    decision_log::ballot_closed(
        conn,
        &ballot,
        closing.outcome,
        &count,
        electorate,
        closing.at,
    )
    .await?;
    tracing::info!(
        ballot_id = ballot.id,
        outcome = closing.outcome.key(),
        "ballot closed"
    );
    Ok(Some((ballot, closing.outcome)))
}

/// Unlinks a closed secret ballot's voters from their choices: the totals and the concerns
/// (binding first, each group in alphabetical order, so that their order tells nothing about
/// who voted when) stay; every row tying a voter to a choice goes.
async fn seal(
    conn: &mut SqliteConnection,
    ballot: &Ballot,
    votes: &[VoteRecord],
    count: &Count,
) -> sqlx::Result<()> {
    let mut concerns: Vec<SealedConcern> = votes
        .iter()
        .filter_map(|v| {
            Some(SealedConcern {
                text: v.concern.clone()?,
                binding: v.binding,
            })
        })
        .collect();
    concerns.sort_by(|a, b| (!a.binding, &a.text).cmp(&(!b.binding, &b.text)));
    votes_repo::seal(conn, ballot.id, count, &concerns).await
}

/// Queues the reminder to electorate members who have not voted (the reminder job).
pub(crate) async fn remind(
    conn: &mut SqliteConnection,
    ballot_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let view = match view::load(conn, ballot_id).await {
        Ok(view) => view,
        // A ballot that no longer exists has no one to remind.
        Err(e) if e.user().is_some() => return Ok(()),
        Err(e) => return Err(e),
    };
    let members = view.missing_voters();
    if !view.ballot.open || members.is_empty() {
        return Ok(());
    }
    let notice = Notice::BallotReminder { ballot_id, members };
    outbox::queue(conn, view.ballot.guild_id, &notice, now).await?;
    Ok(())
}
