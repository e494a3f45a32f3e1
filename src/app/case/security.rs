//! Security reports: filed by anyone (in the server or by DM), read by the security response
//! team only (the TSC only where no team is mapped), acknowledged, reminded after
//! `security_ack_hours`, resolved; the reporter is told each step by DM.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{RESOLVED_BY_SECURITY_TEAM, closed, holders, in_guild, note, refresh, sync_thread};
use crate::app::case::notes::{CaseNote, ReporterNote};
use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::case::security::{self as rules, Effect, Event, Step};
use crate::governance::case::{self, CaseStep, Kind};
use crate::governance::permissions::{Action, Facts};
use crate::governance::roles::GovRole;
use crate::msg;
use crate::store::case::{self as repo, Case, NewCase};
use crate::store::guild::{self, GuildConfig};

/// What a security report carries.
#[derive(Debug, Clone, Default)]
pub struct SecurityReport {
    pub title: String,
    pub details: String,
}

/// What a handler does with a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handling {
    Acknowledge,
    Resolve,
}

/// Who handles the guild's reports, and under which entry of the permission table.
async fn handlers(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
) -> sqlx::Result<(Vec<u64>, Action)> {
    let team_mapped = config.role_id(GovRole::SecurityTeam).is_some();
    let team = holders(conn, config.guild_id, GovRole::SecurityTeam).await?;
    let tsc = holders(conn, config.guild_id, GovRole::Tsc).await?;
    let action = if team_mapped {
        Action::HandleSecurityReport
    } else {
        Action::HandleSecurityReportAsTsc
    };
    Ok((rules::handlers(team_mapped, &team, &tsc), action))
}

impl App {
    /// Files a security report: a private thread in the security team's channel, with the team
    /// only; its acknowledgement is due within `security_ack_hours`.
    pub async fn report_security(&self, actor: &Actor, input: SecurityReport) -> AppResult<Case> {
        let config = self.guild_config(actor.guild_id).await?;
        let title = case::validate_text(&input.title, case::TITLE_MAX)?;
        let details = case::validate_text(&input.details, case::REPORT_MAX)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let (readers, _) = handlers(&mut tx, &config).await?;
        let id = repo::insert(
            &mut tx,
            &NewCase {
                guild_id: actor.guild_id,
                step: CaseStep::Security(Step::Open { reminded: false }),
                opened_by: actor.user_id,
                subject_id: None,
                title: Some(&title),
                body: &details,
                message_link: None,
                // The security team's channel (else the TSC's), looked up when the thread is
                // made.
                parent_channel_id: None,
                readers: &readers,
            },
            now,
        )
        .await?;
        let case = repo::get(&mut tx, id).await?.ok_or_else(super::not_found)?;
        sync_thread(&mut tx, &case, now).await?;
        let due = rules::ack_due(now, &config.policy);
        schedule::schedule(&mut tx, &Job::SecurityAckDue { case_id: id }, due, now).await?;
        tx.commit().await?;
        tracing::info!(
            guild_id = actor.guild_id,
            case_id = id,
            "security report filed"
        );
        self.wake();
        Ok(case)
    }

    /// A handler acknowledges or resolves a report (the card's buttons).
    pub async fn handle_security_report(
        &self,
        actor: &Actor,
        case_id: i64,
        handling: Handling,
    ) -> AppResult<Case> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let case = in_guild(&mut tx, actor.guild_id, case_id, Kind::Security).await?;
        let config = guild::get(&mut tx, actor.guild_id)
            .await?
            .ok_or_else(|| UserError::new(msg!("error-not-configured")))?;
        let (_, action) = handlers(&mut tx, &config).await?;
        actor.require(action, Facts::default())?;
        let event = match handling {
            Handling::Acknowledge => Event::Acknowledge { by: actor.user_id },
            Handling::Resolve => Event::Resolve { by: actor.user_id },
        };
        let case = step(&mut tx, case, event, now).await?;
        tx.commit().await?;
        self.wake();
        Ok(case)
    }
}

/// Moves a report and carries out what follows.
async fn step(
    conn: &mut SqliteConnection,
    case: Case,
    event: Event,
    now: DateTime<Utc>,
) -> AppResult<Case> {
    let CaseStep::Security(current) = case.step else {
        return Err(super::not_found().into());
    };
    let (next, effects) = rules::transition(current, event, now)?;
    if effects.is_empty() {
        return Ok(case);
    }
    repo::set_step(conn, case.id, &CaseStep::Security(next), now).await?;
    let case = repo::get(conn, case.id)
        .await?
        .ok_or_else(super::not_found)?;
    for effect in effects {
        let (thread_note, reporter_note) = match (effect, next) {
            (Effect::TellReporterAcknowledged, _) => (
                match next {
                    Step::Acknowledged { by, .. } => Some(CaseNote::Acknowledged { by }),
                    _ => None,
                },
                ReporterNote::SecurityAcknowledged,
            ),
            (Effect::Remind, _) => (Some(CaseNote::AckReminder), ReporterNote::SecurityTimeline),
            (Effect::TellReporterResolved, Step::Resolved { by, .. }) => {
                closed(conn, &case, Some(RESOLVED_BY_SECURITY_TEAM), now).await?;
                (
                    Some(CaseNote::SecurityResolved { by }),
                    ReporterNote::SecurityResolved,
                )
            }
            (Effect::TellReporterResolved, _) => (None, ReporterNote::SecurityResolved),
        };
        if let Some(thread_note) = thread_note {
            note(conn, &case, thread_note, now).await?;
        }
        let notice = Notice::CaseReporterTold {
            case_id: case.id,
            note: reporter_note,
            at_ms: now.timestamp_millis(),
        };
        outbox::queue(conn, case.guild_id, &notice, now).await?;
    }
    refresh(conn, &case, now).await?;
    Ok(case)
}

/// The acknowledgement deadline (a job): the team is reminded and the reporter told the
/// expected timeline, if nobody acknowledged.
pub(crate) async fn ack_due(
    conn: &mut SqliteConnection,
    case_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(case) = repo::get(conn, case_id).await? else {
        return Ok(());
    };
    step(conn, case, Event::AckDeadline, now).await.map(drop)
}
