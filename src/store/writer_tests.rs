//! The writer's groups: notes shared once committed, rollbacks that stay their own, a
//! truncation that never checkpoints inside a transaction, cancellation that leaves it usable.

use sqlx::Connection;

use super::*;

async fn writer() -> Writer {
    let mut conn = SqliteConnection::connect("sqlite::memory:").await.unwrap();
    sqlx::raw_sql("CREATE TABLE t (x INTEGER)")
        .execute(&mut conn)
        .await
        .unwrap();
    Writer::new(conn)
}

/// A writer on a database file in WAL mode (what truncation acts on), with its directory and
/// address.
async fn wal_writer() -> (tempfile::TempDir, String, Writer) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("w.db").display());
    let mut conn = SqliteConnection::connect(&url).await.unwrap();
    sqlx::raw_sql(
        "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; CREATE TABLE t (x INTEGER)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    (dir, url, Writer::new(conn))
}

async fn insert(tx: &mut WriteTx, x: i64) {
    sqlx::query("INSERT INTO t (x) VALUES (?)")
        .bind(x)
        .execute(&mut **tx)
        .await
        .unwrap();
}

/// Starts a second use case that queues behind the writer, and waits until it does, so
/// that the first one's commit leaves the group open for it.
async fn queued_behind(w: &Writer) -> tokio::task::JoinHandle<WriteTx> {
    let next = tokio::spawn({
        let w = w.clone();
        async move { w.begin().await.unwrap() }
    });
    while w.waiting.load(Ordering::SeqCst) == 0 {
        tokio::task::yield_now().await;
    }
    next
}

#[tokio::test]
async fn a_note_reaches_the_rest_of_the_group_once_its_writer_committed() {
    let w = writer().await;
    let mut first = w.begin().await.unwrap();
    assert!(!first.done_in_group("refresh"));
    first.note_for_group("refresh".into());
    let next = queued_behind(&w).await;
    let first = tokio::spawn(first.commit());
    let second = next.await.unwrap();
    assert!(second.done_in_group("refresh"));
    assert!(!second.done_in_group("other"));
    second.commit().await.unwrap();
    first.await.unwrap().unwrap();
    // A new group starts with no notes.
    let third = w.begin().await.unwrap();
    assert!(!third.done_in_group("refresh"));
}

#[tokio::test]
async fn a_rolled_back_use_case_takes_its_note_with_it() {
    let w = writer().await;
    let mut first = w.begin().await.unwrap();
    first.note_for_group("refresh".into());
    let next = queued_behind(&w).await;
    drop(first);
    let second = next.await.unwrap();
    assert!(!second.done_in_group("refresh"));
    second.commit().await.unwrap();
}

#[tokio::test]
async fn a_use_case_that_stops_waiting_for_its_commit_still_ends_its_group() {
    let w = writer().await;
    let mut first = w.begin().await.unwrap();
    insert(&mut first, 1).await;
    let next = queued_behind(&w).await;
    // The first one's commit leaves the group open for the next, whose caller stops waiting
    // as soon as its commit starts (its handler cancelled).
    let first = tokio::spawn(first.commit());
    let mut second = next.await.unwrap();
    insert(&mut second, 2).await;
    tokio::select! {
        biased;
        _ = second.commit() => {}
        () = tokio::task::yield_now() => {}
    }
    // The group is committed all the same, and the first one told so.
    tokio::time::timeout(Duration::from_secs(10), first)
        .await
        .expect("the group was committed")
        .unwrap()
        .unwrap();
    let mut third = w.begin().await.unwrap();
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM t")
        .fetch_one(&mut *third)
        .await
        .unwrap();
    assert_eq!(rows, 2, "the second one's writes were kept too");
    third.commit().await.unwrap();
}

#[tokio::test]
async fn a_truncation_arriving_while_a_group_is_open_commits_the_group_first() {
    let (dir, url, w) = wal_writer().await;
    let mut first = w.begin().await.unwrap();
    insert(&mut first, 1).await;
    // The truncation queues for the writer, then a use case behind it: the first one's
    // commit leaves the group open for that use case, and the truncation comes next.
    let truncation = tokio::spawn({
        let w = w.clone();
        async move { w.truncate_wal().await }
    });
    tokio::task::yield_now().await;
    let next = queued_behind(&w).await;
    let first = tokio::spawn(first.commit());
    let truncated = tokio::time::timeout(Duration::from_secs(10), truncation)
        .await
        .expect("the truncation came before the queued use case");
    assert!(truncated.unwrap().unwrap(), "truncated");
    first.await.unwrap().unwrap();
    assert!(!w.truncation_owed());
    // Committed: another connection sees the first one's row.
    let mut other = SqliteConnection::connect(&url).await.unwrap();
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM t")
        .fetch_one(&mut other)
        .await
        .unwrap();
    assert_eq!(rows, 1);
    next.await.unwrap().commit().await.unwrap();
    assert_eq!(
        std::fs::metadata(dir.path().join("w.db-wal"))
            .unwrap()
            .len(),
        0
    );
}

#[tokio::test]
async fn a_use_case_dropped_while_its_transaction_begins_leaves_the_writer_usable() {
    let w = writer().await;
    // Polled once, then dropped: usually while SQLite runs its BEGIN (which it finishes all
    // the same); if SQLite was quicker, the use case is dropped just after beginning.
    tokio::select! {
        biased;
        _ = w.begin() => {}
        () = std::future::ready(()) => {}
    }
    let mut tx = w.begin().await.unwrap();
    insert(&mut tx, 1).await;
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn a_truncation_whose_caller_stops_waiting_still_restores_the_busy_timeout() {
    let (_dir, url, w) = wal_writer().await;
    // A reader on an older snapshot than the WAL's end: the truncation waits for it, then
    // gives up.
    let mut reader = SqliteConnection::connect(&url).await.unwrap();
    sqlx::raw_sql("BEGIN; SELECT COUNT(*) FROM t;")
        .execute(&mut reader)
        .await
        .unwrap();
    let mut tx = w.begin().await.unwrap();
    insert(&mut tx, 1).await;
    tx.commit().await.unwrap();
    // Polled once (it takes the writer and starts), then dropped.
    tokio::select! {
        biased;
        _ = w.truncate_wal() => panic!("the reader lets no truncation finish at once"),
        () = tokio::task::yield_now() => {}
    }
    let mut tx = w.begin().await.unwrap();
    let timeout: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(timeout, 5000);
    tx.commit().await.unwrap();
    assert!(w.truncation_owed(), "postponed by the reader: still owed");
}

#[tokio::test]
async fn the_writer_is_busy_while_a_use_case_holds_it_or_waits_for_it() {
    let w = writer().await;
    assert!(!w.busy(), "a writer no one uses is free");
    let mut first = w.begin().await.unwrap();
    insert(&mut first, 1).await;
    assert!(w.busy(), "held by a use case");
    let next = queued_behind(&w).await;
    assert!(w.busy());
    // The first one's commit waits for the group it leaves open to the next.
    let first = tokio::spawn(first.commit());
    let next = next.await.unwrap();
    assert!(w.busy(), "the next use case holds it now");
    next.commit().await.unwrap();
    first.await.unwrap().unwrap();
    assert!(!w.busy(), "free again once everyone is done");
    // Asking does not keep it: the next use case begins at once.
    w.begin().await.unwrap().commit().await.unwrap();
    assert!(!w.busy());
}
