//! Runs due jobs: the one place that maps each job kind to its use case.

use chrono::{DateTime, Duration, Utc};

use super::{App, AppResult};
use crate::scheduler::{self, Job, backoff};
use crate::store;

const BATCH: i64 = 50;

impl App {
    /// Runs every due job once; returns when the next pending job falls due.
    pub async fn run_due_jobs(&self) -> AppResult<Option<DateTime<Utc>>> {
        let due = {
            let mut conn = self.db().acquire().await?;
            scheduler::due(&mut conn, self.now(), BATCH).await?
        };
        for due_job in due {
            let result = match &due_job.job {
                Ok(job) => self.run_job(job).await,
                Err(raw) => Err(anyhow::anyhow!("unknown job payload: {raw}").into()),
            };
            let now = self.now();
            let mut conn = self.db().acquire().await?;
            match result {
                Ok(()) => store::jobs::mark_done(&mut conn, due_job.id, now).await?,
                Err(error) => {
                    let wait = if due_job.job.is_ok() {
                        backoff(due_job.attempts)
                    } else {
                        Duration::days(1)
                    };
                    tracing::warn!(job_id = due_job.id, attempts = due_job.attempts + 1, error = %error, "job failed; will retry");
                    store::jobs::mark_failed(&mut conn, due_job.id, &error.to_string(), now + wait)
                        .await?;
                }
            }
        }
        let mut conn = self.db().acquire().await?;
        Ok(store::jobs::next_due(&mut conn).await?)
    }

    async fn run_job(&self, job: &Job) -> AppResult<()> {
        match job {
            Job::CloseBallot { ballot_id } => self.close_ballot(*ballot_id).await.map(drop),
            Job::RemindBallot { ballot_id } => self.remind_ballot(*ballot_id).await.map(drop),
            Job::WgReportDue { wg_id, due_ms } => self.wg_report_due(*wg_id, *due_ms).await,
            Job::WgReportOverdue { wg_id, due_ms } => self.wg_report_overdue(*wg_id, *due_ms).await,
            Job::WgEndReminder { wg_id } => self.wg_end(*wg_id, false).await,
            Job::WgEndReached { wg_id } => self.wg_end(*wg_id, true).await,
            Job::SuccessionSweep { guild_id, .. } => self.succession_sweep(*guild_id).await,
            Job::AnnualReview { guild_id, year } => self.annual_review(*guild_id, *year).await,
        }
    }
}
