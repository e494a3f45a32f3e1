//! `steward` (or `steward run`): read the configuration, run until SIGINT or SIGTERM, stop
//! cleanly. A missing or rejected token exits with code 2 and one line.

use std::process::ExitCode;
use std::sync::Arc;

use super::EXIT_CONFIG;
use crate::clock::SystemClock;
use crate::runtime::{self, TokenRejected};
use crate::{config, runtime::login};

pub async fn run() -> ExitCode {
    let settings = match config::from_vars(|k| std::env::var(k).ok()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("steward: {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    let mut running = match runtime::start(settings, Arc::new(SystemClock)).await {
        Ok(r) => r,
        Err(e) if e.is::<TokenRejected>() => {
            eprintln!("steward: {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
        Err(e) => {
            eprintln!("steward: could not start: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = tokio::select! {
        _ = shutdown_signal() => Ok(()),
        r = running.client_stopped() => r,
    };
    if let Err(e) = running.shutdown().await {
        tracing::error!(error = ?e, "unclean shutdown");
    }
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        // The gateway refused the token after all (it was reset while running).
        Err(e) if e.downcast_ref().is_some_and(login::is_unauthorized) => {
            eprintln!("steward: {TokenRejected}");
            ExitCode::from(EXIT_CONFIG)
        }
        Err(e) => {
            eprintln!("steward: Discord connection ended: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => return interrupt.await.unwrap_or(()),
            };
        tokio::select! {
            _ = interrupt => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    interrupt.await.unwrap_or(());
    tracing::info!("shutting down");
}
