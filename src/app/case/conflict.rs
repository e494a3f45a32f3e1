//! Conflicts through their three steps: opened by a member with the other party, resolved or
//! escalated by the parties, mediated by a maintainer, decided by the TSC (a private ballot or
//! a TSC member's recorded decision, per the policy). Nothing of it reaches a public channel.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{RESOLVED_BY_TSC, closed, holders, in_guild, note, refresh, sync_thread};
use crate::app::ballot::close::{Ending, close_in};
use crate::app::ballot::open::{StartBallot, open_in};
use crate::app::case::notes::CaseNote;
use crate::app::outbox::{self, Notice};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::ballot::Subject;
use crate::governance::case::conflict::{self as rules, Conflict, Effect, Event, Step};
use crate::governance::case::{self, CaseStep, Kind};
use crate::governance::permissions::{Action, Facts};
use crate::governance::roles::GovRole;
use crate::msg;
use crate::store::ballot::Ballot;
use crate::store::case::{self as repo, Case, NewCase};
use crate::store::guild::{self, GuildConfig};

/// What `/conflict open` collects.
#[derive(Debug, Clone)]
pub struct OpenConflict {
    pub other: u64,
    pub other_is_bot: bool,
    pub summary: String,
    /// The text channel the private thread is made in: one both parties can read (Discord
    /// shows a thread only to members who can view its channel).
    pub channel_id: u64,
}

/// What `/conflict decide` collects; the ballot's texts are written by the Discord layer in
/// the guild's language, and say nothing of the case but its number.
#[derive(Debug, Clone)]
pub struct Decide {
    pub decision: String,
    pub ballot_title: String,
    pub ballot_description: String,
}

/// The conflict as the rules see it.
pub(crate) fn as_rules(case: &Case) -> Option<Conflict> {
    match case.step {
        CaseStep::Conflict(step) => Some(Conflict {
            parties: [case.opened_by, case.subject_id?],
            opened_at: case.opened_at,
            step,
        }),
        _ => None,
    }
}

fn facts(case: &Conflict, mediator: Option<u64>, member: u64) -> Facts {
    Facts {
        party: case.is_party(member),
        subject: case.is_party(member),
        mediator: mediator == Some(member),
        ..Facts::default()
    }
}

impl App {
    /// `/conflict open`: step 1 begins in a private thread with the two parties only.
    pub async fn open_conflict(&self, actor: &Actor, input: OpenConflict) -> AppResult<Case> {
        self.guild_config(actor.guild_id).await?;
        case::validate_parties(actor.user_id, input.other, input.other_is_bot)?;
        let summary = case::validate_text(&input.summary, case::SUMMARY_MAX)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let id = repo::insert(
            &mut tx,
            &NewCase {
                guild_id: actor.guild_id,
                step: CaseStep::Conflict(Step::Direct {
                    escalation_asked_by: None,
                }),
                opened_by: actor.user_id,
                subject_id: Some(input.other),
                title: None,
                body: &summary,
                message_link: None,
                parent_channel_id: Some(input.channel_id),
                readers: &[actor.user_id, input.other],
            },
            now,
        )
        .await?;
        let case = repo::get(&mut tx, id).await?.ok_or_else(super::not_found)?;
        sync_thread(&mut tx, &case, now).await?;
        tx.commit().await?;
        tracing::info!(guild_id = actor.guild_id, case_id = id, "conflict opened");
        self.wake();
        Ok(case)
    }

    /// A party marks the conflict resolved (at any step; a decision before the TSC is withdrawn).
    pub async fn resolve_conflict(&self, actor: &Actor, case_id: i64) -> AppResult<Case> {
        self.conflict_step(
            actor,
            case_id,
            Action::ResolveConflict,
            Event::Resolve { by: actor.user_id },
        )
        .await
    }

    /// A party, or at step 2 the mediator, moves the conflict on.
    pub async fn escalate_conflict(&self, actor: &Actor, case_id: i64) -> AppResult<Case> {
        self.conflict_step(
            actor,
            case_id,
            Action::EscalateConflict,
            Event::Escalate { by: actor.user_id },
        )
        .await
    }

