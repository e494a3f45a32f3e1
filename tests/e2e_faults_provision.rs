//! Fault scenario 3: Discord creates a working group's channel (and role) but the bot sees a
//! timeout; and a rate limit midway through giving the members their role. Still exactly one
//! channel and one role, every member gets the role, no member's request is sent twice.

mod faults_support;
mod support;

use chrono::Duration;
use faults_support::{approve_group, settle};
use support::bot::Harness;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timeout_after_creation_leaves_one_channel_and_one_role() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    // Discord made them; the bot saw a gateway timeout each time.
    h.sim
        .fail_after_handling(("POST", "/guilds/{}/roles"), 1, 504);
    h.sim
        .fail_after_handling(("POST", "/guilds/{}/channels"), 1, 504);
    approve_group(&h).await;
    settle(&h, Duration::seconds(30), || {
        h.sim
            .channel_by_name("wasi-preview-2")
            .is_some_and(|c| h.sim.pins(c.id).len() == 1)
    })
    .await;
    let roles: Vec<_> = h
        .sim
        .roles()
        .into_iter()
        .filter(|r| r.name == "WASI Preview 2")
        .collect();
    assert_eq!(roles.len(), 1, "one role, adopted after the timeout");
    let channels: Vec<_> = h
        .sim
        .channels()
        .into_iter()
        .filter(|c| c.name == "wasi-preview-2")
        .collect();
    assert_eq!(channels.len(), 1, "one channel, adopted after the timeout");
    assert_eq!(channels[0].parent_id, Some(fx.governance_category));
    h.sim.wait_for_role(fx.erin, roles[0].id, true).await;
    h.sim.wait_for_role(fx.frank, roles[0].id, true).await;
    assert_eq!(h.sim.requests_to(("POST", "/guilds/{}/roles")).len(), 1);
    assert_eq!(h.sim.requests_to(("POST", "/guilds/{}/channels")).len(), 1);
    h.sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limit_midway_through_the_members_never_starts_the_list_again() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    // frank's role is refused for a while; erin's must not be asked for again meanwhile.
    let franks = format!("PUT /guilds/{{}}/members/{}/roles/{{}}", fx.frank);
    h.sim.rate_limit_next(franks.as_str(), 3, 2.0);
    approve_group(&h).await;
    settle(&h, Duration::seconds(3), || {
        h.sim
            .role_by_name("WASI Preview 2")
            .is_some_and(|r| h.sim.has_role(fx.frank, r.id) && h.sim.has_role(fx.erin, r.id))
    })
    .await;
    let puts = h.sim.requests_to(("PUT", "/guilds/{}/members/{}/roles/{}"));
    let to = |user: u64| {
        puts.iter()
            .filter(|r| r.path.contains(&format!("/members/{user}/")))
            .count()
    };
    assert_eq!(to(fx.erin), 1, "erin's role was asked for once");
    assert_eq!(to(fx.frank), 4, "three 429s, then granted");
    h.sim.assert_clean();
}
