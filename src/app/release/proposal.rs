//! Step 1, "Maintainers propose a new release with a changelog": `/release propose` keeps a
//! draft, its form's submission opens the TSC's plan ballot (step 2) and posts the card. And
//! withdrawing a release that has not been published.

use chrono::Duration;
use serde_json::json;

use super::no_such_release;
use super::steps::{by_version, facts, moved, record_step};
use crate::app::ballot::close::{Ending, close_in};
use crate::app::ballot::open::{StartBallot, open_in};
use crate::app::outbox::{self, Notice};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::ballot::{self as ballot_rules, Subject};
use crate::governance::permissions::{Action, Facts};
use crate::governance::release::{self as rules, Effect, Event, InputError, Stage};
use crate::msg;
use crate::store::ballot::Ballot;
use crate::store::ballot_votes;
use crate::store::guild::ChannelPurpose;
use crate::store::release::{self as repo, Column, Release};

/// A TSC ballot about a release, as the Discord layer prepares it (texts in the guild's
/// language, the TSC right now).
#[derive(Debug, Clone)]
pub struct ReleaseBallot {
    pub title: String,
    pub description: String,
    pub electorate: Vec<u64>,
}

impl ReleaseBallot {
    /// The ballot, in the release's channel, lasting the policy's hours for this vote.
    pub(crate) fn into_start(self, channel_id: u64, hours: u32) -> StartBallot {
        StartBallot {
            title: self.title,
            description: self.description,
            duration: Some(format!("{hours}h")),
            secret: false,
            channel_id,
            electorate: self.electorate,
        }
    }
}

impl App {
    /// `/release propose`: checks the version and keeps a draft until the changelog form is
    /// submitted; returns the draft's id.
    pub async fn draft_release(&self, actor: &Actor, version: &str) -> AppResult<i64> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::ProposeRelease, Facts::default())?;
        let version = rules::validate_version(version)?;
        let channel_id = config
            .channel(ChannelPurpose::Releases)
            .or(config.announce_channel_id)
            .ok_or_else(|| UserError::new(msg!("error-not-configured")))?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        repo::delete_stale_drafts(&mut tx, now - Duration::days(1)).await?;
        if repo::version_taken(&mut tx, actor.guild_id, &version).await? {
            return Err(InputError::VersionTaken.into());
        }
        let id = repo::insert_draft(
            &mut tx,
            actor.guild_id,
            &version,
            actor.user_id,
            channel_id,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The changelog form was submitted: the plan goes before the TSC and the card is posted.
    pub async fn propose_release(
        &self,
        actor: &Actor,
        draft_id: i64,
        changelog: &str,
        planned_on: &str,
        ballot: ReleaseBallot,
    ) -> AppResult<(Release, Ballot)> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::ProposeRelease, Facts::default())?;
        let changelog = rules::validate_changelog(changelog)?;
        let now = self.now();
        let planned_on = rules::planned_date(planned_on, now)?;
        let mut tx = self.write_tx().await?;
        let release = match repo::get(&mut tx, draft_id).await? {
            Some(r)
                if r.guild_id == actor.guild_id
                    && r.proposer_id == actor.user_id
                    && r.stage == Stage::Draft =>
            {
                r
            }
            _ => return Err(no_such_release()),
        };
        if repo::version_taken(&mut tx, actor.guild_id, &release.version).await? {
            return Err(InputError::VersionTaken.into());
        }
        let next = rules::transition(
            &facts(&mut tx, &release).await?,
            Event::Submit,
            &config.policy,
            now,
        )?;
        let mut opened = None;
        for effect in &next.effects {
            if let Effect::OpenPlanBallot { hours } = effect {
                let subject = Subject::ReleasePlan {
                    release_id: release.id,
                };
                let start = ballot.clone().into_start(release.channel_id, *hours);
                let b = open_in(&mut tx, &config, actor.user_id, &start, &subject, now).await?;
                repo::set_column(&mut tx, release.id, Column::PLAN_BALLOT, Some(b.id)).await?;
                opened = Some(b);
            }
        }
        let opened = opened.ok_or_else(|| anyhow::anyhow!("the plan ballot did not open"))?;
        repo::set_plan(&mut tx, release.id, &changelog, planned_on).await?;
        moved(
            &mut tx,
            &release,
            next.stage,
            "proposed",
            Some(actor.user_id),
            now,
        )
        .await?;
        let card = Notice::ReleaseCardPosted {
            release_id: release.id,
        };
        outbox::queue(&mut tx, actor.guild_id, &card, now).await?;
        let details = json!({ "planned_on": planned_on.to_string(), "ballot": opened.id });
        record_step(
            &mut tx,
            &release,
            "proposed",
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
        tracing::info!(
            guild_id = actor.guild_id,
            release_id = release.id,
            ballot_id = opened.id,
            "release proposed"
        );
        self.wake();
        Ok((release, opened))
    }

    /// `/release withdraw`: the proposer or the TSC ends a release before it is published; a
    /// ballot on it that is still open is cancelled with the same reason, which, as for any
    /// ballot, is possible only until its first binding vote.
    pub async fn withdraw_release(
        &self,
        actor: &Actor,
        version: &str,
        reason: &str,
    ) -> AppResult<Release> {
        let config = self.guild_config(actor.guild_id).await?;
        let reason = rules::validate_reason(reason)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let release = by_version(&mut tx, actor.guild_id, version).await?;
        let permission = Facts {
            opener: release.proposer_id == actor.user_id,
            ..Facts::default()
        };
        actor.require(Action::WithdrawRelease, permission)?;
        let next = rules::transition(
            &facts(&mut tx, &release).await?,
            Event::Withdraw,
            &config.policy,
            now,
        )?;
        if next.effects.contains(&Effect::CancelBallot) {
            let running = match release.stage {
                Stage::PlanVote => release.plan_ballot_id,
                _ => release.final_ballot_id,
            };
            if let Some(ballot_id) = running {
                // No one member stops a vote: only before its first binding vote.
                let binding = ballot_votes::votes(&mut tx, ballot_id)
                    .await?
                    .iter()
                    .filter(|v| v.binding)
                    .count();
                ballot_rules::may_withdraw(u32::try_from(binding).unwrap_or(u32::MAX))?;
                let ending = Ending::Cancel {
                    by: actor.user_id,
                    reason: Some(&reason),
                };
                close_in(&mut tx, ballot_id, ending, now).await?;
            }
        }
        let ended_step = release.stage.step().map(|s| i64::from(s.number()));
        repo::set_column(&mut tx, release.id, Column::ENDED_STEP, ended_step).await?;
        repo::set_text(&mut tx, release.id, false, &reason).await?;
        moved(
            &mut tx,
            &release,
            next.stage,
            "withdrawn",
            Some(actor.user_id),
            now,
        )
        .await?;
        record_step(
            &mut tx,
            &release,
            "withdrawn",
            Some(actor.user_id),
            None,
            json!({ "reason": reason }),
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
