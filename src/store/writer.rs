//! The one writer: every write transaction of the process goes through a single SQLite
//! connection, in turn, so that no write ever waits in SQLite's busy handler (which sleeps in
//! growing steps instead of queueing).
//!
//! **Group commit.** A use case takes a [`WriteTx`] (a savepoint inside the writer's open
//! transaction), does its work and calls [`WriteTx::commit`]. If other use cases are queued
//! behind it, the transaction stays open and they join it; the last of the group (or the
//! first to find the group large or old enough) commits for everyone, and each participant
//! returns only once that commit is durable. A participant that fails or is dropped is rolled
//! back to its savepoint alone: a refused vote never fails its neighbours; one dropped once it
//! has called commit is committed all the same (the rest of its group depends on it). So a burst of votes
//! costs a few commits, and `synchronous=FULL` (an fsync per commit) stays affordable.

use std::collections::HashSet;
use std::future::Future;
use std::ops::{Deref, DerefMut};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use sqlx::SqliteConnection;
use tokio::sync::{Mutex, OwnedMutexGuard, watch};

/// A group commits after this many participants, or once its transaction is this old, even
/// if more are waiting, so that a steady stream of writes cannot postpone durability. Short:
/// everyone in a group waits for its commit, and a burst of votes already shares one
/// statement (`app/ballot/vote_batch.rs`); 20 ms here added a third to the burst's p99.
const GROUP_MAX: usize = 256;
const GROUP_MAX_AGE: Duration = Duration::from_millis(2);

/// How a group's commit ended, as its participants learn it.
type Outcome = Option<Result<(), String>>;

struct Group {
    started: Instant,
    members: usize,
    done: watch::Sender<Outcome>,
    /// What committed participants of this group noted as done for everyone in it (a
    /// ballot's pending refresh, queued once for a burst of votes): see
    /// [`WriteTx::done_in_group`].
    notes: HashSet<String>,
}

struct State {
    conn: SqliteConnection,
    /// The open transaction and who joined it.
    group: Option<Group>,
}

/// The writer: one connection, taken in turn.
#[derive(Clone)]
pub struct Writer {
    state: Arc<Mutex<State>>,
    /// Use cases waiting for their turn: while any wait, a finished one leaves the transaction
    /// open for them.
    waiting: Arc<AtomicUsize>,
    /// Erased content may still lie in old WAL frames until a truncating checkpoint succeeds
    /// (see [`Writer::truncate_wal`]).
    truncation_owed: Arc<AtomicBool>,
}

/// A use case's share of the writer's transaction. Dereferences to the connection; commit
/// with [`WriteTx::commit`]; dropping it rolls its own writes back.
pub struct WriteTx {
    guard: Option<OwnedMutexGuard<State>>,
    waiting: Arc<AtomicUsize>,
    /// The use case that opened the transaction has it to itself until it is done, so it
    /// needs no savepoint (a round trip saved on the commonest path): rolling it back is
    /// rolling back the transaction.
    opener: bool,
    /// Notes for the group, kept only once this use case's writes are (see `note_for_group`).
    notes: Vec<String>,
}

impl Writer {
    pub fn new(conn: SqliteConnection) -> Self {
        Self {
            state: Arc::new(Mutex::new(State { conn, group: None })),
            waiting: Arc::new(AtomicUsize::new(0)),
            // A previous process may have stopped before its truncation.
            truncation_owed: Arc::new(AtomicBool::new(true)),
        }
    }

    /// Waits for the writer (in arrival order) and opens this use case's savepoint.
    pub async fn begin(&self) -> sqlx::Result<WriteTx> {
        self.waiting.fetch_add(1, Ordering::SeqCst);
        let mut guard = self.state.clone().lock_owned().await;
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        let opener = guard.group.is_none();
        if opener {
            let (done, _) = watch::channel(None);
            guard.group = Some(Group {
                started: Instant::now(),
                members: 0,
                done,
                notes: HashSet::new(),
            });
        }
        // The share exists before its first statement: a caller that stops waiting while
        // SQLite begins (its statement runs all the same) drops it, and its rollback ends what
        // was begun instead of leaving the connection inside a transaction no one owns.
        let mut tx = WriteTx {
            guard: Some(guard),
            waiting: self.waiting.clone(),
            opener,
            notes: Vec::new(),
        };
        // `query`, not `raw_sql`: prepared once per connection, not on every transaction.
        let statement = if opener {
            "BEGIN IMMEDIATE"
        } else {
            "SAVEPOINT steward"
        };
        if let Err(e) = sqlx::query(statement).execute(&mut *tx).await {
            if let Some(mut guard) = tx.guard.take() {
                end_group(&mut guard, false).await;
            }
            return Err(e);
        }
        Ok(tx)
    }

