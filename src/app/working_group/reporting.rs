//! Reports and the group's calendar: the chair files a report; the jobs remind the chair when
//! one is due, tell the TSC when it is overdue, and warn before and when the charter ends.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::view::{active, in_guild};
use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::app::{Actor, App, AppResult};
use crate::governance::permissions::{Action, Facts};
use crate::governance::working_group::{self as rules, Status};
use crate::store::working_group::{self as repo, Group};
use crate::store::{from_millis, guild, roster, to_millis, working_group_members as members};

impl App {
    /// The chair files a report: recorded, posted where the TSC reads it, and the next one
    /// falls due a cadence later.
    pub async fn submit_report(&self, actor: &Actor, wg_id: i64, body: &str) -> AppResult<Group> {
        let body = rules::validate_report(body)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let mut group = in_guild(&mut tx, actor.guild_id, wg_id).await?;
        active(&group)?;
        let facts = Facts {
            chair: group.chair_id == actor.user_id,
            ..Facts::default()
        };
        actor.require(Action::FileReport, facts)?;
        let report_id =
            members::insert_report(&mut tx, group.id, actor.user_id, &body, now).await?;
        // A report is activity for succession planning.
        roster::touch(&mut tx, actor.guild_id, actor.user_id, now).await?;
        // The answer tells the chair the new due date, not the one this report covered.
        group.next_report_due = Some(schedule_next_report(&mut tx, &group, now, now).await?);
        outbox::queue(
            &mut tx,
            group.guild_id,
            &Notice::WgReportPosted { report_id },
            now,
        )
        .await?;
        tx.commit().await?;
        self.wake();
        Ok(group)
    }
}

/// The next report falls due a cadence after `since`; its reminder job is scheduled. Returns
/// the due date.
pub(crate) async fn schedule_next_report(
    conn: &mut SqliteConnection,
    group: &Group,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<DateTime<Utc>> {
    let due = rules::next_report_due(since, group.report_every_days);
    repo::set_next_report_due(conn, group.id, due).await?;
    let job = Job::WgReportDue {
        wg_id: group.id,
        due_ms: to_millis(due),
    };
    schedule::schedule(conn, &job, due, now).await?;
    Ok(due)
}

/// The group if it is active and still waiting for the report due at `due_ms` (a report since
/// moved the due date on, and the job is stale).
async fn awaiting_report(
    conn: &mut SqliteConnection,
    wg_id: i64,
    due_ms: i64,
) -> sqlx::Result<Option<Group>> {
    Ok(repo::get(conn, wg_id)
        .await?
        .filter(|g| g.status == Status::Active && g.next_report_due.map(to_millis) == Some(due_ms)))
}

/// A report was due at `due_ms`: remind the chair, and look again after the grace period.
pub(crate) async fn report_due(
    conn: &mut SqliteConnection,
    wg_id: i64,
    due_ms: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(g) = awaiting_report(conn, wg_id, due_ms).await? else {
        return Ok(());
    };
    let policy = guild::get(conn, g.guild_id)
        .await?
        .map(|c| c.policy)
        .unwrap_or_default();
    outbox::queue(
        conn,
        g.guild_id,
        &Notice::WgReportReminder { wg_id, due_ms },
        now,
    )
    .await?;
    let flag_at = rules::overdue_flag_at(from_millis(due_ms), policy.wg_report_grace_days);
    let job = Job::WgReportOverdue { wg_id, due_ms };
    schedule::schedule(conn, &job, flag_at, now).await?;
    Ok(())
}

/// The grace period after a due date passed: if still no report, tell the TSC, and start the
/// next reporting period.
pub(crate) async fn report_overdue(
    conn: &mut SqliteConnection,
    wg_id: i64,
    due_ms: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(g) = awaiting_report(conn, wg_id, due_ms).await? else {
        return Ok(());
    };
    outbox::queue(
        conn,
        g.guild_id,
        &Notice::WgReportOverdue { wg_id, due_ms },
        now,
    )
    .await?;
    schedule_next_report(conn, &g, from_millis(due_ms), now).await?;
    Ok(())
}

/// Before the charter ends (`reached` false) or when it ends (`reached` true): tell the chair
/// and the TSC; at the end, the TSC gets a button to open the closing ballot.
pub(crate) async fn charter_end(
    conn: &mut SqliteConnection,
    wg_id: i64,
    reached: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(g) = repo::get(conn, wg_id)
        .await?
        .filter(|g| g.status == Status::Active)
    else {
        return Ok(());
    };
    let notices = if reached {
        vec![Notice::WgEndReached { wg_id }]
    } else {
        [false, true]
            .into_iter()
            .map(|to_tsc| Notice::WgEndingSoon { wg_id, to_tsc })
            .collect()
    };
    for notice in notices {
        outbox::queue(conn, g.guild_id, &notice, now).await?;
    }
    Ok(())
}
