//! Votes arriving together are recorded together (`app/ballot/vote_batch.rs`), and each is
//! still answered as if it had been cast alone: recorded or refused on its own ballot's state,
//! told whether it changed an earlier vote, and never failed by a neighbour's fault. The ballot
//! message's pending refresh is not rewritten by every vote, yet a vote committed while the
//! refresh is being delivered is shown by one more edit.

mod app_support;

use app_support::*;
use std::sync::Mutex;

use steward::app::ballot::view::Receipt;
use steward::app::delivery::{DeliveryError, OutboxItem, Publisher};
use steward::app::outbox::Notice;
use steward::app::{Actor, App, AppResult};
use steward::governance::ballot::Choice;
use steward::governance::roles::GovRole;
use tokio::task::JoinSet;

/// Members of the community (no role: their votes are non-binding), numbered from 1000.
fn member(i: u64) -> Actor {
    actor(1000 + i, &[])
}

/// Casts every vote at once, each in a task of its own, as a burst of clicks arrives; returns
/// each voter's receipts (or refusals) in the order given.
async fn burst(w: &World, votes: Vec<(Actor, i64, Choice)>) -> Vec<(u64, AppResult<Receipt>)> {
    let mut tasks = JoinSet::new();
    for (i, (voter, ballot, choice)) in votes.into_iter().enumerate() {
        let app = w.app.clone();
        tasks.spawn(async move {
            let result = app.cast_vote(&voter, ballot, choice, None).await;
            (i, voter.user_id, result)
        });
    }
    let mut results = tasks.join_all().await;
    results.sort_by_key(|(i, _, _)| *i);
    results.into_iter().map(|(_, v, r)| (v, r)).collect()
}

/// More votes than one batch holds, and members who click twice before their first answer:
/// every vote is recorded, each double-clicker is told once that the vote was new and once
/// that it changed, and the public history keeps every click.
#[tokio::test]
async fn a_burst_is_recorded_whole_and_each_member_told_if_their_vote_changed() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 21").await;
    let mut votes: Vec<_> = (0..600).map(|i| (member(i), id, Choice::Yes)).collect();
    votes.extend((0..20).map(|i| (member(i), id, Choice::Abstain)));
    let results = burst(&w, votes).await;

    assert!(
        results.iter().all(|(_, r)| r.is_ok()),
        "every vote recorded"
    );
    for i in 0..600 {
        let changed: Vec<bool> = results
            .iter()
            .filter(|(v, _)| *v == 1000 + i)
            .map(|(_, r)| r.as_ref().unwrap().changed)
            .collect();
        let expected = if i < 20 {
            vec![false, true]
        } else {
            vec![false]
        };
        let mut sorted = changed.clone();
        sorted.sort();
        assert_eq!(sorted, expected, "member {i}'s receipts: {changed:?}");
    }
    let view = w.app.ballot_view(id).await.unwrap();
    assert_eq!(view.voters.len(), 600);
    let count = view.count.unwrap().non_binding;
    assert_eq!(count.yes + count.abstain, 600);
    assert!(
        count.yes >= 580,
        "only the double-clickers may have abstained"
    );
    assert_eq!(
        w.count("SELECT COUNT(*) FROM vote_events").await,
        620,
        "the public history keeps every click"
    );
    assert_eq!(
        w.count(
            "SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'ballot:%:refresh'
             AND delivered_at IS NULL"
        )
        .await,
        1,
        "one pending refresh of the ballot message, however many batches"
    );
}

/// A ballot cancelled after its first vote refuses the votes of a burst that also votes on an
/// open ballot: each vote is decided on its own ballot's state.
#[tokio::test]
async fn votes_on_an_ended_ballot_are_refused_in_a_burst_that_counts_the_others() {
    let w = World::new().await;
    let ended = w.start("Adopt RFC 22").await;
    let open = w.start("Adopt RFC 23").await;
    // The ended ballot is read (and kept in memory) by a first vote before it is cancelled.
    w.app
        .cast_vote(
            &actor(FRANK, &[GovRole::Maintainer]),
            ended,
            Choice::Yes,
            None,
        )
        .await
        .unwrap();
    w.app
        .cancel_ballot(&tsc(ALICE), ended, "Superseded")
        .await
        .unwrap();
    // Both ballot messages shown as they stand: the burst then queues a refresh of the open
    // one alone.
    w.app.deliver_outbox(&FakeDiscord::default()).await.unwrap();
    let pending = "SELECT count(*) FROM outbox WHERE delivered_at IS NULL";
    assert_eq!(w.count(pending).await, 0);
    let votes = (0..100)
        .map(|i| {
            (
                member(i),
                if i % 2 == 0 { ended } else { open },
                Choice::Yes,
            )
        })
        .collect();
    let results = burst(&w, votes).await;

    for (voter, result) in &results {
        if (voter - 1000) % 2 == 0 {
            let err = result.as_ref().unwrap_err();
            assert_eq!(err.user().unwrap().id, "error-ballot-closed");
        } else {
            assert!(result.is_ok(), "{voter}: {result:?}");
        }
    }
    let ended_view = w.app.ballot_view(ended).await.unwrap();
    assert_eq!(ended_view.voters, vec![(FRANK, false)]);
    assert_eq!(w.app.ballot_view(open).await.unwrap().voters.len(), 50);
    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(
        discord.take(),
        vec![Notice::BallotRefresh { ballot_id: open }]
    );
}

