//! Taking one step of a proposal: the transition decided by `governance::rfc`, then, in the
//! caller's transaction, the new status, the history row, and the effects every step shares
//! (telling it, refreshing the card, the decision log, the period's deadline). Effects that
//! need the step's own data (a ballot, a revision, policy changes) are the caller's.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use crate::app::decision_log::record::{Entry, record};
use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::app::{AppResult, UserError};
use crate::governance::decision::DecisionKind;
use crate::governance::rfc::{self as rules, Effect, Event, Kind, Status};
use crate::msg;
use crate::store::rfc::{self as repo, Rfc};
use crate::store::rfc_history as history;

/// The step `event` from the proposal's current status: the new status and the effects, or
/// the member's refusal.
pub(crate) fn check(
    rfc: &Rfc,
    event: Event,
    now: DateTime<Utc>,
) -> AppResult<(Status, Vec<Effect>)> {
    let ends = rfc.discussion_ends_at.unwrap_or(now);
    Ok(rules::transition(rfc.status, event, ends, now)?)
}

/// A step to commit.
pub(crate) struct Step<'a> {
    pub to: Status,
    pub effects: &'a [Effect],
    /// The history's name for it: the status moved to, or `revised`, `voting`, `no_decision`.
    pub name: &'a str,
    pub actor: Option<u64>,
    pub details: serde_json::Value,
}

/// Commits a checked step; returns its history row's id. A step another transaction already
/// took (the status moved meanwhile) is refused as the new status would refuse it.
pub(crate) async fn commit(
    conn: &mut SqliteConnection,
    rfc: &Rfc,
    step: Step<'_>,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    if step.to != rfc.status && !repo::set_status(conn, rfc.id, rfc.status, step.to, now).await? {
        return Err(UserError::new(msg!("rfc-error-moved-on")).into());
    }
    let event_id =
        history::add_event(conn, rfc.id, step.name, step.actor, &step.details, now).await?;
    for effect in step.effects {
        match effect {
            Effect::Post(place) => {
                let notice = Notice::RfcEvent {
                    event_id,
                    place: *place,
                };
                outbox::queue(conn, rfc.guild_id, &notice, now).await?;
            }
            Effect::RefreshCard => refresh_card(conn, rfc, now).await?,
            Effect::PostCard => {
                let notice = Notice::RfcCardPosted { rfc_id: rfc.id };
                outbox::queue(conn, rfc.guild_id, &notice, now).await?;
            }
            Effect::ScheduleEnd => {
                if let Some(ends) = repo::get(conn, rfc.id)
                    .await?
                    .and_then(|r| r.discussion_ends_at)
                {
                    let job = Job::RfcDiscussionEnds { rfc_id: rfc.id };
                    schedule::schedule(conn, &job, ends, now).await?;
                }
            }
            Effect::Record => {
                let rfc = repo::get(conn, rfc.id)
                    .await?
                    .unwrap_or_else(|| rfc.clone());
                record_step(conn, &rfc, step.name, step.actor, &step.details, now).await?;
            }
            // The caller's: it knows the ballot, the revision, the changes.
            Effect::OpenBallot | Effect::RecordRevision | Effect::ApplyChanges => {}
        }
    }
    Ok(event_id)
}

/// Queues an edit of the card to the latest state (coalesced per proposal).
pub(crate) async fn refresh_card(
    conn: &mut SqliteConnection,
    rfc: &Rfc,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let notice = Notice::RfcCardRefresh { rfc_id: rfc.id };
    outbox::queue(conn, rfc.guild_id, &notice, now)
        .await
        .map(drop)
}

/// How a proposal is referred to in the decision log and the history: `rfc:3`, `amendment:1`.
pub fn subject_ref(rfc: &Rfc) -> String {
    format!("{}:{}", rfc.kind.key(), rfc.number.unwrap_or(0))
}

/// A step of a proposal in the decision log.
async fn record_step(
    conn: &mut SqliteConnection,
    rfc: &Rfc,
    step: &str,
    actor: Option<u64>,
    details: &serde_json::Value,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    let kind = match rfc.kind {
        Kind::Rfc => DecisionKind::Rfc,
        Kind::Amendment => DecisionKind::Amendment,
    };
    let mut details = details.clone();
    if let Some(map) = details.as_object_mut() {
        map.insert("number".into(), json!(rfc.number));
        map.insert("author".into(), json!(rfc.author_id.to_string()));
    }
    let entry = Entry {
        kind,
        subject_ref: subject_ref(rfc),
        title: rfc.title.clone(),
        outcome: step.to_owned(),
        link: Some(rfc.link.clone()),
        details,
        private: false,
        decided_by: actor,
    };
    record(conn, rfc.guild_id, &entry, now).await
}
