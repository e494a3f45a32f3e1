//! Faults at the queue level, on a real SQLite file with the manual clock: a job's effects and
//! its done mark are one commit, one-off notices are queued once, the dedupe lookups use an
//! index, a 401 stops deliveries without giving anything up, absurd waits are bounded, a server
//! the bot was removed from waits untouched, and retention prunes only what is old and settled.

mod app_support;

use app_support::*;
use chrono::Duration;
use steward::app::delivery::{DeliveryError, MAX_RETRY_AFTER};
use steward::app::outbox::{self, Notice};
use steward::governance::ballot::Choice;
use steward::governance::policy::PolicyKey;

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

async fn count_where(w: &World, sql: &'static str, arg: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(arg)
        .fetch_one(w.app.db())
        .await
        .unwrap()
}

/// The bot removed from the server: its items are neither claimed, failed nor given up, and
/// nothing counts as due (the loops sleep); added back, all of it goes out once.
#[tokio::test]
async fn a_removed_server_keeps_its_items_untouched_until_the_bot_is_back() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    w.app.bot_removed(GUILD).await.unwrap();
    w.clock.advance(Duration::days(8));
    let discord = FakeDiscord::default();
    assert_eq!(w.app.deliver_outbox(&discord).await.unwrap(), None);
    assert_eq!(w.app.run_due_jobs().await.unwrap(), None);
    assert_eq!(*discord.attempts.lock().unwrap(), 0);
    assert_eq!(
        w.count("SELECT COUNT(*) FROM outbox WHERE attempts > 0 OR claimed = 1 OR delivered_at IS NOT NULL")
            .await,
        0
    );
    assert_eq!(
        w.count(
            "SELECT COUNT(*) FROM jobs WHERE attempts > 0 OR claimed = 1 OR done_at IS NOT NULL"
        )
        .await,
        0
    );
    assert_eq!(
        w.count("SELECT COUNT(*) FROM ballots WHERE state = 'open'")
            .await,
        1
    );

    w.app.bot_present(GUILD).await.unwrap();
    w.app.run_due_jobs().await.unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(discord.results(), vec![id]);
    let posted = discord
        .delivered()
        .into_iter()
        .filter(|n| *n == Notice::BallotPosted { ballot_id: id })
        .count();
    assert_eq!(posted, 1);
}

/// The claim queries walk the due index; the removed-server check is a primary-key lookup.
#[tokio::test]
async fn claiming_due_items_uses_the_due_index() {
    let w = World::new().await;
    for (table, sql) in [
        (
            "outbox",
            "EXPLAIN QUERY PLAN SELECT id FROM outbox WHERE delivered_at IS NULL
             AND next_attempt_at <= 0 AND NOT EXISTS (SELECT 1 FROM guilds g
             WHERE g.guild_id = outbox.guild_id AND g.removed_at IS NOT NULL)
             ORDER BY next_attempt_at, id LIMIT 50",
        ),
        (
            "jobs",
            "EXPLAIN QUERY PLAN SELECT id FROM jobs WHERE done_at IS NULL
             AND due_at <= 0 AND NOT EXISTS (SELECT 1 FROM guilds g
             WHERE g.guild_id = jobs.guild_id AND g.removed_at IS NOT NULL)
             ORDER BY due_at, id LIMIT 50",
        ),
    ] {
        let plan: Vec<(i64, i64, i64, String)> =
            sqlx::query_as(sql).fetch_all(w.app.db()).await.unwrap();
        let detail: Vec<String> = plan.into_iter().map(|r| r.3).collect();
        assert!(
            detail.iter().any(|d| d.contains(&format!("{table}_due"))),
            "{table}: {detail:?}"
        );
        assert!(
            detail
                .iter()
                .any(|d| d.starts_with("SEARCH g USING INTEGER PRIMARY KEY")),
            "{table}: {detail:?}"
        );
        assert!(
            !detail.iter().any(|d| d.starts_with("SCAN")),
            "{table}: {detail:?}"
        );
    }
}

