//! Context menu commands, slash commands and clicks in DMs, and autocomplete, as the feature bot
//! sees them; and the registration rules for context menus.

use discord_sim::{Fixture, ReplyKind, Sim};
use serde_json::json;
use serenity::all::{ButtonStyle, CreateActionRow, CreateButton, CreateMessage, UserId};

use super::bot::raw_request;
use super::features_bot;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn message_and_user_commands_carry_their_target() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = features_bot::start(&sim).await;
    let kinds: Vec<_> = sim.commands().iter().map(|c| c["type"].clone()).collect();
    assert_eq!(kinds, [json!(3), json!(2), json!(1), json!(1), json!(1)]);

    let post = sim.post_message(fx.erin, fx.general, "this breaks the code of conduct");
    let r = sim
        .context_menu(fx.bob, fx.general, "Report message", &post)
        .await;
    assert_eq!(
        bot.expect("message_command").await,
        "message_command Report message target=\"this breaks the code of conduct\" author=erin"
    );
    assert!(r.is_ephemeral());
    assert_eq!(r.content(), "Reported: this breaks the code of conduct");
    assert_eq!(
        r.message().kind(),
        23,
        "a context menu reply is a type 23 message"
    );

    let r = sim
        .user_context_menu(fx.alice, fx.general, "Profile", fx.frank)
        .await;
    assert_eq!(
        bot.expect("user_command").await,
        "user_command target=frank member=true"
    );
    assert_eq!(r.content(), "Profile of frank");
    assert_eq!(
        sim.channel_messages(fx.general).len(),
        2,
        "the post and the profile"
    );
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn context_menus_are_held_to_their_rules() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let path = format!("/api/v10/applications/{}/commands", fx.app_id);
    let ok = raw_request(&sim, "PUT", &path, r#"[{"name":"Raise Concern","type":3}]"#).await;
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    for bad in [
        r#"[{"name":"Raise Concern","type":3,"description":"no"}]"#,
        r#"[{"name":"Who","type":2,"options":[{"name":"x","type":3,"description":"x"}]}]"#,
        r#"[{"name":"Bad!Name","type":3}]"#,
        r#"[{"name":"Same","type":2},{"name":"Same","type":2}]"#,
    ] {
        let raw = raw_request(&sim, "PUT", &path, bad).await;
        assert!(raw.starts_with("HTTP/1.1 400"), "{bad} -> {raw}");
    }
    assert_eq!(sim.take_problems().len(), 4);
    assert_eq!(sim.commands()[0]["name"], "Raise Concern");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slash_commands_and_clicks_in_dms_have_no_guild() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = features_bot::start(&sim).await;
    let r = sim.slash_dm(fx.bob, "status", json!({})).await;
    let dm = sim.dm_channel(fx.bob);
    assert_eq!(
        bot.expect("status").await,
        format!("status guild=false member=false user=bob channel={dm} context=Some(BotDm)")
    );
    assert_eq!(r.kind, ReplyKind::Message);
    assert_eq!(
        r.attachments(),
        [("status.txt".to_string(), b"all good".to_vec())]
    );
    assert_eq!(sim.dm_messages(fx.bob)[0].id, r.message().id);
    let sent = sim.requests_to("POST /interactions/{}/{}/callback");
    assert!(sent.iter().all(|q| q.status == 204));
    // The same command in the guild carries the member.
    sim.slash(fx.bob, "status", json!({})).await;
    assert!(
        bot.expect("status")
            .await
            .starts_with("status guild=true member=true")
    );

    // A button on a DM the bot sent: the click has the same DM shape.
    let http = sim.serenity_http();
    let ch = UserId::new(fx.carol)
        .create_dm_channel(&http)
        .await
        .unwrap();
    let row = CreateActionRow::Buttons(vec![
        CreateButton::new("dm:ack")
            .label("Ack")
            .style(ButtonStyle::Primary),
    ]);
    let m = ch
        .id
        .send_message(
            &http,
            CreateMessage::new()
                .content("Please ack")
                .components(vec![row]),
        )
        .await
        .unwrap();
    let msg = sim.message(m.id.get()).unwrap();
    let c = sim.click(fx.carol, &msg, "dm:ack").await;
    assert_eq!(
        bot.expect("component").await,
        "component dm:ack guild=false member=false user=carol context=Some(BotDm)"
    );
    assert_eq!(c.content(), "ack");
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[should_panic(expected = "guild commands do not exist in DMs")]
async fn a_guild_command_cannot_be_used_in_dms() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let _bot = features_bot::start(&sim).await;
    sim.slash_dm(fx.bob, "pick", json!({"fruit": "apple"}))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_returns_the_bots_choices() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = features_bot::start(&sim).await;
    let choices = sim
        .autocomplete(
            fx.erin,
            fx.general,
            "pick",
            "fruit",
            "ap",
            json!({"count": 3}),
        )
        .await;
    assert_eq!(
        bot.expect("autocomplete").await,
        "autocomplete ap count=Some(\"Integer(3)\")"
    );
    assert_eq!(
        choices,
        [
            ("APPLE".to_string(), json!("apple")),
            ("APRICOT".to_string(), json!("apricot"))
        ]
    );
    // Required options may still be empty while typing; the focused one is sent as typed.
    let none = sim
        .autocomplete(fx.erin, fx.general, "pick", "fruit", "zz", json!({}))
        .await;
    assert!(none.is_empty());
    let r = sim.slash(fx.erin, "pick", json!({"fruit": "apple"})).await;
    assert_eq!(r.content(), "pick done");
    sim.assert_clean();

    // 26 choices: Discord refuses them (the simulator records it); 25 pass.
    let many = sim
        .autocomplete(fx.erin, fx.general, "pick", "fruit", "many", json!({}))
        .await;
    assert_eq!(
        bot.expect("autocomplete refused").await,
        "autocomplete refused"
    );
    assert_eq!(many.len(), 25);
    let problems = sim.take_problems();
    assert!(
        problems.iter().any(|p| p.contains("25 or fewer")),
        "{problems:#?}"
    );
    bot.stop().await;
}
