//! Faults at the queue level, on a real SQLite file with the manual clock: a job's effects and
//! its done mark are one commit, one-off notices are queued once, the dedupe lookups use an
//! index, a 401 stops deliveries without giving anything up, and absurd waits are bounded.

mod app_support;

use app_support::*;
use chrono::Duration;
use steward::app::delivery::{DeliveryError, MAX_RETRY_AFTER};
use steward::app::outbox::{self, Notice};
use steward::governance::ballot::Choice;

/// Runs `sql` through the one writer (tests arrange faults the way the app writes).
async fn write(w: &World, sql: &'static str) {
    let mut tx = w.app.write_tx().await.unwrap();
    sqlx::query(sql).execute(&mut *tx).await.unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn a_job_whose_done_mark_fails_leaves_no_effect_behind() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    w.app
        .cast_vote(&tsc(ALICE), id, Choice::Yes, None)
        .await
        .unwrap();
    // The process "dies" at the last write of the job: marking it done. Were the effect and
    // the mark two commits, the ballot would be closed and its result queued regardless.
    write(
        &w,
        "CREATE TRIGGER crash_at_done BEFORE UPDATE OF done_at ON jobs
         BEGIN SELECT RAISE(ABORT, 'killed before the done mark'); END",
    )
    .await;
    w.clock.advance(Duration::days(7));
    assert!(w.app.run_due_jobs().await.is_err());
    assert_eq!(
        w.count("SELECT COUNT(*) FROM ballots WHERE state = 'closed'")
            .await,
        0,
        "the close was rolled back with the done mark"
    );
    assert_eq!(
        w.count("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE '%:result'")
            .await,
        0
    );
    write(&w, "DROP TRIGGER crash_at_done").await;
    // The claim's lease ends; the job runs again, whole, once.
    w.clock.advance(Duration::minutes(6));
    w.app.run_due_jobs().await.unwrap();
    w.app.run_due_jobs().await.unwrap();
    assert_eq!(
        w.count("SELECT COUNT(*) FROM ballots WHERE state = 'closed'")
            .await,
        1
    );
    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(discord.results(), vec![id]);
}

#[tokio::test]
async fn the_annual_review_is_queued_once_however_often_its_job_runs() {
    let w = World::new().await;
    let now = w.clock_now();
    let notice = Notice::AnnualReview {
        from: now - Duration::days(365),
        to: now,
    };
    for _ in 0..2 {
        let mut tx = w.app.write_tx().await.unwrap();
        outbox::queue(&mut tx, GUILD, &notice, now).await.unwrap();
        tx.commit().await.unwrap();
    }
    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    // Even after delivery, the same year's review is never queued again.
    let mut tx = w.app.write_tx().await.unwrap();
    assert!(!outbox::queue(&mut tx, GUILD, &notice, now).await.unwrap());
    tx.commit().await.unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    let reviews = discord
        .delivered()
        .into_iter()
        .filter(|n| matches!(n, Notice::AnnualReview { .. }))
        .count();
    assert_eq!(reviews, 1);
}

#[tokio::test]
async fn dedupe_lookups_use_an_index_not_a_scan() {
    let w = World::new().await;
    for (table, sql) in [
        (
            "outbox",
            "EXPLAIN QUERY PLAN SELECT EXISTS (SELECT 1 FROM outbox WHERE dedupe_key = 'k')",
        ),
        (
            "jobs",
            "EXPLAIN QUERY PLAN SELECT EXISTS (SELECT 1 FROM jobs WHERE dedupe_key = 'k')",
        ),
    ] {
        let plan: Vec<(i64, i64, i64, String)> =
            sqlx::query_as(sql).fetch_all(w.app.db()).await.unwrap();
        let detail: Vec<String> = plan.into_iter().map(|r| r.3).collect();
        assert!(
            detail.iter().any(|d| d.contains("INDEX")),
            "{table}: {detail:?}"
        );
        assert!(
            !detail
                .iter()
                .any(|d| d.starts_with(&format!("SCAN {table}"))),
            "{table}: {detail:?}"
        );
    }
}

#[tokio::test]
async fn a_401_stops_deliveries_keeps_every_item_and_a_restart_resumes() {
    let mut w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    w.start("Adopt RFC 8").await;
    let discord = FakeDiscord::failing([DeliveryError::Unauthorized]);
    w.app.deliver_outbox(&discord).await.unwrap();
    assert!(w.app.delivery_halted());
    // Nothing more is tried while the token is wrong, and nothing was given up or counted.
    w.clock.advance(Duration::hours(2));
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(*discord.attempts.lock().unwrap(), 1);
    assert_eq!(
        w.count("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NOT NULL")
            .await,
        0
    );
    assert_eq!(
        w.count("SELECT COUNT(*) FROM outbox WHERE attempts > 0 OR last_error IS NOT NULL")
            .await,
        0
    );
    // A restart with a good token delivers both ballot messages.
    w.restart().await;
    assert!(!w.app.delivery_halted());
    let good = FakeDiscord::default();
    w.app.deliver_outbox(&good).await.unwrap();
    let posted: Vec<i64> = good
        .delivered()
        .into_iter()
        .filter_map(|n| match n {
            Notice::BallotPosted { ballot_id } => Some(ballot_id),
            _ => None,
        })
        .collect();
    assert_eq!(posted.len(), 2);
    assert!(posted.contains(&id));
}

#[tokio::test]
async fn an_absurd_retry_after_is_bounded_and_panics_nothing() {
    let w = World::new().await;
    w.start("Adopt RFC 7").await;
    let discord = FakeDiscord::failing([DeliveryError::RetryAfter(Duration::MAX)]);
    w.app.deliver_outbox(&discord).await.unwrap();
    let next: i64 = sqlx::query_scalar("SELECT MAX(next_attempt_at) FROM outbox")
        .fetch_one(w.app.db())
        .await
        .unwrap();
    let latest = (w.clock_now() + MAX_RETRY_AFTER).timestamp_millis();
    assert!(next <= latest, "{next} > {latest}");
    w.clock.advance(MAX_RETRY_AFTER);
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(
        w.count("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL")
            .await,
        0
    );
}
