//! Proposing: a working group under its charter (`/wg create` then the charter form), a new
//! chair, or closing a group; each decided by a TSC ballot.

use chrono::Duration;

use super::view::{active, in_guild, no_such_group};
use crate::app::ballot::open::{StartBallot, open_in};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::ballot::Subject;
use crate::governance::permissions::{Action, Facts};
use crate::governance::working_group::{self as rules, Charter, Status};
use crate::msg;
use crate::store::ballot::{self as ballots, Ballot};
use crate::store::working_group::{self as repo, Group, NewGroup};

/// What `/wg create` collects before the charter form.
#[derive(Debug, Clone, Default)]
pub struct CreateGroup {
    pub name: String,
    pub focus: String,
    pub chair_id: u64,
    pub chair_is_bot: bool,
    /// Founding members, as mentioned.
    pub members: Vec<u64>,
    pub report_every: Option<String>,
    pub ends_on: Option<String>,
}

/// A ballot about a group, as the Discord layer prepares it (localized title, where it is
/// posted, the TSC right now).
#[derive(Debug, Clone)]
pub struct GroupBallot {
    pub title: String,
    pub description: String,
    pub channel_id: u64,
    pub electorate: Vec<u64>,
}

impl GroupBallot {
    fn into_start(self) -> StartBallot {
        StartBallot {
            title: self.title,
            description: self.description,
            duration: None,
            secret: false,
            channel_id: self.channel_id,
            electorate: self.electorate,
        }
    }
}

impl App {
    /// Checks everything `/wg create` typed and keeps it as a draft until the charter form is
    /// submitted; returns the draft's id.
    pub async fn draft_working_group(&self, actor: &Actor, input: CreateGroup) -> AppResult<i64> {
        rules::validate_chair(input.chair_is_bot)?;
        self.guild_config(actor.guild_id).await?;
        actor.require(Action::ProposeWorkingGroup, Facts::default())?;
        let name = rules::validate_name(&input.name)?;
        let slug = rules::slug(&name);
        let focus = rules::validate_focus(&input.focus)?;
        let cadence = rules::report_cadence(input.report_every.as_deref())?;
        let now = self.now();
        let ends_at = rules::end_date(input.ends_on.as_deref(), now)?;
        let founding = rules::founding_members(&input.members, input.chair_id)?;
        let mut tx = self.write_tx().await?;
        repo::delete_stale_drafts(&mut tx, now - Duration::days(1)).await?;
        if repo::slug_taken(&mut tx, actor.guild_id, &slug).await? {
            return Err(UserError::new(msg!("wg-error-name-taken")).into());
        }
        let id = repo::insert_draft(
            &mut tx,
            &NewGroup {
                guild_id: actor.guild_id,
                name: &name,
                slug: &slug,
                focus: &focus,
                chair_id: input.chair_id,
                proposed_by: actor.user_id,
                report_every_days: cadence,
                ends_at,
                founding: &founding,
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The charter form was submitted: the draft goes before the TSC as a ballot.
    pub async fn propose_working_group(
        &self,
        actor: &Actor,
        draft_id: i64,
        charter: &Charter,
        ballot: GroupBallot,
    ) -> AppResult<(Group, Ballot)> {
        let config = self.guild_config(actor.guild_id).await?;
        let charter = charter.validated()?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let group = match repo::get(&mut tx, draft_id).await? {
            Some(g)
                if g.guild_id == actor.guild_id
                    && g.proposed_by == actor.user_id
                    && g.status == Status::Draft =>
            {
                g
            }
            _ => return Err(no_such_group()),
        };
        if repo::slug_taken(&mut tx, actor.guild_id, &group.slug).await? {
            return Err(UserError::new(msg!("wg-error-name-taken")).into());
        }
        let subject = Subject::WgCharter { wg_id: group.id };
        let opened = open_in(
            &mut tx,
            &config,
            actor.user_id,
            &ballot.into_start(),
            &subject,
            now,
        )
        .await?;
        repo::propose(&mut tx, group.id, &charter, opened.id).await?;
        let group = repo::get(&mut tx, group.id)
            .await?
            .ok_or_else(no_such_group)?;
        tx.commit().await?;
        tracing::info!(
            guild_id = actor.guild_id,
            wg_id = group.id,
            ballot_id = opened.id,
            "working group proposed"
        );
        self.wake();
        Ok((group, opened))
    }

    /// Puts a new chair to a TSC ballot (proposed by the TSC or the current chair).
    pub async fn propose_chair(
        &self,
        actor: &Actor,
        wg_id: i64,
        chair_id: u64,
        chair_is_bot: bool,
        ballot: GroupBallot,
    ) -> AppResult<Ballot> {
        self.open_group_ballot(actor, wg_id, ballot, |group| {
            let facts = Facts {
                chair: group.chair_id == actor.user_id,
                ..Facts::default()
            };
            actor.require(Action::ManageWorkingGroup, facts)?;
            rules::validate_chair(chair_is_bot)?;
            active(group)?;
            if group.chair_id == chair_id {
                return Err(UserError::new(msg!("wg-error-already-chair")).into());
            }
            Ok(Subject::WgChair { wg_id, chair_id })
        })
        .await
    }

    /// Puts closing the group to a TSC ballot (TSC only).
    pub async fn propose_close(
        &self,
        actor: &Actor,
        wg_id: i64,
        ballot: GroupBallot,
    ) -> AppResult<Ballot> {
        self.open_group_ballot(actor, wg_id, ballot, |group| {
            actor.require(Action::CloseWorkingGroup, Facts::default())?;
            active(group)?;
            Ok(Subject::WgClose { wg_id })
        })
        .await
    }

    /// Opens a ballot about a group once `check` accepts it. Everything is read and checked
    /// inside the write transaction, so two proposals at once open one ballot.
    async fn open_group_ballot(
        &self,
        actor: &Actor,
        wg_id: i64,
        ballot: GroupBallot,
        check: impl FnOnce(&Group) -> AppResult<Subject>,
    ) -> AppResult<Ballot> {
        let config = self.guild_config(actor.guild_id).await?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let group = in_guild(&mut tx, actor.guild_id, wg_id).await?;
        let subject = check(&group)?;
        // One decision at a time per group: a chair or closing ballot still open blocks another.
        if let Some(open) = group.ballot_id
            && ballots::get(&mut tx, open).await?.is_some_and(|b| b.open)
        {
            return Err(UserError::new(msg!("wg-error-ballot-open"))
                .with("id", open)
                .into());
        }
        let opened = open_in(
            &mut tx,
            &config,
            actor.user_id,
            &ballot.into_start(),
            &subject,
            now,
        )
        .await?;
        repo::set_ballot(&mut tx, group.id, Some(opened.id)).await?;
        tx.commit().await?;
        self.wake();
        Ok(opened)
    }
}
