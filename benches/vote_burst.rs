//! A burst of votes, end to end: N members press +1 on one ballot at once. The same burst is
//! sent, in the same run, to Steward and to a no-op poise bot that only answers each click (on a
//! message with the same embeds and buttons as Steward's ballot, since every click carries its
//! message). Each bot runs in a process of its own, as in production: Steward is the release
//! `steward` binary, configured from the environment as an operator configures it, and the
//! no-op bot is this bench re-executed. Each runs against its own Discord simulator on loopback,
//! in this process. The report gives both bots' rates and p50/p99 latencies (dispatch to answer,
//! as Discord measures its 3 s) and their ratios, and how many ballot-message edits the burst
//! cost Steward. Each burst is also split in two: the time the simulator took to send every
//! click, and the time from the last click sent to the last answer (the bots differ in the
//! second). Each edit takes `latency-ms`, about Discord's, so edits are in flight while votes
//! arrive. Both bots run for the whole bench, as a bot runs for weeks, and are warmed up by a
//! burst not counted; each round runs both, in alternating order and after a pause (Steward on a
//! new ballot each time); medians are reported, because the machine is noisy.
//!
//! `cargo bench --bench vote_burst -- [votes] [latency-ms] [rounds]` (defaults 1000 100 15).
//! `STEWARD_BENCH_LOG` sets the log filter of the Steward process (default `warn`); its log is
//! printed on this process's standard error. Steward's process reads the rest of its settings
//! from the environment too (`STEWARD_WORKER_THREADS`, `STEWARD_DURABILITY`);
//! `NOOP_WORKER_THREADS` sets the no-op bot's runtime threads (default: one per core).

#[path = "../tests/support/mod.rs"]
mod support;

mod noop_bot;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use support::bot::ballot_id;
use support::sim::{Fixture, Sim, SimOptions};

/// Runs this bench as the no-op bot: token, API base, channel, file of the message to copy.
const NOOP_FLAG: &str = "--as-noop-bot";

/// Between bursts: the previous burst's last edits and answers are done.
const PAUSE: Duration = Duration::from_millis(500);

/// What one burst measured.
struct Burst {
    /// Votes answered per second, from the first click sent to the last answer.
    rate: f64,
    p50: Duration,
    p99: Duration,
    /// From the first click sent to the last: the simulator's pace, the same for either bot.
    sending: Duration,
    /// From the last click sent to the last answer: where the bots differ.
    tail: Duration,
    edits: Option<usize>,
}

fn main() {
    let all: Vec<String> = std::env::args().collect();
    let noop = all.iter().position(|a| a == NOOP_FLAG);
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    // The no-op bot's runtime is tokio's default (a worker per core, as `#[tokio::main]`
    // builds it) unless `NOOP_WORKER_THREADS` says otherwise: set it to the count Steward
    // chose to compare the two bots on the same runtime.
    if let Some(n) = noop.and(std::env::var("NOOP_WORKER_THREADS").ok()) {
        runtime.worker_threads(n.parse().expect("NOOP_WORKER_THREADS is a number"));
    }
    let runtime = runtime.enable_all().build().unwrap();
    if let Some(at) = noop {
        let (token, base, channel, copy) = (&all[at + 1], &all[at + 2], &all[at + 3], &all[at + 4]);
        let copy = serde_json::from_str(&std::fs::read_to_string(copy).unwrap()).unwrap();
        runtime.block_on(async {
            noop_bot::connect(token, base, channel.parse().unwrap(), Some(copy)).await;
            std::future::pending::<()>().await
        });
        return;
    }
    let mut args = all.iter().skip(1).filter(|a| !a.starts_with('-'));
    let votes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let latency: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(15);
    let latency = Duration::from_millis(latency);
    // Both bots run for the whole bench, as a bot runs for weeks: each is started, then warmed
    // up by a burst not counted (the first burst of a process is slower: its code is paged in,
    // its allocator grows, SQLite prepares its statements), which also gives the no-op bot
    // Steward's ballot message to copy.
    let steward_bot = runtime.block_on(Steward::start(votes));
    let (_, ballot) = runtime.block_on(steward_bot.burst(0, latency));
    let noop_bot = runtime.block_on(Noop::start(votes, &ballot));
    runtime.block_on(noop_bot.burst());
    let (mut steward, mut noop) = (Vec::new(), Vec::new());
    for round in 1..=rounds {
        // The order alternates, so that neither bot always runs right after the other.
        for steward_now in [round % 2 == 0, round % 2 != 0] {
            std::thread::sleep(PAUSE);
            let (name, burst) = if steward_now {
                (
                    "steward",
                    runtime.block_on(steward_bot.burst(round, latency)).0,
                )
            } else {
                ("no-op  ", runtime.block_on(noop_bot.burst()))
            };
            print!("round {round}: ");
            report(name, &burst);
            if steward_now {
                steward.push(burst)
            } else {
                noop.push(burst)
            }
        }
    }
    let (s, n) = (median(&steward), median(&noop));
    println!(
        "votes={votes} edit_latency={}ms rounds={rounds} (medians)",
        latency.as_millis()
    );
    report("steward", &s);
    report("no-op  ", &n);
    println!(
        "ratio: rate {:.2}x the no-op bot's, p99 {:.2}x the no-op bot's; edits of the ballot message: {}",
        s.rate / n.rate,
        s.p99.as_secs_f64() / n.p99.as_secs_f64(),
        s.edits.unwrap_or_default()
    );
}

