//! Code-of-conduct reports: filed by any member (in the server or by DM, from a command or a
//! message's context menu), read by the TSC without a reported TSC member, answered by the
//! TSC's recorded response; the reporter is told it was handled.

use chrono::Duration;

use super::{RESOLVED_BY_TSC, closed, holders, in_guild, note, refresh, sync_thread};
use crate::app::case::notes::{CaseNote, ReporterNote};
use crate::app::outbox::{self, Notice};
use crate::app::{Actor, App, AppResult};
use crate::governance::case::conduct::{self as rules, Effect, Response, Step};
use crate::governance::case::{self, CaseError, CaseStep, Kind};
use crate::governance::permissions::{Action, Facts};
use crate::governance::roles::GovRole;
use crate::store::case::{self as repo, Case, NewCase};

/// What a conduct report carries.
#[derive(Debug, Clone, Default)]
pub struct ConductReport {
    /// The member reported (the author of the message reported from the context menu).
    pub reported: Option<u64>,
    pub reported_is_bot: bool,
    pub text: String,
    /// A link to the message reported (made by the bot, never typed).
    pub message_link: Option<String>,
}

impl App {
    /// Files a conduct report: a private thread for the TSC, without the reported member.
    /// The reporter's receipt is the answer to their form.
    pub async fn report_conduct(&self, actor: &Actor, input: ConductReport) -> AppResult<Case> {
        self.guild_config(actor.guild_id).await?;
        if input.reported_is_bot {
            return Err(CaseError::BotParty.into());
        }
        let text = case::validate_text(&input.text, case::REPORT_MAX)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let tsc = holders(&mut tx, actor.guild_id, GovRole::Tsc).await?;
        let excluded: Vec<u64> = input.reported.into_iter().collect();
        let readers = case::tsc_readers(&tsc, &excluded);
        let id = repo::insert(
            &mut tx,
            &NewCase {
                guild_id: actor.guild_id,
                step: CaseStep::Conduct(Step::Open),
                opened_by: actor.user_id,
                subject_id: input.reported,
                title: None,
                body: &text,
                message_link: input.message_link.as_deref(),
                // The TSC's private channel, looked up when the thread is made.
                parent_channel_id: None,
                readers: &readers,
            },
            now,
        )
        .await?;
        let case = repo::get(&mut tx, id).await?.ok_or_else(super::not_found)?;
        sync_thread(&mut tx, &case, now).await?;
        tx.commit().await?;
        tracing::info!(
            guild_id = actor.guild_id,
            case_id = id,
            "conduct report filed"
        );
        self.wake();
        Ok(case)
    }

    /// A TSC member (not the reported one) records the TSC's response; the reporter is told
    /// it was handled, and a recorded timeout is applied.
    pub async fn respond_to_conduct(
        &self,
        actor: &Actor,
        case_id: i64,
        response: Response,
    ) -> AppResult<Case> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let case = in_guild(&mut tx, actor.guild_id, case_id, Kind::Conduct).await?;
        let facts = Facts {
            subject: case.subject_id == Some(actor.user_id),
            ..Facts::default()
        };
        actor.require(Action::RespondToConduct, facts)?;
        let CaseStep::Conduct(step) = case.step else {
            return Err(super::not_found().into());
        };
        let (step, effects) = rules::respond(step, case.subject_id, response, actor.user_id, now)?;
        repo::set_step(&mut tx, case.id, &CaseStep::Conduct(step), now).await?;
        for effect in effects {
            let notice = match effect {
                Effect::ApplyTimeout { member, minutes } => Notice::ConductTimeout {
                    case_id: case.id,
                    member_id: member,
                    until_ms: (now + Duration::minutes(i64::from(minutes))).timestamp_millis(),
                },
                Effect::TellReporter => Notice::CaseReporterTold {
                    case_id: case.id,
                    note: ReporterNote::ConductHandled,
                    at_ms: now.timestamp_millis(),
                },
            };
            outbox::queue(&mut tx, case.guild_id, &notice, now).await?;
        }
        let case = repo::get(&mut tx, case.id)
            .await?
            .ok_or_else(super::not_found)?;
        note(
            &mut tx,
            &case,
            CaseNote::Responded { by: actor.user_id },
            now,
        )
        .await?;
        refresh(&mut tx, &case, now).await?;
        closed(&mut tx, &case, Some(RESOLVED_BY_TSC), now).await?;
        tx.commit().await?;
        self.wake();
        Ok(case)
    }
}

impl App {
    /// Whether the member may record the TSC's response to this report (checked before the
    /// timeout form is shown, and again when it is submitted).
    pub async fn check_conduct_responder(&self, actor: &Actor, case_id: i64) -> AppResult<()> {
        let mut conn = self.db().acquire().await?;
        let case = in_guild(&mut conn, actor.guild_id, case_id, Kind::Conduct).await?;
        let facts = Facts {
            subject: case.subject_id == Some(actor.user_id),
            ..Facts::default()
        };
        actor.require(Action::RespondToConduct, facts)?;
        if !case.open {
            return Err(CaseError::AlreadyResponded.into());
        }
        Ok(())
    }
}
