//! The status review ("after 6 months, their status is reviewed"): a TSC ballot on moving an
//! inactive member to emeritus, opened by the bot, and its effect once decided; and the move to
//! emeritus itself, whether the TSC decided it or the member chose it.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::activity;
use crate::app::AppResult;
use crate::app::ballot::open::{StartBallot, open_in};
use crate::app::decision_log::record::{Entry, record};
use crate::app::outbox::{self, Notice};
use crate::governance::ballot::Subject;
use crate::governance::decision::DecisionKind;
use crate::governance::roles::GovRole;
use crate::governance::succession;
use crate::store::ballot::Ballot;
use crate::store::guild::{self, GuildConfig};
use crate::store::roster::{self as roster_repo, MemberSnapshot, RosterEntry};
use crate::store::succession::{self as repo, Resolution};

/// Review ballots are opened by the bot, not by a member.
pub const OPENED_BY_STEWARD: u64 = 0;

/// Opens the status review in the TSC channel. Its title is the member's name; the Discord
/// layer renders the question around it in each reader's language.
pub(crate) async fn open(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
    step_id: i64,
    entry: &RosterEntry,
    channel_id: u64,
    electorate: Vec<u64>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let input = StartBallot {
        title: entry.display_name.clone(),
        description: String::new(),
        duration: None,
        secret: false,
        channel_id,
        electorate,
    };
    let subject = Subject::Emeritus {
        member_id: entry.member_id,
    };
    let ballot = open_in(conn, config, OPENED_BY_STEWARD, &input, &subject, now).await?;
    repo::set_ballot(conn, step_id, ballot.id).await?;
    tracing::info!(
        guild_id = config.guild_id,
        member_id = entry.member_id,
        ballot_id = ballot.id,
        "status review opened"
    );
    Ok(())
}

/// The effect of a closed status review: approved moves the member, unless they were active
/// since it opened; anything else keeps them.
pub(crate) async fn decided(
    conn: &mut SqliteConnection,
    ballot: &Ballot,
    member_id: u64,
    approved: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let config = guild::get(conn, ballot.guild_id).await?;
    let last_active = match (
        roster_repo::get(conn, ballot.guild_id, member_id).await?,
        &config,
    ) {
        (Some(entry), Some(config)) => {
            activity::latest_known(conn, ballot.guild_id, &config.policy, &entry, now).await?
        }
        (entry, _) => entry.and_then(|e| e.last_active_at),
    };
    if approved && succession::review_still_applies(last_active, ballot.opens_at) {
        if let Some(config) = config {
            move_to_emeritus(conn, &config, member_id, now).await?;
        }
    } else if let Some(step) = repo::by_ballot(conn, ballot.id).await? {
        repo::resolve(conn, step.id, Resolution::Kept, now).await?;
    }
    Ok(())
}

/// Moves a member to emeritus: queues the removal of their TSC and maintainer roles and the
/// grant of the emeritus role, and the announcement with thanks. Idempotent: a member who holds
/// no office any more is left alone (returns false), so nothing is announced twice.
pub(crate) async fn move_to_emeritus(
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
    let at_ms = now.timestamp_millis();
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
            at_ms,
        };
        outbox::queue(conn, guild_id, &notice, now).await?;
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
            at_ms,
        };
        outbox::queue(conn, guild_id, &notice, now).await?;
    }
    let entry = Entry {
        kind: DecisionKind::Emeritus,
        subject_ref: format!("member:{member_id}"),
        title: entry.display_name.clone(),
        outcome: "emeritus".into(),
        link: None,
        details: serde_json::json!({ "member": member_id.to_string() }),
        // Announced with thanks: the move itself is public, the review behind it is not.
        private: false,
        decided_by: None,
    };
    record(conn, guild_id, &entry, now).await?;
    tracing::info!(guild_id, member_id, "member moved to emeritus");
    Ok(true)
}
