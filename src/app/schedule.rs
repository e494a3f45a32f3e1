//! The one registry of job kinds: every deadline, reminder and periodic pass the bot keeps, as
//! a typed payload stored in the job table. `jobs.rs` maps each kind to the feature that runs
//! it. Add variants (in the feature's section), never rename: payloads outlive versions.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::store;
use crate::store::jobs::Owner;

/// Every kind of job the bot runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Job {
    // Ballots.
    /// Decide and announce a ballot at its deadline.
    CloseBallot { ballot_id: i64 },
    /// Remind the electorate members who have not voted yet.
    RemindBallot { ballot_id: i64 },

    // Working groups.
    /// A working group's report falls due (`due_ms`, so a stale job recognises itself).
    WgReportDue { wg_id: i64, due_ms: i64 },
    /// The grace period after a report's due date is over.
    WgReportOverdue { wg_id: i64, due_ms: i64 },
    /// A working group's charter ends soon.
    WgEndReminder { wg_id: i64 },
    /// A working group's charter ended.
    WgEndReached { wg_id: i64 },

    // Succession.
    /// The daily succession pass of a guild: contact, review, prompt for nominations. Keyed by
    /// day, so that the pass can schedule tomorrow's while its own row is still pending.
    SuccessionSweep { guild_id: u64, day: NaiveDate },

    // GitHub activity.
    /// The daily read of linked members' public GitHub activity in the project's repositories.
    GithubPoll { guild_id: u64, day: NaiveDate },
    /// The same day's read, resumed at `at_ms` (after a rate limit's reset, or for a member
    /// just linked): reads only the members not read that day.
    GithubPollResume {
        guild_id: u64,
        day: NaiveDate,
        at_ms: i64,
    },

    // Annual review.
    /// The yearly review summary posted to the TSC.
    AnnualReview { guild_id: u64, year: i32 },
    // RFCs and amendments.
    /// A proposal's discussion period ends: the thread and the TSC are told it is ready.
    RfcDiscussionEnds { rfc_id: i64 },
    // Nominations.
    /// The nominee's time to confirm their interest is over.
    NominationExpiry { nomination_id: i64 },
    // Releases and dependencies.
    /// A release's feedback window ends (`ends_ms`, so a window a later candidate restarted
    /// recognises the old job as stale).
    ReleaseFeedbackEnds { release_id: i64, ends_ms: i64 },
    /// A release step entered at `since_ms` may have waited too long: remind the proposer.
    ReleaseStale { release_id: i64, since_ms: i64 },
    // Cases, the annual review's publication, dissolution.
    /// `security_ack_hours` after a security report: remind the team if nobody acknowledged.
    SecurityAckDue { case_id: i64 },
    /// Some days after a case closed: its member text is erased.
    CaseErase { case_id: i64 },
    /// One of a decided dissolution's notices to the community (monthly, a week before).
    DissolutionNotice { dissolution_id: i64, at_ms: i64 },

    // Operations.
    /// The daily automatic backup of the database into `dir` (`STEWARD_BACKUP_DIR`).
    DailyBackup { day: NaiveDate, dir: String },
    // Faults (issue 10): housekeeping.
    /// The daily pruning of what each server's `retention_days` no longer keeps.
    Retention { day: NaiveDate },
    /// Erased content (a secret ballot's unlinked choices, a case's or a nomination's text)
    /// leaves the WAL file, which still holds its old pages: scheduled by the transaction that
    /// erases, so that it runs once the erasure is committed, even after a crash.
    TruncateWal,
}

