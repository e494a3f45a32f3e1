//! The contact step ("after 3 months of inactivity, they are contacted"): the member's answer
//! to the DM, and what happens when the DM cannot be delivered.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::status_review;
use crate::app::ballot::close::{Ending, close_in};
use crate::app::outbox::{self, Notice};
use crate::app::{App, AppResult, UserError};
use crate::governance::ballot::Subject;
use crate::governance::succession::{self, Step};
use crate::msg;
use crate::store::ballot as ballots;
use crate::store::guild;
use crate::store::roster as roster_repo;
use crate::store::succession::{self as repo, Resolution};

/// What the member chose in the contact DM.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactAnswer {
    StillActive,
    Emeritus,
}

impl App {
    /// The member's answer to the contact DM. Buttons arrive in DMs, so the guild comes from
    /// the stored step; only the member contacted may answer. Either answer settles what a
    /// status review would ask: an open review of the member is withdrawn.
    pub async fn answer_contact(
        &self,
        user_id: u64,
        step_id: i64,
        answer: ContactAnswer,
    ) -> AppResult<ContactAnswer> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let step = repo::get(&mut tx, step_id)
            .await?
            .filter(|s| s.member_id == user_id && s.step == Step::Contact)
            .ok_or_else(|| UserError::new(msg!("error-unknown-action")))?;
        let guild_id = step.guild_id;
        let config = guild::get(&mut tx, guild_id)
            .await?
            .ok_or_else(|| UserError::new(msg!("error-not-configured")))?;
        let entry = roster_repo::get(&mut tx, guild_id, user_id).await?;
        if !entry.is_some_and(|e| e.in_guild && succession::holds_office(&e.role_set())) {
            return Err(UserError::new(msg!("error-succession-no-office")).into());
        }
        match answer {
            ContactAnswer::StillActive => {
                // The answer is itself activity: the clock starts again.
                roster_repo::touch(&mut tx, guild_id, user_id, now).await?;
                if repo::resolve(&mut tx, step_id, Resolution::Active, now).await? {
                    let notice = Notice::InactivityAnswered {
                        member_id: user_id,
                        step_id,
                    };
                    outbox::queue(&mut tx, guild_id, &notice, now).await?;
                }
            }
            ContactAnswer::Emeritus => {
                status_review::move_to_emeritus(&mut tx, &config, user_id, now).await?;
            }
        }
        for ballot in ballots::list_open(&mut tx, guild_id).await? {
            if matches!(ballot.subject, Subject::Emeritus { member_id } if member_id == user_id) {
                // No reason text: the Discord layer says the member answered.
                let ending = Ending::Cancel {
                    by: user_id,
                    reason: None,
                };
                if let Some((ballot, _)) = close_in(&mut tx, ballot.id, ending, now).await? {
                    status_review::decided(&mut tx, &ballot, user_id, false, now).await?;
                }
            }
        }
        tx.commit().await?;
        self.wake();
        Ok(answer)
    }
}

/// The contact DM was refused for good (closed DMs): recorded, and the TSC is told instead.
pub(crate) async fn undeliverable(
    conn: &mut SqliteConnection,
    guild_id: u64,
    step_id: i64,
    member_id: u64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    repo::mark_dm_failed(conn, step_id, now).await?;
    let notice = Notice::InactivityDmUndeliverable { member_id, step_id };
    outbox::queue(conn, guild_id, &notice, now).await?;
    tracing::info!(
        guild_id,
        member_id,
        step_id,
        "contact DM undeliverable; TSC told"
    );
    Ok(())
}
