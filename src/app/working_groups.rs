//! Working groups, as members drive them: propose under a charter, join, leave, report, and
//! ask the TSC to change the chair or close the group.

use super::ballots::{StartBallot, open_ballot_in};
use super::outbox::{self, Notice};
use super::{Actor, App, AppError, AppResult, UserError};
use crate::governance::ballot::Subject;
use crate::governance::roles::GovRole;
use crate::governance::working_group::{self as rules, Charter, Status, WgError};
use crate::msg;
use crate::scheduler::{self, Job};
use crate::store::ballots::Ballot;
use crate::store::working_groups::{self as repo, Group, NewGroup};

/// What `/wg create` collects before the charter form.
#[derive(Debug, Clone, Default)]
pub struct CreateGroup {
    pub name: String,
    pub focus: String,
    pub chair_id: u64,
    /// Mentions or ids of founding members.
    pub members: String,
    pub report_every: Option<String>,
    pub ends_on: Option<String>,
}

/// A ballot about a group, as the Discord layer prepares it (localized title, where it is
/// posted, the TSC right now).
#[derive(Debug, Clone)]
pub struct GroupBallot {
    pub title: String,
    pub description: String,
    pub channel_id: u64,
    pub electorate: Vec<u64>,
}

/// A group with its current members and reporting record.
#[derive(Debug, Clone)]
pub struct GroupView {
    pub group: Group,
    pub members: Vec<u64>,
    pub reports: i64,
}

pub(super) fn no_such_group() -> AppError {
    UserError::new(msg!("wg-error-not-found")).into()
}

pub(super) fn active(group: &Group) -> AppResult<()> {
    if group.status == Status::Active {
        Ok(())
    } else {
        Err(WgError::NotActive.into())
    }
}

