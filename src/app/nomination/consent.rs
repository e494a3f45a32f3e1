//! "The nominee confirms their interest": their answer (the DM's buttons, or `/nominate
//! respond` when their DMs are closed), the deadline, and a DM that could not be delivered.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{not_found, step};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::nomination::{Event, State};
use crate::governance::permissions::{Action, Facts};
use crate::governance::roles::Standing;
use crate::msg;
use crate::store::guild;
use crate::store::nomination::{self as repo, Nomination};

impl App {
    /// The nominee accepts or declines. Buttons arrive in DMs, so the guild comes from the
    /// stored nomination; only the nominee may answer.
    pub async fn answer_nomination(
        &self,
        user_id: u64,
        nomination_id: i64,
        accept: bool,
    ) -> AppResult<Nomination> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let nomination = repo::get(&mut tx, nomination_id)
            .await?
            .filter(|n| n.state != State::Draft)
            .ok_or_else(not_found)?;
        // In a DM the member has no roles to show; answering is theirs alone either way.
        let actor = Actor {
            guild_id: nomination.guild_id,
            user_id,
            standing: Standing::default(),
        };
        let facts = Facts {
            themselves: user_id == nomination.nominee_id,
            ..Facts::default()
        };
        actor.require(Action::AnswerNomination, facts)?;
        let config = guild::get(&mut tx, nomination.guild_id)
            .await?
            .ok_or_else(not_found)?;
        let event = if accept {
            Event::Accept
        } else {
            Event::Decline
        };
        let nomination = step(&mut tx, &config, &nomination, event, now).await?;
        tx.commit().await?;
        self.wake();
        Ok(nomination)
    }

    /// `/nominate respond`: the member's nomination that waits for their answer.
    pub async fn awaiting_answer(&self, guild_id: u64, user_id: u64) -> AppResult<Nomination> {
        self.guild_config(guild_id).await?;
        let mut conn = self.db().acquire().await?;
        repo::open_for_member(&mut conn, guild_id, user_id)
            .await?
            .filter(|n| n.state == State::AwaitingConsent && n.confirm_by > Some(self.now()))
            .ok_or_else(|| UserError::new(msg!("nomination-error-nothing-to-answer")).into())
    }
}

/// The confirmation deadline (a job): a nominee who has not answered is taken to decline
/// quietly. A job that finds the nomination answered, or not yet due, does nothing.
pub(crate) async fn expire(
    conn: &mut SqliteConnection,
    nomination_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(nomination) = repo::get(conn, nomination_id).await? else {
        return Ok(());
    };
    if nomination.state != State::AwaitingConsent {
        return Ok(());
    }
    let Some(config) = guild::get(conn, nomination.guild_id).await? else {
        return Ok(());
    };
    if nomination.confirm_by.is_some_and(|by| now < by) {
        return Ok(());
    }
    step(conn, &config, &nomination, Event::Expire, now).await?;
    Ok(())
}

/// The consent DM was refused for good (closed DMs): recorded; the TSC and the nominator are
/// told, and the nominee can still answer with `/nominate respond` until the deadline.
pub(crate) async fn invite_undeliverable(
    conn: &mut SqliteConnection,
    nomination_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(nomination) = repo::get(conn, nomination_id)
        .await?
        .filter(|n| n.state == State::AwaitingConsent && n.dm_failed_at.is_none())
    else {
        return Ok(());
    };
    let Some(config) = guild::get(conn, nomination.guild_id).await? else {
        return Ok(());
    };
    repo::set_dm_failed(conn, nomination_id, now).await?;
    step(conn, &config, &nomination, Event::ConsentDmFailed, now).await?;
    Ok(())
}
