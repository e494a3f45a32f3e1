//! Reading working groups: by name, by id, the guild's list, with members and reports.

use sqlx::SqliteConnection;

use crate::app::{App, AppError, AppResult, UserError};
use crate::governance::working_group::{self as rules, Status, WgError};
use crate::msg;
use crate::store::working_group::{self as repo, Group};
use crate::store::working_group_members::{self as members, JoinRequest, Report};

/// A group with its current members and reporting record.
#[derive(Debug, Clone)]
pub struct GroupView {
    pub group: Group,
    pub members: Vec<u64>,
    pub reports: i64,
}

pub(crate) fn no_such_group() -> AppError {
    UserError::new(msg!("wg-error-not-found")).into()
}

/// Only an active group takes members, reports and proposals.
pub(crate) fn active(group: &Group) -> AppResult<()> {
    if group.status == Status::Active {
        Ok(())
    } else {
        Err(WgError::NotActive.into())
    }
}

/// The group, if it exists and belongs to the guild.
pub(crate) async fn in_guild(
    conn: &mut SqliteConnection,
    guild_id: u64,
    wg_id: i64,
) -> AppResult<Group> {
    match repo::get(conn, wg_id).await? {
        Some(g) if g.guild_id == guild_id => Ok(g),
        _ => Err(no_such_group()),
    }
}

async fn view_of(conn: &mut SqliteConnection, group: Group) -> AppResult<GroupView> {
    let members = members::members(conn, group.id).await?;
    let (reports, _) = members::report_stats(conn, group.id).await?;
    Ok(GroupView {
        group,
        members,
        reports,
    })
}

impl App {
    /// A group of the guild by its name (as typed, or its channel name).
    pub async fn working_group(&self, guild_id: u64, name: &str) -> AppResult<GroupView> {
        let mut conn = self.db().acquire().await?;
        let group = repo::find_by_slug(&mut conn, guild_id, &rules::slug(name))
            .await?
            .ok_or_else(no_such_group)?;
        view_of(&mut conn, group).await
    }

    /// The document's "Current Working Groups" list.
    pub async fn working_groups(&self, guild_id: u64) -> AppResult<Vec<Group>> {
        let mut conn = self.db().acquire().await?;
        Ok(repo::list(&mut conn, guild_id).await?)
    }

    /// A group with its members, for the publisher.
    pub async fn group_by_id(&self, wg_id: i64) -> AppResult<GroupView> {
        let mut conn = self.db().acquire().await?;
        let group = repo::get(&mut conn, wg_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("working group {wg_id} vanished"))?;
        view_of(&mut conn, group).await
    }

    /// The current members, for taking the role back when the group closes.
    pub async fn group_members(&self, wg_id: i64) -> AppResult<Vec<u64>> {
        let mut conn = self.db().acquire().await?;
        Ok(members::members(&mut conn, wg_id).await?)
    }

    /// A report with its group, for the publisher.
    pub async fn report_by_id(&self, report_id: i64) -> AppResult<(Group, Report)> {
        let mut conn = self.db().acquire().await?;
        let report = members::get_report(&mut conn, report_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("report {report_id} vanished"))?;
        let group = repo::get(&mut conn, report.wg_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("working group {} vanished", report.wg_id))?;
        Ok((group, report))
    }

    /// A join request with its group, for the publisher.
    pub async fn join_request(&self, request_id: i64) -> AppResult<(Group, JoinRequest)> {
        let mut conn = self.db().acquire().await?;
        let request = members::get_request(&mut conn, request_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("join request {request_id} vanished"))?;
        let group = repo::get(&mut conn, request.wg_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("working group {} vanished", request.wg_id))?;
        Ok((group, request))
    }
}
