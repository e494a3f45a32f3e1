//! `steward restore FILE`: replace the database named by `DATABASE_URL` with a backup, after
//! checking it (integrity, a schema this build can run). Refused while the bot runs.

use std::path::Path;
use std::process::ExitCode;

use crate::config;
use crate::store::backup::{self, BackupError, Checked};

pub async fn run(file: &Path) -> ExitCode {
    match restore_from(&config::database_url(|k| std::env::var(k).ok()), file).await {
        Ok(checked) => {
            println!(
                "restored {} (schema version {}); the previous database is kept beside it as .before-restore",
                file.display(),
                checked.schema_version
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("steward restore: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Replaces the database at `database_url` with `file`.
pub async fn restore_from(database_url: &str, file: &Path) -> Result<Checked, BackupError> {
    let db = backup::database_path(database_url).ok_or(BackupError::NotAFile)?;
    backup::restore(file, &db).await
}
