//! Opening a ballot: `/vote start`, and the one function every process opens its TSC ballots
//! through (a charter, a chair, a status review): validated under the guild's policy, the
//! electorate frozen, its deadline and reminder scheduled and its message queued, in the
//! caller's transaction.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::app::{Actor, App, AppResult};
use crate::governance::ballot::{self, BallotError, Subject};
use crate::governance::permissions::{Action, Facts};
use crate::store::WriteTx;
use crate::store::ballot::{self as repo, Ballot, NewBallot};
use crate::store::guild::GuildConfig;

/// What opening a ballot needs.
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

impl App {
    /// `/vote start`: a plain question put to the TSC.
    pub async fn start_ballot(&self, actor: &Actor, input: StartBallot) -> AppResult<Ballot> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::StartBallot, Facts::default())?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let ballot = open_in(
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
}

/// Opens a ballot inside the caller's transaction. Every kind of ballot opens through here.
pub(crate) async fn open_in(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
    opened_by: u64,
    input: &StartBallot,
    subject: &Subject,
    now: DateTime<Utc>,
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
    schedule::schedule(conn, &Job::CloseBallot { ballot_id: id }, closes_at, now).await?;
    if let Some(at) = ballot::reminder_at(&config.policy, now, closes_at) {
        schedule::schedule(conn, &Job::RemindBallot { ballot_id: id }, at, now).await?;
    }
    outbox::queue(
        conn,
        config.guild_id,
        &Notice::BallotPosted { ballot_id: id },
        now,
    )
    .await?;
    Ok(repo::get(conn, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("inserted ballot vanished"))?)
}

/// Queues an edit of the ballot message to its latest state (coalesced per ballot).
pub(crate) async fn queue_refresh(
    conn: &mut SqliteConnection,
    ballot: &Ballot,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let notice = Notice::BallotRefresh {
        ballot_id: ballot.id,
    };
    outbox::queue(conn, ballot.guild_id, &notice, now)
        .await
        .map(drop)
}

/// A burst of votes committed together needs one refresh of the ballot message: the first vote
/// of a group commit queues it, the others find it queued in the same transaction (so a vote
/// costs one statement less on the writer, the one every vote of a burst waits for).
pub(super) async fn refresh_once_per_group(
    tx: &mut WriteTx,
    ballot: &Ballot,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let note = format!("ballot:{}:refresh", ballot.id);
    if tx.done_in_group(&note) {
        return Ok(());
    }
    queue_refresh(tx, ballot, now).await?;
    tx.note_for_group(note);
    Ok(())
}