impl App {
    /// Checks everything `/wg create` typed and keeps it as a draft until the charter form is
    /// submitted; returns the draft's id.
    pub async fn draft_working_group(&self, actor: &Actor, input: CreateGroup) -> AppResult<i64> {
        self.guild_config(actor.guild_id).await?;
        if !rules::may_propose(&actor.standing) {
            return Err(WgError::NotAllowedToPropose.into());
        }
        let name = rules::validate_name(&input.name)?;
        let slug = rules::slug(&name);
        let focus = rules::validate_focus(&input.focus)?;
        let cadence = rules::report_cadence(input.report_every.as_deref())?;
        let now = self.now();
        let ends_at = rules::end_date(input.ends_on.as_deref(), now)?;
        let founding = rules::founding_members(&input.members, input.chair_id)?;
        let mut tx = self.write_tx().await?;
        repo::delete_stale_drafts(&mut tx, now - chrono::Duration::days(1)).await?;
        if repo::slug_taken(&mut tx, actor.guild_id, &slug).await? {
            return Err(UserError::new(msg!("wg-error-name-taken")).into());
        }
        let id = repo::insert_draft(
            &mut tx,
            &NewGroup {
                guild_id: actor.guild_id,
                name: &name,
                slug: &slug,
                focus: &focus,
                chair_id: input.chair_id,
                proposed_by: actor.user_id,
                report_every_days: cadence,
                ends_at,
                founding: &founding,
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The charter form was submitted: the draft goes before the TSC as a ballot.
    pub async fn propose_working_group(
        &self,
        actor: &Actor,
        draft_id: i64,
        charter: &Charter,
        ballot: GroupBallot,
    ) -> AppResult<(Group, Ballot)> {
        let config = self.guild_config(actor.guild_id).await?;
        let charter = charter.validated()?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let group = match repo::get(&mut tx, draft_id).await? {
            Some(g)
                if g.guild_id == actor.guild_id
                    && g.proposed_by == actor.user_id
                    && g.status == Status::Draft =>
            {
                g
            }
            _ => return Err(no_such_group()),
        };
        if repo::slug_taken(&mut tx, actor.guild_id, &group.slug).await? {
            return Err(UserError::new(msg!("wg-error-name-taken")).into());
        }
        let opened = open_ballot_in(
            &mut tx,
            &config,
            actor.user_id,
            &StartBallot {
                title: ballot.title,
                description: ballot.description,
                duration: None,
                secret: false,
                channel_id: ballot.channel_id,
                electorate: ballot.electorate,
            },
            &Subject::WgCharter { wg_id: group.id },
            now,
        )
        .await?;
        repo::propose(&mut tx, group.id, &charter, opened.id).await?;
        let group = repo::get(&mut tx, group.id)
            .await?
            .ok_or_else(no_such_group)?;
        tx.commit().await?;
        tracing::info!(
            guild_id = actor.guild_id,
            wg_id = group.id,
            ballot_id = opened.id,
            "working group proposed"
        );
        self.wake();
        Ok((group, opened))
    }

    /// A group of the guild by its name (as typed, or its channel name).
    pub async fn working_group(&self, guild_id: u64, name: &str) -> AppResult<GroupView> {
        let mut conn = self.db().acquire().await?;
        let group = repo::find_by_slug(&mut conn, guild_id, &rules::slug(name))
            .await?
            .ok_or_else(no_such_group)?;
        let members = crate::store::wg_members::members(&mut conn, group.id).await?;
        let (reports, _) = crate::store::wg_members::report_stats(&mut conn, group.id).await?;
        Ok(GroupView {
            group,
            members,
            reports,
        })
    }

    /// The document's "Current Working Groups" list.
    pub async fn working_groups(&self, guild_id: u64) -> AppResult<Vec<Group>> {
        let mut conn = self.db().acquire().await?;
        Ok(repo::list(&mut conn, guild_id).await?)
    }

    /// The chair files a report: recorded, posted where the TSC reads it, and the next one
    /// falls due a cadence later.
    pub async fn submit_report(&self, actor: &Actor, wg_id: i64, body: &str) -> AppResult<Group> {
        let body = rules::validate_report(body)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let group = match repo::get(&mut tx, wg_id).await? {
            Some(g) if g.guild_id == actor.guild_id => g,
            _ => return Err(no_such_group()),
        };
        active(&group)?;
        if group.chair_id != actor.user_id {
            return Err(UserError::new(msg!("wg-error-only-chair-reports")).into());
        }
        let report_id =
            crate::store::wg_members::insert_report(&mut tx, group.id, actor.user_id, &body, now)
                .await?;
        // A report is activity for succession planning.
        crate::store::roster::touch(&mut tx, actor.guild_id, actor.user_id, now).await?;
        let due = rules::next_report_due(now, group.report_every_days);
        repo::set_next_report_due(&mut tx, group.id, due).await?;
        scheduler::schedule(&mut tx, &report_due_job(group.id, due), due, now).await?;
        outbox::enqueue(
            &mut tx,
            group.guild_id,
            &format!("wg-report:{report_id}"),
            &Notice::WgReportPosted { report_id },
            now,
        )
        .await?;
        tx.commit().await?;
        self.wake();
        Ok(group)
    }

    /// Puts a new chair to a TSC ballot (proposed by the TSC or the current chair).
    pub async fn propose_chair(
        &self,
        actor: &Actor,
        name: &str,
        chair_id: u64,
        ballot: GroupBallot,
    ) -> AppResult<Ballot> {
        let view = self.working_group(actor.guild_id, name).await?;
        rules::may_manage(&actor.standing, view.group.chair_id == actor.user_id)?;
        active(&view.group)?;
        if view.group.chair_id == chair_id {
            return Err(UserError::new(msg!("wg-error-already-chair")).into());
        }
        self.open_group_ballot(
            actor,
            &view.group,
            ballot,
            Subject::WgChair {
                wg_id: view.group.id,
                chair_id,
            },
        )
        .await
    }

    /// Puts closing the group to a TSC ballot (TSC only).
    pub async fn propose_close(
        &self,
        actor: &Actor,
        wg_id: i64,
        ballot: GroupBallot,
    ) -> AppResult<Ballot> {
        if !actor.standing.roles.has(GovRole::Tsc) {
            return Err(UserError::new(msg!("error-needs-tsc")).into());
        }
        let group = {
            let mut conn = self.db().acquire().await?;
            match repo::get(&mut conn, wg_id).await? {
                Some(g) if g.guild_id == actor.guild_id => g,
                _ => return Err(no_such_group()),
            }
        };
        active(&group)?;
        self.open_group_ballot(actor, &group, ballot, Subject::WgClose { wg_id })
            .await
    }

    async fn open_group_ballot(
        &self,
        actor: &Actor,
        group: &Group,
        ballot: GroupBallot,
        subject: Subject,
    ) -> AppResult<Ballot> {
        let config = self.guild_config(actor.guild_id).await?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        // One decision at a time per group: a chair or closing ballot still open blocks another.
        if let Some(open) = group.ballot_id
            && crate::store::ballots::get(&mut tx, open)
                .await?
                .is_some_and(|b| b.open)
        {
            return Err(UserError::new(msg!("wg-error-ballot-open"))
                .with("id", open)
                .into());
        }
        let opened = open_ballot_in(
            &mut tx,
            &config,
            actor.user_id,
            &StartBallot {
                title: ballot.title,
                description: ballot.description,
                duration: None,
                secret: false,
                channel_id: ballot.channel_id,
                electorate: ballot.electorate,
            },
            &subject,
            now,
        )
        .await?;
        repo::set_ballot(&mut tx, group.id, Some(opened.id)).await?;
        tx.commit().await?;
        self.wake();
        Ok(opened)
    }
}

/// The job that reminds the chair of a report due at `due`.
pub(super) fn report_due_job(wg_id: i64, due: chrono::DateTime<chrono::Utc>) -> Job {
    Job::WgReportDue {
        wg_id,
        due_ms: due.timestamp_millis(),
    }
}

/// Gives or takes the group's role (once the group has one).
pub(super) async fn queue_role(
    conn: &mut sqlx::SqliteConnection,
    group: &Group,
    user_id: u64,
    add: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<()> {
    let notice = Notice::WgMemberRole {
        wg_id: group.id,
        user_id,
        add,
    };
    // One pending change per member and group: a later change replaces an undelivered one
    // (and one in flight is sent again), so the latest wants wins even across retries.
    let key = format!("wg-role:{}:{user_id}", group.id);
    outbox::enqueue(conn, group.guild_id, &key, &notice, now).await
}
