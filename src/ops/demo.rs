//! `steward demo`: the walk-through of `crate::demo` printed to stdout; the bot's own logs go
//! to stderr at error level only, so they do not clutter the transcript.

use std::process::ExitCode;

use crate::demo::{self, DemoOptions};

pub async fn run(locale: &str) -> ExitCode {
    let options = DemoOptions {
        locale: locale.to_owned(),
    };
    let mut out = std::io::stdout().lock();
    match demo::run(&options, &mut out).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("steward demo: {e:#}");
            ExitCode::FAILURE
        }
    }
}