    /// Whether a use case holds the writer or waits for it: one more would wait too. (Trying
    /// the lock takes it only if no one holds it or waits, and gives it back at once.)
    pub fn busy(&self) -> bool {
        self.waiting.load(Ordering::SeqCst) > 0 || self.state.try_lock().is_err()
    }

    /// Copies the WAL into the database and cuts the WAL file to nothing, so that the old page
    /// images it holds (a secret ballot's choices before they were unlinked, say) leave the
    /// disk. Readers still on an older snapshot postpone it: then it stays owed, and
    /// `store::checkpoint_if_owed` tries again. Returns whether it was done.
    pub async fn truncate_wal(&self) -> sqlx::Result<bool> {
        self.truncation_owed.store(true, Ordering::SeqCst);
        let guard = self.state.clone().lock_owned().await;
        // Finished even if the caller stops waiting: the writer's transaction and busy
        // timeout are never left half done.
        let owed = self.truncation_owed.clone();
        FinishOnDrop::new(async move {
            let mut guard = guard;
            let done = truncate(&mut guard).await;
            // Still under the writer: truncations run in turn, and each covers every erasure
            // committed before it, so the last one's result is what is owed.
            owed.store(!matches!(done, Ok(true)), Ordering::SeqCst);
            done
        })
        .await
    }

    /// Whether a truncation is still owed (see [`Writer::truncate_wal`]).
    pub fn truncation_owed(&self) -> bool {
        self.truncation_owed.load(Ordering::SeqCst)
    }

    /// Closes the connection (after every use case finished).
    pub async fn close(&self) {
        let mut guard = self.state.lock().await;
        if guard.group.is_some() {
            end_group(&mut guard, true).await;
        }
        // Closing waits for nothing else: the connection is only ever used under the lock.
        let _ = sqlx::query("PRAGMA optimize")
            .execute(&mut guard.conn)
            .await;
    }
}

impl WriteTx {
    /// Keeps this use case's writes and returns once they are committed, together with any
    /// use cases queued behind it.
    pub async fn commit(mut self) -> sqlx::Result<()> {
        let Some(guard) = self.guard.take() else {
            return Ok(());
        };
        let notes = std::mem::take(&mut self.notes);
        // Finished even if this use case stops waiting here: its group must not be left open
        // with no one to commit it, nor the others without its outcome.
        let joined =
            FinishOnDrop::new(join_group(guard, self.opener, notes, self.waiting.clone())).await?;
        let Some(mut done) = joined else {
            return Ok(());
        };
        // Whoever commits the group tells everyone in it.
        let outcome = done
            .wait_for(Option::is_some)
            .await
            .map_err(|_| sqlx::Error::WorkerCrashed)?
            .clone();
        match outcome {
            Some(Ok(())) => Ok(()),
            Some(Err(e)) => Err(sqlx::Error::Protocol(format!("group commit failed: {e}"))),
            None => Err(sqlx::Error::WorkerCrashed),
        }
    }
}

/// Keeps a use case's writes in its group (releasing its savepoint), then commits the group
/// or leaves it open for those queued; returns how to learn the group's outcome.
async fn join_group(
    mut guard: OwnedMutexGuard<State>,
    opener: bool,
    notes: Vec<String>,
    waiting: Arc<AtomicUsize>,
) -> sqlx::Result<Option<watch::Receiver<Outcome>>> {
    if !opener
        && let Err(e) = sqlx::query("RELEASE steward")
            .execute(&mut guard.conn)
            .await
    {
        rollback_savepoint(&mut guard).await;
        settle(guard, &waiting).await;
        return Err(e);
    }
    let Some(group) = guard.group.as_mut() else {
        return Ok(None);
    };
    group.members += 1;
    group.notes.extend(notes);
    let done = group.done.subscribe();
    settle(guard, &waiting).await;
    Ok(Some(done))
}

/// Runs a future in its caller's task, and in a task of its own if the caller drops it before
/// it is done: the writer's bookkeeping is never left half done, yet the common path costs no
/// hop between threads (a task for every commit doubled a sequential vote's time).
struct FinishOnDrop<F: Future<Output: Send + 'static> + Send + 'static>(Option<Pin<Box<F>>>);

impl<F: Future<Output: Send + 'static> + Send + 'static> FinishOnDrop<F> {
    fn new(future: F) -> Self {
        Self(Some(Box::pin(future)))
    }
}

impl<F: Future<Output: Send + 'static> + Send + 'static> Future for FinishOnDrop<F> {
    type Output = F::Output;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let Some(future) = self.0.as_mut() else {
            panic!("FinishOnDrop polled after it finished");
        };
        let output = std::task::ready!(future.as_mut().poll(cx));
        self.0 = None;
        Poll::Ready(output)
    }
}

