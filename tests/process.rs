//! The built `steward` binary as an operator runs it: configured from the environment, against
//! the Discord simulator, stopped with SIGTERM.

mod support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use support::sim::{Fixture, Sim, SimOptions};

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_binary_cleanly_and_an_acknowledged_vote_is_kept() {
    let fx = Fixture::standard();
    // The answers are waited for, not timed: the bot's own figure is checked in-process
    // (e2e_ballots, e2e_faults_large).
    let sim = Sim::start_with(
        fx.clone(),
        SimOptions {
            wait_timeout: Duration::from_secs(30),
            ..SimOptions::default()
        },
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("steward.db").display());
    // Logs go to a file: a full pipe nobody reads would block the bot.
    let log_path = dir.path().join("steward.log");
    let log_file = std::fs::File::create(&log_path).unwrap();
    let bot = Command::new(env!("CARGO_BIN_EXE_steward"))
        // No `.env` of the developer's is read: the working directory is empty.
        .current_dir(dir.path())
        .env_clear()
        .env("DISCORD_TOKEN", sim.token())
        .env("DATABASE_URL", &database)
        .env("DISCORD_API_BASE", sim.api_base())
        .env("STEWARD_GUILD_ID", fx.guild.to_string())
        .env("RUST_LOG", "steward=info")
        .stdout(Stdio::from(log_file.try_clone().unwrap()))
        .stderr(Stdio::from(log_file))
        .spawn()
        .expect("the steward binary starts");
    let mut bot = KillOnDrop(bot);
    sim.wait_ready().await;
    sim.wait_commands_registered().await;

    let r = sim
        .slash(
            fx.alice,
            "govern setup",
            json!({"tsc": fx.tsc_role, "announcements": fx.announcements}),
        )
        .await;
    assert!(r.text().contains("Steward is set up"), "{}", r.text());
    let r = sim
        .slash(
            fx.alice,
            "vote start",
            json!({"title": "Kept", "duration": "72h"}),
        )
        .await;
    assert!(r.text().contains("is open until"), "{}", r.text());
    let ballot = sim
        .wait_for_message(fx.general, |m| !m.buttons().is_empty())
        .await;
    let vote = ballot.custom_ids()[0].clone();
    assert!(vote.ends_with(":vote:+1"), "{vote}");
    let r = sim.click(fx.bob, &ballot, &vote).await;
    assert!(r.text().contains("Recorded your vote +1"), "{}", r.text());

    let killed = Command::new("kill")
        .args(["-TERM", &bot.0.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = bot.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "steward did not stop within 20 s of SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert_eq!(status.code(), Some(0), "{log}");
    assert!(log.contains("stopped cleanly"), "{log}");

    let db = sqlx::SqlitePool::connect(&database).await.unwrap();
    let votes: Vec<(i64, i64)> = sqlx::query_as("SELECT voter_id, choice FROM votes")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(votes.len(), 1, "{votes:?}");
    assert_eq!(votes[0], (fx.bob as i64, 1), "bob's +1");
}

/// A failing test leaves no bot running.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}
