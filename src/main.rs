//! The `steward` binary: parse the command line, build the async runtime and run the
//! subcommand (`src/ops/`).

use std::process::ExitCode;

use clap::Parser;
use steward::config;
use steward::ops::{self, Cli, Command, EXIT_CONFIG, logging};

fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    let cli = Cli::parse();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = match config::worker_threads(|k| std::env::var(k).ok(), cores) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("steward: {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build();
    match runtime {
        Ok(runtime) => runtime.block_on(run(cli)),
        Err(e) => {
            eprintln!("steward: could not start the async runtime: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> ExitCode {
    let format = logging::LogFormat::from_var(std::env::var("STEWARD_LOG_FORMAT").ok().as_deref());
    match cli.command.unwrap_or(Command::Run) {
        Command::Run => {
            logging::init(format, "info,serenity=warn");
            ops::run::run().await
        }
        Command::Doctor => {
            logging::init(format, "warn,serenity=error");
            ops::doctor::run().await
        }
        Command::Backup { file } => {
            logging::init(format, "warn");
            ops::backup::run(&file).await
        }
        Command::Restore { file } => {
            logging::init(format, "warn");
            ops::restore::run(&file).await
        }
        #[cfg(feature = "demo")]
        Command::Demo { locale } => {
            logging::init(format, "error");
            ops::demo::run(&locale).await
        }
    }
}
