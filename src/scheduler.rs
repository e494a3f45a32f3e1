//! Durable jobs: the one registry of job kinds, their storage, retry with backoff, and the loop
//! that sleeps until the next job is due or until woken.

use std::future::Future;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use tokio::sync::{Notify, watch};

use crate::clock::Clock;
use crate::store;

/// Every kind of job the bot runs. The payload is stored as JSON; add variants, never rename.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Job {
    /// Decide and announce a ballot at its deadline.
    CloseBallot { ballot_id: i64 },
    /// Remind the electorate members who have not voted yet.
    RemindBallot { ballot_id: i64 },
    /// A working group's report falls due (`due_ms`, so a stale job recognises itself).
    WgReportDue { wg_id: i64, due_ms: i64 },
    /// The grace period after a report's due date is over.
    WgReportOverdue { wg_id: i64, due_ms: i64 },
    /// A working group's charter ends soon.
    WgEndReminder { wg_id: i64 },
    /// A working group's charter ended.
    WgEndReached { wg_id: i64 },
    /// The daily succession pass of a guild: contact, review, prompt for nominations. Keyed by
    /// day, so that the pass can schedule tomorrow's while its own row is still pending.
    SuccessionSweep {
        guild_id: u64,
        day: chrono::NaiveDate,
    },
    /// The yearly review summary posted to the TSC.
    AnnualReview { guild_id: u64, year: i32 },
}

impl Job {
    /// One pending job per key: scheduling the same job twice is a no-op.
    pub fn dedupe_key(&self) -> String {
        match self {
            Self::CloseBallot { ballot_id } => format!("ballot:{ballot_id}:close"),
            Self::RemindBallot { ballot_id } => format!("ballot:{ballot_id}:remind"),
            Self::WgReportDue { wg_id, due_ms } => format!("wg:{wg_id}:report-due:{due_ms}"),
            Self::WgReportOverdue { wg_id, due_ms } => {
                format!("wg:{wg_id}:report-overdue:{due_ms}")
            }
            Self::WgEndReminder { wg_id } => format!("wg:{wg_id}:end-reminder"),
            Self::WgEndReached { wg_id } => format!("wg:{wg_id}:end-reached"),
            Self::SuccessionSweep { guild_id, day } => format!("succession:{guild_id}:{day}"),
            Self::AnnualReview { guild_id, year } => format!("annual-review:{guild_id}:{year}"),
        }
    }
}

/// Adds a job (inside the caller's transaction); returns false if it was already pending.
pub async fn schedule(
    conn: &mut SqliteConnection,
    job: &Job,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let payload = serde_json::to_string(job).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    store::jobs::insert(conn, &job.dedupe_key(), &payload, due_at, now).await
}

/// A job taken from the table, with its payload decoded.
#[derive(Debug)]
pub struct DueJob {
    pub id: i64,
    pub attempts: i64,
    /// `Err` holds the raw payload of a job this version does not understand.
    pub job: Result<Job, String>,
}

pub async fn due(
    conn: &mut SqliteConnection,
    now: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<DueJob>> {
    Ok(store::jobs::due(conn, now, limit)
        .await?
        .into_iter()
        .map(|row| DueJob {
            id: row.id,
            attempts: row.attempts,
            job: serde_json::from_str(&row.payload).map_err(|_| row.payload),
        })
        .collect())
}

/// Exponential backoff after `attempts` failures: 5 s, 10 s, 20 s, … capped at one hour.
pub fn backoff(attempts: i64) -> Duration {
    let exp = attempts.clamp(0, 10) as u32;
    Duration::seconds(5 * 2_i64.pow(exp)).min(Duration::hours(1))
}

/// Wakes a loop early: after something was scheduled, or after a test moved the clock.
#[derive(Debug, Clone, Default)]
pub struct Wakeup(Arc<Notify>);

impl Wakeup {
    pub fn wake(&self) {
        // notify_one keeps a permit when the loop is busy, so no wake-up is lost.
        self.0.notify_one();
    }

    async fn woken(&self) {
        self.0.notified().await
    }
}

/// The longest a loop sleeps without looking again, whatever it was told.
const MAX_SLEEP: std::time::Duration = std::time::Duration::from_secs(60);

/// Runs `tick` (which does the due work and returns when the next work falls due) until
/// `shutdown` turns true. Between ticks it sleeps until that time, a wake-up, or shutdown.
pub async fn run_loop<F, Fut>(
    clock: Arc<dyn Clock>,
    wakeup: Wakeup,
    mut shutdown: watch::Receiver<bool>,
    mut tick: F,
) where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<DateTime<Utc>>>,
{
    while !*shutdown.borrow() {
        let next = tick().await;
        let pause = next
            .map(|at| (at - clock.now()).to_std().unwrap_or_default())
            .unwrap_or(MAX_SLEEP)
            .min(MAX_SLEEP);
        tokio::select! {
            _ = tokio::time::sleep(pause) => {}
            _ = wakeup.woken() => {}
            _ = shutdown.changed() => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_then_caps() {
        assert_eq!(backoff(0), Duration::seconds(5));
        assert_eq!(backoff(1), Duration::seconds(10));
        assert_eq!(backoff(3), Duration::seconds(40));
        assert_eq!(backoff(40), Duration::hours(1));
    }

    #[test]
    fn job_payloads_are_stable() {
        let job = Job::CloseBallot { ballot_id: 7 };
        let json = serde_json::to_string(&job).unwrap();
        assert_eq!(json, r#"{"kind":"close_ballot","ballot_id":7}"#);
        assert_eq!(serde_json::from_str::<Job>(&json).unwrap(), job);
        assert_ne!(
            job.dedupe_key(),
            Job::RemindBallot { ballot_id: 7 }.dedupe_key()
        );
    }
}
