//! Dissolution end to end: `/govern dissolve` through the TSC's ballot to the notices the
//! community reads at once, monthly and a week before; and calling it off by another ballot.

mod support;

use chrono::Duration;
use serde_json::json;
use support::bot::{Harness, ballot_id};
use support::sim::SimMessage;

/// The TSC approves the ballot in `msg` (alice, bob, carol vote +1) and its deadline passes.
async fn approve(h: &Harness, ballot: &SimMessage) {
    let fx = h.sim.fx().clone();
    let id = ballot_id(ballot);
    for user in [fx.alice, fx.bob, fx.carol] {
        let r = h
            .sim
            .click(user, ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
        assert!(r.is_ephemeral());
    }
    h.advance(Duration::days(7));
}

fn notices(h: &Harness) -> Vec<SimMessage> {
    h.announcements()
        .into_iter()
        .filter(|m| m.embed_text().contains("will be dissolved"))
        .collect()
}

/// Waits until `n` dissolution notices were posted.
async fn wait_notices(h: &Harness, n: usize) {
    let fx = h.sim.fx().clone();
    h.sim
        .wait_until(&format!("{n} dissolution notices"), |v| {
            let count = v
                .channel_messages(fx.announcements)
                .iter()
                .filter(|m| m.embed_text().contains("will be dissolved"))
                .count();
            (count >= n).then_some(())
        })
        .await;
}

/// Whether the bot, given a moment after the clock moved, posts no notice beyond the `n` it has.
async fn no_more_notices(h: &Harness, n: usize) -> bool {
    let fx = h.sim.fx().clone();
    h.sim
        .try_wait_until(std::time::Duration::from_millis(500), |v| {
            let count = v
                .channel_messages(fx.announcements)
                .iter()
                .filter(|m| m.embed_text().contains("will be dissolved"))
                .count();
            (count > n).then_some(())
        })
        .await
        .is_none()
}

fn dissolve(date: &str) -> serde_json::Value {
    json!({
        "date": date,
        "reason": "The maintainers moved on to other work",
        "steward": "The Bytecode Alliance takes the domain and the CI account",
        "archive": "https://archive.example.org/wasm-sandbox",
        "license": "Apache-2.0",
    })
}

#[tokio::test]
async fn a_dissolution_is_decided_and_the_community_notified_at_once_monthly_and_a_week_before() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    // Only the TSC proposes it, and not sooner than three months after the vote.
    let r = h
        .sim
        .slash(fx.erin, "govern dissolve", dissolve("2026-12-01"))
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("Only members of the TSC"), "{}", r.text());
    let r = h
        .sim
        .slash(fx.alice, "govern dissolve", dissolve("2026-08-01"))
        .await;
    assert!(
        r.text().contains("the earliest date is 2026-08-12"),
        "{}",
        r.text()
    );
    let r = h
        .sim
        .slash(fx.alice, "govern dissolve", dissolve("1.9.2026"))
        .await;
    assert!(r.text().contains("YYYY-MM-DD"), "{}", r.text());
    assert_eq!(h.count("dissolutions").await, 0);

    let r = h
        .sim
        .slash(fx.alice, "govern dissolve", dissolve("2026-09-01"))
        .await;
    assert!(r.text().contains("ballot #1"), "{}", r.text());
    let ballot = h
        .sim
        .wait_for_message(fx.general, |m| {
            m.embed_text()
                .contains("Dissolve the project on 2026-09-01")
        })
        .await;
    assert!(
        ballot.embed_text().contains("The Bytecode Alliance"),
        "the TSC votes on where resources go: {}",
        ballot.embed_text()
    );
    approve(&h, &ballot).await;
    // At once.
    wait_notices(&h, 1).await;
    let notice = &notices(&h)[0];
    let text = notice.embed_text();
    for expected in [
        "The Bytecode Alliance takes the domain",
        "All code remains available under its license (Apache-2.0)",
        "https://archive.example.org/wasm-sandbox",
        "The maintainers moved on",
    ] {
        assert!(text.contains(expected), "{expected} missing: {text}");
    }
    // Monthly (11 June, 11 July, 11 August) and a week before (25 August).
    for n in 2..=4 {
        h.advance(Duration::days(31));
        wait_notices(&h, n).await;
    }
    h.advance(Duration::days(14));
    wait_notices(&h, 5).await;
    h.advance(Duration::days(30));
    assert!(no_more_notices(&h, 5).await, "nothing after the date");
}

#[tokio::test]
async fn a_decided_dissolution_is_called_off_by_another_ballot() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(fx.alice, "govern dissolve-call-off", json!({"reason": "x"}))
        .await;
    assert!(r.text().contains("no decided dissolution"), "{}", r.text());
    h.sim
        .slash(fx.alice, "govern dissolve", dissolve("2026-12-01"))
        .await;
    let ballot = h
        .sim
        .wait_for_message(fx.general, |m| {
            m.embed_text().contains("Dissolve the project")
        })
        .await;
    approve(&h, &ballot).await;
    wait_notices(&h, 1).await;
    let r = h
        .sim
        .slash(
            fx.bob,
            "govern dissolve-call-off",
            json!({"reason": "Two new maintainers stepped up"}),
        )
        .await;
    assert!(r.text().contains("ballot #2"), "{}", r.text());
    let call_off = h
        .sim
        .wait_for_message(fx.general, |m| {
            m.embed_text().contains("Call off the dissolution")
        })
        .await;
    assert!(
        call_off
            .embed_text()
            .contains("Two new maintainers stepped up")
    );
    approve(&h, &call_off).await;
    h.sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("called off the dissolution")
        })
        .await;
    // The monthly notices find nothing to announce any more.
    h.advance(Duration::days(40));
    assert!(no_more_notices(&h, 1).await);
}
