//! What every release step shares: finding the release, the facts the rules read, and moving
//! it on (its stage and history, the stale reminder, the card's refresh, the decision log).

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::SqliteConnection;

use super::no_such_release;
use crate::app::AppResult;
use crate::app::decision_log::record::{Entry, record};
use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::governance::decision::DecisionKind;
use crate::governance::policy::Policy;
use crate::governance::release::{self as rules, Facts, Stage};
use crate::store::release::{self as repo, Release};
use crate::store::{guild, release_blockers as blockers, to_millis};

/// The release, if it exists, belongs to the guild and is more than a draft.
pub(crate) async fn in_guild(
    conn: &mut SqliteConnection,
    guild_id: u64,
    release_id: i64,
) -> AppResult<Release> {
    match repo::get(conn, release_id).await? {
        Some(r) if r.guild_id == guild_id && r.stage != Stage::Draft => Ok(r),
        _ => Err(no_such_release()),
    }
}

/// The guild's release of a version as typed (`v1.4.0` or `1.4.0`).
pub(crate) async fn by_version(
    conn: &mut SqliteConnection,
    guild_id: u64,
    version: &str,
) -> AppResult<Release> {
    let version = rules::validate_version(version)?;
    repo::find(conn, guild_id, &version)
        .await?
        .ok_or_else(no_such_release)
}

/// What the rules need to know of a release.
pub(crate) async fn facts(conn: &mut SqliteConnection, release: &Release) -> sqlx::Result<Facts> {
    Ok(Facts {
        stage: release.stage,
        open_blockers: blockers::open_count(conn, release.id).await?,
        feedback_ends_at: release.feedback_ends_at,
    })
}

/// The guild's policy (the document's defaults if it has none).
pub(crate) async fn policy(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<Policy> {
    Ok(guild::get(conn, guild_id)
        .await?
        .map(|c| c.policy)
        .unwrap_or_default())
}

/// Records a step: the new stage and its history row, a reminder if the new stage waits on
/// members for too long, and the card's refresh.
pub(crate) async fn moved(
    conn: &mut SqliteConnection,
    release: &Release,
    stage: Stage,
    event: &str,
    actor: Option<u64>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    repo::set_stage(conn, release.id, stage, event, actor, now).await?;
    if stage != release.stage {
        let policy = policy(conn, release.guild_id).await?;
        if let Some(at) = rules::stale_at(stage, now, &policy) {
            let job = Job::ReleaseStale {
                release_id: release.id,
                since_ms: to_millis(now),
            };
            schedule::schedule(conn, &job, at, now).await?;
        }
    }
    refresh(conn, release, now).await
}

/// Queues an edit of the card to the release's latest state.
pub(crate) async fn refresh(
    conn: &mut SqliteConnection,
    release: &Release,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let notice = Notice::ReleaseCardRefresh {
        release_id: release.id,
    };
    outbox::queue(conn, release.guild_id, &notice, now).await?;
    Ok(())
}

/// A step in the decision log (releases are public).
pub(crate) async fn record_step(
    conn: &mut SqliteConnection,
    release: &Release,
    outcome: &str,
    decided_by: Option<u64>,
    link: Option<&str>,
    details: Value,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let entry = Entry {
        kind: DecisionKind::Release,
        subject_ref: format!("release:{}", release.id),
        title: release.version.clone(),
        outcome: outcome.into(),
        link: link.map(str::to_owned),
        details,
        private: false,
        decided_by,
    };
    record(conn, release.guild_id, &entry, now).await?;
    Ok(())
}
