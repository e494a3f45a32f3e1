//! Working-group membership: join requests decided by the chair, leaving and removal, each
//! keeping the group's Discord role in sync through the outbox.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::view::{active, in_guild, no_such_group};
use crate::app::outbox::{self, Notice};
use crate::app::{Actor, App, AppError, AppResult, UserError};
use crate::governance::permissions::{Action, Facts};
use crate::governance::working_group::{self as rules, WgError};
use crate::msg;
use crate::store::working_group::Group;
use crate::store::working_group_members as members;

impl App {
    /// Asks to join; the chair decides with buttons in the group's channel.
    pub async fn request_to_join(&self, actor: &Actor, name: &str) -> AppResult<Group> {
        let view = self.working_group(actor.guild_id, name).await?;
        active(&view.group)?;
        if view.members.contains(&actor.user_id) {
            return Err(WgError::AlreadyMember.into());
        }
        let config = self.guild_config(actor.guild_id).await?;
        let now = self.now();
        let refused = |e: WgError| match AppError::from(e) {
            AppError::User(error) => error.with_text("group", view.group.name.clone()).into(),
            other => other,
        };
        // Checked inside the write transaction: two requests at once ping the chair once.
        let mut tx = self.write_tx().await?;
        let (pending, declined) =
            members::request_history(&mut tx, view.group.id, actor.user_id).await?;
        let cooldown = config.policy.wg_join_cooldown_days;
        rules::check_join_request(pending, declined, cooldown, now).map_err(refused)?;
        let Some(request_id) =
            members::insert_request(&mut tx, view.group.id, actor.user_id, now).await?
        else {
            return Err(refused(WgError::JoinPending { asked_at: now }));
        };
        outbox::queue(
            &mut tx,
            actor.guild_id,
            &Notice::WgJoinRequested { request_id },
            now,
        )
        .await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(view.group)
    }

    /// The chair (or a TSC member) approves or declines a join request; returns the group and
    /// the member concerned.
    pub async fn decide_join(
        &self,
        actor: &Actor,
        request_id: i64,
        approve: bool,
    ) -> AppResult<(Group, u64)> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let request = members::get_request(&mut tx, request_id)
            .await?
            .ok_or_else(no_such_group)?;
        let group = in_guild(&mut tx, actor.guild_id, request.wg_id).await?;
        let facts = Facts {
            chair: group.chair_id == actor.user_id,
            ..Facts::default()
        };
        actor.require(Action::ManageWorkingGroup, facts)?;
        active(&group)?;
        if !members::decide_request(&mut tx, request_id, approve, actor.user_id, now).await? {
            return Err(UserError::new(msg!("wg-error-request-decided")).into());
        }
        if approve && members::add_member(&mut tx, group.id, request.user_id, now).await? {
            queue_role(&mut tx, &group, request.user_id, true, now).await?;
        }
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok((group, request.user_id))
    }

    /// Leaves a group (the chair stays until the TSC appoints another).
    pub async fn leave_working_group(&self, actor: &Actor, name: &str) -> AppResult<Group> {
        let view = self.working_group(actor.guild_id, name).await?;
        active(&view.group)?;
        if view.group.chair_id == actor.user_id {
            return Err(WgError::ChairCannotLeave.into());
        }
        self.end_membership(&view.group, actor.user_id).await?;
        Ok(view.group)
    }

    /// The chair (or a TSC member) removes a member.
    pub async fn remove_from_working_group(
        &self,
        actor: &Actor,
        name: &str,
        member: u64,
    ) -> AppResult<Group> {
        let view = self.working_group(actor.guild_id, name).await?;
        let facts = Facts {
            chair: view.group.chair_id == actor.user_id,
            ..Facts::default()
        };
        actor.require(Action::ManageWorkingGroup, facts)?;
        active(&view.group)?;
        if view.group.chair_id == member {
            return Err(WgError::ChairCannotLeave.into());
        }
        self.end_membership(&view.group, member).await?;
        Ok(view.group)
    }

    async fn end_membership(&self, group: &Group, member: u64) -> AppResult<()> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        if !members::remove_member(&mut tx, group.id, member, now).await? {
            return Err(WgError::NotMember.into());
        }
        queue_role(&mut tx, group, member, false, now).await?;
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(())
    }
}

/// Gives or takes the group's role (once the group has one). One pending change per member and
/// group: a later change replaces an undelivered one (and one in flight is sent again), so the
/// latest wins even across retries.
pub(crate) async fn queue_role(
    conn: &mut SqliteConnection,
    group: &Group,
    user_id: u64,
    add: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let notice = Notice::WgMemberRole {
        wg_id: group.id,
        user_id,
        add,
    };
    outbox::queue(conn, group.guild_id, &notice, now)
        .await
        .map(drop)
}
