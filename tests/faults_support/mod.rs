//! Shared by the fault scenarios (`e2e_faults_*.rs`): a working group proposed and approved
//! through the real bot, and a ballot voted on.
#![allow(
    dead_code,
    reason = "each scenario uses the part of the shared steps it needs"
)]

use chrono::Duration;
use serde_json::json;

use crate::support::bot::{Harness, ballot_id};
use crate::support::sim::SimMessage;

const CHARTER: [(&str, &str); 5] = [
    ("scope", "Design WASI preview 2 support"),
    ("deliverables", "An RFC and a prototype"),
    ("timeline", "Six months"),
    ("resources", "CI minutes on arm64"),
    ("reporting", "A report every four weeks"),
];

/// erin proposes "WASI Preview 2" (chair erin, member frank); returns the charter ballot.
pub async fn propose_group(h: &Harness) -> SimMessage {
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(
            fx.erin,
            "wg create",
            json!({"name": "WASI Preview 2", "focus": "WASI", "chair": fx.erin, "members": format!("<@{}>", fx.frank)}),
        )
        .await;
    let custom_id = r.modal().custom_id.clone();
    h.sim
        .submit_modal(fx.erin, fx.general, &custom_id, &CHARTER)
        .await;
    h.sim
        .wait_for_message(fx.general, |m| {
            m.embed_text()
                .contains("Establish working group: WASI Preview 2")
        })
        .await
}

/// The group proposed, approved by alice, bob and carol, and its ballot's deadline passed:
/// provisioning is then due.
pub async fn approve_group(h: &Harness) {
    let fx = h.sim.fx().clone();
    let ballot = propose_group(h).await;
    vote_yes(h, &ballot, &[fx.alice, fx.bob, fx.carol]).await;
    h.advance(Duration::days(7));
}

/// Each of `voters` clicks +1 on the ballot; every click is answered.
pub async fn vote_yes(h: &Harness, ballot: &SimMessage, voters: &[u64]) {
    let id = ballot_id(ballot);
    for user in voters {
        let r = h
            .sim
            .click(*user, ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
        assert!(r.is_ephemeral(), "{}", r.text());
    }
}

/// Waits (bounded, in real time) until `done` holds, moving the bot's clock by `step` between
/// looks so that retries with backoff fall due.
pub async fn settle(h: &Harness, step: Duration, done: impl Fn() -> bool) {
    for _ in 0..400 {
        if done() {
            return;
        }
        h.advance(step);
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("never settled:\n{}", h.sim.dump());
}
