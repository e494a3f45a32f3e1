//! `app` + `store` on a real SQLite file: the promises a single member could otherwise break.
//! A secret ballot reveals nothing while open and keeps no voter's choice after close, down to
//! the bytes of the database files; a member who left the TSC votes non-binding; private
//! notices for the TSC are queued even before a TSC channel exists.

mod app_support;

use app_support::*;
use chrono::Duration;
use steward::app::ballot::open::StartBallot;
use steward::app::outbox::Notice;
use steward::app::succession::roster::DiscordMember;
use steward::governance::ballot::{Choice, Outcome};

fn secret(title: &str) -> StartBallot {
    StartBallot {
        secret: true,
        ..ballot(title)
    }
}

/// Alice opens a secret ballot; its id.
async fn start_secret(w: &World) -> i64 {
    w.app
        .start_ballot(&tsc(ALICE), secret("Elect a chair"))
        .await
        .unwrap()
        .id
}

/// Whether `needle` appears anywhere in the database file or its WAL file.
fn on_disk(w: &World, needle: &str) -> bool {
    let path = w.db_path();
    let wal = path.with_file_name("steward.db-wal");
    [path, wal].iter().any(|file| {
        std::fs::read(file).is_ok_and(|bytes| {
            bytes
                .windows(needle.len())
                .any(|window| window == needle.as_bytes())
        })
    })
}

#[tokio::test]
async fn a_secret_ballot_shows_participation_only_while_open() {
    let w = World::new().await;
    let id = start_secret(&w).await;
    w.app
        .cast_vote(&tsc(BOB), id, Choice::No, Some("Needs a migration guide"))
        .await
        .unwrap();
    w.app
        .cast_vote(&tsc(CAROL), id, Choice::Yes, None)
        .await
        .unwrap();
    let view = w.app.ballot_view(id).await.unwrap();
    assert_eq!(view.binding_voters(), 2, "participation is shown");
    assert_eq!(view.count, None, "no tally while open");
    assert!(view.concerns.is_empty(), "not even the number of concerns");
    // The same for `/vote status`.
    let status = w.app.ballot_status(&tsc(DAVE), id).await.unwrap();
    assert_eq!((status.count, status.concerns.len()), (None, 0));
    // And no history of who voted what is kept while it runs.
    assert_eq!(
        w.count("SELECT COUNT(*) FROM vote_events").await,
        0,
        "secret ballots keep no vote history"
    );
}

#[tokio::test]
async fn a_closed_secret_ballot_keeps_totals_and_authorless_concerns_and_no_voters_choice() {
    let w = World::new().await;
    let id = start_secret(&w).await;
    // Carol's first concern is withdrawn by changing her vote: it must leave no trace at all.
    w.app
        .cast_vote(&tsc(CAROL), id, Choice::No, Some("CAROLS-DROPPED-CONCERN"))
        .await
        .unwrap();
    w.app
        .cast_vote(&tsc(CAROL), id, Choice::Yes, None)
        .await
        .unwrap();
    w.app
        .cast_vote(&tsc(ALICE), id, Choice::Yes, None)
        .await
        .unwrap();
    w.app
        .cast_vote(&tsc(BOB), id, Choice::No, Some("Needs a migration guide"))
        .await
        .unwrap();
    w.app
        .cast_vote(&tsc(DAVE), id, Choice::Yes, None)
        .await
        .unwrap();
    w.clock.advance(Duration::days(7));
    assert_eq!(
        w.app.close_ballot(id).await.unwrap(),
        Some(Outcome::Approved)
    );

    let view = w.app.ballot_view(id).await.unwrap();
    let count = view.count.unwrap();
    assert_eq!(
        (count.binding.yes, count.binding.abstain, count.binding.no),
        (3, 0, 1)
    );
    assert_eq!(view.concerns.len(), 1);
    assert_eq!(view.concerns[0].text, "Needs a migration guide");
    assert_eq!(view.concerns[0].author, None, "concerns without authors");
    let mut voters: Vec<u64> = view.voters.iter().map(|(v, _)| *v).collect();
    voters.sort();
    assert_eq!(voters, vec![ALICE, BOB, CAROL, DAVE], "who voted remains");

    // No row from which a choice can be recovered: no votes, no history for the ballot.
    let rows = |table: &str| format!("SELECT COUNT(*) FROM {table} WHERE ballot_id = {id}");
    for table in ["votes", "vote_events"] {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(rows(table)))
            .fetch_one(w.app.db())
            .await
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    let columns: Vec<String> =
        sqlx::query_scalar("SELECT name FROM pragma_table_info('ballot_voters')")
            .fetch_all(w.app.db())
            .await
            .unwrap();
    assert_eq!(columns, vec!["ballot_id", "voter_id", "binding"]);
    // Nor any byte of the dropped concern in the database or WAL files, once the truncation
    // the close scheduled has run (at once: it is due).
    assert_eq!(
        w.count("SELECT COUNT(*) FROM jobs WHERE dedupe_key = 'wal:truncate' AND done_at IS NULL")
            .await,
        1
    );
    w.app.run_due_jobs().await.unwrap();
    assert!(!on_disk(&w, "CAROLS-DROPPED-CONCERN"));
    // The decision log has the totals only.
    let log: Vec<String> = sqlx::query_scalar("SELECT details FROM decisions")
        .fetch_all(w.app.db())
        .await
        .unwrap();
    assert!(log.iter().all(|d| !d.contains("migration")), "{log:?}");
}

