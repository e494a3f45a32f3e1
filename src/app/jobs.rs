//! Runs due jobs: the one place that maps each job kind to the feature that runs it. A job's
//! effects and its done mark are one commit, so a crash never runs a finished job again and
//! never loses a half-run one.

use chrono::{DateTime, Duration, Utc};
use sqlx::SqliteConnection;

use super::schedule::Job;
use super::{
    App, AppResult, annual_review, ballot, case, decisions, dissolution, github, nomination,
    operations, release, rfc, succession, working_group,
};
use crate::store::queue::{JOBS, backoff};
use crate::store::{self};

const BATCH: i64 = 50;
/// A claimed job comes back by itself if this process dies before it ends.
const LEASE: Duration = Duration::minutes(5);

impl App {
    /// Runs every due job once; returns when the next pending job falls due.
    pub async fn run_due_jobs(&self) -> AppResult<Option<DateTime<Utc>>> {
        // Erased content still in the WAL (a truncation readers postponed) leaves it now.
        store::checkpoint_if_owed(self.database()).await;
        let next = {
            let mut conn = self.db().acquire().await?;
            JOBS.next_due(&mut conn).await?
        };
        if next.is_none_or(|at| at > self.now()) {
            return Ok(next);
        }
        let rows = {
            let mut tx = self.write_tx().await?;
            let ids = JOBS.claim_due(&mut tx, self.now(), LEASE, BATCH).await?;
            let rows = store::jobs::get_many(&mut tx, &ids).await?;
            tx.commit().await?;
            rows
        };
        for row in rows {
            let job = serde_json::from_str::<Job>(&row.payload);
            // What a job reads from outside is read before its transaction: a request to GitHub
            // never holds the writer.
            let found = match &job {
                Ok(job) => self.read_outside(job).await,
                Err(_) => Ok(None),
            };
            let now = self.now();
            let mut tx = self.write_tx().await?;
            let result = match (&job, found) {
                (Ok(job), Ok(found)) => run(&mut tx, job, found, now).await,
                (Ok(_), Err(e)) => Err(e),
                (Err(_), _) => Err(anyhow::anyhow!("unknown job payload: {}", row.payload).into()),
            };
            match result {
                Ok(()) => {
                    store::jobs::mark_done(&mut tx, row.id, now).await?;
                    tx.commit().await?;
                    // A closed ballot may have changed the policy (an amendment).
                    if matches!(job, Ok(Job::CloseBallot { .. })) {
                        self.config_cache().clear();
                    }
                    // Done before truncating: an erasure committed from here on schedules
                    // its own truncation.
                    if matches!(job, Ok(Job::TruncateWal)) {
                        store::checkpoint(self.database()).await;
                    }
                }
                Err(error) => {
                    // The job's writes are rolled back; only the failure is recorded.
                    drop(tx);
                    let wait = if job.is_ok() {
                        backoff(row.attempts)
                    } else {
                        Duration::days(1)
                    };
                    tracing::warn!(job_id = row.id, attempts = row.attempts + 1, error = %error, "job failed; will retry");
                    let mut tx = self.write_tx().await?;
                    JOBS.failed(&mut tx, row.id, &error.to_string(), now + wait)
                        .await?;
                    tx.commit().await?;
                }
            }
            self.wake();
        }
        let mut conn = self.db().acquire().await?;
        Ok(JOBS.next_due(&mut conn).await?)
    }
}

impl App {
    /// Reads what a job needs from outside the database (GitHub), before its transaction.
    async fn read_outside(&self, job: &Job) -> AppResult<Option<github::poll::Found>> {
        match job {
            // GitHub activity.
            Job::GithubPoll { guild_id, day } | Job::GithubPollResume { guild_id, day, .. } => {
                self.read_github(*guild_id, *day).await.map(Some)
            }
            _ => Ok(None),
        }
    }
}

/// Runs one job inside the transaction that will also mark it done; `found` is what
/// [`App::read_outside`] read for it.
async fn run(
    conn: &mut SqliteConnection,
    job: &Job,
    found: Option<github::poll::Found>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    match job {
        Job::CloseBallot { ballot_id } => decisions::close_at_deadline(conn, *ballot_id, now)
            .await
            .map(drop),
        Job::RemindBallot { ballot_id } => ballot::close::remind(conn, *ballot_id, now).await,
        Job::WgReportDue { wg_id, due_ms } => {
            working_group::reporting::report_due(conn, *wg_id, *due_ms, now).await
        }
        Job::WgReportOverdue { wg_id, due_ms } => {
            working_group::reporting::report_overdue(conn, *wg_id, *due_ms, now).await
        }
        Job::WgEndReminder { wg_id } => {
            working_group::reporting::charter_end(conn, *wg_id, false, now).await
        }
        Job::WgEndReached { wg_id } => {
            working_group::reporting::charter_end(conn, *wg_id, true, now).await
        }
        Job::SuccessionSweep { guild_id, .. } => succession::sweep::run(conn, *guild_id, now).await,
        // GitHub activity.
        Job::GithubPoll { guild_id, day } | Job::GithubPollResume { guild_id, day, .. } => {
            let daily = matches!(job, Job::GithubPoll { .. });
            match found {
                Some(found) => github::poll::apply(conn, *guild_id, *day, &found, daily, now).await,
                None => Ok(()),
            }
        }
        Job::AnnualReview { guild_id, year } => {
            annual_review::summary::post_yearly(conn, *guild_id, *year, now).await
        }
        // RFCs and amendments.
        Job::RfcDiscussionEnds { rfc_id } => {
            rfc::decided::discussion_ended(conn, *rfc_id, now).await
        }
        // Nominations.
        Job::NominationExpiry { nomination_id } => {
            nomination::consent::expire(conn, *nomination_id, now).await
        }
        // Releases and dependencies.
        Job::ReleaseFeedbackEnds {
            release_id,
            ends_ms,
        } => release::candidate::window_ended(conn, *release_id, *ends_ms, now).await,
        Job::ReleaseStale {
            release_id,
            since_ms,
        } => release::stale::remind(conn, *release_id, *since_ms, now).await,
        // Cases, the annual review's publication, dissolution.
        Job::SecurityAckDue { case_id } => case::security::ack_due(conn, *case_id, now).await,
        Job::CaseErase { case_id } => case::objects::erase(conn, *case_id, now).await,
        Job::DissolutionNotice {
            dissolution_id,
            at_ms,
        } => dissolution::decided::notice_due(conn, *dissolution_id, *at_ms, now).await,
        // Operations.
        Job::DailyBackup { day, dir } => operations::backup::daily(conn, *day, dir, now).await,
        // Faults (issue 10): housekeeping.
        Job::Retention { day } => operations::retention::daily(conn, *day, now).await,
        // Nothing to do inside a transaction: SQLite truncates outside one, after the commit.
        Job::TruncateWal => Ok(()),
    }
}