fn report(name: &str, b: &Burst) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: {:.0} votes/s, p50 {:.0} ms, p99 {:.0} ms (clicks sent in {:.0} ms, the last answered {:.0} ms later)",
        b.rate,
        ms(b.p50),
        ms(b.p99),
        ms(b.sending),
        ms(b.tail)
    );
}

/// Each figure's median over the rounds, taken on its own.
fn median(bursts: &[Burst]) -> Burst {
    fn middle<T: Copy>(mut values: Vec<T>, by: impl Fn(&T, &T) -> std::cmp::Ordering) -> T {
        values.sort_by(by);
        values[values.len() / 2]
    }
    Burst {
        rate: middle(bursts.iter().map(|b| b.rate).collect(), f64::total_cmp),
        p50: middle(bursts.iter().map(|b| b.p50).collect(), Ord::cmp),
        p99: middle(bursts.iter().map(|b| b.p99).collect(), Ord::cmp),
        sending: middle(bursts.iter().map(|b| b.sending).collect(), Ord::cmp),
        tail: middle(bursts.iter().map(|b| b.tail).collect(), Ord::cmp),
        edits: middle(bursts.iter().map(|b| b.edits).collect(), Ord::cmp),
    }
}

/// Sends one click per voter without waiting, then waits for every answer.
async fn clicks(sim: &Sim, voters: &[u64], message_id: u64, custom_id: &str) -> Burst {
    let message = sim.message(message_id).expect("the message to click on");
    let started = Instant::now();
    let mut sent = Vec::with_capacity(voters.len());
    for voter in voters {
        sent.push(sim.send_click(*voter, &message, custom_id).await.unwrap());
    }
    let sending = started.elapsed();
    let mut latencies = Vec::with_capacity(sent.len());
    for interaction in sent {
        let reply = sim.wait_reply(interaction).await;
        latencies.push(reply.latency.expect("answered"));
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    Burst {
        rate: voters.len() as f64 / elapsed.as_secs_f64(),
        p50: at(0.5),
        p99: at(0.99),
        sending,
        tail: elapsed - sending,
        edits: None,
    }
}

/// A server with `votes` members besides the standard ones, who are there before the bot
/// connects (members joining during the burst would be other work).
fn server(votes: usize) -> (Fixture, Vec<u64>) {
    let mut fx = Fixture::standard();
    let voters = (0..votes)
        .map(|i| fx.add_member(&format!("voter{i}"), &[]))
        .collect();
    (fx, voters)
}

/// A simulator of the burst's server, as patient as the tests' (the bots share the cores with
/// it and this harness).
async fn simulator(fx: Fixture) -> Sim {
    let options = SimOptions {
        wait_timeout: Duration::from_secs(30),
        ..SimOptions::default()
    };
    Sim::start_with(fx, options).await
}

/// A bot's process, killed when dropped.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Steward, set up in its simulator's server, whose members have all been read.
struct Steward {
    sim: Sim,
    voters: Vec<u64>,
    _process: Process,
    _dir: tempfile::TempDir,
}

impl Steward {
    async fn start(votes: usize) -> Self {
        let (fx, voters) = server(votes);
        let sim = simulator(fx).await;
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_steward"))
            .env("DISCORD_TOKEN", sim.token())
            .env("DISCORD_API_BASE", sim.api_base())
            .env(
                "DATABASE_URL",
                format!("sqlite://{}", dir.path().join("steward.db").display()),
            )
            .env("STEWARD_GUILD_ID", sim.fx().guild.to_string())
            // Its warnings, or the filter in `STEWARD_BENCH_LOG` (to read sqlx's statements,
            // say), and the line that says the member list was read.
            .env(
                "RUST_LOG",
                format!(
                    "{},steward::discord::succession::sync=info",
                    std::env::var("STEWARD_BENCH_LOG").unwrap_or_else(|_| "warn".into())
                ),
            )
            .stderr(Stdio::piped())
            .spawn()
            .expect("the steward binary starts");
        let member_list_read = logged(&mut child, "member list read");
        let process = Process(child);
        sim.wait_ready().await;
        sim.wait_commands_registered().await;
        support::bot::setup(&sim).await;
        // The member list, read after set-up, is in the roster before any burst.
        member_list_read
            .await
            .expect("Steward reads the member list");
        Steward {
            sim,
            voters,
            _process: process,
            _dir: dir,
        }
    }

    /// A burst on a new ballot, and its message as members first saw it.
    async fn burst(&self, round: usize, latency: Duration) -> (Burst, serde_json::Value) {
        let (sim, fx) = (&self.sim, self.sim.fx());
        let title = format!("Round {round} burst");
        let r = sim
            .slash(
                fx.alice,
                "vote start",
                json!({"title": title, "duration": "72h"}),
            )
            .await;
        assert!(r.text().contains("is open until"), "{}", r.text());
        let ballot = sim
            .wait_for_message(fx.general, |m| {
                m.embed_text().contains(&title) && !m.buttons().is_empty()
            })
            .await;
        let id = ballot_id(&ballot);
        let edit_route = format!(
            "PATCH /channels/{}/messages/{}",
            ballot.channel_id, ballot.id
        );
        sim.delay(edit_route.as_str(), latency);
        let custom_id = format!("v2:ballot:{id}:vote:+1");
        let mut burst = clicks(sim, &self.voters, ballot.id, &custom_id).await;
        // The last edit shows every vote.
        let expected = format!("+1: **{}**", self.voters.len());
        sim.wait_for_edit(ballot.id, |m| m.embed_text().contains(&expected))
            .await;
        burst.edits = Some(sim.requests_to(edit_route.as_str()).len());
        (burst, ballot.json)
    }
}

/// Resolves once the process logs a line containing `line`; its other lines (warnings and
/// errors) are passed on to this process's log.
fn logged(child: &mut Child, line: &'static str) -> tokio::sync::oneshot::Receiver<()> {
    let (seen, seen_rx) = tokio::sync::oneshot::channel();
    let log = BufReader::new(child.stderr.take().expect("the log is piped"));
    std::thread::spawn(move || {
        let mut seen = Some(seen);
        for l in log.lines().map_while(Result::ok) {
            if l.contains(line) {
                if let Some(seen) = seen.take() {
                    let _ = seen.send(());
                }
            } else {
                eprintln!("{l}");
            }
        }
    });
    seen_rx
}

/// The no-op bot, its message posted.
struct Noop {
    sim: Sim,
    voters: Vec<u64>,
    message_id: u64,
    _process: Process,
}

impl Noop {
    async fn start(votes: usize, ballot: &serde_json::Value) -> Self {
        let (fx, voters) = server(votes);
        let sim = simulator(fx).await;
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("ballot.json");
        std::fs::write(&copy, ballot.to_string()).unwrap();
        let channel = sim.fx().general;
        let process = Process(
            Command::new(std::env::current_exe().unwrap())
                .args([
                    NOOP_FLAG,
                    &sim.token(),
                    &sim.api_base(),
                    &channel.to_string(),
                ])
                .arg(&copy)
                .spawn()
                .expect("the no-op bot starts"),
        );
        sim.wait_ready().await;
        let message = sim
            .wait_for_message(channel, |m| !m.buttons().is_empty())
            .await;
        Noop {
            sim,
            voters,
            message_id: message.id,
            _process: process,
        }
    }

    async fn burst(&self) -> Burst {
        clicks(&self.sim, &self.voters, self.message_id, noop_bot::BUTTON).await
    }
}
