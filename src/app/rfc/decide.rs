//! `/rfc decide`: once the discussion period is over, the TSC opens its ballot on the proposal.

use serde_json::json;

use super::steps::{self, Step};
use super::view::{RfcView, by_number, load};
use crate::app::ballot::open::{StartBallot, open_in};
use crate::app::{Actor, App, AppResult};
use crate::governance::ballot::Subject;
use crate::governance::permissions::{Action, Facts};
use crate::governance::rfc::{Event, Kind};
use crate::store::ballot::Ballot;
use crate::store::rfc::{self as repo, Rfc};

/// The ballot on a proposal, as the Discord layer prepares it (its texts in the guild's
/// language, where it is posted, the TSC right now).
#[derive(Debug, Clone)]
pub struct RfcBallot {
    pub title: String,
    pub description: String,
    pub channel_id: u64,
    pub electorate: Vec<u64>,
}

impl App {
    /// Whether the TSC may decide the proposal now, checked before the TSC is read from
    /// Discord; returns what the ballot's texts are made of.
    pub async fn decidable_rfc(
        &self,
        actor: &Actor,
        kind: Kind,
        number: i64,
    ) -> AppResult<RfcView> {
        self.guild_config(actor.guild_id).await?;
        actor.require(Action::DecideRfc, Facts::default())?;
        let mut conn = self.db().acquire().await?;
        let rfc = by_number(&mut conn, actor.guild_id, kind, number).await?;
        steps::check(&rfc, Event::Decide, self.now())?;
        load(&mut conn, rfc).await
    }

    /// Opens the TSC's ballot on the proposal. Everything is checked again inside the write
    /// transaction, so two decisions at once open one ballot.
    pub async fn decide_rfc(
        &self,
        actor: &Actor,
        kind: Kind,
        number: i64,
        ballot: RfcBallot,
    ) -> AppResult<(Rfc, Ballot)> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::DecideRfc, Facts::default())?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let rfc = by_number(&mut tx, actor.guild_id, kind, number).await?;
        let (to, effects) = steps::check(&rfc, Event::Decide, now)?;
        let subject = match kind {
            Kind::Rfc => Subject::Rfc { rfc_id: rfc.id },
            Kind::Amendment => Subject::Amendment { rfc_id: rfc.id },
        };
        let start = StartBallot {
            title: ballot.title,
            description: ballot.description,
            duration: None,
            secret: false,
            channel_id: ballot.channel_id,
            electorate: ballot.electorate,
        };
        let opened = open_in(&mut tx, &config, actor.user_id, &start, &subject, now).await?;
        repo::set_ballot(&mut tx, rfc.id, opened.id).await?;
        let step = Step {
            to,
            effects: &effects,
            name: to.key(),
            actor: Some(actor.user_id),
            details: json!({ "ballot": opened.id }),
        };
        steps::commit(&mut tx, &rfc, step, now).await?;
        tx.commit().await?;
        tracing::info!(
            rfc_id = rfc.id,
            ballot_id = opened.id,
            "proposal put to the TSC"
        );
        self.wake();
        Ok((rfc, opened))
    }
}