#[tokio::test]
async fn a_secret_ballot_closed_while_a_reader_is_busy_leaves_the_wal_at_the_next_job_pass() {
    let w = World::new().await;
    let id = start_secret(&w).await;
    for (voter, concern) in [(CAROL, Some("CAROLS-DROPPED-CONCERN")), (CAROL, None)] {
        let choice = if concern.is_some() {
            Choice::No
        } else {
            Choice::Yes
        };
        w.app
            .cast_vote(&tsc(voter), id, choice, concern)
            .await
            .unwrap();
    }
    // A reader still on a snapshot from before the close (an export, a web page).
    let mut reader = w.app.db().acquire().await.unwrap();
    sqlx::raw_sql("BEGIN; SELECT COUNT(*) FROM votes;")
        .execute(&mut *reader)
        .await
        .unwrap();
    w.clock.advance(Duration::days(7));
    w.app.close_ballot(id).await.unwrap();
    // The truncation job runs (and its deadline job, which finds it closed): all due work is
    // done while the reader still holds on.
    w.app.run_due_jobs().await.unwrap();
    assert!(
        on_disk(&w, "CAROLS-DROPPED-CONCERN"),
        "the reader postponed the truncation (else this test shows nothing)"
    );
    assert!(w.app.database().writer.truncation_owed());
    sqlx::raw_sql("ROLLBACK")
        .execute(&mut *reader)
        .await
        .unwrap();
    drop(reader);
    // Nothing is due: the pass only pays what is owed.
    w.app.run_due_jobs().await.unwrap();
    assert!(!on_disk(&w, "CAROLS-DROPPED-CONCERN"));
    assert!(!w.app.database().writer.truncation_owed());
}

#[tokio::test]
async fn a_public_ballot_keeps_its_history_for_audits() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    w.app
        .cast_vote(&tsc(BOB), id, Choice::No, Some("Needs a migration guide"))
        .await
        .unwrap();
    w.clock.advance(Duration::days(7));
    w.app.close_ballot(id).await.unwrap();
    assert_eq!(w.count("SELECT COUNT(*) FROM vote_events").await, 1);
    let view = w.app.ballot_view(id).await.unwrap();
    assert_eq!(view.concerns[0].author, Some(BOB));
    // Nothing was erased: nothing to truncate.
    assert_eq!(
        w.count("SELECT COUNT(*) FROM jobs WHERE dedupe_key = 'wal:truncate'")
            .await,
        0
    );
}

fn member(id: u64, roles: &[u64]) -> DiscordMember {
    DiscordMember {
        member_id: id,
        username: format!("m{id}"),
        display_name: format!("M{id}"),
        role_ids: roles.to_vec(),
        bot: false,
    }
}

#[tokio::test]
async fn a_member_who_left_the_tsc_votes_non_binding_and_the_ballot_says_so() {
    let w = World::new().await;
    let everyone: Vec<DiscordMember> = TSC.iter().map(|m| member(*m, &[TSC_ROLE])).collect();
    w.app.sync_roster(GUILD, &everyone).await.unwrap();
    let id = w.start("Adopt RFC 7").await;
    // Erin loses the TSC role after the ballot opened.
    w.app.sync_member(GUILD, &member(ERIN, &[])).await.unwrap();
    let receipt = w
        .app
        .cast_vote(&actor(ERIN, &[]), id, Choice::Yes, None)
        .await
        .unwrap();
    assert!(!receipt.binding, "no longer on the TSC: non-binding");
    let view = w.app.ballot_view(id).await.unwrap();
    assert_eq!(view.departed, 1);
    assert_eq!(view.electorate.len(), 5, "quorum keeps the frozen count");
    assert_eq!(view.binding_voters(), 0);
    // Those still on the TSC vote binding.
    let receipt = w
        .app
        .cast_vote(&tsc(BOB), id, Choice::Yes, None)
        .await
        .unwrap();
    assert!(receipt.binding);
}

#[tokio::test]
async fn notes_for_the_tsc_are_kept_even_before_a_tsc_channel_exists() {
    // The standard world has no private TSC channel.
    let w = World::new().await;
    let everyone: Vec<DiscordMember> = TSC.iter().map(|m| member(*m, &[TSC_ROLE])).collect();
    w.app.sync_roster(GUILD, &everyone).await.unwrap();
    w.clock.advance(Duration::days(100));
    for other in [ALICE, BOB, CAROL, DAVE] {
        w.app
            .record_activity(GUILD, other, w.clock_now())
            .await
            .unwrap();
    }
    w.app.run_due_jobs().await.unwrap();
    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    let delivered = discord.delivered();
    assert!(
        delivered.iter().any(|n| matches!(
            n,
            Notice::InactivityReported {
                member_id: ERIN,
                ..
            }
        )),
        "queued, to be delivered where the TSC reads it: {delivered:?}"
    );
}
