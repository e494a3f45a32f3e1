//! What the bot shows of a ballot: the ballot with its electorate, votes and counts.

use std::collections::HashSet;

use sqlx::SqliteConnection;

use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::ballot::{Choice, Count, Subject};
use crate::msg;
use crate::store::ballot::{self as repo, Ballot, VoteRecord};
use crate::store::working_group::{self as groups, Group};

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
    /// What the ballot decides (its title is shown around it).
    pub subject: Subject,
    pub choice: Choice,
    pub binding: bool,
    /// The member had voted before and changed their vote.
    pub changed: bool,
}

pub(crate) fn not_found() -> UserError {
    UserError::new(msg!("error-ballot-not-found"))
}

/// The ballot, if it exists and belongs to the guild.
pub(crate) async fn in_guild(
    conn: &mut SqliteConnection,
    guild_id: u64,
    ballot_id: i64,
) -> AppResult<Ballot> {
    match repo::get(conn, ballot_id).await? {
        Some(b) if b.guild_id == guild_id => Ok(b),
        _ => Err(not_found().into()),
    }
}

/// Everything about a ballot, read on one connection.
pub(crate) async fn load(conn: &mut SqliteConnection, ballot_id: i64) -> AppResult<BallotView> {
    let ballot = repo::get(conn, ballot_id).await?.ok_or_else(not_found)?;
    let electorate = repo::electorate(conn, ballot_id).await?;
    let votes = repo::votes(conn, ballot_id).await?;
    let count = Count::of(votes.iter().map(|v| (v.choice, v.binding)));
    let group = match ballot.subject {
        Subject::General | Subject::Emeritus { .. } => None,
        // Cases, the annual review's publication, dissolution.
        Subject::ConflictDecision { .. }
        | Subject::AnnualReview { .. }
        | Subject::Dissolution { .. }
        | Subject::DissolutionCallOff { .. } => None,
        Subject::WgCharter { wg_id }
        | Subject::WgChair { wg_id, .. }
        | Subject::WgClose { wg_id } => groups::get(conn, wg_id).await?,
    };
    Ok(BallotView {
        ballot,
        electorate,
        votes,
        count,
        group,
    })
}

impl App {
    /// Everything about a ballot, for rendering.
    pub async fn ballot_view(&self, ballot_id: i64) -> AppResult<BallotView> {
        let mut conn = self.db().acquire().await?;
        load(&mut conn, ballot_id).await
    }

    /// A ballot of the actor's guild, for `/vote status`.
    pub async fn ballot_status(&self, actor: &Actor, ballot_id: i64) -> AppResult<BallotView> {
        let mut conn = self.db().acquire().await?;
        in_guild(&mut conn, actor.guild_id, ballot_id).await?;
        load(&mut conn, ballot_id).await
    }

    /// The guild's open ballots, soonest deadline first.
    pub async fn open_ballots(&self, guild_id: u64) -> AppResult<Vec<BallotView>> {
        let mut conn = self.db().acquire().await?;
        let ids: Vec<i64> = repo::list_open(&mut conn, guild_id)
            .await?
            .iter()
            .map(|b| b.id)
            .collect();
        let mut views = Vec::with_capacity(ids.len());
        for id in ids {
            views.push(load(&mut conn, id).await?);
        }
        Ok(views)
    }
}
