//! Files on messages: multipart bodies from serenity on channel messages, interaction replies,
//! follow-ups and edits of the original; edits that keep or replace files; members' files; and
//! Discord's limits.

use discord_sim::{Fixture, Sim, perms};
use serde_json::json;
use serenity::all::{ChannelId, CreateAttachment, CreateMessage, EditAttachments, EditMessage};

use super::bot::status_of;
use super::features_bot;

fn file(name: &str, bytes: &[u8]) -> CreateAttachment {
    CreateAttachment::bytes(bytes.to_vec(), name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn channel_messages_carry_files_and_edits_keep_or_replace_them() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let http = sim.serenity_http();
    let ch = ChannelId::new(fx.announcements);
    let mut msg = ch
        .send_message(
            &http,
            CreateMessage::new()
                .content("Annual report")
                .add_file(file("report.md", b"# 2026\n"))
                .add_file(file("votes.csv", b"ballot,outcome\n1,adopted\n")),
        )
        .await
        .expect("send with files");
    assert_eq!(msg.attachments.len(), 2);
    assert_eq!(msg.attachments[0].filename, "report.md");
    assert_eq!(msg.attachments[1].size, 25);
    let downloaded = msg.attachments[1].download().await.expect("download");
    assert_eq!(downloaded, b"ballot,outcome\n1,adopted\n");
    let stored = sim.message(msg.id.get()).unwrap();
    assert_eq!(stored.content(), "Annual report");
    assert_eq!(
        stored.attachments(),
        [
            ("report.md".to_string(), b"# 2026\n".to_vec()),
            (
                "votes.csv".to_string(),
                b"ballot,outcome\n1,adopted\n".to_vec()
            )
        ]
    );
    assert_eq!(
        stored.file("votes.csv").unwrap().content_type.as_deref(),
        Some("text/csv")
    );
    let sent = &sim.requests_to("POST /channels/{}/messages")[0];
    assert_eq!(
        sent.body["content"], "Annual report",
        "payload_json is the body"
    );
    assert_eq!(
        sent.files,
        [("report.md".to_string(), 7), ("votes.csv".to_string(), 25)]
    );

    // An edit without `attachments` keeps them; with it, keeps the listed ones and adds new.
    msg.edit(&http, EditMessage::new().content("Annual report (final)"))
        .await
        .unwrap();
    assert_eq!(sim.message(msg.id.get()).unwrap().files.len(), 2);
    let keep = msg.attachments[0].id;
    msg.edit(
        &http,
        EditMessage::new().attachments(EditAttachments::new().keep(keep).add(file("v2.csv", b"x"))),
    )
    .await
    .unwrap();
    let names: Vec<_> = msg.attachments.iter().map(|a| a.filename.clone()).collect();
    assert_eq!(names, ["report.md", "v2.csv"]);
    assert_eq!(sim.message(msg.id.get()).unwrap().attachments()[1].1, b"x");

    // A message of files only is not empty.
    let only = ch
        .send_message(&http, CreateMessage::new().add_file(file("only.txt", b"1")))
        .await
        .expect("files only");
    assert_eq!(sim.message(only.id.get()).unwrap().attachments().len(), 1);
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_limits_on_files() {
    let mut fx = Fixture::standard();
    fx.attachment_size_limit = 1024;
    let sim = Sim::start(fx.clone()).await;
    let http = sim.serenity_http();
    let ch = ChannelId::new(fx.general);
    let e = ch
        .send_message(
            &http,
            CreateMessage::new().add_file(file("big.bin", &[0; 2000])),
        )
        .await
        .unwrap_err();
    assert_eq!(status_of(&e), Some((413, 40005)));
    let eleven = (0..11).map(|i| file(&format!("f{i}.txt"), b"x"));
    let e = ch
        .send_message(
            &http,
            CreateMessage::new().content("many").add_files(eleven),
        )
        .await
        .unwrap_err();
    assert_eq!(status_of(&e), Some((400, 50035)));
    assert_eq!(sim.take_problems().len(), 2);
    sim.set_role_permissions(fx.bot_role, perms::BOT & !perms::ATTACH_FILES);
    let e = ch
        .send_message(&http, CreateMessage::new().add_file(file("a.txt", b"a")))
        .await
        .unwrap_err();
    assert_eq!(status_of(&e), Some((403, 50013)), "Attach Files is needed");
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interaction_replies_followups_and_edits_carry_files() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = features_bot::start(&sim).await;
    let r = sim.slash(fx.alice, "files", json!({})).await;
    assert_eq!(r.content(), "two files");
    assert_eq!(bot.expect("files done").await, "files done");
    let r = sim.reply(r.interaction_id);
    let names: Vec<_> = r.attachments().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        ["a.txt", "d.txt"],
        "the edit kept a.txt and added d.txt"
    );
    assert_eq!(r.attachments()[1].1, b"fourth");
    assert_eq!(
        r.followups[0].attachments(),
        [("c.csv".to_string(), b"third".to_vec())]
    );
    assert_eq!(sim.channel_messages(fx.general).len(), 2);

    // A member's files reach the bot as attachments.
    let posted = sim.post_message_with_files(fx.erin, fx.general, "logs", &[("ci.log", b"ok\n")]);
    assert_eq!(
        posted.attachments(),
        [("ci.log".to_string(), b"ok\n".to_vec())]
    );
    assert_eq!(
        bot.expect("message erin").await,
        "message erin files=[(\"ci.log\", 3)] logs"
    );
    bot.stop().await;
    sim.assert_clean();
}
