//! Fault scenario 1: 1,000 members vote at once and the bot is killed (SIGKILL, a real child
//! process: the built `steward` binary) in the middle of the burst, then started again. Every
//! vote a member saw acknowledged is in the final tally, none is counted twice, and the ballot
//! message shows what the database holds.

mod support;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use support::sim::{Fixture, Sim, SimOptions};

const VOTERS: usize = 1000;

/// The built binary, pinned for the test: a hard link to this build, so that both runs are the
/// same program even if the file at `CARGO_BIN_EXE_steward` is rebuilt meanwhile (a target
/// directory shared by several checkouts). Removed when dropped.
struct Binary(PathBuf);

impl Binary {
    fn pin() -> Self {
        let built = PathBuf::from(env!("CARGO_BIN_EXE_steward"));
        let pinned = built.with_file_name(format!("steward-crash-test-{}", std::process::id()));
        let _ = std::fs::remove_file(&pinned);
        std::fs::hard_link(&built, &pinned)
            .or_else(|_| std::fs::copy(&built, &pinned).map(drop))
            .expect("pin the built binary");
        Self(pinned)
    }
}

impl Drop for Binary {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The real binary, configured as operators configure it: by environment variables.
fn spawn(binary: &Binary, sim: &Sim, database_url: &str) -> Child {
    Command::new(&binary.0)
        .env("DISCORD_TOKEN", sim.token())
        .env("DATABASE_URL", database_url)
        .env("STEWARD_GUILD_ID", sim.fx().guild.to_string())
        .env("DISCORD_API_BASE", sim.api_base())
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the steward binary starts")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_mid_burst_loses_no_acknowledged_vote_and_counts_none_twice() {
    let started = Instant::now();
    let binary = Binary::pin();
    let options = SimOptions {
        wait_timeout: Duration::from_secs(20),
        ..SimOptions::default()
    };
    let sim = Sim::start_with(Fixture::standard(), options).await;
    let fx = sim.fx().clone();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("steward.db").display());
    let mut bot = spawn(&binary, &sim, &url);
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
    sim.slash(
        fx.alice,
        "vote start",
        json!({"title": "Burst", "duration": "72h"}),
    )
    .await;
    let ballot = sim
        .wait_for_message(fx.general, |m| {
            m.embed_text().contains("Burst") && !m.buttons().is_empty()
        })
        .await;
    let custom_id = ballot.buttons()[0].custom_id.clone().unwrap();
    assert!(custom_id.ends_with(":vote:+1"), "{custom_id}");
    let voters: Vec<u64> = (0..VOTERS)
        .map(|i| sim.add_member(&format!("voter{i}"), &[]))
        .collect();

    // The burst; the bot is killed once a part of it was answered, while clicks still arrive
    // (votes are committed in batches: once all were sent, all may be answered at once).
    let acknowledged = |sim: &Sim, sent: &[u64]| {
        sent.iter()
            .filter(|i| sim.reply(**i).text().contains("Recorded your"))
            .count()
    };
    let mut sent = Vec::with_capacity(VOTERS);
    let mut killed = false;
    for (n, voter) in voters.iter().enumerate() {
        sent.push(sim.send_click(*voter, &ballot, &custom_id).await.unwrap());
        if n % 25 == 0 && acknowledged(&sim, &sent) >= VOTERS / 4 {
            bot.kill().expect("SIGKILL");
            killed = true;
            break;
        }
    }
    if !killed {
        let deadline = Instant::now() + Duration::from_secs(10);
        while acknowledged(&sim, &sent) < VOTERS / 4 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        bot.kill().expect("SIGKILL");
    }
    bot.wait().unwrap();
    let acked: Vec<u64> = sent
        .iter()
        .zip(&voters)
        .filter(|(i, _)| sim.reply(**i).text().contains("Recorded your"))
        .map(|(_, v)| *v)
        .collect();
    assert!(
        !acked.is_empty() && acked.len() < VOTERS,
        "killed mid-burst: {} acknowledged",
        acked.len()
    );

    // Started again on the same database.
    let mut bot = spawn(&binary, &sim, &url);
    sim.wait_gateway("the restarted bot", |s| {
        s.identifies == 2 && s.connected == 1
    })
    .await;
    let db = sqlx::SqlitePool::connect(&format!("{url}?mode=ro"))
        .await
        .unwrap();
    let stored: Vec<i64> = sqlx::query_scalar("SELECT voter_id FROM votes")
        .fetch_all(&db)
        .await
        .unwrap();
    let mut distinct = stored.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), stored.len(), "no vote counted twice");
    for voter in &acked {
        assert!(
            stored.contains(&(*voter as i64)),
            "acknowledged vote of {voter} lost"
        );
    }
    // The message catches up with the database (a refresh left claimed by the killed process
    // is due at once after the restart).
    let expected = format!("+1: **{}**", stored.len());
    sim.wait_for_edit(ballot.id, |m| m.embed_text().contains(&expected))
        .await;
    bot.kill().unwrap();
    bot.wait().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}