    /// A maintainer who is not a party takes the mediation ("I'll mediate").
    pub async fn mediate_conflict(&self, actor: &Actor, case_id: i64) -> AppResult<Case> {
        self.conflict_step(
            actor,
            case_id,
            Action::MediateConflict,
            Event::Mediate { by: actor.user_id },
        )
        .await
    }

    /// A TSC member who is not a party proposes the final decision (a private ballot follows)
    /// or records it, as the policy says. Returns the ballot, if one opened.
    pub async fn decide_conflict(
        &self,
        actor: &Actor,
        case_id: i64,
        input: Decide,
    ) -> AppResult<(Case, Option<Ballot>)> {
        let decision = case::validate_text(&input.decision, case::DECISION_MAX)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let case = in_guild(&mut tx, actor.guild_id, case_id, Kind::Conflict).await?;
        let conflict = as_rules(&case).ok_or_else(super::not_found)?;
        actor.require(
            Action::DecideConflict,
            facts(&conflict, case.mediator_id, actor.user_id),
        )?;
        let config = guild::get(&mut tx, actor.guild_id)
            .await?
            .ok_or_else(|| UserError::new(msg!("error-not-configured")))?;
        let event = Event::Decide { by: actor.user_id };
        let (step, effects) = rules::transition(&conflict, event, &config.policy, now)?;
        repo::set_decision(&mut tx, case.id, Some(&decision)).await?;
        repo::set_step(&mut tx, case.id, &CaseStep::Conflict(step), now).await?;
        let mut ballot = None;
        for effect in effects {
            if effect == Effect::OpenBallot {
                ballot = Some(open_ballot(&mut tx, &config, actor, &case, &input, now).await?);
            } else {
                apply(&mut tx, &case, effect, Some(actor.user_id), now).await?;
            }
        }
        let case = repo::get(&mut tx, case.id)
            .await?
            .ok_or_else(super::not_found)?;
        refresh(&mut tx, &case, now).await?;
        tx.commit().await?;
        self.wake();
        Ok((case, ballot))
    }

    /// Runs one step of a conflict under the write lock: the member's right (the permission
    /// table, with what they are to this case), the document's order, and the effects.
    async fn conflict_step(
        &self,
        actor: &Actor,
        case_id: i64,
        action: Action,
        event: Event,
    ) -> AppResult<Case> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let case = in_guild(&mut tx, actor.guild_id, case_id, Kind::Conflict).await?;
        let conflict = as_rules(&case).ok_or_else(super::not_found)?;
        actor.require(action, facts(&conflict, case.mediator_id, actor.user_id))?;
        let config = guild::get(&mut tx, actor.guild_id)
            .await?
            .ok_or_else(|| UserError::new(msg!("error-not-configured")))?;
        let (step, effects) = rules::transition(&conflict, event, &config.policy, now)?;
        repo::set_step(&mut tx, case.id, &CaseStep::Conflict(step), now).await?;
        for effect in effects {
            if effect == Effect::CancelBallot {
                cancel_ballot(&mut tx, &case, actor.user_id, now).await?;
            } else {
                apply(&mut tx, &case, effect, Some(actor.user_id), now).await?;
            }
        }
        let case = repo::get(&mut tx, case.id)
            .await?
            .ok_or_else(super::not_found)?;
        refresh(&mut tx, &case, now).await?;
        tx.commit().await?;
        self.wake();
        Ok(case)
    }
}

/// Opens the private ballot on a proposed decision: in the TSC's channel, secret (a party on
/// the TSC sees neither who voted what nor a live count), the TSC without the parties voting.
async fn open_ballot(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
    actor: &Actor,
    case: &Case,
    input: &Decide,
    now: DateTime<Utc>,
) -> AppResult<Ballot> {
    // Never the announcement channel: a conflict's ballot is the TSC's alone.
    let channel_id = config
        .tsc_channel_id
        .ok_or_else(|| UserError::new(msg!("case-error-no-tsc-channel")))?;
    let tsc = holders(conn, case.guild_id, GovRole::Tsc).await?;
    let parties = [case.opened_by, case.subject_id.unwrap_or(case.opened_by)];
    let start = StartBallot {
        title: input.ballot_title.clone(),
        description: input.ballot_description.clone(),
        duration: None,
        secret: true,
        channel_id,
        electorate: case::tsc_readers(&tsc, &parties),
    };
    let subject = Subject::ConflictDecision { case_id: case.id };
    let ballot = open_in(conn, config, actor.user_id, &start, &subject, now).await?;
    repo::set_ballot(conn, case.id, Some(ballot.id)).await?;
    let notice = Notice::ConflictDecisionProposed {
        case_id: case.id,
        ballot_id: ballot.id,
    };
    outbox::queue(conn, case.guild_id, &notice, now).await?;
    Ok(ballot)
}

