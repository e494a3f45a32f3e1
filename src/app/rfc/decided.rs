//! What the bot does to a proposal on its own: the end of the discussion period (the job), and
//! the TSC's ballot closing (in the transaction that closes it).

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use super::steps::{self, Step};
use crate::app::{AppResult, amendment};
use crate::governance::ballot::Outcome;
use crate::governance::rfc::{Effect, Event, Kind, Status};
use crate::store::ballot::Ballot;
use crate::store::rfc as repo;

/// The discussion period's deadline: the thread and the TSC are told the proposal is ready for
/// a decision. A stale job (the proposal moved on) does nothing.
pub(crate) async fn discussion_ended(
    conn: &mut SqliteConnection,
    rfc_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(rfc) = repo::get(conn, rfc_id).await? else {
        return Ok(());
    };
    let (to, effects) = steps::check(&rfc, Event::PeriodEnded, now)?;
    if effects.is_empty() {
        return Ok(());
    }
    let step = Step {
        to,
        effects: &effects,
        name: to.key(),
        actor: None,
        details: json!({}),
    };
    steps::commit(conn, &rfc, step, now).await?;
    Ok(())
}

/// The TSC's ballot closed: approved accepts (and applies an amendment's changes), rejected
/// declines, no quorum or a cancelled ballot leaves it awaiting a decision.
pub(crate) async fn ballot_closed(
    conn: &mut SqliteConnection,
    ballot: &Ballot,
    rfc_id: i64,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(rfc) = repo::get(conn, rfc_id).await? else {
        return Ok(());
    };
    // Only the proposal's own latest ballot moves it.
    if rfc.ballot_id != Some(ballot.id) || rfc.status != Status::Voting {
        return Ok(());
    }
    let (to, effects) = steps::check(&rfc, Event::BallotClosed(outcome), now)?;
    let mut details = json!({ "ballot": ballot.id, "outcome": outcome.key() });
    if effects.contains(&Effect::ApplyChanges) && rfc.kind == Kind::Amendment {
        details["policy"] = amendment::apply::approved(conn, &rfc, ballot, now).await?;
    }
    let name = match to {
        Status::Accepted | Status::Declined => to.key(),
        _ => "no_decision",
    };
    let step = Step {
        to,
        effects: &effects,
        name,
        actor: None,
        details,
    };
    steps::commit(conn, &rfc, step, now).await?;
    Ok(())
}
