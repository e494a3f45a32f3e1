//! What happens to a working group without anyone typing: the effects of the TSC's decisions,
//! reporting and end-of-charter reminders, and the record of its Discord objects as the
//! publisher creates them.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::outbox::{self, Notice};
use super::working_groups::{GroupView, queue_role, report_due_job};
use super::{App, AppResult};
use crate::governance::ballot::Outcome;
use crate::governance::working_group::{self as rules, Status};
use crate::scheduler::{self, Job};
use crate::store::guilds;
use crate::store::working_groups::{self as repo, Group};
use crate::store::{from_millis, to_millis};

async fn group(conn: &mut SqliteConnection, wg_id: i64) -> AppResult<Option<Group>> {
    Ok(repo::get(conn, wg_id).await?)
}

/// The TSC decided on a charter: an approved group becomes active, gets its Discord objects,
/// its reporting schedule and its end-of-charter reminders; anything else rejects it.
pub(super) async fn charter_decided(
    conn: &mut SqliteConnection,
    wg_id: i64,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(g) = group(conn, wg_id).await? else {
        return Ok(());
    };
    repo::set_ballot(conn, wg_id, None).await?;
    if outcome != Outcome::Approved {
        repo::set_status(conn, wg_id, Status::Rejected, now).await?;
        return Ok(());
    }
    repo::set_status(conn, wg_id, Status::Active, now).await?;
    let due = rules::next_report_due(now, g.report_every_days);
    repo::set_next_report_due(conn, wg_id, due).await?;
    scheduler::schedule(conn, &report_due_job(wg_id, due), due, now).await?;
    if let Some(ends_at) = g.ends_at {
        let policy = guilds::get(conn, g.guild_id)
            .await?
            .map(|c| c.policy)
            .unwrap_or_default();
        if let Some(at) = rules::end_reminder_at(ends_at, policy.wg_end_reminder_days, now) {
            scheduler::schedule(conn, &Job::WgEndReminder { wg_id }, at, now).await?;
        }
        scheduler::schedule(conn, &Job::WgEndReached { wg_id }, ends_at, now).await?;
    }
    outbox::enqueue(
        conn,
        g.guild_id,
        &format!("wg:{wg_id}:provision"),
        &Notice::WgProvision { wg_id },
        now,
    )
    .await?;
    Ok(())
}

/// The TSC decided on a new chair.
pub(super) async fn chair_decided(
    conn: &mut SqliteConnection,
    wg_id: i64,
    chair_id: u64,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(g) = group(conn, wg_id).await? else {
        return Ok(());
    };
    repo::set_ballot(conn, wg_id, None).await?;
    if outcome == Outcome::Approved && g.status == Status::Active {
        repo::set_chair(conn, wg_id, chair_id).await?;
        if crate::store::wg_members::add_member(conn, wg_id, chair_id, now).await? {
            queue_role(conn, &g, chair_id, true, now).await?;
        }
    }
    Ok(())
}

/// The TSC decided to close the group: its channel is archived and its role taken back.
pub(super) async fn close_decided(
    conn: &mut SqliteConnection,
    wg_id: i64,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(g) = group(conn, wg_id).await? else {
        return Ok(());
    };
    repo::set_ballot(conn, wg_id, None).await?;
    if outcome == Outcome::Approved && g.status == Status::Active {
        repo::set_status(conn, wg_id, Status::Closed, now).await?;
        outbox::enqueue(
            conn,
            g.guild_id,
            &format!("wg:{wg_id}:archive"),
            &Notice::WgArchive { wg_id },
            now,
        )
        .await?;
    }
    Ok(())
}

/// After a notice was delivered, in the transaction that records it.
pub(super) async fn delivered(
    conn: &mut SqliteConnection,
    notice: &Notice,
    now: DateTime<Utc>,
) -> AppResult<()> {
    match notice {
        Notice::WgProvision { wg_id } => {
            if repo::mark_provisioned(conn, *wg_id, now).await?
                && let Some(g) = group(conn, *wg_id).await?
            {
                outbox::enqueue(
                    conn,
                    g.guild_id,
                    &format!("wg:{wg_id}:announce"),
                    &Notice::WgAnnounced { wg_id: *wg_id },
                    now,
                )
                .await?;
            }
        }
        Notice::WgArchive { wg_id } => {
            if let Some(g) = group(conn, *wg_id).await? {
                let notice = Notice::WgClosedAnnounced { wg_id: *wg_id };
                outbox::enqueue(
                    conn,
                    g.guild_id,
                    &format!("wg:{wg_id}:closed"),
                    &notice,
                    now,
                )
                .await?;
            }
        }
        _ => {}
    }
    Ok(())
}

