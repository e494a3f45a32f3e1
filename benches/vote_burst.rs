//! A burst of votes, end to end: N members press +1 on one ballot at once. The same burst is
//! sent, in the same run, to Steward and to a no-op poise bot that only answers each click (on a
//! message with the same embeds and buttons as Steward's ballot, since every click carries its
//! message), each against its own Discord simulator on loopback; the report gives both bots' rates and p50/p99
//! latencies (dispatch to answer, as Discord measures its 3 s) and their ratios, and how many
//! ballot-message edits the burst cost Steward. Each burst is also split in two: the time the
//! simulator took to send every click, and the time from the last click sent to the last answer
//! (the bots differ in the second). Each edit takes `latency-ms`, about Discord's,
//! so edits are in flight while votes arrive. Each round runs both bots, in alternating order
//! and after a pause, so that neither always inherits the previous burst's tear-down; medians
//! are reported, because the machine is noisy.
//!
//! `cargo bench --bench vote_burst -- [votes] [latency-ms] [rounds]` (defaults 1000 100 9).

#[path = "../tests/support/mod.rs"]
mod support;

mod noop_bot;

use std::time::{Duration, Instant};

use support::bot::{Harness, ballot_id};
use support::sim::{Fixture, Sim};

/// Between bursts: the previous bot and its simulator finish shutting down.
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
    let mut args = std::env::args().skip(1).filter(|a| !a.starts_with('-'));
    let votes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let latency: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(9);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let latency = Duration::from_millis(latency);
    // A round first, not counted: it warms both bots' code and the allocator up (the first
    // burst of a process is slower), and gives the no-op bot Steward's ballot message to copy.
    let (_, ballot) = runtime.block_on(steward_burst(votes, latency));
    std::thread::sleep(PAUSE);
    runtime.block_on(noop_burst(votes, ballot.clone()));
    std::thread::sleep(PAUSE);
    let (mut steward, mut noop) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        // Whichever bot runs first in a round runs while the previous round is still being
        // torn down: the order alternates, and each burst starts after a pause.
        for steward_now in [round % 2 == 0, round % 2 != 0] {
            let (name, burst) = if steward_now {
                ("steward", runtime.block_on(steward_burst(votes, latency)).0)
            } else {
                (
                    "no-op  ",
                    runtime.block_on(noop_burst(votes, ballot.clone())),
                )
            };
            print!("round {round}: ");
            report(name, &burst);
            if steward_now {
                steward.push(burst)
            } else {
                noop.push(burst)
            }
            std::thread::sleep(PAUSE);
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

/// Steward's burst, and its ballot message as members first saw it (the no-op bot copies it).
async fn steward_burst(votes: usize, latency: Duration) -> (Burst, serde_json::Value) {
    let (fx, voters) = server(votes);
    let h = Harness::start_with(fx).await;
    h.setup().await;
    // The member list was read (the roster written) before the burst.
    while !h.bot().app().roster_synced(h.sim.fx().guild) {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let ballot = h.start_ballot("Burst").await;
    let id = ballot_id(&ballot);
    let edit_route = format!(
        "PATCH /channels/{}/messages/{}",
        ballot.channel_id, ballot.id
    );
    h.sim.delay(edit_route.as_str(), latency);
    let mut burst = clicks(
        &h.sim,
        &voters,
        ballot.id,
        &format!("v2:ballot:{id}:vote:+1"),
    )
    .await;
    // The last edit shows every vote.
    let expected = format!("+1: **{votes}**");
    h.sim
        .wait_for_edit(ballot.id, |m| m.embed_text().contains(&expected))
        .await;
    burst.edits = Some(h.sim.requests_to(edit_route.as_str()).len());
    h.stop().await;
    (burst, ballot.json)
}

async fn noop_burst(votes: usize, ballot: serde_json::Value) -> Burst {
    let (fx, voters) = server(votes);
    let (sim, bot, message_id) = noop_bot::start(fx, Some(ballot)).await;
    let burst = clicks(&sim, &voters, message_id, noop_bot::BUTTON).await;
    bot.stop().await;
    burst
}
