//! Fault scenario 5: Discord answers 401 to every request the bot makes (its token was reset);
//! deliveries stop without giving anything up, and a restart with a good token delivers all.

mod faults_support;
mod support;

use chrono::Duration;
use faults_support::vote_yes;
use support::bot::{Harness, ballot_id};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_401_gives_nothing_up_and_a_restart_delivers_everything() {
    let mut h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Adopt RFC 12").await;
    let id = ballot_id(&ballot);
    // Everything queued from now on meets the wrong token.
    let before: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM outbox")
        .fetch_one(h.bot().app().db())
        .await
        .unwrap();
    let routes = [
        ("*", "/channels/**"),
        ("*", "/guilds/**"),
        ("*", "/users/**"),
    ];
    for route in routes {
        h.sim.fail_next(route, 10_000, 401);
    }
    // Interactions are still answered (their callbacks need no bot token).
    vote_yes(&h, &ballot, &[fx.alice, fx.bob, fx.carol]).await;
    h.advance(Duration::days(4));
    let row = h.outbox_row(&format!("ballot:{id}:result"), |_| true).await;
    for _ in 0..200 {
        if h.bot().app().delivery_halted() {
            break;
        }
        h.advance(Duration::seconds(5));
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(h.bot().app().delivery_halted());
    // Hours pass: nothing more is tried, nothing is given up or counted as failed.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let tried = h.sim.requests().iter().filter(|r| r.status == 401).count();
    h.advance(Duration::hours(6));
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(
        h.sim.requests().iter().filter(|r| r.status == 401).count(),
        tried,
        "stopped after the 401"
    );
    assert!(tried <= 2, "stopped at once: {tried} requests refused");
    let abandoned: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox
         WHERE id > ? AND (delivered_at IS NOT NULL OR attempts > 0 OR last_error IS NOT NULL)",
    )
    .bind(before)
    .fetch_one(h.bot().app().db())
    .await
    .unwrap();
    assert_eq!(abandoned, 0, "every item kept as it was");
    assert!(row.delivered_at.is_none());

    // The operator fixes the token and restarts: the edit and the result arrive.
    h.sim.clear_faults();
    h.restart().await;
    h.advance(Duration::seconds(1));
    h.sim
        .wait_for_message(fx.announcements, |m| {
            m.embed_text().contains("Adopt RFC 12") && m.embed_text().contains("approved")
        })
        .await;
    h.sim
        .wait_for_edit(ballot.id, |m| m.embed_text().contains("3 of"))
        .await;
    h.sim.assert_clean();
}
