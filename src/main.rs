//! The `steward` binary: parse the command line and run the subcommand (`src/ops/`).

use std::process::ExitCode;

use clap::Parser;
use steward::ops::{self, Cli, Command, logging};

#[tokio::main]
async fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    let cli = Cli::parse();
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
