//! The steps members take on an open proposal besides the decision: revising it (its author,
//! maintainers or the TSC), withdrawing it (its author), postponing it (the TSC, with a reason).

use serde_json::json;

use super::steps::{self, Step};
use super::view::by_number;
use crate::app::{Actor, App, AppResult};
use crate::governance::permissions::{Action, Facts};
use crate::governance::rfc::{self as rules, Event, Kind};
use crate::store::rfc::Rfc;
use crate::store::{rfc_history as history, roster};

/// The author's standing toward a proposal.
fn author_facts(rfc: &Rfc, actor: &Actor) -> Facts {
    Facts {
        opener: rfc.author_id == actor.user_id,
        ..Facts::default()
    }
}

impl App {
    /// Records a numbered revision, told in the thread and shown on the card. Refused while
    /// the TSC votes.
    pub async fn revise_rfc(
        &self,
        actor: &Actor,
        kind: Kind,
        number: i64,
        what_changed: &str,
        link: Option<&str>,
    ) -> AppResult<(Rfc, i64)> {
        let what_changed = rules::validate_what_changed(what_changed)?;
        let link = match link.map(str::trim).filter(|l| !l.is_empty()) {
            Some(l) => Some(rules::validate_link(l)?),
            None => None,
        };
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let rfc = by_number(&mut tx, actor.guild_id, kind, number).await?;
        actor.require(Action::ReviseRfc, author_facts(&rfc, actor))?;
        let (to, effects) = steps::check(&rfc, Event::Revise, now)?;
        let revision = history::add_revision(
            &mut tx,
            rfc.id,
            actor.user_id,
            &what_changed,
            link.as_deref(),
            now,
        )
        .await?;
        let step = Step {
            to,
            effects: &effects,
            name: "revised",
            actor: Some(actor.user_id),
            details: json!({ "revision": revision, "what_changed": what_changed, "link": link }),
        };
        steps::commit(&mut tx, &rfc, step, now).await?;
        roster::touch(&mut tx, actor.guild_id, actor.user_id, now).await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok((rfc, revision))
    }

    /// The author withdraws their proposal.
    pub async fn withdraw_rfc(&self, actor: &Actor, kind: Kind, number: i64) -> AppResult<Rfc> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let rfc = by_number(&mut tx, actor.guild_id, kind, number).await?;
        actor.require(Action::WithdrawRfc, author_facts(&rfc, actor))?;
        let (to, effects) = steps::check(&rfc, Event::Withdraw, now)?;
        let step = Step {
            to,
            effects: &effects,
            name: to.key(),
            actor: Some(actor.user_id),
            details: json!({}),
        };
        steps::commit(&mut tx, &rfc, step, now).await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(rfc)
    }

    /// The TSC postpones a proposal, with a reason; it may be revised and decided later.
    pub async fn postpone_rfc(
        &self,
        actor: &Actor,
        kind: Kind,
        number: i64,
        reason: &str,
    ) -> AppResult<Rfc> {
        actor.require(Action::PostponeRfc, Facts::default())?;
        let reason = rules::validate_reason(reason)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let rfc = by_number(&mut tx, actor.guild_id, kind, number).await?;
        let (to, effects) = steps::check(&rfc, Event::Postpone, now)?;
        crate::store::rfc::set_postpone_reason(&mut tx, rfc.id, &reason).await?;
        let step = Step {
            to,
            effects: &effects,
            name: to.key(),
            actor: Some(actor.user_id),
            details: json!({ "reason": reason }),
        };
        steps::commit(&mut tx, &rfc, step, now).await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(rfc)
    }
}