/// The database refuses one member's vote (a fault arranged with a trigger): that vote fails,
/// and every other vote of its batch is recorded all the same.
#[tokio::test]
async fn a_vote_the_database_refuses_fails_alone() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 24").await;
    let mut tx = w.app.write_tx().await.unwrap();
    sqlx::raw_sql(
        "CREATE TRIGGER refuse_one BEFORE INSERT ON votes WHEN NEW.voter_id = 1007
         BEGIN SELECT RAISE(ABORT, 'refused'); END",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let votes = (0..50).map(|i| (member(i), id, Choice::Yes)).collect();
    let results = burst(&w, votes).await;

    for (voter, result) in &results {
        assert_eq!(result.is_err(), *voter == 1007, "{voter}: {result:?}");
    }
    let view = w.app.ballot_view(id).await.unwrap();
    assert_eq!(view.voters.len(), 49);
    assert!(view.voters.iter().all(|(v, _)| *v != 1007));
}

/// A member's click whose handler is cancelled just after its vote started a batch (the bot
/// shutting a handler down, say): the next member's vote is still answered.
#[tokio::test]
async fn a_cancelled_click_leaves_no_later_vote_unanswered() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 26").await;
    // The ballot is read once (kept): the next click queues its vote at once.
    w.app
        .cast_vote(&member(0), id, Choice::Yes, None)
        .await
        .unwrap();
    let app = w.app.clone();
    let first = tokio::spawn(async move { app.cast_vote(&member(1), id, Choice::Yes, None).await });
    tokio::task::yield_now().await;
    first.abort();
    let second = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        w.app.cast_vote(&member(2), id, Choice::Yes, None),
    )
    .await
    .expect("the second vote was answered");
    assert!(second.is_ok(), "{second:?}");
}

/// Discord, where a member votes while the bot edits the ballot message: the first refresh's
/// rendering is already on its way when the vote commits.
struct VoteDuringEdit {
    app: App,
    ballot: i64,
    refreshes: Mutex<usize>,
}

impl Publisher for VoteDuringEdit {
    async fn deliver(&self, item: &OutboxItem) -> Result<Option<u64>, DeliveryError> {
        if let Notice::BallotRefresh { .. } = item.notice {
            let n = {
                let mut refreshes = self.refreshes.lock().unwrap();
                *refreshes += 1;
                *refreshes
            };
            if n == 1 {
                self.app
                    .cast_vote(&member(99), self.ballot, Choice::Yes, None)
                    .await
                    .unwrap();
            }
        }
        Ok(Some(42))
    }
}

#[tokio::test]
async fn a_pending_refresh_is_not_rewritten_yet_a_vote_during_its_edit_gets_another() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 25").await;
    for i in 0..3 {
        w.app
            .cast_vote(&member(i), id, Choice::Yes, None)
            .await
            .unwrap();
    }
    let revision = "SELECT revision FROM outbox WHERE dedupe_key LIKE 'ballot:%:refresh'";
    assert_eq!(w.count(revision).await, 0, "three votes, no rewrite");

    let discord = VoteDuringEdit {
        app: w.app.clone(),
        ballot: id,
        refreshes: Mutex::new(0),
    };
    w.app.deliver_outbox(&discord).await.unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(
        *discord.refreshes.lock().unwrap(),
        2,
        "the vote cast during the first edit is shown by a second"
    );
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(*discord.refreshes.lock().unwrap(), 2, "and no third");
}

/// The first votes of a burst, arriving before anyone has read the ballot, read it once
/// between them: they would each read it, and open a reader connection each to do so, while
/// the burst waits.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_on_a_ballot_not_read_yet_reads_it_once() {
    let mut w = World::new().await;
    let id = w.start("Adopt RFC 22").await;
    // A new process: nothing of the ballot kept, one reader connection open.
    w.restart().await;
    let readers = w.app.db().size();
    let results = burst(&w, (0..64).map(|i| (member(i), id, Choice::Yes)).collect()).await;
    assert!(results.iter().all(|(_, r)| r.is_ok()));
    assert!(
        w.app.db().size() <= readers.max(1),
        "{} reader connections opened for one ballot's first votes",
        w.app.db().size()
    );
}
