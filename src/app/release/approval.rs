//! Steps 6 and 7: "The final release is approved and published" (`/release approve`, which
//! opens the TSC's final ballot or is a maintainer's sign-off, and `/release published`), and
//! "The release is announced to the community" (once the announcement is delivered).

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use super::no_such_release;
use super::proposal::ReleaseBallot;
use super::steps::{by_version, facts, moved, policy, record_step};
use crate::app::ballot::open::open_in;
use crate::app::outbox::{self, Notice};
use crate::app::{Actor, App, AppResult};
use crate::governance::ballot::Subject;
use crate::governance::permissions::{Action, Facts};
use crate::governance::policy::ReleaseFinal;
use crate::governance::release::{self as rules, Effect, Event};
use crate::store::ballot::Ballot;
use crate::store::release::{self as repo, Column, Release};
use crate::store::to_millis;

/// How the final approval went ahead.
#[derive(Debug, Clone)]
pub enum FinalApproval {
    /// The TSC votes on it.
    Ballot(Box<Ballot>),
    /// A maintainer signed it off (`release_final = maintainer`).
    SignedOff,
}

impl App {
    /// `/release approve`: refused while a blocking issue is open or the feedback window runs.
    /// Opens the TSC's final ballot (the Discord layer prepares it: `ballot`), or, where the
    /// policy says so, is a maintainer's sign-off (never the proposer's).
    pub async fn approve_release(
        &self,
        actor: &Actor,
        version: &str,
        ballot: Option<ReleaseBallot>,
    ) -> AppResult<(Release, FinalApproval)> {
        let config = self.guild_config(actor.guild_id).await?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let release = by_version(&mut tx, actor.guild_id, version).await?;
        let action = match config.policy.release_final {
            ReleaseFinal::Tsc => Action::RequestReleaseApproval,
            ReleaseFinal::Maintainer => Action::SignOffRelease,
        };
        let permission = Facts {
            subject: release.proposer_id == actor.user_id,
            ..Facts::default()
        };
        actor.require(action, permission)?;
        let next = rules::transition(
            &facts(&mut tx, &release).await?,
            Event::RequestApproval,
            &config.policy,
            now,
        )?;
        let mut approval = FinalApproval::SignedOff;
        for effect in &next.effects {
            if let Effect::OpenFinalBallot { hours } = effect {
                let ballot = ballot
                    .clone()
                    .ok_or_else(|| anyhow::anyhow!("the final ballot was not prepared"))?;
                let subject = Subject::ReleaseFinal {
                    release_id: release.id,
                };
                let start = ballot.into_start(release.channel_id, *hours);
                let b = open_in(&mut tx, &config, actor.user_id, &start, &subject, now).await?;
                repo::set_column(&mut tx, release.id, Column::FINAL_BALLOT, Some(b.id)).await?;
                approval = FinalApproval::Ballot(Box::new(b));
            }
        }
        let (event, details) = match &approval {
            FinalApproval::Ballot(b) => ("final_requested", json!({ "ballot": b.id })),
            FinalApproval::SignedOff => {
                let by = Some(crate::store::to_db_id(actor.user_id));
                repo::set_column(&mut tx, release.id, Column::SIGNED_OFF_BY, by).await?;
                ("approved", json!({ "signed_off": true }))
            }
        };
        moved(
            &mut tx,
            &release,
            next.stage,
            event,
            Some(actor.user_id),
            now,
        )
        .await?;
        record_step(
            &mut tx,
            &release,
            event,
            Some(actor.user_id),
            None,
            details,
            now,
        )
        .await?;
        let release = repo::get(&mut tx, release.id)
            .await?
            .ok_or_else(no_such_release)?;
        tx.commit().await?;
        self.wake();
        Ok((release, approval))
    }

    /// `/release published`: the approved release is out, at `link`; it is announced to the
    /// community, once.
    pub async fn publish_release(
        &self,
        actor: &Actor,
        version: &str,
        link: &str,
    ) -> AppResult<Release> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::RunRelease, Facts::default())?;
        let link = rules::validate_link(link)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let release = by_version(&mut tx, actor.guild_id, version).await?;
        let next = rules::transition(
            &facts(&mut tx, &release).await?,
            Event::Published,
            &config.policy,
            now,
        )?;
        repo::set_text(&mut tx, release.id, true, &link).await?;
        repo::set_column(
            &mut tx,
            release.id,
            Column::PUBLISHED_AT,
            Some(to_millis(now)),
        )
        .await?;
        if next.effects.contains(&Effect::Announce) {
            let notice = Notice::ReleaseAnnounced {
                release_id: release.id,
            };
            outbox::queue(&mut tx, actor.guild_id, &notice, now).await?;
        }
        moved(
            &mut tx,
            &release,
            next.stage,
            "published",
            Some(actor.user_id),
            now,
        )
        .await?;
        record_step(
            &mut tx,
            &release,
            "published",
            Some(actor.user_id),
            Some(&link),
            json!({}),
            now,
        )
        .await?;
        let release = repo::get(&mut tx, release.id)
            .await?
            .ok_or_else(no_such_release)?;
        tx.commit().await?;
        self.wake();
        Ok(release)
    }
}

/// The announcement was delivered: every step is done.
pub(crate) async fn announced(
    conn: &mut SqliteConnection,
    release_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(release) = repo::get(conn, release_id).await? else {
        return Ok(());
    };
    let policy = policy(conn, release.guild_id).await?;
    let Ok(next) = rules::transition(
        &facts(conn, &release).await?,
        Event::Announced,
        &policy,
        now,
    ) else {
        return Ok(());
    };
    if next.stage == release.stage {
        return Ok(());
    }
    moved(conn, &release, next.stage, "announced", None, now).await?;
    record_step(conn, &release, "announced", None, None, json!({}), now).await
}
