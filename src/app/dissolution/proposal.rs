//! Proposing a dissolution, and proposing to call a decided one off: each a TSC ballot.

use crate::app::ballot::open::{StartBallot, open_in};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::ballot::{self as ballot_rules, Subject};
use crate::governance::dissolution::{self as rules, DissolutionError, Plan};
use crate::governance::permissions::{Action, Facts};
use crate::msg;
use crate::store::ballot::{self as ballots, Ballot};
use crate::store::dissolution::{self as repo, Dissolution, NewDissolution};

/// What `/govern dissolve` collects.
#[derive(Debug, Clone, Default)]
pub struct ProposeDissolution {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub reason: String,
    pub plan: Plan,
}

/// A dissolution ballot as the Discord layer prepares it (texts in the guild's language,
/// where it is posted, the TSC right now).
#[derive(Debug, Clone)]
pub struct DissolutionBallot {
    pub title: String,
    pub description: String,
    pub channel_id: u64,
    pub electorate: Vec<u64>,
}

impl DissolutionBallot {
    fn start(self) -> StartBallot {
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
    /// A dissolution proposal, for the publisher.
    pub async fn dissolution(&self, id: i64) -> AppResult<Dissolution> {
        let mut conn = self.db().acquire().await?;
        repo::get(&mut conn, id)
            .await?
            .ok_or_else(|| UserError::new(msg!("dissolution-error-not-found")).into())
    }

    /// Checks what `/govern dissolve` typed before the Discord layer reads the TSC: the date
    /// must lie the notice period after the vote would close.
    pub async fn check_dissolution(
        &self,
        actor: &Actor,
        input: &ProposeDissolution,
    ) -> AppResult<()> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::ProposeDissolution, Facts::default())?;
        rules::validate_reason(&input.reason)?;
        input.plan.validated()?;
        let now = self.now();
        let closes_at = now + ballot_rules::voting_period(&config.policy, None)?;
        rules::dissolution_date(&input.date, closes_at, &config.policy)?;
        Ok(())
    }

    /// `/govern dissolve`: the proposal goes to a TSC ballot. One at a time per guild.
    pub async fn propose_dissolution(
        &self,
        actor: &Actor,
        input: &ProposeDissolution,
        ballot: DissolutionBallot,
    ) -> AppResult<(Dissolution, Ballot)> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::ProposeDissolution, Facts::default())?;
        let reason = rules::validate_reason(&input.reason)?;
        let plan = input.plan.validated()?;
        let now = self.now();
        let closes_at = now + ballot_rules::voting_period(&config.policy, None)?;
        let date = rules::dissolution_date(&input.date, closes_at, &config.policy)?;
        let mut tx = self.write_tx().await?;
        if repo::underway(&mut tx, actor.guild_id).await?.is_some() {
            return Err(DissolutionError::AlreadyUnderway.into());
        }
        let id = repo::insert(
            &mut tx,
            &NewDissolution {
                guild_id: actor.guild_id,
                date,
                reason: &reason,
                plan: &plan,
                proposed_by: actor.user_id,
            },
            now,
        )
        .await?;
        let subject = Subject::Dissolution { dissolution_id: id };
        let opened = open_in(
            &mut tx,
            &config,
            actor.user_id,
            &ballot.start(),
            &subject,
            now,
        )
        .await?;
        repo::set_ballot(&mut tx, id, opened.id).await?;
        let proposal = repo::get(&mut tx, id)
            .await?
            .ok_or_else(|| UserError::new(msg!("dissolution-error-not-found")))?;
        tx.commit().await?;
        tracing::info!(
            guild_id = actor.guild_id,
            dissolution_id = id,
            "dissolution proposed"
        );
        self.wake();
        Ok((proposal, opened))
    }

    /// The guild's decided dissolution, if one may be called off (for the ballot's texts).
    pub async fn dissolution_to_call_off(&self, actor: &Actor) -> AppResult<Dissolution> {
        self.guild_config(actor.guild_id).await?;
        actor.require(Action::CallOffDissolution, Facts::default())?;
        let mut conn = self.db().acquire().await?;
        let current = repo::underway(&mut conn, actor.guild_id)
            .await?
            .ok_or(DissolutionError::NothingToCallOff)?;
        rules::may_call_off(current.status, current.date, false, self.now())?;
        Ok(current)
    }

    /// `/govern dissolve-call-off`: calling the decided dissolution off goes to a TSC ballot,
    /// whose description is the reason given.
    pub async fn propose_dissolution_call_off(
        &self,
        actor: &Actor,
        reason: &str,
        ballot: DissolutionBallot,
    ) -> AppResult<(Dissolution, Ballot)> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::CallOffDissolution, Facts::default())?;
        let reason = rules::validate_reason(reason)?;
        let ballot = DissolutionBallot {
            description: reason,
            ..ballot
        };
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let current = repo::underway(&mut tx, actor.guild_id)
            .await?
            .ok_or(DissolutionError::NothingToCallOff)?;
        let pending = match current.call_off_ballot_id {
            Some(id) => ballots::get(&mut tx, id).await?.is_some_and(|b| b.open),
            None => false,
        };
        rules::may_call_off(current.status, current.date, pending, now)?;
        let subject = Subject::DissolutionCallOff {
            dissolution_id: current.id,
        };
        let opened = open_in(
            &mut tx,
            &config,
            actor.user_id,
            &ballot.start(),
            &subject,
            now,
        )
        .await?;
        repo::set_call_off_ballot(&mut tx, current.id, Some(opened.id)).await?;
        tx.commit().await?;
        self.wake();
        Ok((current, opened))
    }
}
