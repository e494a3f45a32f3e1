//! Shared by the `app` + `store` tests: a guild on a real SQLite file in a temp dir, a manual
//! clock, members with governance roles, and a fake Discord that records what it was given.
#![allow(
    dead_code,
    reason = "each test binary uses the part of the shared world it needs"
)]

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeZone, Utc};
use steward::app::ballot::open::StartBallot;
use steward::app::delivery::{DeliveryError, OutboxItem, Publisher};
use steward::app::guild::setup::Setup;
use steward::app::outbox::Notice;
use steward::app::{Actor, App};
use steward::clock::ManualClock;
use steward::governance::roles::{GovRole, RoleSet, Standing};
use steward::store;

pub const GUILD: u64 = 1_000;
pub const ANNOUNCE: u64 = 2_000;
pub const GENERAL: u64 = 2_001;
pub const TSC_CHANNEL: u64 = 2_002;
pub const TSC_ROLE: u64 = 3_000;
pub const MAINTAINER_ROLE: u64 = 3_001;
pub const EMERITUS_ROLE: u64 = 3_002;
// The TSC: alice, bob, carol, dave, erin. frank is a maintainer.
pub const ALICE: u64 = 11;
pub const BOB: u64 = 12;
pub const CAROL: u64 = 13;
pub const DAVE: u64 = 14;
pub const ERIN: u64 = 15;
pub const FRANK: u64 = 16;
pub const TSC: [u64; 5] = [ALICE, BOB, CAROL, DAVE, ERIN];

pub fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

pub struct World {
    _dir: tempfile::TempDir,
    url: String,
    pub clock: Arc<ManualClock>,
    pub app: App,
}

impl World {
    /// A guild whose only mapped role is the TSC, without a private TSC channel.
    pub async fn new() -> Self {
        Self::with_setup(Setup {
            roles: vec![(GovRole::Tsc, TSC_ROLE)],
            announce_channel_id: ANNOUNCE,
            tsc_channel_id: None,
            wg_category_id: None,
            channels: vec![],
            locale: "en-US".into(),
        })
        .await
    }

    /// A guild set up as given.
    pub async fn with_setup(setup: Setup) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("steward.db").display());
        let clock = Arc::new(ManualClock::new(start_time()));
        let app = App::new(store::connect(&url).await.unwrap(), clock.clone());
        let world = Self {
            _dir: dir,
            url,
            clock,
            app,
        };
        world.app.setup_guild(&admin(), setup).await.unwrap();
        world
    }

    /// The database file (its `-wal` file lies beside it).
    pub fn db_path(&self) -> std::path::PathBuf {
        self._dir.path().join("steward.db")
    }

    pub fn clock_now(&self) -> DateTime<Utc> {
        use steward::clock::Clock;
        self.clock.now()
    }

    /// The process "restarts": a new pool and app on the same database file.
    pub async fn restart(&mut self) {
        self.app.close().await;
        self.app = App::new(store::connect(&self.url).await.unwrap(), self.clock.clone());
    }

    pub async fn start(&self, title: &str) -> i64 {
        self.app
            .start_ballot(&tsc(ALICE), ballot(title))
            .await
            .unwrap()
            .id
    }

    pub async fn count(&self, sql: &'static str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(self.app.db())
            .await
            .unwrap()
    }
}

pub fn actor(user: u64, roles: &[GovRole]) -> Actor {
    Actor {
        guild_id: GUILD,
        user_id: user,
        standing: Standing {
            roles: RoleSet::new(roles.iter().copied()),
            manages_guild: false,
        },
    }
}

pub fn tsc(user: u64) -> Actor {
    actor(user, &[GovRole::Tsc])
}

pub fn admin() -> Actor {
    Actor {
        standing: Standing {
            manages_guild: true,
            ..Standing::default()
        },
        ..actor(99, &[])
    }
}

pub fn ballot(title: &str) -> StartBallot {
    StartBallot {
        title: title.into(),
        description: "Adopt the new release process".into(),
        duration: Some("7d".into()),
        secret: false,
        channel_id: GENERAL,
        electorate: TSC.to_vec(),
    }
}

/// A publisher that records what it delivered and fails as scripted; members whose DMs are
/// closed refuse the contact DM, as Discord does.
#[derive(Default)]
pub struct FakeDiscord {
    script: Mutex<VecDeque<DeliveryError>>,
    delivered: Mutex<Vec<Notice>>,
    closed_dms: Vec<u64>,
    pub attempts: Mutex<usize>,
}

impl FakeDiscord {
    pub fn with_closed_dms(members: impl IntoIterator<Item = u64>) -> Self {
        Self {
            closed_dms: members.into_iter().collect(),
            ..Self::default()
        }
    }

    /// What was delivered since the last call.
    pub fn take(&self) -> Vec<Notice> {
        std::mem::take(&mut *self.delivered.lock().unwrap())
    }

    pub fn failing(errors: impl IntoIterator<Item = DeliveryError>) -> Self {
        Self {
            script: Mutex::new(errors.into_iter().collect()),
            ..Self::default()
        }
    }

    pub fn delivered(&self) -> Vec<Notice> {
        self.delivered.lock().unwrap().clone()
    }

    pub fn results(&self) -> Vec<i64> {
        self.delivered()
            .into_iter()
            .filter_map(|n| match n {
                Notice::BallotResult { ballot_id, .. } => Some(ballot_id),
                _ => None,
            })
            .collect()
    }
}

impl Publisher for FakeDiscord {
    async fn deliver(&self, item: &OutboxItem) -> Result<Option<u64>, DeliveryError> {
        *self.attempts.lock().unwrap() += 1;
        if let Some(error) = self.script.lock().unwrap().pop_front() {
            return Err(error);
        }
        if let Notice::InactivityContact { member_id, .. } = &item.notice
            && self.closed_dms.contains(member_id)
        {
            return Err(DeliveryError::Rejected(
                "HTTP 403 (50007): Cannot send messages to this user".into(),
            ));
        }
        self.delivered.lock().unwrap().push(item.notice.clone());
        Ok(Some(900_000 + item.id as u64))
    }
}
