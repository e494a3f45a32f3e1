//! Resident memory of the real bot: the `steward` binary, started as an operator starts it
//! (configuration from the environment), connected to a Discord simulator on loopback. Measured
//! idle after connecting, and again on a database holding 1,000 open ballots in 100 servers.
//! The reference, in the same run: the no-op poise bot of the burst benchmark (this bench
//! re-executes itself as that bot), connected to the same kind of simulator, so the report says
//! how much Steward adds to what serenity and poise cost by themselves.
//!
//! `cargo bench --bench memory`
//!
//! The simulator serves one server; the 99 others exist in the database only (their ballots,
//! jobs and configuration), so the loaded figure counts what Steward keeps per ballot and per
//! server, not Discord's cache of 100 servers' members.

#[path = "../tests/support/mod.rs"]
mod support;

mod noop_bot;

use std::process::{Child, Command};
use std::sync::Arc;
use std::time::Duration;

use steward::app::ballot::open::StartBallot;
use steward::app::guild::setup::Setup;
use steward::app::{Actor, App};
use steward::clock::SystemClock;
use steward::governance::roles::{GovRole, RoleSet, Standing};
use support::sim::{Fixture, Sim, SimOptions};

const NOOP_FLAG: &str = "--as-noop-bot";
const SERVERS: u64 = 100;
const BALLOTS_PER_SERVER: u64 = 10;
/// How long a bot runs after connecting before its memory is read.
const SETTLE: Duration = Duration::from_secs(3);

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == NOOP_FLAG) {
        // The reference bot, in a process of its own: token, API base, channel.
        let (token, base, channel) = (&args[at + 1], &args[at + 2], &args[at + 3]);
        runtime.block_on(async {
            noop_bot::connect(token, base, channel.parse().unwrap(), None).await;
            std::future::pending::<()>().await
        });
        return;
    }
    runtime.block_on(async {
        let noop = noop_idle().await;
        let idle = steward_rss(false).await;
        let loaded = steward_rss(true).await;
        println!("resident memory after connecting, {SETTLE:?} later:");
        let ballots = SERVERS * BALLOTS_PER_SERVER;
        println!("  {:<44} {:>6.1} MB", "no-op poise bot", mb(noop));
        for (what, kb) in [
            ("steward, idle".to_owned(), idle),
            (
                format!("steward, {ballots} open ballots in {SERVERS} servers"),
                loaded,
            ),
        ] {
            let ratio = kb as f64 / noop as f64;
            println!(
                "  {what:<44} {:>6.1} MB ({ratio:.2}x the no-op bot)",
                mb(kb)
            );
        }
    });
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

/// The no-op bot's resident memory, connected and settled.
async fn noop_idle() -> u64 {
    let sim = Sim::start_with(Fixture::standard(), SimOptions::default()).await;
    let me = std::env::current_exe().unwrap();
    let child = Command::new(me)
        .args([
            NOOP_FLAG,
            &sim.token(),
            &sim.api_base(),
            &sim.fx().general.to_string(),
        ])
        .spawn()
        .unwrap();
    sim.wait_ready().await;
    measure(child).await
}

/// Steward's resident memory, connected and settled, on an empty database or on one holding
/// 1,000 open ballots in 100 servers.
async fn steward_rss(loaded: bool) -> u64 {
    let sim = Sim::start_with(Fixture::standard(), SimOptions::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("steward.db").display());
    if loaded {
        populate(&url, sim.fx().guild).await;
    }
    let child = Command::new(env!("CARGO_BIN_EXE_steward"))
        .env("DISCORD_TOKEN", sim.token())
        .env("DISCORD_API_BASE", sim.api_base())
        .env("DATABASE_URL", &url)
        .env("STEWARD_GUILD_ID", sim.fx().guild.to_string())
        // The 99 database-only servers have no channels: their ballot posts fail, quietly.
        .env("RUST_LOG", "error")
        .spawn()
        .unwrap();
    sim.wait_ready().await;
    sim.wait_commands_registered().await;
    measure(child).await
}

/// Waits for the process to settle, reads its resident set, and stops it.
async fn measure(mut child: Child) -> u64 {
    tokio::time::sleep(SETTLE).await;
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id()))
        .expect("resident memory is read from /proc (Linux)");
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc/<pid>/status");
    child.kill().unwrap();
    child.wait().unwrap();
    kb
}

/// 100 servers set up, each with 10 open ballots (their deadline and reminder jobs pending);
/// the first server is the simulator's.
async fn populate(url: &str, first_guild: u64) {
    let app = App::new(
        steward::store::connect(url).await.unwrap(),
        Arc::new(SystemClock),
    );
    for n in 0..SERVERS {
        let guild_id = if n == 0 { first_guild } else { 10_000 + n };
        let member = |user_id: u64, roles: &[GovRole], manages_guild: bool| Actor {
            guild_id,
            user_id,
            standing: Standing {
                roles: RoleSet::new(roles.iter().copied()),
                manages_guild,
            },
        };
        let setup = Setup {
            roles: vec![(GovRole::Tsc, 20_000 + n)],
            announce_channel_id: 30_000 + n,
            tsc_channel_id: Some(40_000 + n),
            wg_category_id: None,
            channels: vec![],
            locale: "en-US".into(),
        };
        app.setup_guild(&member(1, &[], true), setup).await.unwrap();
        let tsc = member(2, &[GovRole::Tsc], false);
        for b in 0..BALLOTS_PER_SERVER {
            let input = StartBallot {
                title: format!("Proposal {b} of server {n}"),
                description: "Adopt the release process described in RFC 12, with the \
                              changes discussed in the working group"
                    .into(),
                duration: Some("7d".into()),
                secret: b % 3 == 0,
                channel_id: 30_000 + n,
                electorate: (2..7).collect(),
            };
            app.start_ballot(&tsc, input).await.unwrap();
        }
    }
    app.close().await;
}
