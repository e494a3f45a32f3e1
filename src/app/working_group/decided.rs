//! What the TSC's decisions about a group do, in the transaction that closes the ballot.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::membership::queue_role;
use super::reporting::schedule_next_report;
use serde_json::json;

use crate::app::AppResult;
use crate::app::decision_log::record::{Entry, record};
use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::governance::decision::DecisionKind;
use crate::governance::working_group::{self as rules, Status};
use crate::store::working_group::{self as repo, Group};
use crate::store::{guild, working_group_members as members};

/// A charter decided: an approved group becomes active, gets its Discord objects, its
/// reporting schedule and its end-of-charter reminders; anything else rejects it.
pub(crate) async fn charter(
    conn: &mut SqliteConnection,
    wg_id: i64,
    approved: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(g) = repo::get(conn, wg_id).await? else {
        return Ok(());
    };
    repo::set_ballot(conn, wg_id, None).await?;
    if !approved {
        repo::set_status(conn, wg_id, Status::Rejected, now).await?;
        return Ok(());
    }
    repo::set_status(conn, wg_id, Status::Active, now).await?;
    schedule_next_report(conn, &g, now, now).await?;
    if let Some(ends_at) = g.ends_at {
        let policy = guild::get(conn, g.guild_id)
            .await?
            .map(|c| c.policy)
            .unwrap_or_default();
        if let Some(at) = rules::end_reminder_at(ends_at, policy.wg_end_reminder_days, now) {
            schedule::schedule(conn, &Job::WgEndReminder { wg_id }, at, now).await?;
        }
        schedule::schedule(conn, &Job::WgEndReached { wg_id }, ends_at, now).await?;
    }
    outbox::queue(conn, g.guild_id, &Notice::WgProvision { wg_id }, now).await?;
    record_group(conn, &g, "created", now).await?;
    Ok(())
}

/// A new chair decided.
pub(crate) async fn chair(
    conn: &mut SqliteConnection,
    wg_id: i64,
    chair_id: u64,
    approved: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(g) = repo::get(conn, wg_id).await? else {
        return Ok(());
    };
    repo::set_ballot(conn, wg_id, None).await?;
    if approved && g.status == Status::Active {
        repo::set_chair(conn, wg_id, chair_id).await?;
        if members::add_member(conn, wg_id, chair_id, now).await? {
            queue_role(conn, &g, chair_id, true, now).await?;
        }
    }
    Ok(())
}

/// Closing decided: the channel is archived and the role taken back.
pub(crate) async fn close(
    conn: &mut SqliteConnection,
    wg_id: i64,
    approved: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(g) = repo::get(conn, wg_id).await? else {
        return Ok(());
    };
    repo::set_ballot(conn, wg_id, None).await?;
    if approved && g.status == Status::Active {
        repo::set_status(conn, wg_id, Status::Closed, now).await?;
        outbox::queue(conn, g.guild_id, &Notice::WgArchive { wg_id }, now).await?;
        record_group(conn, &g, "closed", now).await?;
    }
    Ok(())
}

/// A group created or closed, in the decision log.
async fn record_group(
    conn: &mut SqliteConnection,
    group: &Group,
    outcome: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    let entry = Entry {
        kind: DecisionKind::WorkingGroup,
        subject_ref: format!("wg:{}", group.id),
        title: group.name.clone(),
        outcome: outcome.into(),
        link: None,
        details: json!({ "focus": group.focus, "chair": group.chair_id.to_string() }),
        private: false,
        decided_by: None,
    };
    record(conn, group.guild_id, &entry, now).await
}
