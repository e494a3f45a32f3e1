//! Use cases. Each takes an [`Actor`] and plain inputs, checks the rules in `governance`, and
//! writes state, schedules jobs and queues announcements in one transaction. No Discord types,
//! no Fluent text: the Discord layer renders what these return.
//!
//! One folder per feature (`ballot`, `working_group`, `succession`, `annual_review`, `guild`);
//! features call down to `ballot` to open ballots. Above them, three dispatchers are the only
//! files that name every feature: `decisions` (a ballot's outcome → its effect), `jobs` (a
//! due job → its handler) and `delivery` (a delivered or refused notice → its reaction). The
//! registries `schedule` (job kinds) and `outbox` (notices) sit below every feature.

pub mod amendment;
pub mod annual_review;
pub mod ballot;
pub mod case;
pub mod decision_log;
pub mod decisions;
pub mod delivery;
pub mod dependency;
pub mod dissolution;
pub mod error;
pub mod github;
pub mod guild;
pub mod jobs;
pub mod nomination;
pub mod operations;
pub mod outbox;
pub mod release;
pub mod rfc;
pub mod schedule;
pub mod succession;
pub mod web;
pub mod working_group;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use crate::store::{Database, WriteTx};
use guild::config::ConfigCache;

use crate::clock::Clock;
use crate::github::GithubClient;
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
    db: Database,
    config_cache: Arc<ConfigCache>,
    /// Ballots as votes meet them (`ballot/frozen.rs`).
    frozen_ballots: Arc<crate::app::ballot::frozen::FrozenBallots>,
    /// Votes gathering for their batch (`ballot/vote_batch.rs`).
    vote_queue: Arc<crate::app::ballot::vote_batch::VoteQueue>,
    clock: Arc<dyn Clock>,
    jobs_wakeup: Wakeup,
    outbox_wakeup: Wakeup,
    /// GitHub's API, to check logins and read activity; `None` where it is not wired (tests).
    github: Option<Arc<GithubClient>>,
    /// When this process started serving (the uptime `/govern status` shows).
    started: std::time::Instant,
    /// Set when Discord refused the bot's token (401): deliveries stop, every item is kept, and
    /// a restart (a new `App`, with a new token) delivers them.
    delivery_halted: Arc<std::sync::atomic::AtomicBool>,
    /// Guilds whose roster was synced with Discord's full member list since start-up: their
    /// role holders are read from the roster, not paged through Discord.
    roster_synced: Arc<std::sync::Mutex<std::collections::HashSet<u64>>>,
}

impl App {
    pub fn new(db: Database, clock: Arc<dyn Clock>) -> Self {
        Self {
            db,
            config_cache: Arc::default(),
            frozen_ballots: Arc::default(),
            vote_queue: Arc::default(),
            clock,
            jobs_wakeup: Wakeup::default(),
            outbox_wakeup: Wakeup::default(),
            github: None,
            started: std::time::Instant::now(),
            delivery_halted: Arc::default(),
            roster_synced: Arc::default(),
        }
    }

    /// The app reading GitHub through `client`.
    pub fn with_github(mut self, client: GithubClient) -> Self {
        self.github = Some(Arc::new(client));
        self
    }

    /// GitHub's API, if wired.
    pub fn github(&self) -> Option<&GithubClient> {
        self.github.as_deref()
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// How long this process has been serving.
    pub fn uptime(&self) -> std::time::Duration {
        self.started.elapsed()
    }

    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    /// The read-only pool: every read outside a write transaction.
    pub fn db(&self) -> &SqlitePool {
        &self.db.read
    }

    /// Guild configurations in memory; cleared after commits that may change one.
    pub fn config_cache(&self) -> &ConfigCache {
        &self.config_cache
    }

    /// The database, readers and writer.
    pub fn database(&self) -> &Database {
        &self.db
    }

    /// Whether a use case holds the one writer or waits for it (see `store::writer`).
    pub(crate) fn writer_busy(&self) -> bool {
        self.db.writer.busy()
    }

    /// Starts this use case's share of a write transaction, through the one writer (see
    /// `store::writer`): committed with `commit().await`, returning once durable; rolled back
    /// alone if dropped.
    pub async fn write_tx(&self) -> sqlx::Result<WriteTx> {
        self.db.writer.begin().await
    }

    /// Closes the database (after the loops and handlers stopped).
    pub async fn close(&self) {
        self.db.close().await;
    }

    pub fn jobs_wakeup(&self) -> Wakeup {
        self.jobs_wakeup.clone()
    }

    pub fn outbox_wakeup(&self) -> Wakeup {
        self.outbox_wakeup.clone()
    }

    /// Whether deliveries stopped because Discord refused the token.
    pub fn delivery_halted(&self) -> bool {
        self.delivery_halted
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Stops deliveries until a restart; returns whether they were running (to log once).
    pub(crate) fn halt_delivery(&self) -> bool {
        !self
            .delivery_halted
            .swap(true, std::sync::atomic::Ordering::Relaxed)
    }

    /// Whether the guild's roster was synced with Discord since start-up (then kept in step
    /// by member events).
    pub fn roster_synced(&self, guild_id: u64) -> bool {
        self.roster_synced
            .lock()
            .is_ok_and(|synced| synced.contains(&guild_id))
    }

    pub(crate) fn mark_roster_synced(&self, guild_id: u64) {
        if let Ok(mut synced) = self.roster_synced.lock() {
            synced.insert(guild_id);
        }
    }

    /// Makes both loops look again (after new work, or after a test moved the clock).
    pub fn wake(&self) {
        self.jobs_wakeup.wake();
        self.outbox_wakeup.wake();
    }

    /// Resolves once both loops have gone through everything due now, including what each
    /// pass queued for the other (a job's notices, a delivery's follow-up jobs).
    pub async fn settled(&self) {
        for _ in 0..3 {
            self.jobs_wakeup.settled().await;
            self.outbox_wakeup.settled().await;
        }
    }
}
