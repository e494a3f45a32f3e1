//! How many ballot-message edits a burst of votes costs. The real bot runs against the Discord
//! simulator; each edit takes `--latency-ms` (default 100, about Discord's) so that edits are
//! in flight while votes keep arriving, as in production.
//!
//! `cargo bench --bench vote_burst` (or `-- 1000 100` for votes and latency in ms).

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use support::bot::{Harness, ballot_id};

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| !a.starts_with('-'));
    let votes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let latency: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(burst(votes, Duration::from_millis(latency)));
}

async fn burst(votes: usize, latency: Duration) {
    let h = Harness::start().await;
    h.setup().await;
    let ballot = h.start_ballot("Burst").await;
    let id = ballot_id(&ballot);
    let edit_route = format!(
        "PATCH /channels/{}/messages/{}",
        ballot.channel_id, ballot.id
    );
    h.sim.delay(edit_route.as_str(), latency);
    let voters: Vec<u64> = (0..votes)
        .map(|i| h.sim.add_member(&format!("voter{i}"), &[]))
        .collect();

    let started = Instant::now();
    let mut sent = Vec::with_capacity(votes);
    for voter in &voters {
        sent.push(
            h.sim
                .send_click(*voter, &ballot, &format!("ballot:{id}:vote:+1"))
                .await
                .unwrap(),
        );
    }
    for interaction in sent {
        h.sim.wait_reply(interaction).await;
    }
    let acknowledged = started.elapsed();
    // The last edit shows every vote.
    let expected = format!("+1: **{votes}**");
    h.sim
        .wait_for_edit(ballot.id, |m| m.embed_text().contains(&expected))
        .await;
    let settled = started.elapsed();
    let edits = h.sim.requests_to(edit_route.as_str()).len();
    println!(
        "votes={votes} edit_latency={}ms edits={edits} all_acknowledged={:.2}s message_final={:.2}s",
        latency.as_millis(),
        acknowledged.as_secs_f64(),
        settled.as_secs_f64()
    );
}
