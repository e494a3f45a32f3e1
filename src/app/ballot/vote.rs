//! Casting, changing and withdrawing a vote. A vote is acknowledged only once committed.

use super::open::refresh_once_per_group;
use super::view::{Receipt, not_found};
use super::vote_batch::{Queued, Recorded};
use crate::app::{Actor, App, AppResult};
use crate::governance::ballot::{BallotError, Choice, Vote, accepts_votes, is_binding};
use crate::governance::roles::GovRole;
use crate::governance::succession::holds_office;
use crate::store::ballot::{self as repo, Ballot};
use crate::store::ballot_votes::{self as votes_repo, NewVote};
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
        // What does not change while the ballot runs (its guild, its frozen electorate) is read
        // once per ballot, before taking the writer; whether it is still open is checked by the
        // write itself.
        let frozen = self
            .frozen_ballots
            .get(self.db(), ballot_id)
            .await?
            .ok_or_else(not_found)?;
        if frozen.ballot.guild_id != actor.guild_id {
            return Err(not_found().into());
        }
        let (ballot, in_electorate) = (&frozen.ballot, frozen.elector(actor.user_id));
        accepts_votes(ballot.open, ballot.closes_at, now)?;
        let binding = is_binding(in_electorate, actor.standing.roles.has(GovRole::Tsc));
        let concern = vote.concern.as_deref();
        let queued = Queued {
            vote: NewVote::new(ballot_id, actor.user_id, (choice, concern), binding, now),
            ballot: frozen.clone(),
            office_holder: holds_office(&actor.standing.roles),
        };
        let changed = match self.record_in_batch(queued).await {
            Recorded::Kept { changed } => changed,
            Recorded::Closed => return Err(BallotError::Closed.into()),
            Recorded::Alone => {
                self.record_alone(actor, ballot, (choice, concern), binding, now)
                    .await?
            }
        };
        Ok(Receipt {
            ballot_id,
            title: ballot.title.clone(),
            subject: ballot.subject.clone(),
            choice,
            binding,
            changed,
        })
    }

    /// Records one vote in its own share of the writer: for a vote whose batch failed as a
    /// whole, so that whatever failed it fails it alone.
    async fn record_alone(
        &self,
        actor: &Actor,
        ballot: &Ballot,
        vote: (Choice, Option<&str>),
        binding: bool,
        now: chrono::DateTime<chrono::Utc>,
    ) -> AppResult<bool> {
        let mut tx = self.write_tx().await?;
        let recorded =
            votes_repo::record_vote(&mut tx, ballot.id, actor.user_id, vote, binding, now).await?;
        let Some(changed) = recorded else {
            return Err(BallotError::Closed.into());
        };
        refresh_once_per_group(&mut tx, ballot, now).await?;
        touch_office_holder(&mut tx, actor, now).await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(changed)
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
        if !votes_repo::delete_vote(&mut tx, ballot_id, actor.user_id, !ballot.secret, now).await? {
            return Err(BallotError::NothingToWithdraw.into());
        }
        refresh_once_per_group(&mut tx, &ballot, now).await?;
        touch_office_holder(&mut tx, actor, now).await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(ballot)
    }
}

/// A vote is activity for succession planning, which watches only office holders: only their
/// time is kept (a burst of community votes writes nothing more).
async fn touch_office_holder(
    conn: &mut sqlx::SqliteConnection,
    actor: &Actor,
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<()> {
    if holds_office(&actor.standing.roles) {
        roster::touch(conn, actor.guild_id, actor.user_id, now).await?;
    }
    Ok(())
}
