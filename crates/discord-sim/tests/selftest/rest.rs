//! REST routes called with serenity's Http directly: messages, pins, DMs, members, roles,
//! channels; fault injection; unknown routes and rejected bodies; route patterns.

use std::time::Duration;

use discord_sim::{Fixture, RoutePattern, Sim};
use serenity::all::{
    ChannelId, CreateEmbed, CreateMessage, EditMessage, GuildId, MessageId, RoleId, UserId,
};

use super::bot::{ballot_buttons, http, raw_request, status_of};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_pins_dms_and_members_over_rest() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let http = http(&sim);
    let ch = ChannelId::new(fx.announcements);
    let msg = ch
        .send_message(
            &http,
            CreateMessage::new()
                .content(format!("<@&{}> new ballot", fx.tsc_role))
                .embed(CreateEmbed::new().title("Ballot"))
                .components(ballot_buttons()),
        )
        .await
        .expect("send");
    assert_eq!(msg.author.id.get(), fx.bot);
    let stored = sim
        .wait_for_message(fx.announcements, |m| m.content().contains("new ballot"))
        .await;
    assert_eq!(stored.pinged_roles(), vec![fx.tsc_role]);
    assert!(stored.raw_body["allowed_mentions"].is_null());

    let quiet = ch
        .send_message(
            &http,
            CreateMessage::new()
                .content(format!("<@&{}> @everyone quiet", fx.tsc_role))
                .allowed_mentions(serenity::all::CreateAllowedMentions::new()),
        )
        .await
        .expect("send quiet");
    let q = sim.message(quiet.id.get()).unwrap();
    assert!(q.pinged_roles().is_empty() && !q.pings_everyone());

    let mut msg = msg;
    msg.edit(&http, EditMessage::new().content("edited"))
        .await
        .expect("edit");
    assert_eq!(sim.message(msg.id.get()).unwrap().content(), "edited");
    let fetched = ch.message(&http, msg.id).await.expect("get");
    assert_eq!(fetched.content, "edited");
    assert_eq!(fetched.embeds[0].title.as_deref(), Some("Ballot"));
    ch.pin(&http, msg.id).await.expect("pin");
    assert_eq!(sim.pins(fx.announcements), vec![msg.id.get()]);
    assert!(sim.message(msg.id.get()).unwrap().pinned());
    assert!(ch.message(&http, MessageId::new(1)).await.is_err());

    let dm = UserId::new(fx.bob)
        .create_dm_channel(&http)
        .await
        .expect("dm");
    dm.id
        .send_message(&http, CreateMessage::new().content("Your vote is due"))
        .await
        .expect("dm send");
    assert_eq!(sim.dm_messages(fx.bob)[0].content(), "Your vote is due");

    let members = GuildId::new(fx.guild)
        .members(&http, None, None)
        .await
        .expect("members");
    assert_eq!(members.len(), fx.members.len());
    let m = GuildId::new(fx.guild)
        .member(&http, UserId::new(fx.erin))
        .await
        .expect("member");
    assert_eq!(m.roles, vec![RoleId::new(fx.maintainers_role)]);
    let roles = GuildId::new(fx.guild).roles(&http).await.expect("roles");
    assert_eq!(roles.len(), fx.roles.len());
    let role = GuildId::new(fx.guild)
        .create_role(
            &http,
            serenity::all::EditRole::new()
                .name("WG Docs")
                .mentionable(true),
        )
        .await
        .expect("role");
    assert_eq!(sim.role_by_name("WG Docs").unwrap().id, role.id.get());
    let chan = GuildId::new(fx.guild)
        .create_channel(
            &http,
            serenity::all::CreateChannel::new("wg-docs")
                .category(ChannelId::new(fx.governance_category)),
        )
        .await
        .expect("channel");
    assert_eq!(
        sim.channel_by_name("wg-docs").unwrap().parent_id,
        Some(fx.governance_category)
    );
    chan.id
        .edit(&http, serenity::all::EditChannel::new().topic("Docs WG"))
        .await
        .expect("edit channel");
    assert_eq!(
        sim.channel_by_name("wg-docs").unwrap().topic.as_deref(),
        Some("Docs WG")
    );
    let fetched = chan.id.to_channel(&http).await.expect("get channel");
    assert!(fetched.guild().is_some());
    http.get_current_application_info().await.expect("app info");
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_injection() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let http = http(&sim);
    let ch = ChannelId::new(fx.general);
    let send = || ch.send_message(&http, CreateMessage::new().content("hi"));

    sim.fail_next(("POST", "/channels/{}/messages"), 2, 500);
    assert_eq!(status_of(&send().await.unwrap_err()), Some((500, 0)));
    assert_eq!(status_of(&send().await.unwrap_err()), Some((500, 0)));
    send().await.expect("third succeeds");

    // Specific channel only.
    sim.fail_next(
        format!("POST /channels/{}/messages", fx.announcements).as_str(),
        1,
        500,
    );
    send().await.expect("other channel unaffected");

    sim.rate_limit_next("POST /channels/{}/messages", 1, 1.5);
    let e = send().await.unwrap_err();
    assert_eq!(status_of(&e), Some((429, 0)));
    assert!(e.to_string().contains("rate limited"), "{e}");
    sim.rate_limit_next("POST /channels/{}/messages", 1, 2.5);
    let raw = raw_request(
        &sim,
        "POST",
        &format!("/api/v10/channels/{}/messages", fx.general),
        r#"{"content":"x"}"#,
    )
    .await;
    assert!(raw.starts_with("HTTP/1.1 429"), "{raw}");
    assert!(raw.to_ascii_lowercase().contains("retry-after: 3"), "{raw}");
    assert!(raw.contains("\"retry_after\":2.5"), "{raw}");

    sim.deny(("PUT", "/guilds/{}/members/{}/roles/{}"), None);
    for _ in 0..2 {
        let e = http
            .add_member_role(
                GuildId::new(fx.guild),
                UserId::new(fx.frank),
                RoleId::new(fx.tsc_role),
                None,
            )
            .await
            .unwrap_err();
        assert_eq!(status_of(&e), Some((403, 50013)));
    }
    sim.allow(("PUT", "/guilds/{}/members/{}/roles/{}"));
    http.add_member_role(
        GuildId::new(fx.guild),
        UserId::new(fx.frank),
        RoleId::new(fx.tsc_role),
        None,
    )
    .await
    .expect("allowed again");
    assert!(sim.has_role(fx.frank, fx.tsc_role));

    // Done, then answered as failed: the role exists although the client saw a 504.
    sim.fail_after_handling(("POST", "/guilds/{}/roles"), 1, 504);
    let e = http
        .create_role(
            GuildId::new(fx.guild),
            &serenity::all::EditRole::new().name("made anyway"),
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(status_of(&e), Some((504, 0)));
    assert!(sim.role_by_name("made anyway").is_some());

    sim.delay(("GET", "/channels/{}"), Duration::from_millis(300));
    let t = std::time::Instant::now();
    ch.to_channel(&http).await.expect("delayed get");
    assert!(t.elapsed() >= Duration::from_millis(300));
    sim.clear_faults();

    let failed: Vec<_> = sim
        .requests_to(("POST", "/channels/{}/messages"))
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(failed, vec![500, 500, 200, 200, 429, 429]);
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_routes_and_rejected_bodies_are_recorded() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let raw = raw_request(
        &sim,
        "GET",
        &format!("/api/v10/guilds/{}/audit-logs", fx.guild),
        "",
    )
    .await;
    assert!(raw.starts_with("HTTP/1.1 404"), "{raw}");
    assert_eq!(sim.unknown_routes().len(), 1);
    let e = ChannelId::new(fx.general)
        .send_message(&sim.serenity_http(), CreateMessage::new())
        .await
        .unwrap_err();
    assert_eq!(status_of(&e), Some((400, 50035)));
    // serenity refuses over-long content itself, so send it raw.
    let long = format!(r#"{{"content":"{}"}}"#, "x".repeat(2001));
    let raw = raw_request(
        &sim,
        "POST",
        &format!("/api/v10/channels/{}/messages", fx.general),
        &long,
    )
    .await;
    assert!(raw.starts_with("HTTP/1.1 400"), "{raw}");
    let problems = sim.take_problems();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems.iter().any(|p| p.contains("empty message")));
    assert!(problems.iter().any(|p| p.contains("2000 or fewer")));
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[should_panic(expected = "unknown routes or problems")]
async fn drop_panics_on_unknown_routes() {
    let sim = Sim::start(Fixture::standard()).await;
    let _ = raw_request(&sim, "GET", "/api/v10/nope", "").await;
}

#[test]
fn route_patterns() {
    let p = RoutePattern::from(("POST", "/channels/{}/messages"));
    assert!(p.matches("POST", "/channels/1/messages"));
    assert!(!p.matches("GET", "/channels/1/messages"));
    assert!(!p.matches("POST", "/channels/1/messages/2"));
    let p = RoutePattern::from("* /api/v10/guilds/{}/**");
    assert!(p.matches("DELETE", "/guilds/1/members/2/roles/3"));
    assert!(!p.matches("DELETE", "/channels/1"));
    assert_eq!(
        discord_sim::fixture::base64_no_pad(b"1200000000000000999"),
        "MTIwMDAwMDAwMDAwMDAwMDk5OQ"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn application_flags_and_recommended_shards_come_from_the_fixture() {
    let mut fx = Fixture::standard();
    fx.app_flags = 0;
    fx.recommended_shards = 2;
    let sim = Sim::start(fx).await;
    let http = http(&sim);
    let app = http.get_current_application_info().await.unwrap();
    assert_eq!(app.flags.map(|f| f.bits()), Some(0));
    assert_eq!(http.get_bot_gateway().await.unwrap().shards, 2);
    let sim = Sim::start(Fixture::standard()).await;
    let app = super::bot::http(&sim)
        .get_current_application_info()
        .await
        .unwrap();
    assert_eq!(
        app.flags.map(|f| f.bits()),
        Some(Fixture::MEMBERS_INTENT_LIMITED)
    );
}
