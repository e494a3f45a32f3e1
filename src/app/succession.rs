//! Succession planning: the daily pass that contacts inactive members and opens status
//! reviews, the member's answer to the contact DM, the move to emeritus, and the prompt to
//! nominate replacements. Every Discord side effect is queued in the outbox in the same
//! transaction as the step it belongs to, so each step happens once, across restarts.

use chrono::{DateTime, Duration, Utc};
use sqlx::SqliteConnection;

use super::ballots::{StartBallot, open_ballot_in};
use super::outbox::{self, Notice};
use super::{App, AppResult, UserError};
use crate::governance::ballot::Subject;
use crate::governance::roles::GovRole;
use crate::governance::succession::{self, MemberActivity, Step};
use crate::i18n::{self, args, tr};
use crate::msg;
use crate::scheduler::{self, Job};
use crate::store::guilds::{self, GuildConfig};
use crate::store::roster::{self as roster_repo, MemberSnapshot, RosterEntry};
use crate::store::succession::{self as repo, Resolution};

/// Review ballots are opened by the bot, not by a member.
pub const OPENED_BY_STEWARD: u64 = 0;

/// What the member chose in the contact DM.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactAnswer {
    StillActive,
    Emeritus,
}

/// The start of a member's current quiet period: their last activity or when they took
/// office, whichever is later (a member is never "inactive" for longer than the bot knew them).
pub fn quiet_since(entry: &RosterEntry) -> Option<DateTime<Utc>> {
    let office_since = entry
        .roles
        .iter()
        .filter(|(r, _)| matches!(r, GovRole::Tsc | GovRole::Maintainer))
        .map(|(_, since)| *since)
        .min()?;
    Some(
        entry
            .last_active_at
            .map_or(office_since, |a| a.max(office_since)),
    )
}

impl App {
    /// The daily pass (the scheduler's job): takes every due step once, prompts for
    /// nominations when an office is too small, and schedules tomorrow's pass.
    pub async fn succession_sweep(&self, guild_id: u64) -> AppResult<()> {
        let Some(config) = self.find_guild_config(guild_id).await? else {
            return Ok(());
        };
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let roster = roster_repo::list(&mut tx, guild_id).await?;
        for entry in roster.iter().filter(|e| e.in_guild) {
            let Some(since) = quiet_since(entry) else {
                continue;
            };
            let steps = repo::for_period(&mut tx, guild_id, entry.member_id, since).await?;
            let member = MemberActivity {
                roles: entry.role_set(),
                in_guild: entry.in_guild,
                quiet_since: since,
                contacted: steps.iter().any(|s| s.step == Step::Contact),
                reviewed: steps.iter().any(|s| s.step == Step::Review),
            };
            let Some(step) = succession::next_step(&config.policy, &member, now) else {
                continue;
            };
            // A review needs somewhere to post and someone to vote; until then it waits (and the
            // step stays untaken, so tomorrow's pass tries again).
            if step == Step::Review
                && (config.tsc_channel().is_none() || review_electorate(entry, &roster).is_empty())
            {
                tracing::warn!(
                    guild_id,
                    member_id = entry.member_id,
                    "status review cannot open yet"
                );
                continue;
            }
            let Some(step_id) =
                repo::insert(&mut tx, guild_id, entry.member_id, step, since, now).await?
            else {
                continue;
            };
            match step {
                Step::Contact => contact(&mut tx, &config, step_id, entry, now).await?,
                Step::Review => open_review(&mut tx, &config, step_id, entry, &roster, now).await?,
            }
        }
        prompt_nominations(&mut tx, &config, &roster, now).await?;
        let next = now + Duration::days(1);
        let job = Job::SuccessionSweep {
            guild_id,
            day: next.date_naive(),
        };
        scheduler::schedule(&mut tx, &job, next, now).await?;
        tx.commit().await?;
        self.wake();
        Ok(())
    }

