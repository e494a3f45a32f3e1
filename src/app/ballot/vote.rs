//! Casting, changing and withdrawing a vote. A vote is acknowledged only once committed.

use super::open::queue_refresh;
use super::view::{Receipt, not_found};
use crate::app::{Actor, App, AppResult};
use crate::governance::ballot::{BallotError, Choice, Vote, accepts_votes, is_binding};
use crate::governance::roles::GovRole;
use crate::store::ballot::{self as repo, Ballot};
use crate::store::roster;

impl App {
    /// Casts or changes a vote. Members outside the frozen electorate, or who no longer hold
    /// the TSC role, vote non-binding. A secret ballot keeps no history of votes.
    pub async fn cast_vote(
        &self,
        actor: &Actor,
        ballot_id: i64,
        choice: Choice,
        concern: Option<&str>,
    ) -> AppResult<Receipt> {
        let vote = Vote::new(choice, concern)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let ballot = match repo::get(&mut tx, ballot_id).await? {
            Some(b) if b.guild_id == actor.guild_id => b,
            _ => return Err(not_found().into()),
        };
        accepts_votes(ballot.open, ballot.closes_at, now)?;
        let in_electorate = repo::electorate(&mut tx, ballot_id)
            .await?
            .contains(&actor.user_id);
        let binding = is_binding(in_electorate, actor.standing.roles.has(GovRole::Tsc));
        let changed = repo::votes(&mut tx, ballot_id)
            .await?
            .iter()
            .any(|v| v.voter_id == actor.user_id);
        repo::upsert_vote(
            &mut tx,
            ballot_id,
            actor.user_id,
            vote.choice,
            binding,
            vote.concern.as_deref(),
            !ballot.secret,
            now,
        )
        .await?;
        queue_refresh(&mut tx, &ballot, now).await?;
        // A vote is activity (succession planning); only the time is kept.
        roster::touch(&mut tx, actor.guild_id, actor.user_id, now).await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(Receipt {
            ballot_id,
            title: ballot.title,
            subject: ballot.subject,
            choice,
            binding,
            changed,
        })
    }

    /// Withdraws the actor's vote (for a -1, its concern goes with it).
    pub async fn withdraw_vote(&self, actor: &Actor, ballot_id: i64) -> AppResult<Ballot> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let ballot = match repo::get(&mut tx, ballot_id).await? {
            Some(b) if b.guild_id == actor.guild_id => b,
            _ => return Err(not_found().into()),
        };
        accepts_votes(ballot.open, ballot.closes_at, now)?;
        if !repo::delete_vote(&mut tx, ballot_id, actor.user_id, !ballot.secret, now).await? {
            return Err(BallotError::NothingToWithdraw.into());
        }
        queue_refresh(&mut tx, &ballot, now).await?;
        roster::touch(&mut tx, actor.guild_id, actor.user_id, now).await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(ballot)
    }
}
