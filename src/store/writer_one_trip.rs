//! A use case's whole share of the writer sent to SQLite in one round trip. The connection
//! runs on a thread of its own, and every statement sent there costs two thread wake-ups (out
//! and back): a lone vote made four trips (begin, vote, refresh, commit) against one for the
//! raw upsert it is measured against. Here the opening of the share (`BEGIN` or a savepoint),
//! the use case's statements, and its commit when it may commit at once, go as one batch.

use sqlx::sqlite::{SqliteArguments, SqliteRow};

use super::*;

/// A turn at the writer whose writes go in one round trip, with [`OneTripTx::fetch_all`].
/// Dropped before that, it wrote nothing and undoes nothing.
pub struct OneTripTx(WriteTx);

impl Writer {
    /// Waits for the writer like [`Writer::begin`], but sends nothing yet.
    pub async fn begin_one_trip(&self) -> OneTripTx {
        OneTripTx(self.take_turn().await)
    }
}

impl OneTripTx {
    /// See [`WriteTx::done_in_group`].
    pub fn done_in_group(&self, what: &str) -> bool {
        self.0.done_in_group(what)
    }

    /// See [`WriteTx::note_for_group`].
    pub fn note_for_group(&mut self, what: String) {
        self.0.note_for_group(what);
    }

    /// Runs `statements` (separated by `;`, with numbered parameters `?1`.. into `args`) as
    /// this use case's whole share, and returns the rows they return once the share is
    /// committed with its group. If any statement fails, none of them is kept.
    pub async fn fetch_all(
        mut self,
        statements: &'static str,
        args: SqliteArguments,
    ) -> sqlx::Result<Vec<SqliteRow>> {
        let tx = &mut self.0;
        let Some(guard) = tx.guard.take() else {
            return Err(sqlx::Error::WorkerCrashed);
        };
        let share = Share {
            opener: tx.opener,
            notes: std::mem::take(&mut tx.notes),
            waiting: tx.waiting.clone(),
        };
        // Finished even if the caller stops waiting, as `WriteTx::commit` is: the statements
        // may have left the transaction or a savepoint open.
        let (rows, done) = FinishOnDrop::new(share.run(guard, statements, args)).await?;
        group_outcome(done).await?;
        Ok(rows)
    }
}

struct Share {
    opener: bool,
    notes: Vec<String>,
    waiting: Arc<AtomicUsize>,
}

impl Share {
    async fn run(
        self,
        mut guard: OwnedMutexGuard<State>,
        statements: &'static str,
        args: SqliteArguments,
    ) -> sqlx::Result<(Vec<SqliteRow>, watch::Receiver<Outcome>)> {
        // Decided before sending, with `settle`'s rule: a use case that queues meanwhile
        // opens the next group instead of joining this one.
        let commit = guard
            .group
            .as_ref()
            .is_some_and(|g| ready_to_commit(g, g.members + 1, &self.waiting));
        let (open, release) = if self.opener {
            ("BEGIN IMMEDIATE", "")
        } else {
            ("SAVEPOINT steward", "; RELEASE steward")
        };
        let end = if commit { "; COMMIT" } else { "" };
        // From constants only: a few variants per use case, each prepared once.
        let sql = format!("{open}; {statements}{release}{end}");
        let sent = sqlx::query_with(sqlx::AssertSqlSafe(sql), args)
            .fetch_all(&mut guard.conn)
            .await;
        let rows = match sent {
            Ok(rows) => rows,
            Err(e) => {
                // Which statements ran is unknown; undoing one that did not is refused
                // harmlessly, and a savepoint already released takes its group with it (its
                // COMMIT failed, so the group's did).
                if self.opener {
                    end_group(&mut guard, false).await;
                } else {
                    rollback_savepoint(&mut guard).await;
                }
                settle(guard, &self.waiting).await;
                return Err(e);
            }
        };
        let Some(group) = guard.group.as_mut() else {
            return Err(sqlx::Error::WorkerCrashed);
        };
        let done = join(group, self.notes);
        if commit {
            // The batch ended with the group's commit: tell everyone in it.
            if let Some(group) = guard.group.take() {
                group.done.send_replace(Some(Ok(())));
            }
        } else {
            settle(guard, &self.waiting).await;
        }
        Ok((rows, done))
    }
}
