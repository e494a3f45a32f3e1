//! Use cases. Each takes an [`Actor`] and plain inputs, checks the rules in `governance`, and
//! writes state, schedules jobs and queues announcements in one transaction. No Discord types,
//! no Fluent text: the Discord layer renders what these return.
//!
//! One folder per feature (`ballot`, `working_group`, `succession`, `annual_review`, `guild`);
//! features call down to `ballot` to open ballots. Above them, three dispatchers are the only
//! files that name every feature: `decisions` (a ballot's outcome → its effect), `jobs` (a
//! due job → its handler) and `delivery` (a delivered or refused notice → its reaction). The
//! registries `schedule` (job kinds) and `outbox` (notices) sit below every feature.

pub mod annual_review;
pub mod ballot;
pub mod case;
pub mod decision_log;
pub mod decisions;
pub mod delivery;
pub mod dissolution;
pub mod error;
pub mod guild;
pub mod jobs;
pub mod outbox;
pub mod schedule;
pub mod succession;
pub mod working_group;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use crate::clock::Clock;
use crate::governance::permissions::{Action, Facts};
use crate::governance::roles::Standing;
use crate::scheduler::Wakeup;

pub use error::{AppError, AppResult, UserError};

/// The member acting, as the rules see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub guild_id: u64,
    pub user_id: u64,
    pub standing: Standing,
}

impl Actor {
    /// Checks the permission table: may this member take `action`, given the facts?
    pub fn require(&self, action: Action, facts: Facts) -> Result<(), UserError> {
        action.check(&self.standing, facts).map_err(UserError::from)
    }
}

/// The application: database, clock, and the wake-ups of the two background loops.
#[derive(Clone)]
pub struct App {
    db: SqlitePool,
    clock: Arc<dyn Clock>,
    jobs_wakeup: Wakeup,
    outbox_wakeup: Wakeup,
}

impl App {
    pub fn new(db: SqlitePool, clock: Arc<dyn Clock>) -> Self {
        Self {
            db,
            clock,
            jobs_wakeup: Wakeup::default(),
            outbox_wakeup: Wakeup::default(),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    pub fn db(&self) -> &SqlitePool {
        &self.db
    }

    /// Starts a transaction that will write. `BEGIN IMMEDIATE` takes the write lock up front:
    /// a deferred transaction that reads and then writes fails at once with "database is
    /// locked" when another connection wrote in between (the busy timeout does not apply).
    pub async fn write_tx(&self) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        self.db.begin_with("BEGIN IMMEDIATE").await
    }

    pub fn jobs_wakeup(&self) -> Wakeup {
        self.jobs_wakeup.clone()
    }

    pub fn outbox_wakeup(&self) -> Wakeup {
        self.outbox_wakeup.clone()
    }

    /// Makes both loops look again (after new work, or after a test moved the clock).
    pub fn wake(&self) {
        self.jobs_wakeup.wake();
        self.outbox_wakeup.wake();
    }
}
