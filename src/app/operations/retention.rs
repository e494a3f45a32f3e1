//! Retention: once a day, what each server's `retention_days` no longer keeps is pruned:
//! delivered notices, finished jobs and the vote history of closed ballots. Never what is
//! pending, nor anything a ballot still open needs; the current votes, a secret ballot's sealed
//! totals and the decision log are the record and stay.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use sqlx::SqliteConnection;

use crate::app::schedule::{Job, schedule};
use crate::app::{App, AppResult};
use crate::governance::policy::Policy;
use crate::store::queue::JOBS;
use crate::store::{ballot_votes, jobs, operations, outbox};

/// The pass runs at this time of day (UTC), after the backup.
const AT: NaiveTime = NaiveTime::from_hms_opt(4, 0, 0).expect("a valid time");

fn due(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(AT).and_utc()
}

/// What one pass removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    pub notices: u64,
    pub jobs: u64,
    pub vote_events: u64,
}

impl App {
    /// Plans the daily pass (at start-up): the next 04:00 UTC, unless that day's pass is
    /// already planned or ran (keyed by day, so a restart never adds a second chain).
    pub async fn plan_retention(&self) -> AppResult<()> {
        let now = self.now();
        let today = now.date_naive();
        let day = if due(today) > now {
            today
        } else {
            today + Duration::days(1)
        };
        let mut tx = self.write_tx().await?;
        plan(&mut tx, day, now).await?;
        tx.commit().await?;
        self.jobs_wakeup().wake();
        Ok(())
    }
}

/// Schedules the pass of `day` once: never again once it ran.
async fn plan(conn: &mut SqliteConnection, day: NaiveDate, now: DateTime<Utc>) -> sqlx::Result<()> {
    let job = Job::Retention { day };
    if !JOBS.key_exists(conn, &job.dedupe_key()).await? {
        schedule(conn, &job, due(day).max(now), now).await?;
    }
    Ok(())
}

/// The job: every server pruned by its own policy, the bot's own jobs by the longest any
/// server keeps, and tomorrow's pass planned.
pub async fn daily(
    conn: &mut SqliteConnection,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let pruned = prune(conn, now).await?;
    tracing::info!(
        notices = pruned.notices,
        jobs = pruned.jobs,
        vote_events = pruned.vote_events,
        "retention pass"
    );
    plan(conn, day + Duration::days(1), now).await?;
    Ok(())
}

/// Prunes what is older than each server's `retention_days` at `now`.
pub async fn prune(conn: &mut SqliteConnection, now: DateTime<Utc>) -> sqlx::Result<Pruned> {
    let cutoff = |days: u32| now - Duration::days(i64::from(days));
    let mut pruned = Pruned::default();
    let policies = operations::guild_policies(conn).await?;
    for (guild_id, policy) in &policies {
        let before = cutoff(policy.retention_days);
        pruned.notices += outbox::prune_delivered(conn, *guild_id, before).await?;
        pruned.jobs += jobs::prune_done(conn, Some(*guild_id), before).await?;
        pruned.vote_events += ballot_votes::prune_history(conn, *guild_id, before).await?;
    }
    let longest = policies
        .iter()
        .map(|(_, p)| p.retention_days)
        .max()
        .unwrap_or(Policy::default().retention_days);
    pruned.jobs += jobs::prune_done(conn, None, cutoff(longest)).await?;
    Ok(pruned)
}
