//! The bot is removed from the server (GUILD_DELETE without `unavailable`): the server's jobs
//! and deliveries stop, nothing is given up; added back (GUILD_CREATE), everything resumes and
//! is delivered once.

mod faults_support;
mod support;

use chrono::Duration;
use faults_support::vote_yes;
use support::bot::{Harness, ballot_id};

/// Waits (bounded) until the gateway event reached the database.
async fn wait_removed(h: &Harness, removed: bool) {
    for _ in 0..1000 {
        let at: Option<i64> = sqlx::query_scalar("SELECT removed_at FROM guilds")
            .fetch_one(h.bot().app().db())
            .await
            .unwrap();
        if at.is_some() == removed {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("removed_at never became {removed}");
}

/// The server's finished jobs and the attempts of all of them.
async fn server_jobs(h: &Harness) -> (i64, i64) {
    sqlx::query_as(
        "SELECT COUNT(done_at), COALESCE(SUM(attempts), 0) FROM jobs WHERE guild_id IS NOT NULL",
    )
    .fetch_one(h.bot().app().db())
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_removed_server_waits_and_resumes_once_the_bot_is_back() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Adopt RFC 12").await;
    let id = ballot_id(&ballot);
    vote_yes(&h, &ballot, &[fx.alice, fx.bob, fx.carol]).await;
    h.settle().await;

    h.sim.remove_bot();
    wait_removed(&h, true).await;
    let before = h.sim.requests().len();
    let jobs_before = server_jobs(&h).await;
    // The deadline passes while the bot is out: nothing is closed, sent, failed or given up.
    h.advance_settled(Duration::days(4)).await;
    let sent: Vec<String> = h.sim.requests()[before..]
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .filter(|r| r.contains("/channels/") || r.contains("/guilds/"))
        .collect();
    assert!(sent.is_empty(), "requests to the server: {sent:?}");
    let open: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ballots WHERE state = 'open'")
        .fetch_one(h.bot().app().db())
        .await
        .unwrap();
    assert_eq!(open, 1, "the ballot waits for the bot");
    assert_eq!(
        server_jobs(&h).await,
        jobs_before,
        "no job of the server ran, failed or was given up"
    );
    let close = format!("ballot:{id}:close");
    let pending: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE dedupe_key = ? AND done_at IS NULL")
            .bind(&close)
            .fetch_one(h.bot().app().db())
            .await
            .unwrap();
    assert_eq!(pending, 1, "the close is kept");

    // Added back: the ballot closes and its result is announced, once.
    h.sim.add_bot();
    wait_removed(&h, false).await;
    h.sim
        .wait_for_message(fx.announcements, |m| {
            m.embed_text().contains("Adopt RFC 12") && m.embed_text().contains("approved")
        })
        .await;
    h.settle().await;
    let results = h
        .announcements()
        .into_iter()
        .filter(|m| m.embed_text().contains("Adopt RFC 12"))
        .count();
    assert_eq!(results, 1);
    h.sim.assert_clean();
}
