//! Community feedback on a proposal: support, neutral or a concern with a short text; one per
//! member, changeable, shown on the card and never binding.

use super::steps;
use crate::app::{Actor, App, AppResult};
use crate::governance::rfc::{self as rules, Event, Kind, Stance};
use crate::store::rfc::{self as repo, Rfc};
use crate::store::{rfc_history as history, roster};

/// What the member is told once their feedback is committed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackReceipt {
    pub rfc: Rfc,
    pub stance: Stance,
    /// They had given feedback before and changed it.
    pub changed: bool,
}

impl App {
    /// Gives or changes the member's feedback on a proposal (by its id, as the card's buttons
    /// carry it).
    pub async fn give_feedback(
        &self,
        actor: &Actor,
        rfc_id: i64,
        stance: Stance,
        concern: Option<&str>,
    ) -> AppResult<FeedbackReceipt> {
        let concern = rules::feedback(stance, concern)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let rfc = match repo::get(&mut tx, rfc_id).await? {
            Some(r) if r.guild_id == actor.guild_id => r,
            Some(r) => return Err(super::view::not_found(r.kind)),
            None => return Err(super::view::not_found(Kind::Rfc)),
        };
        steps::check(&rfc, Event::Feedback, now)?;
        let changed = history::upsert_feedback(
            &mut tx,
            rfc.id,
            actor.user_id,
            stance,
            concern.as_deref(),
            now,
        )
        .await?;
        steps::refresh_card(&mut tx, &rfc, now).await?;
        roster::touch(&mut tx, actor.guild_id, actor.user_id, now).await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(FeedbackReceipt {
            rfc,
            stance,
            changed,
        })
    }
}
