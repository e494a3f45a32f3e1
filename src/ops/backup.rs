//! `steward backup FILE`: a consistent copy of the database named by `DATABASE_URL`, taken
//! while the bot runs (see `store::backup`).

use std::path::Path;
use std::process::ExitCode;

use crate::config;
use crate::store::backup::{self, BackupError};

pub async fn run(file: &Path) -> ExitCode {
    match backup_to(&config::database_url(|k| std::env::var(k).ok()), file).await {
        Ok(()) => {
            println!("backup written to {}", file.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("steward backup: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Copies the database at `database_url` to `file`.
pub async fn backup_to(database_url: &str, file: &Path) -> Result<(), BackupError> {
    let db = backup::database_path(database_url).ok_or(BackupError::NotAFile)?;
    backup::copy_to(&db, file).await
}
