//! One step of a nomination: the transition decided by `governance::nomination`, the new state
//! and its history row written, and every effect carried out (notices queued, jobs scheduled,
//! the ballot opened or withdrawn, the role granted, the decision recorded), all in the
//! caller's transaction.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use super::{ballot, not_found};
use crate::app::AppResult;
use crate::app::ballot::close::{Ending, close_in};
use crate::app::decision_log::record::{Entry, record};
use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::app::succession::status_review::OPENED_BY_STEWARD;
use crate::governance::decision::DecisionKind;
use crate::governance::nomination::{Effect, Event, Facts, Office, Refusal, State, transition};
use crate::store::guild::GuildConfig;
use crate::store::nomination::{self as repo, Nomination};
use crate::store::nomination_history as history;
use crate::store::roster::{self, MemberSnapshot};

/// Runs `event` on the nomination; returns it as it is afterwards. A refused step changes
/// nothing (the caller's transaction is dropped with the error).
pub async fn step(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
    nomination: &Nomination,
    event: Event,
    now: DateTime<Utc>,
) -> AppResult<Nomination> {
    let facts = Facts {
        office: nomination.office,
        confirm_by: nomination.confirm_by,
    };
    let (next, effects) = transition(nomination.state, event, facts, &config.policy, now)?;
    if !history::set_state(conn, nomination.id, nomination.state, next, now).await? {
        // Only a submission can lose a race here: the unique index on open nominations.
        return Err(if event == Event::Submit {
            Refusal::AlreadyOpen
        } else {
            Refusal::OutOfOrder
        }
        .into());
    }
    let current = reload(conn, nomination.id).await?;
    for effect in effects {
        apply(conn, config, &current, effect, now).await?;
    }
    tracing::info!(
        guild_id = nomination.guild_id,
        nomination_id = nomination.id,
        from = nomination.state.key(),
        to = next.key(),
        "nomination moved"
    );
    reload(conn, nomination.id).await
}

async fn reload(conn: &mut SqliteConnection, id: i64) -> AppResult<Nomination> {
    Ok(repo::get(conn, id).await?.ok_or_else(not_found)?)
}

async fn queue(
    conn: &mut SqliteConnection,
    n: &Nomination,
    notice: Notice,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    outbox::queue(conn, n.guild_id, &notice, now)
        .await
        .map(drop)
}

/// Carries out one effect.
async fn apply(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
    n: &Nomination,
    effect: Effect,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let nomination_id = n.id;
    match effect {
        Effect::InviteNominee => {
            queue(conn, n, Notice::NominationInvite { nomination_id }, now).await?;
        }
        Effect::ScheduleExpiry(at) => {
            repo::set_confirm_by(conn, nomination_id, at).await?;
            let job = Job::NominationExpiry { nomination_id };
            schedule::schedule(conn, &job, at, now).await?;
        }
        Effect::PreparePlace => {
            queue(conn, n, Notice::NominationCardPosted { nomination_id }, now).await?;
        }
        Effect::OpenBallot => ballot::open_ballot(conn, config, n, now).await?,
        Effect::CloseBallot => {
            if let Some(ballot_id) = n.ballot_id {
                // Withdrawn by the bot, without a reason: the card and the TSC note say why.
                let ending = Ending::Cancel {
                    by: OPENED_BY_STEWARD,
                    reason: None,
                };
                close_in(conn, ballot_id, ending, now).await?;
            }
        }
        Effect::RefreshCard => {
            queue(
                conn,
                n,
                Notice::NominationCardRefresh { nomination_id },
                now,
            )
            .await?;
        }
        Effect::GrantRole(office) => grant(conn, config, n, office, now).await?,
        Effect::RecordArea => {
            if let Some(area) = &n.area {
                roster::set_area(conn, n.guild_id, n.nominee_id, area).await?;
            }
        }
        Effect::Welcome => {
            queue(conn, n, Notice::NominationWelcome { nomination_id }, now).await?;
        }
        Effect::TellNominee => {
            queue(conn, n, Notice::NominationOutcome { nomination_id }, now).await?;
        }
        Effect::TellNominator(note) => {
            let notice = Notice::NominationNominatorNote {
                nomination_id,
                note,
            };
            queue(conn, n, notice, now).await?;
        }
        Effect::TellTsc(note) => {
            // Delivered to the private TSC channel only (it waits while there is none).
            let notice = Notice::NominationTscNote {
                nomination_id,
                note,
            };
            queue(conn, n, notice, now).await?;
        }
        Effect::Record { public } => {
            let entry = Entry {
                kind: DecisionKind::Nomination,
                subject_ref: format!("nomination:{nomination_id}"),
                title: n.nominee_name.clone(),
                outcome: n.state.key().to_owned(),
                link: None,
                details: json!({
                    "member": n.nominee_id.to_string(),
                    "office": n.office.key(),
                    "area": if public { n.area.clone() } else { None },
                }),
                // The welcome is the only public trace; every other ending is the TSC's.
                private: !public,
                decided_by: None,
            };
            record(conn, n.guild_id, &entry, now).await?;
        }
        Effect::Purge => {
            repo::purge_text(conn, nomination_id).await?;
            schedule::truncate_wal_after_erasure(conn, now).await?;
        }
    }
    Ok(())
}

/// Grants the office's Discord role through the outbox (an idempotent PUT, retried until
/// Discord accepts it) and records the office in the roster at once, so that `/roster` and
/// its export show the decision; Discord confirms it when the role lands.
async fn grant(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
    n: &Nomination,
    office: Office,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let role = office.role();
    match config.role_id(role) {
        Some(role_id) => {
            let notice = Notice::RoleChange {
                member_id: n.nominee_id,
                role_id,
                add: true,
                at_ms: now.timestamp_millis(),
            };
            queue(conn, n, notice, now).await?;
        }
        None => tracing::warn!(
            guild_id = n.guild_id,
            nomination_id = n.id,
            "approved, but no Discord role is mapped for the office"
        ),
    }
    let entry = roster::get(conn, n.guild_id, n.nominee_id).await?;
    let mut roles: Vec<_> = entry
        .as_ref()
        .map(|e| e.roles.iter().map(|(r, _)| *r).collect())
        .unwrap_or_default();
    if !roles.contains(&role) {
        roles.push(role);
    }
    let snapshot = MemberSnapshot {
        member_id: n.nominee_id,
        username: entry
            .as_ref()
            .map_or_else(|| n.nominee_username.clone(), |e| e.username.clone()),
        display_name: entry
            .as_ref()
            .map_or_else(|| n.nominee_name.clone(), |e| e.display_name.clone()),
        roles,
    };
    roster::upsert(conn, n.guild_id, &snapshot, now).await?;
    Ok(())
}

/// The states a ballot's closing may find a nomination in and still decide it.
pub(crate) fn awaits_decision(n: &Nomination, ballot_id: i64) -> bool {
    n.state == State::Voting && n.ballot_id == Some(ballot_id)
}
