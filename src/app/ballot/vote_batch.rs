//! Votes recorded in batches. Through the writer alone, each vote of a burst costs three round
//! trips to SQLite (savepoint, upsert, release) that every later vote waits behind. Instead,
//! the first vote to arrive while no batch is gathering leads one: it waits for its turn at the
//! writer (or, in a burst, a moment more) while later votes queue behind it, then records them
//! all in one statement, commits with the writer's group and answers each. A vote is validated
//! on its own before it queues and checked against its ballot's state and deadline row by row
//! in the statement; if the statement or its commit fails as a whole, every vote of the batch
//! is recorded again on its own, so that one bad vote never fails its neighbours.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::oneshot;

use super::frozen::Frozen;
use super::open::refresh_once_per_group;
use crate::app::App;
use crate::store::ballot_votes::{self as votes_repo, NewVote};
use crate::store::{WriteTx, from_db_id, from_millis, roster};

/// Votes recorded by one statement at most (a few kilobytes of JSON each time).
const BATCH_MAX: usize = 512;

/// How long a batch's leader lets a burst gather before it takes the free writer. Each batch
/// costs a transaction (four round trips to SQLite's thread and a synced commit) whatever its
/// size: waiting this long halved the batches of a bench run (201 to 98; commits 144 to 111)
/// and raised the burst's rate about 3% in paired runs (docs/performance-notes.md). A lone vote
/// never waits.
const GATHER: Duration = Duration::from_millis(2);

/// A vote waiting for its batch.
pub struct Queued {
    pub vote: NewVote,
    pub ballot: Arc<Frozen>,
    /// The voter holds an office: the vote is activity for succession planning.
    pub office_holder: bool,
}

/// How a queued vote ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// Committed; whether it changed an earlier vote.
    Kept { changed: bool },
    /// Its ballot was closed when it was cast.
    Closed,
    /// Not recorded: its batch failed as a whole; record it on its own.
    Alone,
}

#[derive(Default)]
pub struct VoteQueue(Mutex<Gathering>);

#[derive(Default)]
struct Gathering {
    waiting: Vec<(Queued, oneshot::Sender<Recorded>)>,
    /// A leader is on its way to the writer and will take what is waiting.
    leader: bool,
}

impl VoteQueue {
    /// Queues a vote; true if its caller leads the next batch.
    fn push(&self, vote: Queued, answer: oneshot::Sender<Recorded>) -> bool {
        let mut g = self.lock();
        g.waiting.push((vote, answer));
        !std::mem::replace(&mut g.leader, true)
    }

    /// Takes the next batch: the first vote of each voter on each ballot, up to `BATCH_MAX`.
    /// What is left (a member's second click, or an overflow) needs another leader: then the
    /// leader flag stays set and the second value is true.
    fn take(&self) -> (Vec<(Queued, oneshot::Sender<Recorded>)>, bool) {
        let mut g = self.lock();
        let mut seen = HashSet::new();
        let (mut batch, mut rest) = (Vec::new(), Vec::new());
        for item in g.waiting.drain(..) {
            let key = (item.0.vote.ballot, item.0.vote.voter);
            if batch.len() < BATCH_MAX && seen.insert(key) {
                batch.push(item);
            } else {
                rest.push(item);
            }
        }
        let more = !rest.is_empty();
        g.waiting = rest;
        g.leader = more;
        (batch, more)
    }

    /// How many votes wait for a batch.
    fn len(&self) -> usize {
        self.lock().waiting.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Gathering> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The caller leading a batch. Dropped before its batch is done (the handler cancelled while
/// it waited for the writer) or with votes left for another batch, it hands leading to a
/// task, so that no gathered vote is left unanswered. Leading inline, not in a task of its
/// own, keeps a lone vote's round trips on its caller (a task each time cost a sequential vote
/// half again).
struct Leading(Option<App>);

impl Drop for Leading {
    fn drop(&mut self) {
        if let Some(app) = self.0.take()
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            runtime.spawn(async move { while app.record_batch().await {} });
        }
    }
}

impl App {
    /// Records a validated vote with whatever other votes arrive meanwhile.
    pub(super) async fn record_in_batch(&self, vote: Queued) -> Recorded {
        let (answer, answered) = oneshot::channel();
        if self.vote_queue.push(vote, answer) {
            let mut leading = Leading(Some(self.clone()));
            if !self.record_batch().await {
                leading.0 = None;
            }
        }
        // The batch ended without answering (its leader cancelled midway): record alone.
        answered.await.unwrap_or(Recorded::Alone)
    }

    /// Leads one batch; returns whether votes are left for another.
    async fn record_batch(&self) -> bool {
        // Votes arriving while this waits for the writer join the batch. With the writer free,
        // yielding first lets the clicks already runnable queue theirs: a burst's first
        // batches hold twice as many votes (25 -> 58 on the bench), so half as many round trips
        // and commits; a lone vote pays one pass of the scheduler. With the writer busy, votes
        // gather while this waits for it anyway, and a yield would only postpone the batch:
        // under load tokio runs a yielded task after its whole run queue (28-109 ms were
        // measured in a burst), long after the writer came free.
        if !self.writer_busy() {
            tokio::task::yield_now().await;
            // Others queued during the yield: a burst is arriving, let it fill the batch.
            if self.vote_queue.len() > 1 {
                tokio::time::sleep(GATHER).await;
            }
        }
        let tx = self.write_tx().await;
        let (batch, more) = self.vote_queue.take();
        let outcomes = match tx {
            Ok(mut tx) => match self.write_batch(&mut tx, &batch).await {
                Ok(outcomes) => tx.commit().await.map(|()| outcomes),
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        };
        let outcomes = outcomes.unwrap_or_else(|e| {
            tracing::warn!(error = %e, votes = batch.len(), "a batch of votes failed; recording them one by one");
            vec![Recorded::Alone; batch.len()]
        });
        if outcomes.iter().any(|o| matches!(o, Recorded::Kept { .. })) {
            self.outbox_wakeup().wake();
        }
        for ((_, answer), outcome) in batch.into_iter().zip(outcomes) {
            let _ = answer.send(outcome);
        }
        more
    }

    /// The batch's votes, one refresh per ballot and the office holders' activity.
    async fn write_batch(
        &self,
        tx: &mut WriteTx,
        batch: &[(Queued, oneshot::Sender<Recorded>)],
    ) -> sqlx::Result<Vec<Recorded>> {
        let votes: Vec<NewVote> = batch.iter().map(|(q, _)| q.vote.clone()).collect();
        let recorded = votes_repo::record_votes(tx, &votes).await?;
        let mut refreshed = HashSet::new();
        for ((queued, _), kept) in batch.iter().zip(&recorded) {
            if kept.is_none() {
                continue;
            }
            let (ballot, at) = (&queued.ballot.ballot, from_millis(queued.vote.at));
            if refreshed.insert(ballot.id) {
                refresh_once_per_group(tx, ballot, at).await?;
            }
            if queued.office_holder {
                roster::touch(tx, ballot.guild_id, from_db_id(queued.vote.voter), at).await?;
            }
        }
        Ok(recorded
            .into_iter()
            .map(|kept| match kept {
                Some(changed) => Recorded::Kept { changed },
                None => Recorded::Closed,
            })
            .collect())
    }
}