/// Whose a job is: a server's, named in the job or owning the row the job is about, or the
/// bot's own. The job loop skips a server's jobs while the bot is removed from it.
enum Belongs {
    Guild(u64),
    Row(Owner, i64),
    Bot,
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
            // GitHub activity.
            Self::GithubPoll { guild_id, day } => format!("github:{guild_id}:{day}"),
            Self::GithubPollResume {
                guild_id,
                day,
                at_ms,
            } => format!("github:{guild_id}:{day}:resume:{at_ms}"),
            Self::AnnualReview { guild_id, year } => format!("annual-review:{guild_id}:{year}"),
            // RFCs and amendments.
            Self::RfcDiscussionEnds { rfc_id } => format!("rfc:{rfc_id}:discussion-ends"),
            // Nominations.
            Self::NominationExpiry { nomination_id } => {
                format!("nomination:{nomination_id}:expiry")
            }
            // Releases and dependencies.
            Self::ReleaseFeedbackEnds {
                release_id,
                ends_ms,
            } => format!("release:{release_id}:feedback-ends:{ends_ms}"),
            Self::ReleaseStale {
                release_id,
                since_ms,
            } => format!("release:{release_id}:stale:{since_ms}"),
            // Cases, the annual review's publication, dissolution.
            Self::SecurityAckDue { case_id } => format!("case:{case_id}:ack-due"),
            Self::CaseErase { case_id } => format!("case:{case_id}:erase"),
            Self::DissolutionNotice {
                dissolution_id,
                at_ms,
            } => format!("dissolution:{dissolution_id}:notice:{at_ms}"),
            // Operations.
            Self::DailyBackup { day, .. } => format!("backup:{day}"),
            // Faults (issue 10): housekeeping.
            Self::Retention { day } => format!("retention:{day}"),
            Self::TruncateWal => "wal:truncate".to_owned(),
        }
    }

    fn belongs(&self) -> Belongs {
        use Belongs::{Bot, Guild, Row};
        match self {
            Self::CloseBallot { ballot_id } | Self::RemindBallot { ballot_id } => {
                Row(Owner::Ballot, *ballot_id)
            }
            Self::WgReportDue { wg_id, .. }
            | Self::WgReportOverdue { wg_id, .. }
            | Self::WgEndReminder { wg_id }
            | Self::WgEndReached { wg_id } => Row(Owner::WorkingGroup, *wg_id),
            Self::SuccessionSweep { guild_id, .. }
            | Self::GithubPoll { guild_id, .. }
            | Self::GithubPollResume { guild_id, .. }
            | Self::AnnualReview { guild_id, .. } => Guild(*guild_id),
            Self::RfcDiscussionEnds { rfc_id } => Row(Owner::Rfc, *rfc_id),
            Self::NominationExpiry { nomination_id } => Row(Owner::Nomination, *nomination_id),
            Self::ReleaseFeedbackEnds { release_id, .. }
            | Self::ReleaseStale { release_id, .. } => Row(Owner::Release, *release_id),
            Self::SecurityAckDue { case_id } | Self::CaseErase { case_id } => {
                Row(Owner::Case, *case_id)
            }
            Self::DissolutionNotice { dissolution_id, .. } => {
                Row(Owner::Dissolution, *dissolution_id)
            }
            Self::DailyBackup { .. } | Self::Retention { .. } | Self::TruncateWal => Bot,
        }
    }
}

/// After member content was erased in the caller's transaction: its old pages leave the WAL
/// file once the erasure is committed ([`Job::TruncateWal`]; one pending at a time, and it
/// truncates only after its own commit, so it covers every erasure committed before it).
pub async fn truncate_wal_after_erasure(
    conn: &mut SqliteConnection,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    schedule(conn, &Job::TruncateWal, now, now)
        .await
        .map(|_| ())
}

/// Adds a job inside the caller's transaction; returns false if it was already pending.
pub async fn schedule(
    conn: &mut SqliteConnection,
    job: &Job,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let payload = serde_json::to_string(job).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let guild_id = match job.belongs() {
        Belongs::Guild(id) => Some(id),
        Belongs::Row(owner, id) => store::jobs::owner_of(conn, owner, id).await?,
        Belongs::Bot => None,
    };
    store::jobs::insert(conn, guild_id, &job.dedupe_key(), &payload, due_at, now).await
}

#[cfg(test)]
mod tests {
    use super::*;

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
