//! Fault scenario 4: the ballot message is deleted (heard of, or found out by a failed edit):
//! it comes back and keeps working. The announcement channel is deleted: the TSC is told once
//! and the result is delivered after `/govern setup` names a new channel.

mod faults_support;
mod support;

use chrono::Duration;
use faults_support::vote_yes;
use serde_json::json;
use support::bot::{Harness, ballot_id};

async fn ballot_message_id(h: &Harness, id: i64) -> Option<i64> {
    sqlx::query_scalar("SELECT message_id FROM ballots WHERE id = ?")
        .bind(id)
        .fetch_one(h.bot().app().db())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_ballot_message_comes_back_and_keeps_working() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let first = h.start_ballot("Adopt RFC 9").await;
    let id = ballot_id(&first);
    vote_yes(&h, &first, &[fx.bob]).await;
    h.sim.delete_message(first.id);
    let second = h
        .sim
        .wait_for_message(fx.general, |m| {
            m.id != first.id && m.embed_text().contains("Adopt RFC 9") && !m.buttons().is_empty()
        })
        .await;
    assert!(
        second.embed_text().contains("1 of"),
        "the vote is kept: {}",
        second.embed_text()
    );
    vote_yes(&h, &second, &[fx.carol]).await;
    h.sim
        .wait_for_edit(second.id, |m| m.embed_text().contains("2 of"))
        .await;
    assert_eq!(ballot_message_id(&h, id).await, Some(second.id as i64));

    // Deleted unseen: the closing edit fails with Unknown Message and the ballot comes back.
    h.sim.delete_message_unseen(second.id);
    h.advance(Duration::days(4));
    let third = h
        .sim
        .wait_for_message(fx.general, |m| {
            m.id != first.id && m.id != second.id && m.embed_text().contains("Adopt RFC 9")
        })
        .await;
    for _ in 0..200 {
        if ballot_message_id(&h, id).await == Some(third.id as i64) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(ballot_message_id(&h, id).await, Some(third.id as i64));
    let in_general = format!("POST /channels/{}/messages", fx.general);
    let posts = h
        .sim
        .requests_to(in_general.as_str())
        .into_iter()
        .filter(|r| r.status == 200 && r.body["embeds"].to_string().contains("Adopt RFC 9"))
        .count();
    assert_eq!(posts, 3, "posted again once per deletion");
    h.sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_announcement_channel_is_told_once_and_the_result_waits_for_setup() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let first = h.start_ballot("Adopt RFC 10").await;
    let second = h.start_ballot("Adopt RFC 11").await;
    vote_yes(&h, &first, &[fx.alice, fx.bob, fx.carol]).await;
    vote_yes(&h, &second, &[fx.alice, fx.bob, fx.carol]).await;
    h.sim.delete_channel(fx.announcements);
    h.advance(Duration::days(4));
    let told = h
        .sim
        .wait_for_message(fx.tsc_private, |m| m.content().contains("no longer exists"))
        .await;
    assert!(
        told.content().contains("/govern setup"),
        "{}",
        told.content()
    );
    // Both results wait; neither is given up. Time passes, the TSC is not told again.
    h.advance(Duration::hours(3));
    let key = |b: i64| format!("ballot:{b}:result");
    for b in [ballot_id(&first), ballot_id(&second)] {
        let row = h
            .outbox_row(&key(b), |r| {
                r.last_error.is_some() || r.delivered_at.is_some()
            })
            .await;
        assert!(row.delivered_at.is_none());
        assert!(row.last_error.unwrap().starts_with("waiting:"));
    }
    let tellings = h
        .sim
        .channel_messages(fx.tsc_private)
        .into_iter()
        .filter(|m| m.content().contains("no longer exists"))
        .count();
    assert_eq!(tellings, 1);

    // A new announcement channel: both results land there, once each.
    let r = h
        .sim
        .slash(
            fx.alice,
            "govern setup",
            json!({
                "tsc": fx.tsc_role,
                "announcements": fx.general,
                "maintainers": fx.maintainers_role,
                "emeritus": fx.emeritus_role,
                "tsc-channel": fx.tsc_private,
                "wg-category": fx.governance_category,
            }),
        )
        .await;
    assert!(r.text().contains("Steward is set up"), "{}", r.text());
    for title in ["Adopt RFC 10", "Adopt RFC 11"] {
        h.sim
            .wait_for_message(fx.general, |m| {
                m.embed_text().contains(title) && m.embed_text().contains("approved")
            })
            .await;
    }
    let results = h
        .sim
        .channel_messages(fx.general)
        .into_iter()
        .filter(|m| m.embed_text().contains("approved") && m.buttons().is_empty())
        .count();
    assert!(results >= 2);
    h.sim.assert_clean();
}