    /// The member's answer to the contact DM. Buttons arrive in DMs, so the guild comes from
    /// the stored step; only the member contacted may answer.
    pub async fn answer_contact(
        &self,
        user_id: u64,
        step_id: i64,
        answer: ContactAnswer,
    ) -> AppResult<ContactAnswer> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let step = repo::get(&mut tx, step_id)
            .await?
            .filter(|s| s.member_id == user_id && s.step == Step::Contact)
            .ok_or_else(|| UserError::new(msg!("error-unknown-action")))?;
        let guild_id = step.guild_id;
        let config = guilds::get(&mut tx, guild_id)
            .await?
            .ok_or_else(|| UserError::new(msg!("error-not-configured")))?;
        let entry = roster_repo::get(&mut tx, guild_id, user_id).await?;
        if !entry.is_some_and(|e| e.in_guild && succession::holds_office(&e.role_set())) {
            return Err(UserError::new(msg!("error-succession-no-office")).into());
        }
        match answer {
            ContactAnswer::StillActive => {
                // The answer is itself activity: the clock starts again.
                roster_repo::touch(&mut tx, guild_id, user_id, now).await?;
                if repo::resolve(&mut tx, step_id, Resolution::Active, now).await?
                    && let Some(channel_id) = config.tsc_channel()
                {
                    let notice = Notice::InactivityAnswered {
                        channel_id,
                        member_id: user_id,
                    };
                    let key = format!("succession:{step_id}:answered");
                    outbox::enqueue(&mut tx, guild_id, &key, &notice, now).await?;
                }
            }
            ContactAnswer::Emeritus => {
                move_to_emeritus_in(&mut tx, &config, user_id, now).await?;
            }
        }
        tx.commit().await?;
        // Either answer settles the question a status review would ask: an open review is
        // cancelled, with the reason in the guild's language.
        let locale = i18n::resolve(None, Some(&config.locale));
        let reason = tr(locale, msg!("review-cancelled-answered"), None);
        for view in self.open_ballots(guild_id).await? {
            if matches!(view.ballot.subject, Subject::Emeritus { member_id } if member_id == user_id)
            {
                self.cancel_as(view.ballot.id, user_id, &reason).await?;
            }
        }
        self.outbox_wakeup().wake();
        Ok(answer)
    }
}

/// DMs the member and tells the TSC privately.
async fn contact(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
    step_id: i64,
    entry: &RosterEntry,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let guild_id = config.guild_id;
    let member_id = entry.member_id;
    let dm = Notice::InactivityContact { step_id, member_id };
    outbox::enqueue(
        conn,
        guild_id,
        &format!("succession:{step_id}:dm"),
        &dm,
        now,
    )
    .await?;
    if let Some(channel_id) = config.tsc_channel() {
        let notice = Notice::InactivityReported {
            channel_id,
            member_id,
            months: config.policy.inactivity_contact_months,
        };
        let key = format!("succession:{step_id}:tsc");
        outbox::enqueue(conn, guild_id, &key, &notice, now).await?;
    }
    tracing::info!(guild_id, member_id, step_id, "inactive member contacted");
    Ok(())
}

/// Who votes on a member's status: the TSC in the server, without the member.
fn review_electorate(entry: &RosterEntry, roster: &[RosterEntry]) -> Vec<u64> {
    roster
        .iter()
        .filter(|e| e.in_guild && e.has(GovRole::Tsc) && e.member_id != entry.member_id)
        .map(|e| e.member_id)
        .collect()
}

/// Opens the status review: a TSC ballot on moving the member to emeritus, in the TSC
/// channel. The electorate is the TSC from the roster, without the member under review.
async fn open_review(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
    step_id: i64,
    entry: &RosterEntry,
    roster: &[RosterEntry],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let electorate = review_electorate(entry, roster);
    let Some(channel_id) = config.tsc_channel() else {
        tracing::warn!(guild_id = config.guild_id, "no channel for a status review");
        return Ok(());
    };
    if electorate.is_empty() {
        tracing::warn!(
            guild_id = config.guild_id,
            "no TSC member to review a status"
        );
        return Ok(());
    }
    let locale = i18n::resolve(None, Some(&config.locale));
    let name = args([
        ("name", entry.display_name.as_str().into()),
        ("member", format!("<@{}>", entry.member_id).into()),
        ("months", config.policy.inactivity_review_months.into()),
    ]);
    let input = StartBallot {
        title: tr(locale, msg!("review-ballot-title"), Some(&name)),
        description: tr(locale, msg!("review-ballot-description"), Some(&name)),
        duration: None,
        secret: false,
        channel_id,
        electorate,
    };
    let subject = Subject::Emeritus {
        member_id: entry.member_id,
    };
    let ballot = open_ballot_in(conn, config, OPENED_BY_STEWARD, &input, &subject, now).await?;
    repo::set_ballot(conn, step_id, ballot.id).await?;
    tracing::info!(
        guild_id = config.guild_id,
        member_id = entry.member_id,
        ballot_id = ballot.id,
        "status review opened"
    );
    Ok(())
}

/// Prompts the TSC once per dip when the TSC or the maintainers fall below their minimum.
async fn prompt_nominations(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
    roster: &[RosterEntry],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let count = |role: GovRole| -> u32 {
        let n = roster.iter().filter(|e| e.in_guild && e.has(role)).count();
        u32::try_from(n).unwrap_or(u32::MAX)
    };
    let maintainers = config
        .role_id(GovRole::Maintainer)
        .map(|_| count(GovRole::Maintainer));
    let short = succession::shortfalls(&config.policy, count(GovRole::Tsc), maintainers);
    for role in [GovRole::Tsc, GovRole::Maintainer] {
        match short.iter().find(|(r, ..)| *r == role) {
            None => repo::end_shortfall(conn, config.guild_id, role).await?,
            Some(&(role, count, min)) => {
                if repo::start_shortfall(conn, config.guild_id, role, now).await?
                    && let Some(channel_id) = config.tsc_channel()
                {
                    let notice = Notice::NominationsNeeded {
                        channel_id,
                        role,
                        count,
                        min,
                    };
                    let key = format!(
                        "nominations:{}:{}:{}",
                        config.guild_id,
                        role.key(),
                        now.timestamp_millis()
                    );
                    outbox::enqueue(conn, config.guild_id, &key, &notice, now).await?;
                }
            }
        }
    }
    Ok(())
}

