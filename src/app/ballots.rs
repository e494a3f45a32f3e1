//! TSC ballots: start, vote, withdraw, cancel, close, remind, and the views the bot renders.

use std::collections::HashSet;

use super::decisions;
use super::outbox::{self, Notice};
use super::{Actor, App, AppResult, UserError};
use crate::governance::ballot::{
    self, BallotError, Choice, Count, Outcome, Subject, Vote, accepts_votes, decide,
};
use crate::msg;
use crate::scheduler::{self, Job};
use crate::store::ballots::{self as repo, Ballot, Closing, NewBallot, VoteRecord};
use crate::store::guilds::GuildConfig;
use crate::store::working_groups::Group;

/// How a ballot ends: at its deadline, decided by the votes, or cancelled.
enum Ending<'a> {
    Deadline,
    Cancel { by: u64, reason: &'a str },
}

/// What `/vote start` collects.
#[derive(Debug, Clone)]
pub struct StartBallot {
    pub title: String,
    pub description: String,
    pub duration: Option<String>,
    pub secret: bool,
    /// Where the ballot message is posted.
    pub channel_id: u64,
    /// The members holding the TSC role right now; frozen as the electorate.
    pub electorate: Vec<u64>,
}

/// A ballot with everything needed to show it.
#[derive(Debug, Clone)]
pub struct BallotView {
    pub ballot: Ballot,
    pub electorate: Vec<u64>,
    pub votes: Vec<VoteRecord>,
    pub count: Count,
    /// The working group a charter, chair or closing ballot is about.
    pub group: Option<Group>,
}

impl BallotView {
    /// Electorate members who have not voted.
    pub fn missing_voters(&self) -> Vec<u64> {
        let voted: HashSet<u64> = self.votes.iter().map(|v| v.voter_id).collect();
        self.electorate
            .iter()
            .copied()
            .filter(|m| !voted.contains(m))
            .collect()
    }

    /// The concerns attached to current -1 votes: (author, concern).
    pub fn concerns(&self) -> impl Iterator<Item = (u64, &str)> {
        self.votes
            .iter()
            .filter_map(|v| Some((v.voter_id, v.concern.as_deref()?)))
    }
}

/// What the voter is told once their vote is committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub ballot_id: i64,
    pub title: String,
    pub choice: Choice,
    pub binding: bool,
    /// The member had voted before and changed their vote.
    pub changed: bool,
}

fn not_found() -> UserError {
    UserError::new(msg!("error-ballot-not-found"))
}

impl App {
    pub async fn start_ballot(&self, actor: &Actor, input: StartBallot) -> AppResult<Ballot> {
        let config = self.guild_config(actor.guild_id).await?;
        if !actor.standing.may_start_ballot() {
            return Err(UserError::new(msg!("error-needs-tsc")).into());
        }
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let ballot = open_ballot_in(
            &mut tx,
            &config,
            actor.user_id,
            &input,
            &Subject::General,
            now,
        )
        .await?;
        tx.commit().await?;
        tracing::info!(
            guild_id = actor.guild_id,
            ballot_id = ballot.id,
            "ballot opened"
        );
        self.wake();
        Ok(ballot)
    }

    /// The ballot, if it belongs to the actor's guild.
    async fn ballot_in_guild(&self, guild_id: u64, ballot_id: i64) -> AppResult<Ballot> {
        let mut conn = self.db().acquire().await?;
        match repo::get(&mut conn, ballot_id).await? {
            Some(b) if b.guild_id == guild_id => Ok(b),
            _ => Err(not_found().into()),
        }
    }

