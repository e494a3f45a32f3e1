//! Slash commands, clicks, modal submits and deferred replies, as the tiny bot sees them.

use discord_sim::{Fixture, ReplyKind, Sim};
use serde_json::json;

use super::bot::Bot;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slash_command_reply_lands_in_the_channel() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    sim.set_locale(fx.alice, "de");
    let r = sim
        .slash(
            fx.alice,
            "vote start",
            json!({"title": "Adopt RFC 7", "duration": "7d"}),
        )
        .await;
    assert_eq!(bot.expect("command").await, "command vote locale=de");
    assert_eq!(r.kind, ReplyKind::Message);
    assert!(!r.is_ephemeral());
    assert_eq!(r.content(), format!("Ballot started by <@{}>", fx.alice));
    assert_eq!(r.message().pinged_users(), vec![fx.alice]);
    assert_eq!(r.message().embed_titles(), vec!["Adopt RFC 7"]);
    assert!(r.text().contains("3 of 4"));
    assert_eq!(r.message().custom_ids()[0], "ballot:1:vote:+1");
    let in_channel = sim.channel_messages(fx.general);
    assert_eq!(in_channel.len(), 1);
    assert_eq!(in_channel[0].id, r.message().id);
    assert!(r.latency.is_some());
    // The payload the bot got is typed as Discord types it.
    let sent = &sim.requests_to(("POST", "/interactions/{}/{}/callback"))[0];
    assert_eq!(sent.body["type"], 4);
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slash_options_are_typed_and_resolved() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    let r = sim
        .slash(fx.alice, "grant", json!({"member": fx.frank, "role": fx.contributors_role, "where": fx.announcements, "days": 30, "quiet": true}))
        .await;
    assert!(r.is_ephemeral());
    assert_eq!(
        r.content(),
        "user=frank member=true role=Contributors channel=announcements days=30 quiet=true"
    );
    assert!(sim.has_role(fx.frank, fx.contributors_role));
    assert_eq!(
        bot.expect("member_update").await,
        "member_update frank roles=1"
    );
    let put = &sim.requests_to(("PUT", "/guilds/{}/members/{}/roles/{}"))[0];
    assert_eq!(put.audit_reason.as_deref(), Some("granted"));
    // Ephemeral replies are not in the channel.
    assert!(sim.channel_messages(fx.general).is_empty());
    // The bot cannot hand out a role above its own.
    let r = sim
        .slash(
            fx.alice,
            "grant",
            json!({"member": fx.frank, "role": fx.bot_role}),
        )
        .await;
    assert!(r.content().contains("error="), "{}", r.content());
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[should_panic(expected = "no subcommand")]
async fn slash_with_unknown_subcommand_fails_the_test() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let _bot = Bot::start(&sim).await;
    sim.slash(fx.alice, "vote stop", json!({})).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clicks_and_modal_submits_reach_the_bot() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    let r = sim
        .slash(fx.alice, "vote start", json!({"title": "T"}))
        .await;
    let ballot = r.message().clone();

    let v = sim.click(fx.bob, &ballot, "ballot:1:vote:+1").await;
    assert_eq!(
        bot.expect("component").await,
        format!("component ballot:1:vote:+1 on {}", ballot.id)
    );
    assert!(v.is_ephemeral());
    assert_eq!(v.content(), "Vote ballot:1:vote:+1 recorded");

    let u = sim.click(fx.carol, &ballot, "ballot:1:vote:0").await;
    assert_eq!(u.kind, ReplyKind::UpdateMessage);
    assert_eq!(u.message().id, ballot.id);
    assert_eq!(
        sim.message(ballot.id).unwrap().content(),
        "Ballot (1 abstention)"
    );
    assert!(sim.message(ballot.id).unwrap().edited());

    let m = sim.click(fx.carol, &ballot, "ballot:1:concern").await;
    assert_eq!(m.kind, ReplyKind::Modal);
    assert_eq!(m.modal().title, "Raise a concern");
    assert_eq!(m.modal().input("concern").unwrap().max_length, Some(500));
    let s = sim
        .submit_modal(
            fx.carol,
            fx.general,
            "ballot:1:concern",
            &[("concern", "needs docs")],
        )
        .await;
    assert_eq!(
        bot.expect("modal").await,
        "modal ballot:1:concern needs docs message=true"
    );
    assert_eq!(s.content(), "Concern noted: needs docs");

    assert!(
        sim.try_click(fx.dave, &ballot, "ballot:1:closed")
            .await
            .unwrap_err()
            .contains("disabled")
    );
    assert!(
        sim.try_click(fx.dave, &ballot, "ballot:9:vote:+1")
            .await
            .unwrap_err()
            .contains("no button")
    );
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deferred_reply_waits_for_the_followup() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let bot = Bot::start(&sim).await;
    let r = sim.slash(fx.erin, "slow", json!({})).await;
    assert_eq!(r.kind, ReplyKind::Deferred);
    assert_eq!(r.content(), "done thinking");
    assert!(r.is_ephemeral());
    let r = sim.wait_followups(r.interaction_id, 1).await;
    assert_eq!(r.followups[0].content(), "second");
    bot.stop().await;
    sim.assert_clean();
}