/// Moves a member to emeritus: queues the removal of their TSC and maintainer roles and the
/// grant of the emeritus role, and the announcement with thanks. Idempotent: a member who holds
/// no office any more is left alone (returns false), so nothing is announced twice.
pub(super) async fn move_to_emeritus_in(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
    member_id: u64,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let guild_id = config.guild_id;
    let Some(entry) = roster_repo::get(conn, guild_id, member_id)
        .await?
        .filter(|e| e.in_guild && succession::holds_office(&e.role_set()))
    else {
        return Ok(false);
    };
    let stamp = now.timestamp_millis();
    let mut changes: Vec<(u64, bool)> = [GovRole::Tsc, GovRole::Maintainer]
        .into_iter()
        .filter(|r| entry.has(*r))
        .filter_map(|r| config.role_id(r))
        .map(|id| (id, false))
        .collect();
    if let Some(emeritus) = config.role_id(GovRole::Emeritus) {
        changes.push((emeritus, true));
    }
    for (role_id, add) in changes {
        let notice = Notice::RoleChange {
            member_id,
            role_id,
            add,
        };
        let key = format!("roles:{guild_id}:{member_id}:{role_id}:{add}:{stamp}");
        outbox::enqueue(conn, guild_id, &key, &notice, now).await?;
    }
    // The offices go at once, so the roster and the next pass agree with the decision; the
    // emeritus role is recorded when Discord reports it granted.
    let kept: Vec<GovRole> = entry
        .roles
        .iter()
        .map(|(r, _)| *r)
        .filter(|r| !matches!(r, GovRole::Tsc | GovRole::Maintainer))
        .collect();
    let snapshot = MemberSnapshot {
        member_id,
        username: entry.username.clone(),
        display_name: entry.display_name.clone(),
        roles: kept,
    };
    roster_repo::upsert(conn, guild_id, &snapshot, now).await?;
    repo::resolve_all(conn, guild_id, member_id, Resolution::Emeritus, now).await?;
    if let Some(channel_id) = config.announce_channel_id {
        let notice = Notice::EmeritusAnnounced {
            channel_id,
            member_id,
        };
        let key = format!("emeritus:{guild_id}:{member_id}:{stamp}");
        outbox::enqueue(conn, guild_id, &key, &notice, now).await?;
    }
    tracing::info!(guild_id, member_id, "member moved to emeritus");
    Ok(true)
}

/// The effect of a closed status review: approved moves the member; anything else keeps them.
pub(super) async fn decide_review(
    conn: &mut SqliteConnection,
    guild_id: u64,
    ballot_id: i64,
    member_id: u64,
    approved: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    // Active again since the review opened: the review's premise is gone, and the member stays.
    let opened = crate::store::ballots::get(conn, ballot_id)
        .await?
        .map(|b| b.opens_at);
    let last_active = roster_repo::get(conn, guild_id, member_id)
        .await?
        .and_then(|e| e.last_active_at);
    let applies = opened.is_none_or(|opened| succession::review_still_applies(last_active, opened));
    if approved && applies {
        if let Some(config) = guilds::get(conn, guild_id).await? {
            move_to_emeritus_in(conn, &config, member_id, now).await?;
        }
    } else if let Some(step) = repo::by_ballot(conn, ballot_id).await? {
        repo::resolve(conn, step.id, Resolution::Kept, now).await?;
    }
    Ok(())
}

/// The contact DM was refused for good (closed DMs): recorded, and the TSC is told instead.
pub(super) async fn contact_undeliverable(
    conn: &mut SqliteConnection,
    guild_id: u64,
    step_id: i64,
    member_id: u64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    repo::mark_dm_failed(conn, step_id, now).await?;
    let channel_id = guilds::get(conn, guild_id)
        .await?
        .and_then(|c| c.tsc_channel());
    if let Some(channel_id) = channel_id {
        let notice = Notice::InactivityDmUndeliverable {
            channel_id,
            member_id,
        };
        let key = format!("succession:{step_id}:dm-failed");
        outbox::enqueue(conn, guild_id, &key, &notice, now).await?;
    }
    tracing::info!(
        guild_id,
        member_id,
        step_id,
        "contact DM undeliverable; TSC told"
    );
    Ok(())
}