    /// Casts or changes a vote. Members outside the frozen electorate vote non-binding.
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
        let binding = repo::electorate(&mut tx, ballot_id)
            .await?
            .contains(&actor.user_id);
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
            now,
        )
        .await?;
        queue_refresh(&mut tx, &ballot, now).await?;
        // A vote is activity (succession planning); only the time is kept.
        crate::store::roster::touch(&mut tx, actor.guild_id, actor.user_id, now).await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(Receipt {
            ballot_id,
            title: ballot.title,
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
        if !repo::delete_vote(&mut tx, ballot_id, actor.user_id, now).await? {
            return Err(BallotError::NothingToWithdraw.into());
        }
        queue_refresh(&mut tx, &ballot, now).await?;
        crate::store::roster::touch(&mut tx, actor.guild_id, actor.user_id, now).await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(ballot)
    }

    /// Cancels an open ballot (its opener or any TSC member), with a reason; announced. A
    /// ballot past its deadline is decided, not cancelled; a member cannot cancel the review
    /// of their own status.
    pub async fn cancel_ballot(
        &self,
        actor: &Actor,
        ballot_id: i64,
        reason: &str,
    ) -> AppResult<Ballot> {
        let ballot = self.ballot_in_guild(actor.guild_id, ballot_id).await?;
        let is_its_subject =
            matches!(ballot.subject, Subject::Emeritus { member_id } if member_id == actor.user_id);
        if !actor
            .standing
            .may_cancel_ballot(ballot.opened_by == actor.user_id, is_its_subject)
        {
            return Err(UserError::new(msg!("error-cancel-not-allowed")).into());
        }
        let reason = ballot::validate_reason(reason)?;
        accepts_votes(ballot.open, ballot.closes_at, self.now())?;
        let ending = Ending::Cancel {
            by: actor.user_id,
            reason: &reason,
        };
        if self.finish(ballot_id, ending).await?.is_none() {
            return Err(BallotError::Closed.into());
        }
        self.ballot_in_guild(actor.guild_id, ballot_id).await
    }

    /// Cancels a ballot on the bot's initiative (e.g. the member under review answered);
    /// returns false when it was already closed.
    pub(crate) async fn cancel_as(&self, ballot_id: i64, by: u64, reason: &str) -> AppResult<bool> {
        Ok(self
            .finish(ballot_id, Ending::Cancel { by, reason })
            .await?
            .is_some())
    }

    /// Closes a ballot at its deadline (the scheduler's job). Idempotent: a ballot already
    /// closed is left alone, so a job that runs twice announces once.
    pub async fn close_ballot(&self, ballot_id: i64) -> AppResult<Option<Outcome>> {
        self.finish(ballot_id, Ending::Deadline).await
    }

    /// Decides and closes the ballot, applies its effect and queues its result and message
    /// edit, all in one write transaction: a vote committed before it counts, one after it is
    /// refused. `None` when the ballot was already closed (or does not exist).
    async fn finish(&self, ballot_id: i64, ending: Ending<'_>) -> AppResult<Option<Outcome>> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let Some(ballot) = repo::get(&mut tx, ballot_id).await? else {
            return Ok(None);
        };
        if !ballot.open {
            return Ok(None);
        }
        let closing = match ending {
            Ending::Deadline => {
                let votes = repo::votes(&mut tx, ballot_id).await?;
                let count = Count::of(votes.iter().map(|v| (v.choice, v.binding)));
                let electorate = repo::electorate(&mut tx, ballot_id).await?.len();
                Closing {
                    outcome: decide(
                        &ballot.policy,
                        u32::try_from(electorate).unwrap_or(u32::MAX),
                        &count,
                    ),
                    at: now.max(ballot.closes_at),
                    cancelled_by: None,
                    cancel_reason: None,
                }
            }
            Ending::Cancel { by, reason } => Closing {
                outcome: Outcome::Cancelled,
                at: now,
                cancelled_by: Some(by),
                cancel_reason: Some(reason),
            },
        };
        if !repo::close(&mut tx, ballot.id, &closing).await? {
            return Ok(None);
        }
        decisions::apply(&mut tx, &ballot, closing.outcome, now).await?;
        let announce = crate::store::guilds::get(&mut tx, ballot.guild_id)
            .await?
            .and_then(|c| c.announce_channel_id);
        if let Some(channel_id) = announce {
            let notice = Notice::BallotResult {
                ballot_id: ballot.id,
                channel_id,
            };
            outbox::enqueue(
                &mut tx,
                ballot.guild_id,
                &format!("ballot:{}:result", ballot.id),
                &notice,
                now,
            )
            .await?;
        }
        queue_refresh(&mut tx, &ballot, now).await?;
        tx.commit().await?;
        tracing::info!(
            ballot_id = ballot.id,
            outcome = closing.outcome.key(),
            "ballot closed"
        );
        self.outbox_wakeup().wake();
        Ok(Some(closing.outcome))
    }

    /// Queues the reminder to electorate members who have not voted (the scheduler's job).
    pub async fn remind_ballot(&self, ballot_id: i64) -> AppResult<usize> {
        let view = match self.ballot_view(ballot_id).await {
            Ok(view) => view,
            Err(e) if e.user().is_some() => return Ok(0),
            Err(e) => return Err(e),
        };
        let members = view.missing_voters();
        if !view.ballot.open || members.is_empty() {
            return Ok(0);
        }
        let count = members.len();
        let now = self.now();
        let mut conn = self.db().acquire().await?;
        let notice = Notice::BallotReminder { ballot_id, members };
        outbox::enqueue_once(
            &mut conn,
            view.ballot.guild_id,
            &format!("ballot:{ballot_id}:reminder"),
            &notice,
            now,
        )
        .await?;
        self.outbox_wakeup().wake();
        Ok(count)
    }

    /// Everything about a ballot, for rendering and `/vote status`.
    pub async fn ballot_view(&self, ballot_id: i64) -> AppResult<BallotView> {
        let mut conn = self.db().acquire().await?;
        let ballot = repo::get(&mut conn, ballot_id)
            .await?
            .ok_or_else(not_found)?;
        let electorate = repo::electorate(&mut conn, ballot_id).await?;
        let votes = repo::votes(&mut conn, ballot_id).await?;
        let count = Count::of(votes.iter().map(|v| (v.choice, v.binding)));
        let group = match ballot.subject {
            Subject::General | Subject::Emeritus { .. } => None,
            Subject::WgCharter { wg_id }
            | Subject::WgChair { wg_id, .. }
            | Subject::WgClose { wg_id } => {
                crate::store::working_groups::get(&mut conn, wg_id).await?
            }
        };
        Ok(BallotView {
            ballot,
            electorate,
            votes,
            count,
            group,
        })
    }

    /// A ballot of the actor's guild, for `/vote status`.
    pub async fn ballot_status(&self, actor: &Actor, ballot_id: i64) -> AppResult<BallotView> {
        self.ballot_in_guild(actor.guild_id, ballot_id).await?;
        self.ballot_view(ballot_id).await
    }

    pub async fn open_ballots(&self, guild_id: u64) -> AppResult<Vec<BallotView>> {
        let ids: Vec<i64> = {
            let mut conn = self.db().acquire().await?;
            repo::list_open(&mut conn, guild_id)
                .await?
                .iter()
                .map(|b| b.id)
                .collect()
        };
        let mut views = Vec::with_capacity(ids.len());
        for id in ids {
            views.push(self.ballot_view(id).await?);
        }
        Ok(views)
    }
}

