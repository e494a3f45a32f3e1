//! The TSC's decision, in the transaction that closes its ballot, and the nominee's outcome DM.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::step;
use super::step::awaits_decision;
use crate::app::AppResult;
use crate::app::outbox::{self, Notice};
use crate::governance::ballot::Outcome;
use crate::governance::nomination::{Event, Note};
use crate::store::ballot::{self as ballots, Ballot};
use crate::store::guild;
use crate::store::nomination as repo;

/// The ballot on a nomination closed. A rejection (or no quorum) keeps the concerns of the -1
/// votes, without their authors and in no telling order, until the nominee has read them.
pub(crate) async fn decided(
    conn: &mut SqliteConnection,
    ballot: &Ballot,
    nomination_id: i64,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(nomination) = repo::get(conn, nomination_id)
        .await?
        .filter(|n| awaits_decision(n, ballot.id))
    else {
        return Ok(());
    };
    let Some(config) = guild::get(conn, nomination.guild_id).await? else {
        return Ok(());
    };
    if matches!(outcome, Outcome::Rejected | Outcome::NoQuorum) {
        // The sealed ballot keeps its concerns without authors, in a neutral order; only the
        // TSC's (binding) ones are the nominee's to read.
        let concerns: Vec<String> = ballots::get(conn, ballot.id)
            .await?
            .and_then(|b| b.final_concerns)
            .unwrap_or_default()
            .into_iter()
            .filter(|c| c.binding)
            .map(|c| c.text)
            .collect();
        repo::set_concerns(conn, nomination_id, &concerns).await?;
    }
    step(conn, &config, &nomination, Event::Decided(outcome), now).await?;
    Ok(())
}

/// The outcome DM was delivered: the concerns are forgotten.
pub(crate) async fn outcome_told(conn: &mut SqliteConnection, nomination_id: i64) -> AppResult<()> {
    repo::set_concerns(conn, nomination_id, &[]).await?;
    Ok(())
}

/// The outcome DM could not be delivered (closed DMs): the concerns are forgotten and the TSC
/// is asked to tell the nominee itself.
pub(crate) async fn outcome_undelivered(
    conn: &mut SqliteConnection,
    nomination_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    repo::set_concerns(conn, nomination_id, &[]).await?;
    let Some(nomination) = repo::get(conn, nomination_id).await? else {
        return Ok(());
    };
    let notice = Notice::NominationTscNote {
        nomination_id,
        note: Note::OutcomeUndelivered,
    };
    outbox::queue(conn, nomination.guild_id, &notice, now).await?;
    Ok(())
}