/// Retention prunes what the policy no longer keeps: delivered notices, finished jobs and the
/// vote history of closed ballots. What is pending, what a ballot still open needs, the votes
/// themselves and the decision log stay; the daily pass plans the next one, once.
#[tokio::test]
async fn retention_prunes_only_what_is_old_and_settled() {
    let w = World::new().await;
    w.app
        .set_policy(&admin(), PolicyKey::RetentionDays, "2")
        .await
        .unwrap();
    let discord = FakeDiscord::default();
    let old = w.start("Adopt RFC 7").await;
    for member in [ALICE, BOB, CAROL] {
        w.app
            .cast_vote(&tsc(member), old, Choice::Yes, None)
            .await
            .unwrap();
    }
    w.app
        .cast_vote(&tsc(ALICE), old, Choice::Abstain, None)
        .await
        .unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    w.clock.advance(Duration::days(7));
    w.app.run_due_jobs().await.unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(discord.results(), vec![old]);
    // A ballot still open whose message went out days ago, and a notice that stays pending.
    let open = w.start("Adopt RFC 8").await;
    w.app
        .cast_vote(&tsc(BOB), open, Choice::Yes, None)
        .await
        .unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    let mut tx = w.app.write_tx().await.unwrap();
    let now = w.clock_now();
    let pending = Notice::AnnualReview {
        from: now - Duration::days(365),
        to: now,
    };
    outbox::queue(&mut tx, GUILD, &pending, now).await.unwrap();
    tx.commit().await.unwrap();
    let decisions = w.count("SELECT COUNT(*) FROM decisions").await;
    w.clock.advance(Duration::days(5));

    w.app.plan_retention().await.unwrap();
    w.app.plan_retention().await.unwrap();
    w.clock.advance(Duration::days(1));
    w.app.run_due_jobs().await.unwrap();

    let history = |b: i64| format!("{b}");
    let events = "SELECT COUNT(*) FROM vote_events WHERE ballot_id = ?";
    assert_eq!(count_where(&w, events, &history(old)).await, 0);
    assert_eq!(count_where(&w, events, &history(open)).await, 1);
    let votes = "SELECT COUNT(*) FROM votes WHERE ballot_id = ?";
    assert_eq!(
        count_where(&w, votes, &history(old)).await,
        3,
        "the votes stay"
    );
    let keyed = "SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE ?";
    assert_eq!(count_where(&w, keyed, &format!("ballot:{old}:%")).await, 0);
    assert_eq!(
        count_where(&w, keyed, &format!("ballot:{open}:post")).await,
        1,
        "an open ballot's delivered post stays"
    );
    assert_eq!(
        w.count("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND payload LIKE '%annual_review%'")
            .await,
        1,
        "a pending notice stays, however old"
    );
    let jobs = "SELECT COUNT(*) FROM jobs WHERE dedupe_key = ?";
    assert_eq!(
        count_where(&w, jobs, &format!("ballot:{old}:close")).await,
        0
    );
    assert_eq!(
        count_where(&w, jobs, &format!("ballot:{open}:close")).await,
        1
    );
    assert_eq!(w.count("SELECT COUNT(*) FROM decisions").await, decisions);
    assert_eq!(w.count("SELECT COUNT(*) FROM ballots").await, 2);
    // Planned twice, run once; tomorrow's pass is planned.
    assert_eq!(
        w.count(
            "SELECT COUNT(*) FROM jobs WHERE dedupe_key LIKE 'retention:%' AND done_at IS NOT NULL"
        )
        .await,
        1
    );
    assert_eq!(
        w.count(
            "SELECT COUNT(*) FROM jobs WHERE dedupe_key LIKE 'retention:%' AND done_at IS NULL"
        )
        .await,
        1
    );
    w.app.plan_retention().await.unwrap();
    assert_eq!(
        w.count("SELECT COUNT(*) FROM jobs WHERE dedupe_key LIKE 'retention:%'")
            .await,
        2
    );
}

/// Jobs stored before they knew their server get it from their payload and the row it names,
/// so that a server removed after the upgrade stops its old jobs too.
#[tokio::test]
async fn jobs_stored_before_the_upgrade_learn_their_server() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("old.db").display());
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    let mut before = steward::store::schema::migrator();
    before.migrations = before
        .migrations
        .iter()
        .filter(|m| m.version < 18)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    before.run(&pool).await.unwrap();
    for sql in [
        "INSERT INTO guilds (guild_id, updated_at) VALUES (7, 0)",
        "INSERT INTO ballots (id, guild_id, title, description, opened_by, opens_at, closes_at,
         policy, channel_id) VALUES (3, 7, 't', 'd', 1, 0, 0, '{}', 5)",
        r#"INSERT INTO jobs (dedupe_key, payload, due_at, created_at) VALUES
         ('a', '{"kind":"close_ballot","ballot_id":3}', 0, 0),
         ('b', '{"kind":"succession_sweep","guild_id":7,"day":"2026-03-02"}', 0, 0),
         ('c', '{"kind":"daily_backup","day":"2026-03-02","dir":"/x"}', 0, 0)"#,
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    steward::store::schema::migrator().run(&pool).await.unwrap();
    let owners: Vec<(String, Option<i64>)> =
        sqlx::query_as("SELECT dedupe_key, guild_id FROM jobs ORDER BY dedupe_key")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        owners,
        [
            ("a".to_owned(), Some(7)),
            ("b".to_owned(), Some(7)),
            ("c".to_owned(), None)
        ]
    );
}
