//! Step 1, "A proposal documenting the need and alternatives considered": `/dependency
//! propose` keeps a draft until its form is submitted; `/dependency remove` proposes taking an
//! approved dependency off the list (no review, a maintainer's approval).

use chrono::Duration;
use sqlx::SqliteConnection;

use super::{in_guild, no_such_dependency, record_step};
use crate::app::outbox::{self, Notice};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::dependency::{self as rules, Event, InputError, Kind, Stage};
use crate::governance::permissions::{Action, Facts};
use crate::msg;
use crate::store::dependency::{self as repo, Dependency, NewDependency};
use crate::store::guild::{ChannelPurpose, GuildConfig};

/// What `/dependency propose` typed.
#[derive(Debug, Clone, Default)]
pub struct ProposeDependency {
    pub name: String,
    pub version: Option<String>,
    pub ecosystem: Option<String>,
}

/// Where a dependency's card goes: the releases channel, else the announcement channel.
fn card_channel(config: &GuildConfig) -> AppResult<u64> {
    config
        .channel(ChannelPurpose::Releases)
        .or(config.announce_channel_id)
        .ok_or_else(|| UserError::new(msg!("error-not-configured")).into())
}

impl App {
    /// `/dependency propose`: checks what was typed and keeps a draft until the form (the
    /// need, the alternatives considered) is submitted; returns the draft's id.
    pub async fn draft_dependency(
        &self,
        actor: &Actor,
        input: ProposeDependency,
    ) -> AppResult<i64> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::ProposeDependency, Facts::default())?;
        let name = rules::validate_name(&input.name)?;
        let version = rules::validate_version(input.version.as_deref())?;
        let ecosystem = rules::validate_ecosystem(input.ecosystem.as_deref())?;
        let identity = rules::identity(&name, ecosystem.as_deref());
        let channel_id = card_channel(&config)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        repo::delete_stale_drafts(&mut tx, now - Duration::days(1)).await?;
        if repo::live(&mut tx, actor.guild_id, Kind::Addition, &identity)
            .await?
            .is_some()
        {
            return Err(InputError::Duplicate.into());
        }
        let new = NewDependency {
            guild_id: actor.guild_id,
            kind: Kind::Addition,
            name: &name,
            version: version.as_deref(),
            ecosystem: ecosystem.as_deref(),
            identity: &identity,
            reason: None,
            target_id: None,
            proposer_id: actor.user_id,
            stage: Stage::Draft,
            channel_id,
        };
        let id = repo::insert(&mut tx, &new, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The form was submitted: the proposal goes to its two reviews and its card is posted.
    pub async fn propose_dependency(
        &self,
        actor: &Actor,
        draft_id: i64,
        need: &str,
        alternatives: &str,
    ) -> AppResult<Dependency> {
        self.guild_config(actor.guild_id).await?;
        actor.require(Action::ProposeDependency, Facts::default())?;
        let (need, alternatives) = rules::validate_proposal(need, alternatives)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let draft = match repo::get(&mut tx, draft_id).await? {
            Some(d)
                if d.guild_id == actor.guild_id
                    && d.proposer_id == actor.user_id
                    && d.stage == Stage::Draft =>
            {
                d
            }
            _ => return Err(no_such_dependency()),
        };
        let identity = rules::identity(&draft.name, draft.ecosystem.as_deref());
        if repo::live(&mut tx, actor.guild_id, Kind::Addition, &identity)
            .await?
            .is_some()
        {
            return Err(InputError::Duplicate.into());
        }
        repo::set_proposal(&mut tx, draft.id, &need, &alternatives).await?;
        let dependency = submit(&mut tx, &draft, actor, "proposed", now).await?;
        tx.commit().await?;
        self.wake();
        Ok(dependency)
    }

    /// `/dependency remove`: proposes taking an approved dependency off the list, with a
    /// reason; a maintainer other than the proposer decides.
    pub async fn propose_dependency_removal(
        &self,
        actor: &Actor,
        name: &str,
        ecosystem: Option<&str>,
        reason: &str,
    ) -> AppResult<Dependency> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::ProposeDependencyRemoval, Facts::default())?;
        let name = rules::validate_name(name)?;
        let ecosystem = rules::validate_ecosystem(ecosystem)?;
        let reason = rules::validate_note(reason)?;
        let identity = rules::identity(&name, ecosystem.as_deref());
        let channel_id = card_channel(&config)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let target = repo::live(&mut tx, actor.guild_id, Kind::Addition, &identity)
            .await?
            .filter(|d| d.stage == Stage::Approved)
            .ok_or(InputError::NotApproved)?;
        if repo::live(&mut tx, actor.guild_id, Kind::Removal, &identity)
            .await?
            .is_some()
        {
            return Err(InputError::Duplicate.into());
        }
        let new = NewDependency {
            guild_id: actor.guild_id,
            kind: Kind::Removal,
            name: &target.name,
            version: target.version.as_deref(),
            ecosystem: target.ecosystem.as_deref(),
            identity: &identity,
            reason: Some(&reason),
            target_id: Some(target.id),
            proposer_id: actor.user_id,
            stage: Stage::Draft,
            channel_id,
        };
        let id = repo::insert(&mut tx, &new, now).await?;
        let draft = repo::get(&mut tx, id)
            .await?
            .ok_or_else(no_such_dependency)?;
        let dependency = submit(&mut tx, &draft, actor, "removal_proposed", now).await?;
        tx.commit().await?;
        self.wake();
        Ok(dependency)
    }
}

/// A draft submitted: its first step, its card, its entry in the decision log.
async fn submit(
    conn: &mut SqliteConnection,
    draft: &Dependency,
    actor: &Actor,
    outcome: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Dependency> {
    let facts = rules::Facts {
        kind: draft.kind,
        stage: draft.stage,
        security: draft.security.verdict,
        license: draft.license.verdict,
    };
    let next = rules::transition(&facts, Event::Submit)?;
    repo::set_stage(
        conn,
        draft.id,
        next.stage,
        outcome,
        Some(actor.user_id),
        now,
    )
    .await?;
    let card = Notice::DependencyCardPosted {
        dependency_id: draft.id,
    };
    outbox::queue(conn, draft.guild_id, &card, now).await?;
    let dependency = in_guild(conn, actor.guild_id, draft.id).await?;
    record_step(conn, &dependency, outcome, Some(actor.user_id), None, now).await?;
    Ok(dependency)
}

/// The card was posted: later refreshes edit this message.
pub(crate) async fn card_posted(
    conn: &mut SqliteConnection,
    dependency_id: i64,
    message_id: Option<u64>,
) -> AppResult<()> {
    if let Some(id) = message_id {
        repo::set_card(conn, dependency_id, id).await?;
    }
    Ok(())
}
