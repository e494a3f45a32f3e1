//! Private cases, as members drive them and the bot keeps them: conflicts (`conflict`), code-of
//! -conduct reports (`conduct`), security reports (`security`). Each lives in a private thread
//! that only those who may read it are added to (`objects`); members see their own cases with
//! `/report status` (`view`). Nothing of a case is logged with its text.

pub mod conduct;
pub mod conflict;
pub mod error;
pub mod notes;
pub mod objects;
pub mod security;
pub mod view;

use chrono::{DateTime, Duration, Utc};
use sqlx::SqliteConnection;

use crate::app::case::notes::CaseNote;
use crate::app::decision_log::record::{Entry, record};
use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::app::{AppResult, UserError};
use crate::governance::case::Kind;
use crate::governance::decision::DecisionKind;
use crate::governance::roles::GovRole;
use crate::msg;
use crate::store::case::{self as repo, Case};
use crate::store::roster;

/// A closed case's text is erased this long after it closed: long enough for every message
/// about it to be delivered, after which its private thread is the only record.
pub const ERASE_AFTER: Duration = Duration::days(7);

pub(crate) fn not_found() -> UserError {
    UserError::new(msg!("case-error-not-found"))
}

/// The case, if it belongs to the guild and is of the kind the command is about.
pub(crate) async fn in_guild(
    conn: &mut SqliteConnection,
    guild_id: u64,
    case_id: i64,
    kind: Kind,
) -> AppResult<Case> {
    match repo::get(conn, case_id).await? {
        Some(c) if c.guild_id == guild_id && c.kind == kind => Ok(c),
        _ => Err(not_found().into()),
    }
}

/// The members of the guild who hold a governance role now, per the roster.
pub(crate) async fn holders(
    conn: &mut SqliteConnection,
    guild_id: u64,
    role: GovRole,
) -> sqlx::Result<Vec<u64>> {
    Ok(roster::list(conn, guild_id)
        .await?
        .into_iter()
        .filter(|e| e.in_guild && e.has(role))
        .map(|e| e.member_id)
        .collect())
}

/// Queues a note in the case's thread.
pub(crate) async fn note(
    conn: &mut SqliteConnection,
    case: &Case,
    note: CaseNote,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let notice = Notice::CaseNoted {
        case_id: case.id,
        note,
        at_ms: now.timestamp_millis(),
    };
    outbox::queue(conn, case.guild_id, &notice, now)
        .await
        .map(drop)
}

/// Queues an edit of the case's card to its latest state.
pub(crate) async fn refresh(
    conn: &mut SqliteConnection,
    case: &Case,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let notice = Notice::CaseCardRefresh { case_id: case.id };
    outbox::queue(conn, case.guild_id, &notice, now)
        .await
        .map(drop)
}

/// Queues the thread's making (or, once made, adding the case's readers to it).
pub(crate) async fn sync_thread(
    conn: &mut SqliteConnection,
    case: &Case,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let notice = Notice::CaseThread { case_id: case.id };
    outbox::queue(conn, case.guild_id, &notice, now)
        .await
        .map(drop)
}

/// A case closed: its text is erased later, and a decision the TSC (or the security team)
/// took is recorded, by number only: "case N resolved".
pub(crate) async fn closed(
    conn: &mut SqliteConnection,
    case: &Case,
    decided_by: Option<&'static str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    schedule::schedule(
        conn,
        &Job::CaseErase { case_id: case.id },
        now + ERASE_AFTER,
        now,
    )
    .await?;
    if let Some(outcome) = decided_by {
        let entry = Entry {
            kind: DecisionKind::Case,
            subject_ref: format!("case:{}", case.id),
            title: case.kind.key().to_owned(),
            outcome: outcome.to_owned(),
            link: None,
            // Nothing of the case itself: no parties, no text, no response.
            details: serde_json::json!({}),
            private: true,
            decided_by: None,
        };
        record(conn, case.guild_id, &entry, now).await?;
    }
    tracing::info!(
        guild_id = case.guild_id,
        case_id = case.id,
        kind = case.kind.key(),
        "case closed"
    );
    Ok(())
}

/// The decision log's outcome for a case the TSC resolved.
pub const RESOLVED_BY_TSC: &str = "resolved_by_tsc";
/// The decision log's outcome for a security report the team resolved.
pub const RESOLVED_BY_SECURITY_TEAM: &str = "resolved_by_security_team";
