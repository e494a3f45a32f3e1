//! Online backups and restore. A backup is `VACUUM INTO` on a connection of its own: it reads
//! one snapshot (WAL readers never wait for the writer, nor block it), so the copy holds
//! exactly what was committed when it began, and it runs as well from `steward backup` in
//! another process as from the bot's daily job. Restoring replaces the file, which only a
//! stopped bot allows: the running bot holds an exclusive lock on `<database>.lock`.

use std::fs::File;
use std::path::{Path, PathBuf};

use sqlx::ConnectOptions;
use sqlx::sqlite::SqliteConnectOptions;

use super::schema;

/// Why a backup or a restore did not happen: one line for the operator each.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("DATABASE_URL does not name a database file")]
    NotAFile,
    #[error("{0} already exists; choose a new file name")]
    Exists(PathBuf),
    #[error("{0} does not exist")]
    Missing(PathBuf),
    #[error("the bot is running on this database (it holds {0}); stop it first")]
    InUse(PathBuf),
    #[error("{path} is not a Steward database: {why}")]
    NotSteward { path: PathBuf, why: String },
    #[error(
        "{path} has schema version {found}, newer than this build knows ({known}); restore it with a newer Steward"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{path} fails SQLite's integrity check: {problems}")]
    Corrupt { path: PathBuf, problems: String },
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The file of a `sqlite://` URL (`None` for an in-memory database).
pub fn database_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && !path.contains(":memory:")).then(|| PathBuf::from(path))
}

/// The running bot's hold on its database file; released when dropped.
#[derive(Debug)]
pub struct DatabaseLock {
    _file: File,
}

fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Takes the exclusive lock on `<db>.lock`, or says who holds it.
pub fn lock(db: &Path) -> Result<DatabaseLock, BackupError> {
    let path = lock_path(db);
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(DatabaseLock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(BackupError::InUse(path)),
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

/// Writes a consistent copy of the database at `db` to `dest` (which must not exist).
pub async fn copy_to(db: &Path, dest: &Path) -> Result<(), BackupError> {
    if !db.exists() {
        return Err(BackupError::Missing(db.to_owned()));
    }
    if dest.exists() {
        return Err(BackupError::Exists(dest.to_owned()));
    }
    // Written beside the destination and renamed: a copy cut short never looks complete.
    let mut partial = dest.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let _ = std::fs::remove_file(&partial);
    let mut conn = SqliteConnectOptions::new()
        .filename(db)
        .read_only(true)
        .busy_timeout(super::BUSY_TIMEOUT)
        .connect()
        .await?;
    sqlx::query("VACUUM INTO ?")
        .bind(partial.to_string_lossy().into_owned())
        .execute(&mut conn)
        .await?;
    drop(conn);
    std::fs::rename(&partial, dest)?;
    Ok(())
}

/// What a backup file holds, checked before it may replace the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub schema_version: i64,
}

/// Opens `file` read-only and checks that it is a sound Steward database this build can run.
pub async fn check(file: &Path) -> Result<Checked, BackupError> {
    if !file.exists() {
        return Err(BackupError::Missing(file.to_owned()));
    }
    let not_steward = |why: String| BackupError::NotSteward {
        path: file.to_owned(),
        why,
    };
    let mut conn = SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .connect()
        .await
        .map_err(|e| not_steward(e.to_string()))?;
    let problems = schema::integrity_problems(&mut conn)
        .await
        .map_err(|e| not_steward(e.to_string()))?;
    if !problems.is_empty() {
        return Err(BackupError::Corrupt {
            path: file.to_owned(),
            problems: problems.join("; "),
        });
    }
    let found = schema::version(&mut conn).await?;
    if found == 0 {
        return Err(not_steward("it has no migrations table".into()));
    }
    let known = schema::known_version();
    if found > known {
        return Err(BackupError::TooNew {
            path: file.to_owned(),
            found,
            known,
        });
    }
    Ok(Checked {
        schema_version: found,
    })
}

/// Replaces the database at `db` with `backup`, keeping the old file as
/// `<db>.before-restore`. Refused while the bot runs on `db`; the schema is brought up to date
/// when the bot next starts.
pub async fn restore(backup: &Path, db: &Path) -> Result<Checked, BackupError> {
    let _lock = lock(db)?;
    let checked = check(backup).await?;
    let sidecar = |suffix: &str| {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    if db.exists() {
        // The WAL of a database closed uncleanly holds commits: fold them in before moving
        // the file aside, so the kept copy is whole.
        let mut conn = SqliteConnectOptions::new().filename(db).connect().await?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut conn)
            .await?;
        drop(conn);
        std::fs::rename(db, sidecar(".before-restore"))?;
    }
    for stale in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(sidecar(stale));
    }
    let incoming = sidecar(".restoring");
    std::fs::copy(backup, &incoming)?;
    std::fs::rename(&incoming, db)?;
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_from_urls() {
        assert_eq!(
            database_path("sqlite://steward.db"),
            Some(PathBuf::from("steward.db"))
        );
        assert_eq!(
            database_path("sqlite:///data/steward.db?mode=rwc"),
            Some(PathBuf::from("/data/steward.db"))
        );
        assert_eq!(database_path("sqlite::memory:"), None);
        assert_eq!(database_path("postgres://x"), None);
    }

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.db");
        let held = lock(&db).unwrap();
        assert!(matches!(lock(&db), Err(BackupError::InUse(_))));
        drop(held);
        lock(&db).unwrap();
    }
}