impl<F: Future<Output: Send + 'static> + Send + 'static> Drop for FinishOnDrop<F> {
    fn drop(&mut self) {
        if let Some(future) = self.0.take() {
            match tokio::runtime::Handle::try_current() {
                Ok(runtime) => {
                    runtime.spawn(future);
                }
                Err(_) => tracing::error!("a commit was dropped outside a runtime"),
            }
        }
    }
}

impl WriteTx {
    /// Whether a participant already committed into this group noted `what`: its writes (a
    /// queued refresh, say) are in this same transaction, so this one need not repeat them.
    pub fn done_in_group(&self, what: &str) -> bool {
        self.guard
            .as_ref()
            .and_then(|g| g.group.as_ref())
            .is_some_and(|g| g.notes.contains(what))
    }

    /// Notes `what` for the rest of the group, once this use case commits (a use case rolled
    /// back takes its note with it).
    pub fn note_for_group(&mut self, what: String) {
        self.notes.push(what);
    }
}

impl Deref for WriteTx {
    type Target = SqliteConnection;
    fn deref(&self) -> &SqliteConnection {
        &self.guard.as_ref().expect("used after commit").conn
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        &mut self.guard.as_mut().expect("used after commit").conn
    }
}

impl Drop for WriteTx {
    /// Not committed (an error, a refusal, a panic): this use case's writes are rolled back
    /// and the group goes on without them. Rolling back is async, so it runs in a task that
    /// owns the writer until it is done.
    fn drop(&mut self) {
        if let Some(mut guard) = self.guard.take() {
            let waiting = self.waiting.clone();
            let opener = self.opener;
            let cleanup = async move {
                if opener {
                    // Nobody joined yet: the whole transaction is this use case's.
                    end_group(&mut guard, false).await;
                } else {
                    rollback_savepoint(&mut guard).await;
                }
                settle(guard, &waiting).await;
            };
            match tokio::runtime::Handle::try_current() {
                Ok(runtime) => {
                    runtime.spawn(cleanup);
                }
                Err(_) => tracing::error!("write transaction dropped outside a runtime"),
            }
        }
    }
}

async fn rollback_savepoint(guard: &mut State) {
    let rolled = sqlx::raw_sql("ROLLBACK TO steward; RELEASE steward")
        .execute(&mut guard.conn)
        .await;
    if let Err(e) = rolled {
        tracing::error!(error = %e, "could not roll back a savepoint; ending the group");
        end_group(guard, false).await;
    }
}

/// After a participant is done: commit the group now unless others wait to join it (and it is
/// neither full nor old), then let the next one in.
async fn settle(mut guard: OwnedMutexGuard<State>, waiting: &AtomicUsize) {
    let commit_now = guard.group.as_ref().is_some_and(|g| {
        waiting.load(Ordering::SeqCst) == 0
            || g.members >= GROUP_MAX
            || g.started.elapsed() >= GROUP_MAX_AGE
    });
    if commit_now {
        end_group(&mut guard, true).await;
    }
    drop(guard);
}

/// [`Writer::truncate_wal`]'s work, holding the writer; whether the WAL was truncated.
async fn truncate(guard: &mut OwnedMutexGuard<State>) -> sqlx::Result<bool> {
    // A group left open for use cases queued behind it commits first: SQLite cannot checkpoint
    // inside a transaction. Those still queued start the next group.
    end_group(guard, true).await;
    // Writes wait behind this: readers get a tenth of a second, not the time other processes
    // get, and a postponed truncation is tried again later.
    let conn = &mut guard.conn;
    sqlx::query("PRAGMA busy_timeout = 100")
        .execute(&mut *conn)
        .await?;
    let checkpoint: sqlx::Result<(i64, i64, i64)> =
        sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(&mut *conn)
            .await;
    let restore = format!("PRAGMA busy_timeout = {}", super::BUSY_TIMEOUT.as_millis());
    sqlx::raw_sql(sqlx::AssertSqlSafe(restore))
        .execute(&mut *conn)
        .await?;
    let (busy, _, _) = checkpoint?;
    Ok(busy == 0)
}

/// Commits (or rolls back) the open transaction and tells its participants.
async fn end_group(guard: &mut State, commit: bool) {
    let Some(group) = guard.group.take() else {
        return;
    };
    let result = if commit {
        sqlx::query("COMMIT").execute(&mut guard.conn).await
    } else {
        sqlx::raw_sql("ROLLBACK").execute(&mut guard.conn).await
    };
    let outcome = match (commit, result) {
        (true, Ok(_)) => Ok(()),
        (true, Err(e)) => {
            tracing::error!(error = %e, members = group.members, "group commit failed");
            // The transaction may still be open after a failed COMMIT: end it.
            let _ = sqlx::raw_sql("ROLLBACK").execute(&mut guard.conn).await;
            Err(e.to_string())
        }
        (false, _) => Err("rolled back".to_owned()),
    };
    group.done.send_replace(Some(outcome));
}

#[cfg(test)]
#[path = "writer_tests.rs"]
mod tests;
