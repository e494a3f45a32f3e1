//! `enforce_nonce`: a repeated nonce returns the first message and creates nothing, as Discord
//! does for a few minutes; without enforcement, or with another nonce, a message is new.

use discord_sim::{Fixture, Sim};
use serenity::all::{ChannelId, CreateMessage, Nonce};

use super::client::http;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_repeated_enforced_nonce_returns_the_first_message() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let http = http(&sim);
    let ch = ChannelId::new(fx.announcements);
    let post = |nonce: &str, enforce: bool, text: &str| {
        ch.send_message(
            &http,
            CreateMessage::new()
                .content(text.to_owned())
                .nonce(Nonce::String(nonce.to_owned()))
                .enforce_nonce(enforce),
        )
    };

    let first = post("steward-1", true, "first").await.expect("first post");
    let again = post("steward-1", true, "retry").await.expect("retry");
    assert_eq!(again.id, first.id, "the first message is returned");
    assert_eq!(again.content, "first");
    // The same nonce in another channel, another nonce, or no enforcement: new messages.
    let other = ChannelId::new(fx.general)
        .send_message(
            &http,
            CreateMessage::new()
                .content("elsewhere")
                .nonce(Nonce::String("steward-1".into()))
                .enforce_nonce(true),
        )
        .await
        .unwrap();
    assert_ne!(other.id, first.id);
    let second = post("steward-2", true, "second").await.unwrap();
    assert_ne!(second.id, first.id);
    let unenforced = post("steward-1", false, "unenforced").await.unwrap();
    assert_ne!(unenforced.id, first.id);
    let texts: Vec<String> = sim
        .channel_messages(fx.announcements)
        .iter()
        .map(|m| m.content().to_owned())
        .collect();
    assert_eq!(texts, ["first", "second", "unenforced"]);

    // Discord caps a nonce at 25 characters.
    assert!(post(&"n".repeat(26), true, "long").await.is_err());
    assert_eq!(sim.take_problems().len(), 1);
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nonce_is_forgotten_after_a_few_minutes() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let now = std::sync::Arc::new(std::sync::Mutex::new(chrono::Utc::now()));
    let clock = now.clone();
    sim.use_clock(move || *clock.lock().unwrap());
    let http = http(&sim);
    let ch = ChannelId::new(fx.announcements);
    let post = || {
        ch.send_message(
            &http,
            CreateMessage::new()
                .content("hello")
                .nonce(Nonce::String("steward-9".into()))
                .enforce_nonce(true),
        )
    };
    let first = post().await.unwrap();
    *now.lock().unwrap() += chrono::Duration::minutes(4);
    assert_eq!(post().await.unwrap().id, first.id);
    *now.lock().unwrap() += chrono::Duration::minutes(2);
    assert_ne!(post().await.unwrap().id, first.id);
    assert_eq!(sim.channel_messages(fx.announcements).len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_answer_still_creates_the_message_and_the_retry_with_its_nonce_does_not() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let http = http(&sim);
    let ch = ChannelId::new(fx.announcements);
    let post = || {
        ch.send_message(
            &http,
            CreateMessage::new()
                .content("result")
                .nonce(Nonce::String("steward-3".into()))
                .enforce_nonce(true),
        )
    };
    sim.fail_after_handling("POST /channels/{}/messages", 1, 504);
    let e = post().await.unwrap_err();
    assert_eq!(super::client::status_of(&e), Some((504, 0)));
    assert_eq!(sim.channel_messages(fx.announcements).len(), 1, "it acted");
    let retried = post().await.unwrap();
    let all = sim.channel_messages(fx.announcements);
    assert_eq!(all.len(), 1);
    assert_eq!(retried.id.get(), all[0].id);
    let statuses: Vec<u16> = sim
        .requests_to("POST /channels/{}/messages")
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, [504, 200], "requests record what the bot saw");
}
