//! The gateway: READY and GUILD_CREATE fill the cache, drops resume, invalid sessions and
//! restarts identify again, member events arrive.

use discord_sim::{Fixture, ReplyKind, Sim};
use serde_json::json;
use serenity::all::{ChannelId, GuildId, RoleId, UserId};

use super::bot::Bot;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ready_and_guild_create_fill_the_cache() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    let gc = bot.expect("guild_create").await;
    assert_eq!(
        gc,
        format!(
            "guild_create Open Project roles={} channels={} members={}",
            fx.roles.len(),
            fx.channels.len(),
            fx.members.len()
        )
    );
    {
        let g = bot
            .cache
            .guild(GuildId::new(fx.guild))
            .expect("guild cached");
        assert_eq!(g.roles[&RoleId::new(fx.tsc_role)].name, "TSC");
        assert_eq!(
            g.channels[&ChannelId::new(fx.announcements)].name,
            "announcements"
        );
        assert!(
            g.members[&UserId::new(fx.alice)]
                .roles
                .contains(&RoleId::new(fx.tsc_role))
        );
    }
    assert_eq!(bot.cache.current_user().id.get(), fx.bot);
    let cmds = sim.wait_commands_registered().await;
    assert_eq!(
        cmds.iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["vote", "grant", "slow"]
    );
    let stats = sim.gateway_stats();
    assert_eq!(stats.identifies, 1);
    assert!(stats.intents & (1 << 1) != 0, "GUILD_MEMBERS intent");
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_gateway_resumes_and_replays_missed_events() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    sim.drop_gateway();
    // Dispatched while the bot is reconnecting: replayed on RESUME.
    sim.post_message(fx.erin, fx.general, "sent during the outage");
    // Replayed events come before RESUMED; handlers run concurrently, so take both in any order.
    let mut seen = vec![
        bot.expect_any(&["resumed", "message"]).await,
        bot.expect_any(&["resumed", "message"]).await,
    ];
    seen.sort();
    assert_eq!(seen, ["message erin sent during the outage", "resumed"]);
    let s = sim.gateway_stats();
    assert_eq!((s.identifies, s.resumes, s.connections), (1, 1, 2));
    // Still works afterwards.
    let r = sim
        .slash(fx.bob, "vote start", json!({"title": "after"}))
        .await;
    assert_eq!(r.message().embed_titles(), vec!["after"]);
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_session_leads_to_a_new_identify() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    sim.invalidate_session();
    sim.wait_gateway("a second IDENTIFY", |s| s.identifies == 2)
        .await;
    bot.expect("ready").await;
    sim.wait_ready().await;
    let r = sim
        .slash(fx.bob, "vote start", json!({"title": "again"}))
        .await;
    assert_eq!(r.kind, ReplyKind::Message);
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn member_events_reach_the_bot() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    sim.post_message(fx.erin, fx.general, "hello");
    assert_eq!(bot.expect("message").await, "message erin hello");
    sim.add_role(fx.frank, fx.security_role);
    assert_eq!(
        bot.expect("member_update").await,
        "member_update frank roles=1"
    );
    sim.remove_member(fx.dave);
    assert_eq!(bot.expect("member_removal").await, "member_removal dave");
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dispatch_serenity_would_reject_is_reported_when_sent() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    bot.expect("guild_create").await;
    // Checked as the connection writes it, not when queued: still reported.
    sim.dispatch_raw("MESSAGE_CREATE", json!({"id": "not a snowflake"}));
    sim.post_message(fx.erin, fx.general, "after it");
    assert_eq!(bot.expect("message").await, "message erin after it");
    sim.wait_delivered().await;
    let problems = sim.take_problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("a MESSAGE_CREATE that serenity rejects"),
        "{problems:?}"
    );
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moderators_delete_messages_and_channels_and_remove_the_bot() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    let m = sim.post_message(fx.erin, fx.general, "hello");
    assert_eq!(bot.expect("message").await, "message erin hello");
    sim.delete_message(m.id);
    assert_eq!(
        bot.expect("message_delete").await,
        format!("message_delete {}", m.id)
    );
    let name = sim
        .channels()
        .into_iter()
        .find(|c| c.id == fx.announcements)
        .unwrap()
        .name;
    sim.delete_channel(fx.announcements);
    assert_eq!(
        bot.expect("channel_delete").await,
        format!("channel_delete {name}")
    );
    sim.remove_bot();
    assert_eq!(
        bot.expect("guild_delete").await,
        "guild_delete unavailable=false"
    );
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_bot_identifies_again() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let bot = Bot::start(&sim).await;
    bot.stop().await;
    sim.wait_gateway("the first bot to disconnect", |s| s.connected == 0)
        .await;
    let bot = Bot::start(&sim).await;
    assert_eq!(sim.gateway_stats().identifies, 2);
    let r = sim
        .slash(fx.carol, "vote start", json!({"title": "second life"}))
        .await;
    assert_eq!(r.message().embed_titles(), vec!["second life"]);
    bot.stop().await;
    sim.assert_clean();
}
