//! What the TSC's dissolution ballots do, and the notice schedule: "The community is notified
//! at least 3 months in advance", at once, then monthly and a week before the date.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use crate::app::AppResult;
use crate::app::decision_log::record::{Entry, record};
use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::governance::decision::DecisionKind;
use crate::governance::dissolution::{self as rules, Status};
use crate::store::dissolution::{self as repo, Dissolution};

/// The decision, public, in the decision log.
async fn log(
    conn: &mut SqliteConnection,
    d: &Dissolution,
    outcome: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    let entry = Entry {
        kind: DecisionKind::Dissolution,
        subject_ref: format!("dissolution:{}", d.id),
        title: d.date.format("%Y-%m-%d").to_string(),
        outcome: outcome.into(),
        link: None,
        details: json!({
            "date": d.date.to_rfc3339(),
            "reason": d.reason,
            "steward": d.plan.steward,
            "archive": d.plan.archive,
            "license": d.plan.license,
        }),
        private: false,
        decided_by: None,
    };
    record(conn, d.guild_id, &entry, now).await
}

/// The proposal's ballot closed: approved, the community is notified at once and the later
/// notices are scheduled; otherwise it is rejected.
pub(crate) async fn proposal(
    conn: &mut SqliteConnection,
    id: i64,
    approved: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(d) = repo::get(conn, id).await? else {
        return Ok(());
    };
    if !repo::set_status(conn, id, Status::Proposed, rules::decided(approved), now).await? {
        return Ok(());
    }
    if !approved {
        return Ok(());
    }
    let notice = Notice::DissolutionNotice {
        dissolution_id: id,
        at_ms: now.timestamp_millis(),
    };
    outbox::queue(conn, d.guild_id, &notice, now).await?;
    for at in rules::notice_times(now, d.date) {
        let job = Job::DissolutionNotice {
            dissolution_id: id,
            at_ms: at.timestamp_millis(),
        };
        schedule::schedule(conn, &job, at, now).await?;
    }
    log(conn, &d, "decided", now).await?;
    tracing::info!(
        guild_id = d.guild_id,
        dissolution_id = id,
        "dissolution decided"
    );
    Ok(())
}

/// A call-off ballot closed: approved, the dissolution is called off and the community told.
pub(crate) async fn call_off(
    conn: &mut SqliteConnection,
    id: i64,
    approved: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(d) = repo::get(conn, id).await? else {
        return Ok(());
    };
    repo::set_call_off_ballot(conn, id, None).await?;
    if !approved || !repo::set_status(conn, id, Status::Scheduled, Status::CalledOff, now).await? {
        return Ok(());
    }
    let notice = Notice::DissolutionCalledOff { dissolution_id: id };
    outbox::queue(conn, d.guild_id, &notice, now).await?;
    log(conn, &d, "called_off", now).await?;
    Ok(())
}

/// A scheduled notice fell due (a job): posted if the dissolution still stands.
pub(crate) async fn notice_due(
    conn: &mut SqliteConnection,
    id: i64,
    at_ms: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(d) = repo::get(conn, id).await? else {
        return Ok(());
    };
    if d.status != Status::Scheduled || now >= d.date {
        return Ok(());
    }
    let notice = Notice::DissolutionNotice {
        dissolution_id: id,
        at_ms,
    };
    outbox::queue(conn, d.guild_id, &notice, now).await?;
    Ok(())
}
