//! The `steward` binary: read the configuration, run until SIGINT or SIGTERM, stop cleanly.

use std::process::ExitCode;
use std::sync::Arc;

use steward::clock::SystemClock;
use steward::{config, runtime};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,serenity=warn")),
        )
        .init();
    let settings = match config::from_vars(|k| std::env::var(k).ok()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("steward: {e}");
            return ExitCode::from(2);
        }
    };
    let mut running = match runtime::start(settings, Arc::new(SystemClock)).await {
        Ok(r) => r,
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
