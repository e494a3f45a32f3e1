//! `steward doctor`.

use std::process::ExitCode;

pub async fn run() -> ExitCode {
    ExitCode::SUCCESS
}
