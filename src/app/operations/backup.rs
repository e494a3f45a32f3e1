//! The daily automatic backup (`STEWARD_BACKUP_DIR`): one `steward-YYYY-MM-DD.db` a day in the
//! directory, the oldest removed once older than `backup_keep_days` (the longest any server's
//! policy asks, so that no server's wish is cut short). The job carries the directory; the
//! start-up replaces the plan, so a changed or unset directory takes effect at once.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use sqlx::SqliteConnection;

use crate::app::schedule::{Job, schedule};
use crate::app::{App, AppResult};
use crate::governance::policy::Policy;
use crate::store::{backup, operations};

/// Backups run at this time of day (UTC), when servers are quietest in most of the world.
const AT: NaiveTime = NaiveTime::from_hms_opt(3, 0, 0).expect("a valid time");

/// Every backup job's key starts so.
const KEY_PREFIX: &str = "backup:";

/// The file name of a day's backup.
pub fn file_name(day: NaiveDate) -> String {
    format!("steward-{day}.db")
}

fn day_of(name: &str) -> Option<NaiveDate> {
    let day = name.strip_prefix("steward-")?.strip_suffix(".db")?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// When the backup of `day` runs.
fn due(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(AT).and_utc()
}

impl App {
    /// Replaces the plan of daily backups: into `dir` from the next 03:00 UTC, or none.
    pub async fn plan_daily_backup(&self, dir: Option<PathBuf>) -> AppResult<()> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        operations::cancel_pending_jobs(&mut tx, KEY_PREFIX).await?;
        if let Some(dir) = dir {
            let today = now.date_naive();
            let day = if due(today) > now {
                today
            } else {
                today + Duration::days(1)
            };
            let job = Job::DailyBackup {
                day,
                dir: dir.display().to_string(),
            };
            schedule(&mut tx, &job, due(day), now).await?;
        }
        tx.commit().await?;
        self.jobs_wakeup().wake();
        Ok(())
    }
}

/// The job: today's copy, the expired ones removed, tomorrow's planned. A failure is retried
/// by the job queue (and seen in `/govern status`).
pub async fn daily(
    conn: &mut SqliteConnection,
    day: NaiveDate,
    dir: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let dir = Path::new(dir);
    let db = operations::main_file(conn)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the database is not a file"))?;
    std::fs::create_dir_all(dir).map_err(anyhow::Error::from)?;
    let dest = dir.join(file_name(day));
    // A copy that exists was taken by an earlier attempt that failed later on.
    if !dest.exists() {
        backup::copy_to(&db, &dest)
            .await
            .map_err(anyhow::Error::from)?;
    }
    let keep = operations::policies(conn)
        .await?
        .iter()
        .map(|p| p.backup_keep_days)
        .max()
        .unwrap_or(Policy::default().backup_keep_days);
    let removed = prune(dir, day, keep).map_err(anyhow::Error::from)?;
    tracing::info!(file = %dest.display(), removed, "daily backup written");
    let next = day + Duration::days(1);
    let job = Job::DailyBackup {
        day: next,
        dir: dir.display().to_string(),
    };
    schedule(conn, &job, due(next).max(now), now).await?;
    Ok(())
}

/// Removes the backups of days more than `keep_days` before `today`; returns how many.
pub fn prune(dir: &Path, today: NaiveDate, keep_days: u32) -> std::io::Result<usize> {
    let oldest = today - Duration::days(i64::from(keep_days));
    let mut removed = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if let Some(day) = name.to_str().and_then(day_of)
            && day < oldest
        {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_expired_backups_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 5, d).unwrap();
        for d in [1, 5, 6, 10] {
            std::fs::write(dir.path().join(file_name(day(d))), b"x").unwrap();
        }
        std::fs::write(dir.path().join("notes.txt"), b"x").unwrap();
        assert_eq!(prune(dir.path(), day(10), 4).unwrap(), 2);
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "notes.txt",
                "steward-2026-05-06.db",
                "steward-2026-05-10.db"
            ]
        );
    }
}
