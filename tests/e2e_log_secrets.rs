//! Interaction tokens never reach the logs, end to end: the bot's log output is captured (this
//! binary installs the global subscriber, at the bot's default filter with everything of
//! Steward's) while Discord fails an interaction's answer and a command's follow-up, whose URLs
//! carry the interaction's token. Neither those tokens, the bot's token nor the member's text
//! appear; the failures themselves are logged, and so is an answer close to Discord's 3 s.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::json;
use support::bot::{Harness, ballot_id};

/// Everything the bot logged in this test binary.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// Installs the capturing subscriber once (before the harness would install its own).
fn logs() -> Captured {
    static LOGS: OnceLock<Captured> = OnceLock::new();
    LOGS.get_or_init(|| {
        let captured = Captured::default();
        let writer = captured.clone();
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(
                "info,serenity=warn,steward=trace",
            ))
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .init();
        captured
    })
    .clone()
}

/// Waits (bounded) until the logs hold `line`.
async fn logged(logs: &Captured, line: &str) {
    for _ in 0..3000 {
        if logs.text().contains(line) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("never logged {line:?}:\n{}", logs.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_answers_are_logged_without_tokens_or_member_text() {
    let logs = logs();
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Plain title").await;

    // A vote answered slowly (Discord takes 2.6 s to accept the answer): operators see it.
    let callback = ("POST", "/interactions/{}/{}/callback");
    h.sim
        .delay(callback, std::time::Duration::from_millis(2600));
    let custom_id = format!("v2:ballot:{}:vote:+1", ballot_id(&ballot));
    let slow = h.sim.click(fx.carol, &ballot, &custom_id).await;
    h.sim.allow(callback);
    logged(&logs, "answered close to or after Discord's limit").await;
    assert!(
        logs.text()
            .contains(&format!("interaction_id={}", slow.interaction_id)),
        "{}",
        logs.text()
    );
    assert!(h.answered_in(slow.interaction_id).await > std::time::Duration::from_millis(2500));

    // A vote whose answer Discord fails (500): the error names the callback URL.
    h.sim.fail_next(callback, 1, 500);
    let vote = h.sim.send_click(fx.bob, &ballot, &custom_id).await.unwrap();
    logged(&logs, "could not answer an interaction").await;

    // A command with the member's text whose follow-up Discord refuses (404): the error names
    // the webhook URL, and the error reply meets the same refusal.
    let secret_title = "Quietly kept title 7f3a";
    h.sim.fail_next(("POST", "/webhooks/{}/{}"), 5, 404);
    h.sim
        .fail_next(("PATCH", "/webhooks/{}/{}/messages/{}"), 5, 404);
    let command = h
        .sim
        .send_slash(
            fx.alice,
            fx.general,
            "vote start",
            json!({"title": secret_title, "duration": "72h"}),
        )
        .await;
    logged(&logs, "could not send an error reply").await;
    h.settle().await;

    let text = logs.text();
    assert!(text.contains("<redacted>"), "{text}");
    for (what, secret) in [
        ("the slow vote's interaction token", slow.token.clone()),
        ("the vote's interaction token", h.sim.reply(vote).token),
        (
            "the command's interaction token",
            h.sim.reply(command).token,
        ),
        ("the bot's token", h.sim.token().to_string()),
        ("the member's text", secret_title.to_owned()),
    ] {
        assert!(!secret.is_empty());
        assert!(!text.contains(&secret), "{what} was logged:\n{text}");
    }
    // The refused answers were Discord's doing, not the bot's: nothing else to report.
    h.sim.take_problems();
}
