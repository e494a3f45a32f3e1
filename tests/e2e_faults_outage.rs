//! Fault scenario 2: every REST route the outbox uses answers 500 for a while, then 429 with
//! `retry_after`, then recovers. Every announcement, edit, role, channel and DM is delivered,
//! exactly once.

mod faults_support;
mod support;

use chrono::Duration;
use faults_support::{propose_group, settle, vote_yes};
use serde_json::json;
use support::bot::Harness;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_then_rate_limits_deliver_everything_exactly_once() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = propose_group(&h).await;
    let r = h
        .sim
        .slash(
            fx.erin,
            "nominate member",
            json!({"member": fx.frank, "area": "Runtime"}),
        )
        .await;
    let form = r.modal().custom_id.clone();

    // The outage: everything the outbox sends fails, first with 500, then with 429.
    let routes = [
        ("*", "/channels/**"),
        ("*", "/guilds/**"),
        ("*", "/users/**"),
    ];
    for route in routes {
        h.sim.fail_next(route, 4, 500);
    }
    for route in routes {
        h.sim.rate_limit_next(route, 2, 3.0);
    }
    // Members keep acting meanwhile: a nomination (a DM to frank) and three votes (edits).
    let r = h
        .sim
        .submit_modal(
            fx.erin,
            fx.general,
            &form,
            &[
                ("statement", "Two years of reviews"),
                ("links", "https://example.org/frank"),
            ],
        )
        .await;
    assert!(r.text().contains("is on its way"), "{}", r.text());
    vote_yes(&h, &ballot, &[fx.alice, fx.bob, fx.carol]).await;
    // The invitation arrives through the outage (in minutes, well before frank's deadline).
    settle(&h, Duration::seconds(5), || {
        h.sim
            .dm_messages(fx.frank)
            .iter()
            .any(|m| !m.buttons().is_empty())
    })
    .await;
    h.advance(Duration::days(7));

    let done = || {
        let role = h.sim.role_by_name("WASI Preview 2");
        let announced = h
            .announcements()
            .iter()
            .any(|m| m.content().contains("New working group"));
        let invited = h
            .sim
            .dm_messages(fx.frank)
            .iter()
            .any(|m| !m.buttons().is_empty());
        announced
            && invited
            && role.is_some_and(|r| h.sim.has_role(fx.erin, r.id) && h.sim.has_role(fx.frank, r.id))
    };
    settle(&h, Duration::seconds(20), done).await;
    assert!(
        h.sim.requests().iter().any(|r| r.status == 500)
            && h.sim.requests().iter().any(|r| r.status == 429),
        "the faults were met"
    );

    let count = |v: usize, what: &str, n: usize| assert_eq!(v, n, "{what}");
    let roles = h.sim.roles();
    count(
        roles.iter().filter(|r| r.name == "WASI Preview 2").count(),
        "roles",
        1,
    );
    let channels = h.sim.channels();
    let group: Vec<_> = channels
        .iter()
        .filter(|c| c.name == "wasi-preview-2")
        .collect();
    count(group.len(), "channels", 1);
    settle(&h, Duration::seconds(20), || {
        h.sim.pins(group[0].id).len() == 1
    })
    .await;
    count(
        h.sim.channel_messages(group[0].id).len(),
        "charter posts",
        1,
    );
    let announcements = h.announcements();
    let with = |text: &str| {
        announcements
            .iter()
            .filter(|m| m.content().contains(text) || m.embed_text().contains(text))
            .count()
    };
    count(with("New working group"), "group announcements", 1);
    count(with("Establish working group"), "ballot results", 1);
    count(
        h.sim
            .dm_messages(fx.frank)
            .iter()
            .filter(|m| !m.buttons().is_empty())
            .count(),
        "invitation DMs",
        1,
    );
    let ballots = h
        .sim
        .channel_messages(fx.general)
        .into_iter()
        .filter(|m| m.embed_text().contains("Establish working group"))
        .count();
    count(ballots, "ballot messages", 1);
    h.sim.assert_clean();
}
