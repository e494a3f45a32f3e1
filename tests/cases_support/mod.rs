//! Shared by the cases, review and dissolution `app` tests: a guild with every governance role,
//! a TSC, maintainers' and security channel, its roster synced, and a fake Discord that
//! records what it delivered and refuses DMs to members whose DMs are closed.
#![allow(
    dead_code,
    reason = "each test binary uses the part of the shared world it needs"
)]

use std::sync::Mutex;

use chrono::Duration;
use steward::app::delivery::{DeliveryError, OutboxItem, Publisher};
use steward::app::guild::setup::Setup;
use steward::app::outbox::Notice;
use steward::app::succession::roster::DiscordMember;
use steward::governance::ballot::Choice;
use steward::governance::roles::GovRole;
use steward::store::guild::ChannelPurpose;

use crate::app_support::*;

pub const SECURITY_ROLE: u64 = 3_003;
pub const SECURITY_CHANNEL: u64 = 2_003;
pub const MAINTAINERS_CHANNEL: u64 = 2_004;
/// Members without a governance role.
pub const GRACE: u64 = 17;
pub const HEIDI: u64 = 18;
/// The security response team.
pub const IVAN: u64 = 19;
/// A second maintainer besides frank.
pub const JUDY: u64 = 20;

fn member(id: u64, name: &str, roles: &[u64]) -> DiscordMember {
    DiscordMember {
        member_id: id,
        username: name.into(),
        display_name: name.to_uppercase(),
        role_ids: roles.to_vec(),
        bot: false,
    }
}

pub fn setup(security_mapped: bool) -> Setup {
    let mut roles = vec![
        (GovRole::Tsc, TSC_ROLE),
        (GovRole::Maintainer, MAINTAINER_ROLE),
    ];
    if security_mapped {
        roles.push((GovRole::SecurityTeam, SECURITY_ROLE));
    }
    Setup {
        roles,
        announce_channel_id: ANNOUNCE,
        tsc_channel_id: Some(TSC_CHANNEL),
        wg_category_id: None,
        channels: vec![
            (ChannelPurpose::Security, SECURITY_CHANNEL),
            (ChannelPurpose::Maintainers, MAINTAINERS_CHANNEL),
        ],
        locale: "en-US".into(),
    }
}

/// The guild with its roster: alice..erin the TSC, frank and judy maintainers, ivan the
/// security team, grace and heidi members.
pub async fn world_with(setup: Setup) -> World {
    let w = World::with_setup(setup).await;
    let mut members = vec![
        member(FRANK, "frank", &[MAINTAINER_ROLE]),
        member(JUDY, "judy", &[MAINTAINER_ROLE]),
        member(IVAN, "ivan", &[SECURITY_ROLE]),
        member(GRACE, "grace", &[]),
        member(HEIDI, "heidi", &[]),
    ];
    for (id, name) in TSC.iter().zip(["alice", "bob", "carol", "dave", "erin"]) {
        members.push(member(*id, name, &[TSC_ROLE]));
    }
    w.app.sync_roster(GUILD, &members).await.unwrap();
    w
}

pub async fn world() -> World {
    world_with(setup(true)).await
}

pub fn member_actor(user: u64) -> steward::app::Actor {
    actor(user, &[])
}

pub fn maintainer(user: u64) -> steward::app::Actor {
    actor(user, &[GovRole::Maintainer])
}

pub fn security(user: u64) -> steward::app::Actor {
    actor(user, &[GovRole::SecurityTeam])
}

/// A publisher that records what it delivered and refuses DMs to the members listed.
#[derive(Default)]
pub struct Discord {
    pub delivered: Mutex<Vec<Notice>>,
    /// Everything ever delivered.
    pub history: Mutex<Vec<Notice>>,
    pub closed_dms: Vec<u64>,
    /// Refuses timeouts, as Discord does without Moderate Members.
    pub no_moderate_members: bool,
}

impl Discord {
    pub fn history(&self) -> Vec<Notice> {
        self.history.lock().unwrap().clone()
    }

    pub fn take(&self) -> Vec<Notice> {
        std::mem::take(&mut *self.delivered.lock().unwrap())
    }
}

impl Publisher for Discord {
    async fn deliver(&self, item: &OutboxItem) -> Result<Option<u64>, DeliveryError> {
        match &item.notice {
            Notice::CaseReporterTold { .. } if !self.closed_dms.is_empty() => {
                return Err(DeliveryError::Rejected(
                    "HTTP 403 (50007): Cannot send messages to this user".into(),
                ));
            }
            Notice::ConductTimeout { .. } if self.no_moderate_members => {
                return Err(DeliveryError::Rejected("missing Moderate Members".into()));
            }
            _ => {}
        }
        self.delivered.lock().unwrap().push(item.notice.clone());
        self.history.lock().unwrap().push(item.notice.clone());
        Ok(Some(900_000 + item.id as u64))
    }
}

/// Runs due jobs and delivers everything (twice: refusals queue notes); returns what went out.
pub async fn pass(w: &World, discord: &Discord) -> Vec<Notice> {
    w.app.run_due_jobs().await.unwrap();
    w.app.deliver_outbox(discord).await.unwrap();
    w.app.deliver_outbox(discord).await.unwrap();
    discord.take()
}

/// The TSC votes `choice` (alice, bob, carol) and the deadline passes.
pub async fn vote_and_close(w: &World, ballot: i64, choice: Choice) {
    for member in [ALICE, BOB, CAROL] {
        let concern = (choice == Choice::No).then_some("Not this way");
        w.app
            .cast_vote(&tsc(member), ballot, choice, concern)
            .await
            .unwrap();
    }
    w.clock.advance(Duration::days(8));
    w.app.run_due_jobs().await.unwrap();
}

/// The message id of a refusal.
pub fn refusal<T: std::fmt::Debug>(result: Result<T, steward::app::AppError>) -> &'static str {
    result.unwrap_err().user().expect("a refusal, not a bug").id
}

/// The delivered notices that post in the announcement channel: results of ballots on
/// public subjects, the published review, dissolution notices, and the others' announcements.
pub async fn public(w: &World, notices: &[Notice]) -> Vec<Notice> {
    let mut out = Vec::new();
    for n in notices {
        let is_public = match n {
            Notice::BallotResult { ballot_id } => !w
                .app
                .ballot_view(*ballot_id)
                .await
                .unwrap()
                .ballot
                .subject
                .is_private(),
            Notice::AnnualReviewPublished { .. }
            | Notice::DissolutionNotice { .. }
            | Notice::DissolutionCalledOff { .. }
            | Notice::EmeritusAnnounced { .. }
            | Notice::PolicyChanged { .. }
            | Notice::WgAnnounced { .. }
            | Notice::WgClosedAnnounced { .. } => true,
            _ => false,
        };
        if is_public {
            out.push(n.clone());
        }
    }
    out
}