/// The parties settled it while a decision was before the TSC: the ballot is withdrawn.
async fn cancel_ballot(
    conn: &mut SqliteConnection,
    case: &Case,
    by: u64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if let Some(ballot_id) = case.ballot_id {
        close_in(conn, ballot_id, Ending::Cancel { by, reason: None }, now).await?;
    }
    Ok(())
}

/// Carries out one effect of a step, in the step's transaction; `by` is the member who took
/// the step (none when a ballot closed).
async fn apply(
    conn: &mut SqliteConnection,
    case: &Case,
    effect: Effect,
    by: Option<u64>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    match effect {
        Effect::AskedToEscalate { by, other } => {
            note(conn, case, CaseNote::EscalationAsked { by, other }, now).await?;
        }
        Effect::MediatorWanted => {
            // Where: the maintainers' channel, else the TSC's, looked up when it is posted.
            let notice = Notice::ConflictMediatorWanted { case_id: case.id };
            outbox::queue(conn, case.guild_id, &notice, now).await?;
            note(conn, case, CaseNote::MediationRequested, now).await?;
        }
        Effect::MediatorJoined { mediator } => {
            repo::set_mediator(conn, case.id, mediator).await?;
            repo::add_readers(conn, case.id, &[mediator]).await?;
            sync_thread(conn, case, now).await?;
            note(conn, case, CaseNote::MediatorJoined { mediator }, now).await?;
        }
        Effect::ToTsc => {
            let tsc = holders(conn, case.guild_id, GovRole::Tsc).await?;
            let parties = [case.opened_by, case.subject_id.unwrap_or(case.opened_by)];
            repo::add_readers(conn, case.id, &case::tsc_readers(&tsc, &parties)).await?;
            sync_thread(conn, case, now).await?;
            note(conn, case, CaseNote::WithTsc, now).await?;
        }
        Effect::Resolved { by_tsc } => {
            let case = repo::get(conn, case.id)
                .await?
                .ok_or_else(super::not_found)?;
            if by_tsc {
                note(conn, &case, CaseNote::Decided, now).await?;
                closed(conn, &case, Some(RESOLVED_BY_TSC), now).await?;
            } else {
                if let Some(by) = by {
                    note(conn, &case, CaseNote::ResolvedByParty { by }, now).await?;
                }
                closed(conn, &case, None, now).await?;
            }
        }
        Effect::DecisionRejected => {
            note(conn, case, CaseNote::DecisionRejected, now).await?;
        }
        // Opening and withdrawing a ballot need the acting member; their callers do it.
        Effect::OpenBallot | Effect::CancelBallot => {}
    }
    Ok(())
}

/// The TSC's ballot on a proposed decision closed (from `decisions.rs`, in its transaction).
pub(crate) async fn ballot_decided(
    conn: &mut SqliteConnection,
    case_id: i64,
    approved: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(case) = repo::get(conn, case_id).await? else {
        return Ok(());
    };
    let (Some(conflict), Some(config)) = (as_rules(&case), guild::get(conn, case.guild_id).await?)
    else {
        return Ok(());
    };
    let event = Event::BallotDecided { approved };
    let (step, effects) = rules::transition(&conflict, event, &config.policy, now)?;
    if effects.is_empty() {
        return Ok(());
    }
    repo::set_step(conn, case.id, &CaseStep::Conflict(step), now).await?;
    for effect in effects {
        apply(conn, &case, effect, None, now).await?;
    }
    let case = repo::get(conn, case.id)
        .await?
        .ok_or_else(super::not_found)?;
    refresh(conn, &case, now).await?;
    Ok(())
}