impl App {
    /// A report was due at `due_ms`: remind the chair, unless a report came since (the due
    /// date then moved on), and look again after the grace period.
    pub(super) async fn wg_report_due(&self, wg_id: i64, due_ms: i64) -> AppResult<()> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let Some(g) = group(&mut tx, wg_id).await? else {
            return Ok(());
        };
        if g.status != Status::Active || g.next_report_due.map(to_millis) != Some(due_ms) {
            return Ok(());
        }
        let policy = guilds::get(&mut tx, g.guild_id)
            .await?
            .map(|c| c.policy)
            .unwrap_or_default();
        let notice = Notice::WgReportReminder { wg_id };
        outbox::enqueue_once(
            &mut tx,
            g.guild_id,
            &format!("wg:{wg_id}:report-reminder:{due_ms}"),
            &notice,
            now,
        )
        .await?;
        let flag_at = rules::overdue_flag_at(from_millis(due_ms), policy.wg_report_grace_days);
        scheduler::schedule(
            &mut tx,
            &Job::WgReportOverdue { wg_id, due_ms },
            flag_at,
            now,
        )
        .await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(())
    }

    /// The grace period after a due date passed: if still no report, tell the TSC, and start
    /// the next reporting period.
    pub(super) async fn wg_report_overdue(&self, wg_id: i64, due_ms: i64) -> AppResult<()> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let Some(g) = group(&mut tx, wg_id).await? else {
            return Ok(());
        };
        if g.status != Status::Active || g.next_report_due.map(to_millis) != Some(due_ms) {
            return Ok(());
        }
        let notice = Notice::WgReportOverdue { wg_id, due_ms };
        outbox::enqueue_once(
            &mut tx,
            g.guild_id,
            &format!("wg:{wg_id}:report-overdue:{due_ms}"),
            &notice,
            now,
        )
        .await?;
        let next = rules::next_report_due(from_millis(due_ms), g.report_every_days);
        repo::set_next_report_due(&mut tx, wg_id, next).await?;
        scheduler::schedule(&mut tx, &report_due_job(wg_id, next), next, now).await?;
        tx.commit().await?;
        self.wake();
        Ok(())
    }

    /// Before the charter ends (`reached` false) or when it ends (`reached` true): tell the
    /// chair and the TSC; at the end, the TSC gets a button to open the closing ballot.
    pub(super) async fn wg_end(&self, wg_id: i64, reached: bool) -> AppResult<()> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let Some(g) = group(&mut tx, wg_id).await? else {
            return Ok(());
        };
        if g.status != Status::Active {
            return Ok(());
        }
        let notices = if reached {
            vec![(
                Notice::WgEndReached { wg_id },
                format!("wg:{wg_id}:end-reached"),
            )]
        } else {
            [false, true]
                .into_iter()
                .map(|to_tsc| {
                    (
                        Notice::WgEndingSoon { wg_id, to_tsc },
                        format!("wg:{wg_id}:ending-soon:{to_tsc}"),
                    )
                })
                .collect()
        };
        for (notice, key) in notices {
            outbox::enqueue_once(&mut tx, g.guild_id, &key, &notice, now).await?;
        }
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(())
    }

    /// A group with its members, for the publisher.
    pub async fn group_by_id(&self, wg_id: i64) -> AppResult<GroupView> {
        let mut conn = self.db().acquire().await?;
        let group = repo::get(&mut conn, wg_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("working group {wg_id} vanished"))?;
        let members = crate::store::wg_members::members(&mut conn, wg_id).await?;
        let (reports, _) = crate::store::wg_members::report_stats(&mut conn, wg_id).await?;
        Ok(GroupView {
            group,
            members,
            reports,
        })
    }

    /// Every member who ever joined, for taking the role back when the group closes.
    pub async fn group_members(&self, wg_id: i64) -> AppResult<Vec<u64>> {
        let mut conn = self.db().acquire().await?;
        Ok(crate::store::wg_members::members(&mut conn, wg_id).await?)
    }

    /// Records a Discord object the publisher created, so that a retry never creates it again.
    pub async fn record_wg_object(&self, wg_id: i64, object: WgObject) -> AppResult<()> {
        let mut conn = self.db().acquire().await?;
        match object {
            WgObject::Role(id) => repo::set_role(&mut conn, wg_id, id).await?,
            WgObject::Channel(id) => repo::set_channel(&mut conn, wg_id, id).await?,
            WgObject::CharterMessage(id) => repo::set_charter_message(&mut conn, wg_id, id).await?,
        }
        Ok(())
    }

    /// A report, for the publisher.
    pub async fn report_by_id(
        &self,
        report_id: i64,
    ) -> AppResult<(Group, crate::store::wg_members::Report)> {
        let mut conn = self.db().acquire().await?;
        let report = crate::store::wg_members::get_report(&mut conn, report_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("report {report_id} vanished"))?;
        let group = repo::get(&mut conn, report.wg_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("working group {} vanished", report.wg_id))?;
        Ok((group, report))
    }

    /// A join request with its group, for the publisher.
    pub async fn join_request(
        &self,
        request_id: i64,
    ) -> AppResult<(Group, crate::store::wg_members::JoinRequest)> {
        let mut conn = self.db().acquire().await?;
        let request = crate::store::wg_members::get_request(&mut conn, request_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("join request {request_id} vanished"))?;
        let group = repo::get(&mut conn, request.wg_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("working group {} vanished", request.wg_id))?;
        Ok((group, request))
    }
}

/// A Discord object made for a working group.
#[derive(Debug, Clone, Copy)]
pub enum WgObject {
    Role(u64),
    Channel(u64),
    CharterMessage(u64),
}
