//! What the bot shows of a ballot, and only that: who voted (participation) always; the counts
//! and concerns of a public ballot live; those of a secret ballot only once it is closed, and
//! then without authors. A renderer cannot reveal what the view does not hold.

use std::collections::HashSet;

use sqlx::SqliteConnection;

use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::ballot::{Choice, Count, Subject};
use crate::governance::permissions::{Action, Facts};
use crate::governance::roles::GovRole;
use crate::msg;
use crate::store::ballot::{self as repo, Ballot};
use crate::store::ballot_votes as votes_repo;
use crate::store::roster;
use crate::store::working_group::{self as groups, Group};

/// A concern attached to a -1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concern {
    /// Its author; `None` on a secret ballot.
    pub author: Option<u64>,
    pub text: String,
    pub binding: bool,
}

/// A ballot with everything that may be shown of it.
#[derive(Debug, Clone)]
pub struct BallotView {
    pub ballot: Ballot,
    /// The electorate frozen at opening (quorum counts it).
    pub electorate: Vec<u64>,
    /// Electorate members known to have left the TSC or the server since.
    pub departed: usize,
    /// Who voted, and whether their vote is binding.
    pub voters: Vec<(u64, bool)>,
    /// The counts; `None` while a secret ballot is open.
    pub count: Option<Count>,
    /// Concerns, binding ones first; empty while a secret ballot is open.
    pub concerns: Vec<Concern>,
    /// The working group a charter, chair or closing ballot is about.
    pub group: Option<Group>,
}

impl BallotView {
    /// Electorate members who have not voted.
    pub fn missing_voters(&self) -> Vec<u64> {
        let voted: HashSet<u64> = self.voters.iter().map(|(v, _)| *v).collect();
        self.electorate
            .iter()
            .copied()
            .filter(|m| !voted.contains(m))
            .collect()
    }

    /// How many binding votes were cast (participation, shown even on a secret ballot).
    pub fn binding_voters(&self) -> usize {
        self.voters.iter().filter(|(_, binding)| *binding).count()
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

/// Everything that may be shown of a ballot, read on one connection.
pub(crate) async fn load(conn: &mut SqliteConnection, ballot_id: i64) -> AppResult<BallotView> {
    let ballot = repo::get(conn, ballot_id).await?.ok_or_else(not_found)?;
    let electorate = repo::electorate(conn, ballot_id).await?;
    let (voters, count, mut concerns) = match (&ballot.final_count, &ballot.final_concerns) {
        // A sealed secret ballot: totals and authorless concerns only.
        (Some(count), concerns) => {
            let concerns = concerns
                .iter()
                .flatten()
                .map(|c| Concern {
                    author: None,
                    text: c.text.clone(),
                    binding: c.binding,
                })
                .collect();
            (
                votes_repo::sealed_voters(conn, ballot_id).await?,
                Some(*count),
                concerns,
            )
        }
        (None, _) => {
            let votes = votes_repo::votes(conn, ballot_id).await?;
            let voters = votes.iter().map(|v| (v.voter_id, v.binding)).collect();
            if ballot.secret {
                // Open and secret: participation only.
                (voters, None, Vec::new())
            } else {
                let count = Count::of(votes.iter().map(|v| (v.choice, v.binding)));
                let concerns = votes
                    .iter()
                    .filter_map(|v| {
                        Some(Concern {
                            author: Some(v.voter_id),
                            text: v.concern.clone()?,
                            binding: v.binding,
                        })
                    })
                    .collect();
                (voters, Some(count), concerns)
            }
        }
    };
    // Binding concerns first, each kept in the order it came.
    concerns.sort_by_key(|c| !c.binding);
    let mut departed = 0;
    for member in &electorate {
        let entry = roster::get(conn, ballot.guild_id, *member).await?;
        if entry.is_some_and(|e| !e.in_guild || !e.has(GovRole::Tsc)) {
            departed += 1;
        }
    }
    let group = match ballot.subject {
        Subject::General | Subject::Emeritus { .. } => None,
        // RFCs and amendments.
        Subject::Rfc { .. } | Subject::Amendment { .. } => None,
        // Nominations.
        Subject::Nomination { .. } => None,
        // Cases, the annual review's publication, dissolution.
        Subject::ConflictDecision { .. }
        | Subject::AnnualReview { .. }
        | Subject::Dissolution { .. }
        | Subject::DissolutionCallOff { .. } => None,
        Subject::WgCharter { wg_id }
        | Subject::WgChair { wg_id, .. }
        | Subject::WgClose { wg_id } => groups::get(conn, wg_id).await?,
        // Releases and dependencies.
        Subject::ReleasePlan { .. } | Subject::ReleaseFinal { .. } => None,
    };
    Ok(BallotView {
        ballot,
        electorate,
        departed,
        voters,
        count,
        concerns,
        group,
    })
}

/// Whether the actor may read what is private to the TSC.
fn reads_private(actor: &Actor) -> bool {
    actor
        .require(Action::ReadPrivateDecisions, Facts::default())
        .is_ok()
}

impl App {
    /// Everything that may be shown of a ballot, for rendering.
    pub async fn ballot_view(&self, ballot_id: i64) -> AppResult<BallotView> {
        let mut conn = self.db().acquire().await?;
        load(&mut conn, ballot_id).await
    }

    /// A ballot of the actor's guild, for `/vote status`. A ballot on a private subject (a
    /// status review, a nomination) does not exist for whoever may not read private decisions.
    pub async fn ballot_status(&self, actor: &Actor, ballot_id: i64) -> AppResult<BallotView> {
        let mut conn = self.db().acquire().await?;
        let ballot = in_guild(&mut conn, actor.guild_id, ballot_id).await?;
        if ballot.subject.is_private() && !reads_private(actor) {
            return Err(not_found().into());
        }
        load(&mut conn, ballot_id).await
    }

    /// The open ballots the actor may know of (`/vote list` and the ballot autocomplete):
    /// those on private subjects only for the TSC.
    pub async fn visible_ballots(&self, actor: &Actor) -> AppResult<Vec<BallotView>> {
        let mut views = self.open_ballots(actor.guild_id).await?;
        if !reads_private(actor) {
            views.retain(|v| !v.ballot.subject.is_private());
        }
        Ok(views)
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
