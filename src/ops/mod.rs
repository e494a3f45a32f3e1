//! The operator's side of the binary: the command line (`steward`, `steward doctor`,
//! `steward backup FILE`, `steward restore FILE`, `steward demo`), one module per subcommand,
//! and how logs are written. `main.rs` only parses and dispatches.

pub mod backup;
#[cfg(feature = "demo")]
pub mod demo;
pub mod doctor;
pub mod logging;
pub mod restore;
pub mod run;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::ENVIRONMENT_HELP;

/// Exit code for a configuration the operator must fix (a missing or rejected token).
pub const EXIT_CONFIG: u8 = 2;

/// Steward: a Discord bot that runs an open-source project's governance.
#[derive(Debug, Parser)]
#[command(name = "steward", version, about, after_help = ENVIRONMENT_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the bot until SIGINT or SIGTERM (the default).
    Run,
    /// Check the token, the application's intents, the database and every server's set-up;
    /// exits 1 when something needs fixing.
    Doctor,
    /// Write a consistent copy of the database to FILE, also while the bot runs.
    Backup {
        /// Where the copy goes (must not exist yet).
        file: PathBuf,
    },
    /// Replace the database with the backup FILE (refused while the bot runs).
    Restore {
        /// A file written by `steward backup` or the daily backup.
        file: PathBuf,
    },
    /// Show Steward at work without Discord: the real bot against a simulated server, a ballot,
    /// a working group's charter and a succession contact, printed as members would see them.
    #[cfg(feature = "demo")]
    Demo {
        /// The members' Discord language (en-US or de).
        #[arg(long, default_value = "en-US", value_parser = ["en-US", "de"])]
        locale: String,
    },
}
