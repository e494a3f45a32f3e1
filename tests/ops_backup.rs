//! `steward backup` while the bot runs, during a burst of votes: the copy holds every vote
//! acknowledged before the backup began; `steward restore` refuses while the bot holds the
//! database, refuses files that are not sound Steward databases, and restores the copy.

mod support;

use steward::ops::{backup::backup_to, restore::restore_from};
use steward::store::backup::BackupError;
use support::bot::{Harness, ballot_id};

async fn voters_in(url: &str, ballot: i64) -> Vec<i64> {
    let db = steward::store::connect(url).await.unwrap();
    let voters =
        sqlx::query_scalar("SELECT voter_id FROM votes WHERE ballot_id = ? ORDER BY voter_id")
            .bind(ballot)
            .fetch_all(&db.read)
            .await
            .unwrap();
    db.close().await;
    voters
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_during_a_burst_holds_every_acknowledged_vote_and_restores() {
    let h = Harness::start().await;
    h.setup().await;
    let ballot = h.start_ballot("Burst").await;
    let id = ballot_id(&ballot);
    let voters: Vec<u64> = (0..120)
        .map(|i| h.sim.add_member(&format!("voter{i}"), &[]))
        .collect();
    let custom_id = format!("v2:ballot:{id}:vote:+1");
    let mut sent = Vec::new();
    for voter in &voters {
        sent.push(h.sim.send_click(*voter, &ballot, &custom_id).await.unwrap());
    }
    // The first 40 are acknowledged (answered) before the backup starts; the rest are in flight.
    let mut acknowledged = Vec::new();
    for (voter, interaction) in voters.iter().zip(&sent).take(40) {
        let reply = h.sim.wait_reply(*interaction).await;
        assert!(reply.is_ephemeral(), "{}", reply.text());
        acknowledged.push(*voter as i64);
    }
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    backup_to(h.database_url(), &copy).await.unwrap();
    for interaction in sent.iter().skip(40) {
        h.sim.wait_reply(*interaction).await;
    }
    // The copy is never overwritten.
    assert!(matches!(
        backup_to(h.database_url(), &copy).await,
        Err(BackupError::Exists(_))
    ));

    // Restoring over the running bot's database is refused.
    let refused = restore_from(h.database_url(), &copy).await.unwrap_err();
    assert!(matches!(refused, BackupError::InUse(_)), "{refused}");

    // Restored elsewhere: every acknowledged vote is there.
    let target = format!("sqlite://{}", dir.path().join("restored.db").display());
    let checked = restore_from(&target, &copy).await.unwrap();
    assert_eq!(
        checked.schema_version,
        steward::store::schema::known_version()
    );
    let restored = voters_in(&target, id).await;
    for voter in &acknowledged {
        assert!(
            restored.contains(voter),
            "acknowledged vote of {voter} missing"
        );
    }
    // Restoring again keeps the replaced database beside it.
    restore_from(&target, &copy).await.unwrap();
    assert!(dir.path().join("restored.db.before-restore").exists());
}

#[tokio::test]
async fn restore_refuses_files_that_are_not_sound_steward_databases() {
    let dir = tempfile::tempdir().unwrap();
    let target = format!("sqlite://{}", dir.path().join("steward.db").display());
    let missing = dir.path().join("nope.db");
    assert!(matches!(
        restore_from(&target, &missing).await,
        Err(BackupError::Missing(_))
    ));
    let text = dir.path().join("notes.db");
    std::fs::write(&text, b"not a database at all, just text").unwrap();
    assert!(matches!(
        restore_from(&target, &text).await,
        Err(BackupError::NotSteward { .. })
    ));
    // A database from a newer Steward (a migration this build does not know).
    let newer = dir.path().join("newer.db");
    let url = format!("sqlite://{}", newer.display());
    let db = steward::store::connect(&url).await.unwrap();
    let mut tx = db.writer.begin().await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time)
         VALUES (99999, 'future', CURRENT_TIMESTAMP, 1, x'00', 0)",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    db.close().await;
    let refused = restore_from(&target, &newer).await.unwrap_err();
    assert!(
        matches!(refused, BackupError::TooNew { found: 99999, .. }),
        "{refused}"
    );
    // Nothing was replaced.
    assert!(!dir.path().join("steward.db.before-restore").exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_daily_backup_runs_at_three_and_keeps_backup_keep_days() {
    let h = Harness::start().await;
    h.setup().await;
    let dir = tempfile::tempdir().unwrap();
    // An old backup beyond the default 14 days, and a recent one.
    std::fs::write(dir.path().join("steward-2026-04-01.db"), b"old").unwrap();
    std::fs::write(dir.path().join("steward-2026-05-01.db"), b"recent").unwrap();
    h.bot()
        .app()
        .plan_daily_backup(Some(dir.path().to_owned()))
        .await
        .unwrap();
    // The harness starts at 2026-05-04 10:00 UTC: the first backup is the next day at 03:00.
    h.advance(chrono::Duration::hours(18));
    let today = dir.path().join("steward-2026-05-05.db");
    for _ in 0..500 {
        if today.exists() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(today.exists(), "no backup written");
    steward::store::backup::check(&today).await.unwrap();
    assert!(!dir.path().join("steward-2026-04-01.db").exists());
    assert!(dir.path().join("steward-2026-05-01.db").exists());
    // The file is renamed into place just before the job's transaction commits.
    let mut planned = 0;
    for _ in 0..500 {
        let mut conn = h.bot().app().db().acquire().await.unwrap();
        planned = steward::store::jobs::by_key(&mut conn, "backup:2026-05-06")
            .await
            .unwrap()
            .len();
        if planned == 1 {
            break;
        }
        drop(conn);
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(planned, 1, "tomorrow's backup is planned");
}
