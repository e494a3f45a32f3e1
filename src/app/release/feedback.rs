//! Steps 4 and 5: "Community feedback is gathered" ("works for me", blocking issues reported
//! from the card) and "Blocking issues are addressed" (a maintainer marks each resolved or not
//! blocking, and the reporter is told).

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use super::no_such_release;
use super::steps::{facts, in_guild, moved, record_step, refresh};
use crate::app::outbox::{self, Notice};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::permissions::{Action, Facts};
use crate::governance::release::{self as rules, Event};
use crate::msg;
use crate::store::release::{self as repo, Release};
use crate::store::release_blockers::{self as blockers, Blocker, BlockerStatus, NewBlocker};

/// How a maintainer decides a blocking issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockerDecision {
    /// Fixed: the text is the fix's link.
    Resolved,
    /// Not blocking: the text is why.
    NotBlocking,
}

/// The latest candidate's number (feedback is about it).
async fn latest_candidate(conn: &mut SqliteConnection, release_id: i64) -> AppResult<i64> {
    Ok(repo::candidates(conn, release_id)
        .await?
        .last()
        .map_or(0, |c| c.number))
}

impl App {
    /// "Works for me" on the latest candidate, counted once per member; returns the release,
    /// the candidate and whether this click counted.
    pub async fn works_for_me(
        &self,
        actor: &Actor,
        release_id: i64,
    ) -> AppResult<(Release, i64, bool)> {
        let config = self.guild_config(actor.guild_id).await?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let release = in_guild(&mut tx, actor.guild_id, release_id).await?;
        let facts = facts(&mut tx, &release).await?;
        rules::transition(&facts, Event::WorksForMe, &config.policy, now)?;
        let candidate = latest_candidate(&mut tx, release.id).await?;
        let counted =
            repo::add_feedback(&mut tx, release.id, candidate, actor.user_id, now).await?;
        if counted {
            refresh(&mut tx, &release, now).await?;
        }
        tx.commit().await?;
        self.wake();
        Ok((release, candidate, counted))
    }

    /// A blocking issue reported from the card's form: listed on the card, posted in the
    /// release's thread for the maintainers, and holding back the final approval.
    pub async fn report_blocker(
        &self,
        actor: &Actor,
        release_id: i64,
        link: &str,
        reason: &str,
    ) -> AppResult<(Release, Blocker)> {
        let config = self.guild_config(actor.guild_id).await?;
        let link = rules::validate_link(link)?;
        let reason = rules::validate_reason(reason)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let release = in_guild(&mut tx, actor.guild_id, release_id).await?;
        let next = rules::transition(
            &facts(&mut tx, &release).await?,
            Event::BlockerReported,
            &config.policy,
            now,
        )?;
        let candidate = latest_candidate(&mut tx, release.id).await?;
        let new = NewBlocker {
            release_id: release.id,
            candidate,
            reporter_id: actor.user_id,
            link: &link,
            reason: &reason,
        };
        let blocker_id = blockers::insert(&mut tx, &new, now).await?;
        moved(
            &mut tx,
            &release,
            next.stage,
            "blocker_reported",
            Some(actor.user_id),
            now,
        )
        .await?;
        outbox::queue(
            &mut tx,
            actor.guild_id,
            &Notice::ReleaseBlockerReported { blocker_id },
            now,
        )
        .await?;
        let details = json!({ "blocker": blocker_id, "candidate": candidate });
        record_step(
            &mut tx,
            &release,
            "blocker_reported",
            Some(actor.user_id),
            Some(&link),
            details,
            now,
        )
        .await?;
        let blocker = blockers::get(&mut tx, blocker_id)
            .await?
            .ok_or_else(no_such_release)?;
        tx.commit().await?;
        self.wake();
        Ok((release, blocker))
    }

    /// A maintainer marks a blocking issue resolved (with the fix's link) or not blocking (with
    /// the reason); the reporter is told. The last open one frees a blocked release.
    pub async fn decide_blocker(
        &self,
        actor: &Actor,
        blocker_id: i64,
        decision: BlockerDecision,
        text: &str,
    ) -> AppResult<(Release, Blocker)> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::DecideBlocker, Facts::default())?;
        let (status, text) = match decision {
            BlockerDecision::Resolved => (BlockerStatus::Resolved, rules::validate_link(text)?),
            BlockerDecision::NotBlocking => {
                (BlockerStatus::NotBlocking, rules::validate_reason(text)?)
            }
        };
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let blocker = blockers::get(&mut tx, blocker_id)
            .await?
            .ok_or_else(no_such_release)?;
        let release = in_guild(&mut tx, actor.guild_id, blocker.release_id).await?;
        if blocker.status != BlockerStatus::Open {
            return Err(UserError::new(msg!("release-error-blocker-decided")).into());
        }
        let next = rules::transition(
            &facts(&mut tx, &release).await?,
            Event::BlockerDecided,
            &config.policy,
            now,
        )?;
        blockers::decide(&mut tx, blocker_id, status, actor.user_id, &text, now).await?;
        let outcome = match decision {
            BlockerDecision::Resolved => "blocker_resolved",
            BlockerDecision::NotBlocking => "blocker_not_blocking",
        };
        moved(
            &mut tx,
            &release,
            next.stage,
            outcome,
            Some(actor.user_id),
            now,
        )
        .await?;
        outbox::queue(
            &mut tx,
            actor.guild_id,
            &Notice::ReleaseBlockerDecided { blocker_id },
            now,
        )
        .await?;
        let link = (decision == BlockerDecision::Resolved).then_some(text.as_str());
        let details = match decision {
            BlockerDecision::Resolved => json!({ "blocker": blocker_id }),
            BlockerDecision::NotBlocking => json!({ "blocker": blocker_id, "reason": text }),
        };
        record_step(
            &mut tx,
            &release,
            outcome,
            Some(actor.user_id),
            link,
            details,
            now,
        )
        .await?;
        let blocker = blockers::get(&mut tx, blocker_id)
            .await?
            .ok_or_else(no_such_release)?;
        tx.commit().await?;
        self.wake();
        Ok((release, blocker))
    }
}

/// The reporter's DMs are closed: they are told in the release's thread instead.
pub(crate) async fn dm_refused(
    conn: &mut SqliteConnection,
    guild_id: u64,
    blocker_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let notice = Notice::ReleaseBlockerDecidedInThread { blocker_id };
    outbox::queue(conn, guild_id, &notice, now).await?;
    Ok(())
}
