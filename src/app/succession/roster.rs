//! The roster: who holds which governance role, kept in sync with Discord; last activity per
//! member (a timestamp only); areas of focus; and the views `/roster` shows and exports.

use std::collections::BTreeMap;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Utc};

use super::activity;
use crate::app::schedule::{self, Job};
use crate::app::{Actor, App, AppResult, UserError};
use crate::app::{github, nomination};
use crate::governance::activity::LastActivity;
use crate::governance::annual_review::next_review;
use crate::governance::permissions::{Action, Facts};
use crate::governance::roles::GovRole;
use crate::governance::working_group::Status;
use crate::msg;
use crate::store::github as github_repo;
use crate::store::guild::GuildConfig;
use crate::store::roster::{self as repo, MemberSnapshot, RosterEntry};
use crate::store::working_group as groups;

/// Longest area of focus, in characters.
pub const AREA_MAX: usize = 100;

/// A guild member as Discord shows them: their Discord role ids, not yet mapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscordMember {
    pub member_id: u64,
    pub username: String,
    pub display_name: String,
    pub role_ids: Vec<u64>,
    pub bot: bool,
}

/// The governance roles the Discord roles map to in this guild.
fn snapshot(config: &GuildConfig, member: &DiscordMember) -> MemberSnapshot {
    MemberSnapshot {
        member_id: member.member_id,
        username: member.username.clone(),
        display_name: member.display_name.clone(),
        roles: config
            .roles
            .iter()
            .filter(|(_, role_id)| member.role_ids.contains(role_id))
            .map(|(role, _)| *role)
            .collect(),
    }
}

impl App {
    /// The members in the guild who hold `role`, as the synced roster has them (`None` while
    /// the roster was not synced since start-up: then ask Discord).
    pub async fn role_holders(&self, guild_id: u64, role: GovRole) -> AppResult<Option<Vec<u64>>> {
        if !self.roster_synced(guild_id) {
            return Ok(None);
        }
        let mut conn = self.db().acquire().await?;
        let entries = repo::list(&mut conn, guild_id).await?;
        Ok(Some(
            entries
                .into_iter()
                .filter(|e| e.in_guild && e.has(role))
                .map(|e| e.member_id)
                .collect(),
        ))
    }
}

/// Whether the roster already holds this member as Discord shows them.
fn unchanged(entry: &RosterEntry, member: &MemberSnapshot) -> bool {
    let mut held: Vec<GovRole> = entry.roles.iter().map(|(r, _)| *r).collect();
    let mut now: Vec<GovRole> = member.roles.clone();
    held.sort_by_key(|r| r.key());
    now.sort_by_key(|r| r.key());
    entry.in_guild
        && entry.username == member.username
        && entry.display_name == member.display_name
        && held == now
}

/// The roster grouped as the governance document lists it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RosterView {
    pub tsc: Vec<RosterEntry>,
    pub maintainers: Vec<RosterEntry>,
    pub security: Vec<RosterEntry>,
    pub emeritus: Vec<RosterEntry>,
    /// Active working groups with their chair ("[Working Group Name] - [Focus Area] - [Chair]").
    pub working_groups: Vec<GroupChair>,
    /// Linked GitHub logins, by member ("[Name] - [GitHub Username]").
    pub github: BTreeMap<u64, String>,
    /// Each listed member's last activity as succession planning counts it, and its source.
    pub activity: BTreeMap<u64, LastActivity>,
}

/// An active working group and who chairs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupChair {
    pub name: String,
    pub focus: String,
    pub chair_id: u64,
    /// The chair's roster entry, if the chair is in the roster.
    pub chair: Option<RosterEntry>,
}

impl App {
    /// Replaces the roster with the full member list Discord gave (at start-up and after
    /// `/govern setup`): members gain and lose roles, and those no longer listed have left.
    /// Also makes sure the guild's succession and annual-review jobs are scheduled.
    pub async fn sync_roster(&self, guild_id: u64, members: &[DiscordMember]) -> AppResult<()> {
        let Some(config) = self.find_guild_config(guild_id).await? else {
            return Ok(());
        };
        let now = self.now();
        // Worked out on a reader, outside the writer (a guild may have 100,000 members while
        // votes arrive): only role holders and members the roster knows matter, and of those
        // only the ones that changed are written.
        let known: HashMap<u64, RosterEntry> = {
            let mut conn = self.db().acquire().await?;
            repo::list(&mut conn, guild_id)
                .await?
                .into_iter()
                .map(|e| (e.member_id, e))
                .collect()
        };
        let changed: Vec<MemberSnapshot> = members
            .iter()
            .filter(|m| !m.bot)
            .map(|m| snapshot(&config, m))
            .filter(|s| match known.get(&s.member_id) {
                None => !s.roles.is_empty(),
                Some(entry) => !unchanged(entry, s),
            })
            .collect();
        let present: HashSet<u64> = members.iter().map(|m| m.member_id).collect();
        let left: Vec<u64> = known
            .values()
            .filter(|e| e.in_guild && !present.contains(&e.member_id))
            .map(|e| e.member_id)
            .collect();
        let mut tx = self.write_tx().await?;
        for member in &changed {
            repo::upsert(&mut tx, guild_id, member, now).await?;
        }
        for member_id in left {
            repo::mark_left(&mut tx, guild_id, member_id, now).await?;
        }
        // A nominee who left while the bot was away ends their nomination.
        nomination::left::absent(&mut tx, guild_id, &present, now).await?;
        ensure_jobs(&mut tx, &config, now).await?;
        tx.commit().await?;
        tracing::info!(
            guild_id,
            members = members.len(),
            written = changed.len(),
            "roster synced"
        );
        self.mark_roster_synced(guild_id);
        self.wake();
        Ok(())
    }

