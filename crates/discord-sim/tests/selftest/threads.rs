//! Threads and forum posts over REST: private threads and who can see them, threads from a
//! message, forum posts with their starter message, editing, members, and Discord's refusals.

use discord_sim::{Fixture, Sim, perms};
use serenity::all::{
    AutoArchiveDuration, ChannelId, ChannelType, CreateAttachment, CreateForumPost, CreateMessage,
    CreateThread, EditThread, GuildId, UserId,
};

use super::bot::{raw_request, status_of};
use super::features_bot;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn private_threads_are_seen_by_members_and_moderators_only() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let http = sim.serenity_http();
    let general = ChannelId::new(fx.general);
    let t = general
        .create_thread(
            &http,
            CreateThread::new("case-17")
                .kind(ChannelType::PrivateThread)
                .invitable(false)
                .auto_archive_duration(AutoArchiveDuration::OneWeek),
        )
        .await
        .expect("private thread");
    assert_eq!(t.kind, ChannelType::PrivateThread);
    assert_eq!(t.parent_id, Some(general));
    let meta = t.thread_metadata.expect("thread_metadata");
    assert!(!meta.archived && !meta.invitable);
    let th = sim.thread(t.id.get()).expect("recorded");
    assert_eq!(
        (th.name.as_str(), th.kind, th.parent_id),
        ("case-17", 12, fx.general)
    );
    assert_eq!(th.members, vec![fx.bot], "the creator is in it");
    assert!(
        sim.channel_messages(fx.general).is_empty(),
        "no system message"
    );

    t.id.add_thread_member(&http, UserId::new(fx.bob))
        .await
        .expect("add bob");
    assert!(sim.can_see(fx.bob, t.id.get()));
    assert!(
        !sim.can_see(fx.frank, t.id.get()),
        "not a member, no Manage Threads"
    );
    assert!(
        sim.can_see(fx.alice, t.id.get()),
        "an administrator moderates threads"
    );
    assert!(sim.can_see(fx.frank, fx.general));
    assert!(!sim.can_see(fx.frank, fx.tsc_private));

    // A ping in the thread adds the member, as on Discord.
    t.id.send_message(
        &http,
        CreateMessage::new().content(format!("<@{}> please look", fx.carol)),
    )
    .await
    .expect("post in thread");
    assert_eq!(
        sim.thread_members(t.id.get()),
        vec![fx.bot, fx.bob, fx.carol]
    );
    assert_eq!(sim.channel_messages(t.id.get()).len(), 1);
    let listed = http
        .get_channel_thread_members(t.id)
        .await
        .expect("members");
    assert_eq!(listed.len(), 3);

    t.id.remove_thread_member(&http, UserId::new(fx.bob))
        .await
        .expect("remove bob");
    assert!(!sim.can_see(fx.bob, t.id.get()));

    // Read back as a channel, archive and lock, post again (unarchives: the bot moderates).
    let got =
        t.id.to_channel(&http)
            .await
            .expect("get")
            .guild()
            .expect("guild channel");
    assert_eq!(
        got.thread_metadata.unwrap().auto_archive_duration,
        AutoArchiveDuration::OneWeek
    );
    t.id.edit_thread(
        &http,
        EditThread::new()
            .name("case-17-closed")
            .archived(true)
            .locked(true),
    )
    .await
    .expect("archive");
    let th = sim.thread(t.id.get()).unwrap();
    assert!(th.archived && th.locked && th.name == "case-17-closed");
    let e =
        t.id.add_thread_member(&http, UserId::new(fx.bob))
            .await
            .unwrap_err();
    assert_eq!(
        status_of(&e),
        Some((400, 50083)),
        "an archived thread takes no members"
    );
    assert_eq!(sim.take_problems().len(), 1);
    t.id.say(&http, "reopened").await.expect("post unarchives");
    assert!(!sim.thread(t.id.get()).unwrap().archived);
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn threads_from_messages_and_public_threads() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let http = sim.serenity_http();
    let general = ChannelId::new(fx.general);
    let m = general.say(&http, "Proposal: adopt RFC 9").await.unwrap();
    let t = general
        .create_thread_from_message(&http, m.id, CreateThread::new("Discuss RFC 9"))
        .await
        .expect("thread from message");
    assert_eq!(
        t.id.get(),
        m.id.get(),
        "a thread from a message takes its id"
    );
    assert_eq!(t.kind, ChannelType::PublicThread);
    let starter = sim.message(m.id.get()).unwrap();
    assert_eq!(starter.json["thread"]["id"], m.id.to_string());
    assert_eq!(starter.flags() & 32, 32, "HAS_THREAD");
    let e = general
        .create_thread_from_message(&http, m.id, CreateThread::new("again"))
        .await
        .unwrap_err();
    assert_eq!(status_of(&e), Some((400, 160004)));

    let p = general
        .create_thread(
            &http,
            CreateThread::new("open questions").kind(ChannelType::PublicThread),
        )
        .await
        .unwrap();
    let system = sim.channel_messages(fx.general).pop().unwrap();
    assert_eq!((system.kind(), system.content()), (18, "open questions"));
    sim.join_thread(fx.frank, p.id.get());
    assert!(sim.thread(p.id.get()).unwrap().has_member(fx.frank));
    let names: Vec<_> = sim
        .threads_of(fx.general)
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names, ["Discuss RFC 9", "open questions"]);
    let active = GuildId::new(fx.guild)
        .get_active_threads(&http)
        .await
        .unwrap();
    assert_eq!(active.threads.len(), 2);
    assert_eq!(
        sim.take_problems().len(),
        1,
        "the second thread on one message"
    );
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forum_posts_have_a_starter_message_with_the_thread_id() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let http = sim.serenity_http();
    let forum = ChannelId::new(fx.forum);
    let got = forum.to_channel(&http).await.unwrap().guild().unwrap();
    assert_eq!(got.kind, ChannelType::Forum);
    let post = forum
        .create_forum_post(
            &http,
            CreateForumPost::new(
                "RFC 12: Release cadence",
                CreateMessage::new()
                    .content("Summary: ship every 6 weeks")
                    .add_file(CreateAttachment::bytes(b"# RFC 12\n".to_vec(), "rfc-12.md")),
            ),
        )
        .await
        .expect("forum post");
    assert_eq!(post.kind, ChannelType::PublicThread);
    assert_eq!(post.parent_id, Some(forum));
    let messages = sim.channel_messages(post.id.get());
    assert_eq!(messages.len(), 1);
    assert_eq!(
        messages[0].id,
        post.id.get(),
        "the starter message has the thread's id"
    );
    assert_eq!(messages[0].content(), "Summary: ship every 6 weeks");
    assert_eq!(
        messages[0].attachments(),
        [("rfc-12.md".to_string(), b"# RFC 12\n".to_vec())]
    );
    assert_eq!(
        sim.thread(post.id.get()).unwrap().starter_message,
        Some(post.id.get())
    );
    post.id
        .say(&http, "first comment")
        .await
        .expect("reply in the post");
    assert_eq!(sim.channel_messages(post.id.get()).len(), 2);
    sim.assert_clean();

    // What Discord refuses: posting in the forum itself, a post without a message, a long name,
    // a private thread outside a text channel, thread members of a channel that is no thread.
    let e = forum.say(&http, "not here").await.unwrap_err();
    assert_eq!(status_of(&e), Some((400, 50008)));
    let path = format!("/api/v10/channels/{}/threads", fx.forum);
    let raw = raw_request(&sim, "POST", &path, r#"{"name":"no message"}"#).await;
    assert!(raw.starts_with("HTTP/1.1 400"), "{raw}");
    let long = format!(r#"{{"name":"{}","type":11}}"#, "x".repeat(101));
    let path = format!("/api/v10/channels/{}/threads", fx.general);
    assert!(
        raw_request(&sim, "POST", &path, &long)
            .await
            .starts_with("HTTP/1.1 400")
    );
    let path = format!("/api/v10/channels/{}/threads", fx.governance_category);
    let raw = raw_request(&sim, "POST", &path, r#"{"name":"p","type":12}"#).await;
    assert!(raw.contains("50024"), "{raw}");
    let e = ChannelId::new(fx.general)
        .add_thread_member(&http, UserId::new(fx.bob))
        .await
        .unwrap_err();
    assert_eq!(status_of(&e), Some((400, 50024)));
    assert_eq!(sim.take_problems().len(), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thread_permissions_come_from_the_bots_role() {
    let mut fx = Fixture::standard();
    fx.set_bot_permissions(perms::BOT & !perms::CREATE_PRIVATE_THREADS & !perms::MANAGE_THREADS);
    let sim = Sim::start(fx.clone()).await;
    let http = sim.serenity_http();
    let general = ChannelId::new(fx.general);
    let e = general
        .create_thread(
            &http,
            CreateThread::new("secret").kind(ChannelType::PrivateThread),
        )
        .await
        .unwrap_err();
    assert_eq!(status_of(&e), Some((403, 50013)));
    let t = general
        .create_thread(
            &http,
            CreateThread::new("open").kind(ChannelType::PublicThread),
        )
        .await
        .expect("public threads are still allowed");
    let e =
        t.id.edit_thread(&http, EditThread::new().locked(true))
            .await
            .unwrap_err();
    assert_eq!(
        status_of(&e),
        Some((403, 50013)),
        "locking needs Manage Threads"
    );
    sim.set_role_permissions(fx.bot_role, perms::BOT);
    t.id.edit_thread(&http, EditThread::new().locked(true))
        .await
        .expect("now it may");
    assert!(sim.thread(t.id.get()).unwrap().locked);
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thread_events_reach_the_bot_and_its_cache() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = features_bot::start(&sim).await;
    let http = sim.serenity_http();
    let t = ChannelId::new(fx.general)
        .create_thread(
            &http,
            CreateThread::new("wg-docs").kind(ChannelType::PrivateThread),
        )
        .await
        .unwrap();
    assert_eq!(
        bot.expect("thread_create").await,
        "thread_create wg-docs kind=PrivateThread"
    );
    t.id.add_thread_member(&http, UserId::new(fx.erin))
        .await
        .unwrap();
    assert_eq!(
        bot.expect("thread_members_update").await,
        "thread_members_update count=2 added=1 removed=0"
    );
    // Commands and messages in the thread.
    let r = sim
        .slash_in(fx.erin, t.id.get(), "status", serde_json::json!({}))
        .await;
    assert!(
        bot.expect("status")
            .await
            .contains(&format!("channel={}", t.id))
    );
    assert_eq!(r.message().channel_id, t.id.get());
    sim.post_message(fx.erin, t.id.get(), "hello thread");
    assert_eq!(
        bot.expect("message erin").await,
        "message erin files=[] hello thread"
    );
    t.id.edit_thread(&http, EditThread::new().archived(true))
        .await
        .unwrap();
    assert_eq!(
        bot.expect("thread_update").await,
        "thread_update wg-docs archived=true locked=false"
    );
    // A new session's GUILD_CREATE lists the active threads.
    t.id.edit_thread(&http, EditThread::new().archived(false))
        .await
        .unwrap();
    sim.invalidate_session();
    sim.wait_gateway("a second IDENTIFY", |s| s.identifies == 2)
        .await;
    bot.expect("ready").await;
    let mut cached = None;
    for _ in 0..250 {
        cached = bot
            .cache
            .guild(GuildId::new(fx.guild))
            .map(|g| g.threads.len());
        if cached == Some(1) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(
        cached,
        Some(1),
        "the thread is in the cache from GUILD_CREATE"
    );
    bot.stop().await;
    sim.assert_clean();
}
