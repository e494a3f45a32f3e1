//! End to end: two shards. The simulator recommends two and serves a session per shard, each
//! guild's events on its own shard; the bot connects both and answers commands in a server on
//! each. It takes about 5 s: serenity 0.12 waits 5 s between two shards' IDENTIFYs, whatever
//! `max_concurrency` says.

mod support;

use serde_json::json;
use support::bot::Harness;
use support::sim::Fixture;

#[tokio::test]
async fn commands_are_answered_in_servers_on_both_shards() {
    // Commands registered globally: the second server has no guild commands of its own.
    let h =
        Harness::start_configured(Fixture::standard().two_shards(), |s| s.guild_id = None).await;
    let fx = h.sim.fx().clone();
    let second = fx.second_guild.clone().unwrap();
    let stats = h.sim.gateway_stats();
    assert_eq!(stats.shard_count, 2, "the bot follows the recommendation");
    assert_eq!(stats.ready_shards, vec![0, 1], "both shards identified");
    let first_shard = h.sim.shard_of_guild(fx.guild);
    let second_shard = h.sim.shard_of_guild(second.id);
    assert_ne!(
        first_shard, second_shard,
        "the fixture's servers are on different shards"
    );

    // The first server, set up, opens a ballot.
    h.setup().await;
    let r = h
        .sim
        .slash(
            fx.alice,
            "vote start",
            json!({"title": "Shard one", "duration": "72h"}),
        )
        .await;
    assert!(r.text().contains("is open until"), "{}", r.text());

    // The second server's commands come over the other shard and are answered for that server:
    // nobody set Steward up there.
    for (command, options) in [
        ("govern policy", json!({})),
        (
            "vote start",
            json!({"title": "Shard two", "duration": "72h"}),
        ),
    ] {
        let r = h
            .sim
            .slash_in(fx.alice, second.channel, command, options)
            .await;
        assert!(r.is_ephemeral(), "{command}");
        assert!(
            r.text().contains("not set up here yet"),
            "{command}: {}",
            r.text()
        );
    }

    // Each interaction went out on its server's shard only.
    let on = |shard| h.sim.shard_events(shard, "INTERACTION_CREATE");
    assert!(on(first_shard).iter().all(|g| *g == Some(fx.guild)));
    assert_eq!(
        on(second_shard),
        vec![Some(second.id), Some(second.id)],
        "the second server's commands"
    );
}
