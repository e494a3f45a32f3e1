//! What the TSC's ballots on a release do, in the transaction that closes them: the plan
//! approved moves it to its candidates, anything else ends it; the final release approved
//! awaits its publication, anything else sends it back to step 6's start.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use super::steps::{facts, moved, policy, record_step};
use crate::app::AppResult;
use crate::app::outbox::{self, Notice};
use crate::governance::release::{self as rules, Effect, Event, Stage, Step};
use crate::store::ballot::Ballot;
use crate::store::release::{self as repo, Column};

/// The plan ballot closed.
pub(crate) async fn plan(
    conn: &mut SqliteConnection,
    ballot: &Ballot,
    release_id: i64,
    approved: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let outcome = if approved {
        "plan_approved"
    } else {
        "plan_rejected"
    };
    decided(
        conn,
        ballot,
        release_id,
        Event::PlanDecided { approved },
        outcome,
        now,
    )
    .await
}

/// The final ballot closed.
pub(crate) async fn final_approval(
    conn: &mut SqliteConnection,
    ballot: &Ballot,
    release_id: i64,
    approved: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let outcome = if approved {
        "approved"
    } else {
        "final_rejected"
    };
    decided(
        conn,
        ballot,
        release_id,
        Event::FinalDecided { approved },
        outcome,
        now,
    )
    .await
}

async fn decided(
    conn: &mut SqliteConnection,
    ballot: &Ballot,
    release_id: i64,
    event: Event,
    outcome: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(release) = repo::get(conn, release_id).await? else {
        return Ok(());
    };
    let policy = policy(conn, release.guild_id).await?;
    // A ballot on a release that was withdrawn meanwhile decides nothing.
    let Ok(next) = rules::transition(&facts(conn, &release).await?, event, &policy, now) else {
        return Ok(());
    };
    if next.stage == release.stage {
        return Ok(());
    }
    if next.stage == Stage::Rejected {
        let step = Some(i64::from(Step::PlanApproval.number()));
        repo::set_column(conn, release.id, Column::ENDED_STEP, step).await?;
    }
    if next.effects.contains(&Effect::TellProposer) {
        let notice = Notice::ReleaseNotApproved {
            release_id,
            ballot_id: ballot.id,
        };
        outbox::queue(conn, release.guild_id, &notice, now).await?;
    }
    moved(conn, &release, next.stage, outcome, None, now).await?;
    let details = json!({ "ballot": ballot.id, "outcome": ballot.outcome.map(|o| o.key()) });
    record_step(conn, &release, outcome, None, None, details, now).await
}