/// Opens a ballot inside the caller's transaction: validates it under the guild's policy,
/// freezes the electorate, schedules its deadline and reminder and queues its message. Every
/// kind of ballot (a plain vote, a charter, a move to emeritus) opens through here.
pub(crate) async fn open_ballot_in(
    conn: &mut sqlx::SqliteConnection,
    config: &GuildConfig,
    opened_by: u64,
    input: &StartBallot,
    subject: &Subject,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Ballot> {
    let (title, description) = ballot::validate_text(&input.title, &input.description)?;
    let period = ballot::voting_period(&config.policy, input.duration.as_deref())?;
    if input.electorate.is_empty() {
        return Err(BallotError::EmptyElectorate.into());
    }
    let closes_at = now + period;
    let id = repo::insert(
        conn,
        &NewBallot {
            guild_id: config.guild_id,
            title: &title,
            description: &description,
            secret: input.secret,
            opened_by,
            opens_at: now,
            closes_at,
            policy: &config.policy,
            channel_id: input.channel_id,
            electorate: &input.electorate,
            subject,
        },
    )
    .await?;
    scheduler::schedule(conn, &Job::CloseBallot { ballot_id: id }, closes_at, now).await?;
    if let Some(at) = ballot::reminder_at(&config.policy, now, closes_at) {
        scheduler::schedule(conn, &Job::RemindBallot { ballot_id: id }, at, now).await?;
    }
    let notice = Notice::BallotPosted { ballot_id: id };
    outbox::enqueue(
        conn,
        config.guild_id,
        &format!("ballot:{id}:post"),
        &notice,
        now,
    )
    .await?;
    Ok(repo::get(conn, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("inserted ballot vanished"))?)
}

async fn queue_refresh(
    conn: &mut sqlx::SqliteConnection,
    ballot: &Ballot,
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<()> {
    let notice = Notice::BallotRefresh {
        ballot_id: ballot.id,
    };
    outbox::enqueue(
        conn,
        ballot.guild_id,
        &format!("ballot:{}:refresh", ballot.id),
        &notice,
        now,
    )
    .await
}
