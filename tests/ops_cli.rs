//! The binary as an operator runs it: `--version`, `--help`, a bad setting, and a token Discord
//! rejects (exit code 2 and one line, not retries forever).

use std::process::{Command, Output};

use discord_sim::{Fixture, Sim};

fn steward(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_steward"));
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    for (k, v) in env {
        cmd.env(k, v);
    }
    // No stray .env from the working directory.
    cmd.current_dir(std::env::temp_dir());
    cmd.output().unwrap()
}

#[test]
fn version_and_help() {
    let out = steward(&["--version"], &[]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("steward {}", env!("CARGO_PKG_VERSION"))
    );
    let out = steward(&["--help"], &[]);
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "doctor",
        "backup",
        "restore",
        "DISCORD_TOKEN",
        "DATABASE_URL",
        "STEWARD_GUILD_ID",
        "STEWARD_SHARDS",
        "STEWARD_BACKUP_DIR",
        "STEWARD_LOG_FORMAT",
        "STEWARD_WORKER_THREADS",
    ] {
        assert!(help.contains(needle), "--help lacks {needle}:\n{help}");
    }
}

#[test]
fn a_missing_token_exits_2_with_one_line() {
    let out = steward(&[], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("DISCORD_TOKEN is not set"), "{err}");
}

#[test]
fn a_bad_thread_count_exits_2_before_anything_starts() {
    let out = steward(&[], &[("STEWARD_WORKER_THREADS", "0")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("STEWARD_WORKER_THREADS must be"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rejected_token_exits_2_with_one_line() {
    let sim = Sim::start(Fixture::standard()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("steward.db").display());
    // Well formed, but not the token the simulator (Discord) knows.
    let wrong = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.wrongwrongwrongwrongwrongwrongwrong12";
    let api = sim.api_base();
    let out = tokio::task::spawn_blocking(move || {
        steward(
            &[],
            &[
                ("DISCORD_TOKEN", wrong),
                ("DISCORD_API_BASE", &api),
                ("DATABASE_URL", &db),
                ("RUST_LOG", "warn"),
            ],
        )
    })
    .await
    .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("rejected DISCORD_TOKEN (401"), "{err}");
    // The simulator saw exactly one attempt, not a retry loop.
    let problems = sim.take_problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
}
