//! The daily succession pass of a guild (a job): takes every due step once (contact at 3
//! months, status review at 6), prompts the TSC when an office is below its minimum, and
//! schedules tomorrow's pass. Every Discord side effect is queued in the same transaction as
//! the step it belongs to, so each step happens once, across restarts.

use chrono::{DateTime, Duration, Utc};
use sqlx::SqliteConnection;

use super::status_review;
use crate::app::AppResult;
use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::governance::roles::GovRole;
use crate::governance::succession::{self, MemberActivity, Step};
use crate::store::guild::{self, GuildConfig};
use crate::store::roster::{self as roster_repo, RosterEntry};
use crate::store::succession::{self as repo, Resolution};

/// Runs the pass for one guild, inside the job's transaction.
pub(crate) async fn run(
    conn: &mut SqliteConnection,
    guild_id: u64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(config) = guild::get(conn, guild_id).await? else {
        return Ok(());
    };
    let roster = roster_repo::list(conn, guild_id).await?;
    let tsc_present: Vec<u64> = roster
        .iter()
        .filter(|e| e.in_guild && e.has(GovRole::Tsc))
        .map(|e| e.member_id)
        .collect();
    for entry in roster.iter().filter(|e| e.in_guild) {
        let Some(since) = succession::quiet_since(&entry.roles, entry.last_active_at) else {
            continue;
        };
        let steps = repo::for_period(conn, guild_id, entry.member_id, since).await?;
        let reviews: Vec<_> = steps.iter().filter(|s| s.step == Step::Review).collect();
        let last_review = reviews.iter().max_by_key(|s| s.attempt);
        let member = MemberActivity {
            roles: entry.role_set(),
            in_guild: entry.in_guild,
            quiet_since: since,
            contacted: steps.iter().any(|s| s.step == Step::Contact),
            reviewed: last_review.is_some(),
            review_undecided_at: last_review
                .filter(|s| s.resolution == Some(Resolution::Kept))
                .and_then(|s| s.resolved_at),
        };
        let review_attempt = i64::try_from(reviews.len()).unwrap_or(i64::MAX);
        let Some(step) = succession::next_step(&config.policy, &member, now) else {
            continue;
        };
        // A review needs somewhere to post and someone to vote; until then it waits (and the
        // step stays untaken, so tomorrow's pass tries again).
        let electorate = succession::review_electorate(entry.member_id, &tsc_present);
        let review_channel = config.tsc_channel_id;
        if step == Step::Review && (review_channel.is_none() || electorate.is_empty()) {
            tracing::warn!(
                guild_id,
                member_id = entry.member_id,
                "status review cannot open yet"
            );
            continue;
        }
        let attempt = if step == Step::Review {
            review_attempt
        } else {
            0
        };
        let Some(step_id) =
            repo::insert(conn, guild_id, entry.member_id, step, since, attempt, now).await?
        else {
            continue;
        };
        match (step, review_channel) {
            (Step::Contact, _) => contact(conn, &config, step_id, entry, now).await?,
            (Step::Review, Some(channel_id)) => {
                status_review::open(conn, &config, step_id, entry, channel_id, electorate, now)
                    .await?
            }
            (Step::Review, None) => {}
        }
    }
    prompt_nominations(conn, &config, &roster, now).await?;
    let next = now + Duration::days(1);
    let job = Job::SuccessionSweep {
        guild_id,
        day: next.date_naive(),
    };
    schedule::schedule(conn, &job, next, now).await?;
    Ok(())
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
    outbox::queue(conn, guild_id, &dm, now).await?;
    let notice = Notice::InactivityReported {
        member_id,
        months: config.policy.inactivity_contact_months,
        step_id,
    };
    outbox::queue(conn, guild_id, &notice, now).await?;
    tracing::info!(guild_id, member_id, step_id, "inactive member contacted");
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
                if repo::start_shortfall(conn, config.guild_id, role, now).await? {
                    let notice = Notice::NominationsNeeded {
                        role,
                        count,
                        min,
                        at_ms: now.timestamp_millis(),
                    };
                    outbox::queue(conn, config.guild_id, &notice, now).await?;
                }
            }
        }
    }
    Ok(())
}
