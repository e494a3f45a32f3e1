//! How a ballot's ending becomes a decision: the one place that maps a ballot's subject to its
//! effect. It runs in the transaction that closes the ballot, so a decision and its effect are
//! never apart. Processes open ballots through `ballot::open`; their outcome comes back here.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::ballot::close::{Ending, close_in};
use super::ballot::view;
use super::{
    Actor, App, AppResult, annual_review, case, dissolution, nomination, release, rfc, succession,
    working_group,
};
use crate::governance::ballot::{self as rules, BallotError, Outcome, Subject, accepts_votes};
use crate::governance::permissions::{Action, Facts};
use crate::store::{self, ballot::Ballot};

/// The deadline job: decide the ballot and apply its effect. Idempotent: a ballot already closed
/// is left alone, so a job that runs twice announces once.
pub(super) async fn close_at_deadline(
    conn: &mut SqliteConnection,
    ballot_id: i64,
    now: DateTime<Utc>,
) -> AppResult<Option<Outcome>> {
    let Some((ballot, outcome)) = close_in(conn, ballot_id, Ending::Deadline, now).await? else {
        return Ok(None);
    };
    apply(conn, &ballot, outcome, now).await?;
    Ok(Some(outcome))
}

impl App {
    /// Closes a ballot at its deadline, as the job does (for tests and tools).
    pub async fn close_ballot(&self, ballot_id: i64) -> AppResult<Option<Outcome>> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let outcome = close_at_deadline(&mut tx, ballot_id, now).await?;
        tx.commit().await?;
        self.config_cache().clear();
        // A secret ballot's truncation is a job now due.
        self.wake();
        Ok(outcome)
    }

    /// Withdraws an open ballot, with a reason; announced. Only its opener may, and only until
    /// the first binding vote: after that it runs to its deadline. A ballot the bot opened (a
    /// status review) is withdrawn only by the bot. A ballot past its deadline is decided.
    pub async fn cancel_ballot(
        &self,
        actor: &Actor,
        ballot_id: i64,
        reason: &str,
    ) -> AppResult<Ballot> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let ballot = view::in_guild(&mut tx, actor.guild_id, ballot_id).await?;
        let facts = Facts {
            opener: ballot.opened_by == actor.user_id,
            subject: matches!(ballot.subject, Subject::Emeritus { member_id } if member_id == actor.user_id),
            ..Facts::default()
        };
        actor.require(Action::CancelBallot, facts)?;
        let reason = rules::validate_reason(reason)?;
        accepts_votes(ballot.open, ballot.closes_at, now)?;
        let binding_votes = store::ballot_votes::votes(&mut tx, ballot_id)
            .await?
            .iter()
            .filter(|v| v.binding)
            .count();
        rules::may_withdraw(u32::try_from(binding_votes).unwrap_or(u32::MAX))?;
        let ending = Ending::Cancel {
            by: actor.user_id,
            reason: Some(&reason),
        };
        let Some((ballot, outcome)) = close_in(&mut tx, ballot_id, ending, now).await? else {
            return Err(BallotError::Closed.into());
        };
        apply(&mut tx, &ballot, outcome, now).await?;
        let closed = view::in_guild(&mut tx, actor.guild_id, ballot_id).await?;
        tx.commit().await?;
        self.config_cache().clear();
        // A secret ballot's truncation is a job now due.
        self.wake();
        Ok(closed)
    }
}

/// What a decided ballot does, by its subject.
async fn apply(
    conn: &mut SqliteConnection,
    ballot: &Ballot,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let approved = outcome == Outcome::Approved;
    match &ballot.subject {
        // A plain vote decides its question; the announcement says the rest.
        Subject::General => Ok(()),
        Subject::WgCharter { wg_id } => {
            working_group::decided::charter(conn, *wg_id, approved, now).await
        }
        Subject::WgChair { wg_id, chair_id } => {
            working_group::decided::chair(conn, *wg_id, *chair_id, approved, now).await
        }
        Subject::WgClose { wg_id } => {
            working_group::decided::close(conn, *wg_id, approved, now).await
        }
        // A status review: approved moves the member to emeritus; otherwise they stay.
        Subject::Emeritus { member_id } => {
            succession::status_review::decided(conn, ballot, *member_id, approved, now).await
        }
        // RFCs and amendments: the proposal moves on; an approved amendment's policy changes
        // are applied here, validated again, in the transaction that closes the ballot.
        Subject::Rfc { rfc_id } | Subject::Amendment { rfc_id } => {
            rfc::decided::ballot_closed(conn, ballot, *rfc_id, outcome, now).await
        }
        // Nominations.
        // A nomination: approved grants the office; otherwise the nominee is told privately.
        Subject::Nomination { nomination_id } => {
            nomination::decided::decided(conn, ballot, *nomination_id, outcome, now).await
        }
        // Releases and dependencies.
        Subject::ReleasePlan { release_id } => {
            release::decided::plan(conn, ballot, *release_id, approved, now).await
        }
        Subject::ReleaseFinal { release_id } => {
            release::decided::final_approval(conn, ballot, *release_id, approved, now).await
        }
        // Cases, the annual review's publication, dissolution.
        Subject::ConflictDecision { case_id } => {
            case::conflict::ballot_decided(conn, *case_id, approved, now).await
        }
        Subject::AnnualReview { review_id } => {
            annual_review::publication::decided(conn, *review_id, approved, now).await
        }
        Subject::Dissolution { dissolution_id } => {
            dissolution::decided::proposal(conn, *dissolution_id, approved, now).await
        }
        Subject::DissolutionCallOff { dissolution_id } => {
            dissolution::decided::call_off(conn, *dissolution_id, approved, now).await
        }
    }
}