    /// A member joined or their roles or name changed.
    pub async fn sync_member(&self, guild_id: u64, member: &DiscordMember) -> AppResult<()> {
        self.sync_member_latest(guild_id, member, || None).await
    }

    /// Like [`App::sync_member`], but `latest` is asked for the member's current state once the
    /// write lock is held. Discord events are handled concurrently, so two quick role changes
    /// can be handled out of order; reading the (in-order) cache under the lock means the last
    /// write always carries the newest state.
    pub async fn sync_member_latest(
        &self,
        guild_id: u64,
        event: &DiscordMember,
        latest: impl FnOnce() -> Option<DiscordMember>,
    ) -> AppResult<()> {
        let Some(config) = self.find_guild_config(guild_id).await? else {
            return Ok(());
        };
        let mut tx = self.write_tx().await?;
        let member = latest().unwrap_or_else(|| event.clone());
        if member.bot {
            return Ok(());
        }
        repo::upsert(&mut tx, guild_id, &snapshot(&config, &member), self.now()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A member left the server: they lose their roles in the roster and are never contacted;
    /// their open nomination, if any, ends.
    pub async fn member_left(&self, guild_id: u64, member_id: u64) -> AppResult<()> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        repo::mark_left(&mut tx, guild_id, member_id, now).await?;
        nomination::left::nominee_left(&mut tx, guild_id, member_id, now).await?;
        tx.commit().await?;
        self.wake();
        Ok(())
    }

    /// Records that a member was active (a message, vote, report, command) at `at`. Only the
    /// time is kept; members outside the roster are ignored.
    pub async fn record_activity(
        &self,
        guild_id: u64,
        member_id: u64,
        at: DateTime<Utc>,
    ) -> AppResult<()> {
        let mut tx = self.write_tx().await?;
        repo::touch(&mut tx, guild_id, member_id, at).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets a maintainer's area of focus: their own, or anyone's for the TSC.
    pub async fn set_area(&self, actor: &Actor, member_id: u64, area: &str) -> AppResult<String> {
        self.guild_config(actor.guild_id).await?;
        let facts = Facts {
            themselves: actor.user_id == member_id,
            ..Facts::default()
        };
        actor.require(Action::SetArea, facts)?;
        let area = crate::governance::text::visible(area, AREA_MAX)
            .map_err(|_| UserError::new(msg!("error-area-length")).with("max", AREA_MAX as i64))?;
        let mut tx = self.write_tx().await?;
        let entry = repo::get(&mut tx, actor.guild_id, member_id).await?;
        if !entry.is_some_and(|e| e.in_guild && e.has(GovRole::Maintainer)) {
            return Err(UserError::new(msg!("error-area-not-maintainer")).into());
        }
        repo::set_area(&mut tx, actor.guild_id, member_id, &area).await?;
        tx.commit().await?;
        Ok(area)
    }

    /// The current roster (members present in the server), grouped by office.
    pub async fn roster(&self, guild_id: u64) -> AppResult<RosterView> {
        let config = self.guild_config(guild_id).await?;
        let mut conn = self.db().acquire().await?;
        let entries = repo::list(&mut conn, guild_id).await?;
        let holding = |role: GovRole| -> Vec<RosterEntry> {
            entries
                .iter()
                .filter(|e| e.in_guild && e.has(role))
                .cloned()
                .collect()
        };
        let working_groups = groups::list(&mut conn, guild_id)
            .await?
            .into_iter()
            .filter(|g| g.status == Status::Active)
            .map(|g| GroupChair {
                chair: entries.iter().find(|e| e.member_id == g.chair_id).cloned(),
                name: g.name,
                focus: g.focus,
                chair_id: g.chair_id,
            })
            .collect();
        let present: Vec<RosterEntry> = entries.iter().filter(|e| e.in_guild).cloned().collect();
        let now = self.now();
        let activity = activity::of_members(&mut conn, guild_id, &config.policy, &present, now)
            .await?
            .into_iter()
            .collect();
        let github = github_repo::links(&mut conn, guild_id)
            .await?
            .into_iter()
            .map(|l| (l.member_id, l.login))
            .collect();
        Ok(RosterView {
            tsc: holding(GovRole::Tsc),
            maintainers: holding(GovRole::Maintainer),
            security: holding(GovRole::SecurityTeam),
            emeritus: holding(GovRole::Emeritus),
            working_groups,
            github,
            activity,
        })
    }
}

/// Schedules the daily succession sweep (now) and the next annual review, unless pending.
/// Sweeps are keyed by day, so a second chain started here merges with the running one.
async fn ensure_jobs(
    conn: &mut sqlx::SqliteConnection,
    config: &GuildConfig,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let guild_id = config.guild_id;
    let sweep = Job::SuccessionSweep {
        guild_id,
        day: now.date_naive(),
    };
    schedule::schedule(conn, &sweep, now, now).await?;
    let at = next_review(&config.policy, now);
    let review = Job::AnnualReview {
        guild_id,
        year: at.year(),
    };
    schedule::schedule(conn, &review, at, now).await?;
    if github_repo::sources(conn, guild_id).await?.is_some() {
        github::sources::start_polls(conn, guild_id, now).await?;
    }
    Ok(())
}
