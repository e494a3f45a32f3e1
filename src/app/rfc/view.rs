//! Reading proposals: by number, the guild's list, and everything a card shows.

use sqlx::SqliteConnection;

use crate::app::{App, AppError, AppResult, UserError};
use crate::governance::rfc::{FeedbackCount, Kind, Status};
use crate::msg;
use crate::store::amendment::{self as amendments, Changes};
use crate::store::ballot::{self as ballots, Ballot};
use crate::store::rfc::{self as repo, Rfc};
use crate::store::rfc_history::{self as history, Feedback, Revision};

/// A proposal with everything its card shows.
#[derive(Debug, Clone)]
pub struct RfcView {
    pub rfc: Rfc,
    pub revisions: Vec<Revision>,
    pub feedback: Vec<Feedback>,
    pub count: FeedbackCount,
    /// An amendment's policy changes (empty for an RFC).
    pub changes: Changes,
    /// The TSC's latest ballot on it.
    pub ballot: Option<Ballot>,
}

impl RfcView {
    /// The concerns given as feedback: (member, concern).
    pub fn concerns(&self) -> impl Iterator<Item = (u64, &str)> {
        self.feedback
            .iter()
            .filter_map(|f| Some((f.member_id, f.concern.as_deref()?)))
    }
}

pub(crate) fn not_found(kind: Kind) -> AppError {
    let id = match kind {
        Kind::Rfc => msg!("rfc-error-not-found"),
        Kind::Amendment => msg!("amendment-error-not-found"),
    };
    UserError::new(id).into()
}

/// A guild's opened proposal of a kind by its number.
pub(crate) async fn by_number(
    conn: &mut SqliteConnection,
    guild_id: u64,
    kind: Kind,
    number: i64,
) -> AppResult<Rfc> {
    repo::by_number(conn, guild_id, kind, number)
        .await?
        .filter(|r| r.status != Status::Draft)
        .ok_or_else(|| not_found(kind))
}

pub(crate) async fn load(conn: &mut SqliteConnection, rfc: Rfc) -> AppResult<RfcView> {
    let revisions = history::revisions(conn, rfc.id).await?;
    let feedback = history::feedback(conn, rfc.id).await?;
    let count = FeedbackCount::of(feedback.iter().map(|f| f.stance));
    let changes = amendments::get(conn, rfc.id).await?;
    let ballot = match rfc.ballot_id {
        Some(id) => ballots::get(conn, id).await?,
        None => None,
    };
    Ok(RfcView {
        rfc,
        revisions,
        feedback,
        count,
        changes,
        ballot,
    })
}

impl App {
    /// A proposal of the guild by kind and number, for `/rfc info`.
    pub async fn rfc(&self, guild_id: u64, kind: Kind, number: i64) -> AppResult<RfcView> {
        let mut conn = self.db().acquire().await?;
        let rfc = by_number(&mut conn, guild_id, kind, number).await?;
        load(&mut conn, rfc).await
    }

    /// A proposal by its id, for the publisher.
    pub async fn rfc_by_id(&self, rfc_id: i64) -> AppResult<RfcView> {
        let mut conn = self.db().acquire().await?;
        let rfc = repo::get(&mut conn, rfc_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("rfc {rfc_id} vanished"))?;
        load(&mut conn, rfc).await
    }

    /// The guild's proposals of a kind, newest first, optionally of one status.
    pub async fn rfcs(
        &self,
        guild_id: u64,
        kind: Kind,
        status: Option<Status>,
    ) -> AppResult<Vec<Rfc>> {
        let mut conn = self.db().acquire().await?;
        Ok(repo::list(&mut conn, guild_id, kind, status).await?)
    }

    /// One step of a proposal's history with the proposal, for the publisher.
    pub async fn rfc_event(
        &self,
        event_id: i64,
    ) -> AppResult<(RfcView, crate::store::rfc_history::Event)> {
        let mut conn = self.db().acquire().await?;
        let event = history::event(&mut conn, event_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("rfc event {event_id} vanished"))?;
        let rfc = repo::get(&mut conn, event.rfc_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("rfc {} vanished", event.rfc_id))?;
        Ok((load(&mut conn, rfc).await?, event))
    }
}
