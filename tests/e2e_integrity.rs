//! End to end: the promises one member could otherwise break, through the real bot and the
//! Discord simulator. Everything the bot sent Discord is searched, not only what is on screen.

mod support;

use chrono::Duration;
use serde_json::json;
use support::bot::{Harness, ballot_id};

/// Every request body the bot sent Discord, as text.
fn everything_sent(h: &Harness) -> String {
    h.sim
        .requests()
        .iter()
        .map(|r| r.body.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn a_secret_ballot_reveals_nothing_until_it_closes_and_no_author_after() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(
            fx.alice,
            "vote start",
            json!({"title": "Elect the release manager", "duration": "72h", "secret": true}),
        )
        .await;
    assert!(r.text().contains("is open until"), "{}", r.text());
    let ballot = h
        .sim
        .wait_for_message(fx.general, |m| {
            m.embed_text().contains("Elect the release manager") && !m.buttons().is_empty()
        })
        .await;
    let id = ballot_id(&ballot);
    for who in [fx.alice, fx.bob] {
        h.sim
            .click(who, &ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
    }
    h.sim
        .click(fx.carol, &ballot, &format!("v2:ballot:{id}:vote:-1"))
        .await;
    h.sim
        .submit_modal(
            fx.carol,
            fx.general,
            &format!("v2:ballot:{id}:concern"),
            &[("concern", "CAROLS-SECRET-CONCERN")],
        )
        .await;
    let live = h
        .sim
        .wait_for_edit(ballot.id, |m| m.embed_text().contains("3 of 4 voted"))
        .await;
    // Participation only: no tally, no concern, not even how many there are.
    let text = live.embed_text();
    assert!(!text.contains("+1: **"), "{text}");
    assert!(!text.contains("Concern"), "{text}");
    let status = h
        .sim
        .slash(fx.dave, "vote status", json!({"ballot": id}))
        .await;
    assert!(status.text().contains("3 of 4 voted"), "{}", status.text());
    assert!(!status.text().contains("+1: **"), "{}", status.text());
    // Nothing the bot sent anyone (edits, replies, notices) holds the concern while it is open.
    assert!(!everything_sent(&h).contains("CAROLS-SECRET-CONCERN"));

    h.advance(Duration::hours(72));
    let result = h
        .sim
        .wait_for_message(fx.announcements, |m| {
            m.embed_text().contains("Elect the release manager")
        })
        .await;
    let text = result.embed_text();
    assert!(text.contains("+1: **2**"), "{text}");
    assert!(text.contains("CAROLS-SECRET-CONCERN"), "{text}");
    assert!(
        !everything_sent(&h).contains(&format!("<@{}>: CAROLS", fx.carol)),
        "concerns without authors"
    );
    assert_eq!(h.count("votes").await, 0, "voters unlinked from choices");
    assert_eq!(h.count("ballot_voters").await, 3, "participation kept");
}

#[tokio::test]
async fn only_the_opener_may_withdraw_and_not_once_a_binding_vote_is_cast() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Adopt RFC 12").await;
    let id = ballot_id(&ballot);
    // Another TSC member cannot stop the vote.
    let r = h
        .sim
        .slash(
            fx.bob,
            "vote cancel",
            json!({"ballot": id, "reason": "I will lose"}),
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(
        r.text().contains("Only the member who opened"),
        "{}",
        r.text()
    );
    // Once a binding vote is cast, not even the opener can.
    h.sim
        .click(fx.bob, &ballot, &format!("v2:ballot:{id}:vote:-1"))
        .await;
    h.sim
        .submit_modal(
            fx.bob,
            fx.general,
            &format!("v2:ballot:{id}:concern"),
            &[("concern", "Not ready")],
        )
        .await;
    let r = h
        .sim
        .slash(
            fx.alice,
            "vote cancel",
            json!({"ballot": id, "reason": "Changed my mind"}),
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("runs to its deadline"), "{}", r.text());
    assert!(h.bot().app().ballot_view(id).await.unwrap().ballot.open);
}

#[tokio::test]
async fn without_a_tsc_channel_notes_for_the_tsc_wait_and_arrive_once_one_is_named() {
    let h = Harness::start().await;
    let fx = h.sim.fx().clone();
    let setup = |tsc_channel: Option<u64>, locale: &str| {
        let mut options = json!({
            "tsc": fx.tsc_role,
            "announcements": fx.announcements,
            "maintainers": fx.maintainers_role,
            "locale": locale,
        });
        if let Some(channel) = tsc_channel {
            options["tsc-channel"] = json!(channel);
        }
        options
    };
    h.sim
        .slash(fx.alice, "govern setup", setup(None, "en-US"))
        .await;
    // A change of the set-up is a note for the TSC: with no TSC channel it waits.
    let r = h
        .sim
        .slash(fx.alice, "govern setup", setup(None, "de"))
        .await;
    assert!(
        r.text().contains("kein privater TSC-Kanal") || r.text().contains("No private TSC channel"),
        "{}",
        r.text()
    );
    h.bot().wake();
    let waiting_setup_note = "SELECT COUNT(*) FROM outbox WHERE payload LIKE '%setup_changed%'
                              AND delivered_at IS NULL AND last_error LIKE 'waiting:%'";
    for _ in 0..3000 {
        let n: i64 = sqlx::query_scalar(waiting_setup_note)
            .fetch_one(h.bot().app().db())
            .await
            .unwrap();
        if n == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let show = h.sim.slash(fx.bob, "govern show", json!({})).await;
    let text = show.text();
    // "N notice(s) is/are waiting", N at least the set-up change.
    let waiting: i64 = text
        .split(" notice")
        .next()
        .and_then(|head| head.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(waiting >= 1, "{text}");
    assert!(
        h.sim
            .channel_messages(fx.announcements)
            .iter()
            .all(|m| !m.text().contains("Einrichtung")),
        "never posted publicly"
    );
    // Once the set-up names a TSC channel, the waiting note and the new one arrive there.
    h.sim
        .slash(fx.alice, "govern setup", setup(Some(fx.tsc_private), "de"))
        .await;
    h.sim
        .wait_for_message(fx.tsc_private, |m| m.text().contains("Sprache: en-US → de"))
        .await;
    h.sim
        .wait_for_message(fx.tsc_private, |m| m.text().contains("Privater TSC-Kanal"))
        .await;
}
