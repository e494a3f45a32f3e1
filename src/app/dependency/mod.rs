//! Third-party dependencies: proposals (an addition with its need and alternatives, or the
//! removal of an approved one), the security and license reviews, the maintainer's approval,
//! and the approved list with its export.

pub mod proposal;
pub mod review;
pub mod view;

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use crate::app::decision_log::record::{Entry, record};
use crate::app::outbox::{self, Notice};
use crate::app::{AppError, AppResult, UserError};
use crate::governance::decision::DecisionKind;
use crate::governance::dependency::{self as rules, InputError, Refusal};
use crate::msg;
use crate::store::dependency::{self as repo, Dependency};

impl From<Refusal> for AppError {
    fn from(e: Refusal) -> Self {
        let id = match e {
            Refusal::AlreadyReviewed => msg!("dependency-error-already-reviewed"),
            Refusal::NoReviewForRemoval => msg!("dependency-error-no-review-for-removal"),
            Refusal::ReviewsPending => msg!("dependency-error-reviews-pending"),
            Refusal::Decided => msg!("dependency-error-decided"),
            Refusal::NotSubmitted => msg!("dependency-error-not-found"),
        };
        AppError::User(UserError::new(id))
    }
}

impl From<InputError> for AppError {
    fn from(e: InputError) -> Self {
        let max = |id| UserError::new(id).with("max", rules::TEXT_MAX as i64);
        let error = match e {
            InputError::BadName => {
                UserError::new(msg!("dependency-error-name")).with("max", rules::NAME_MAX as i64)
            }
            InputError::BadVersion => UserError::new(msg!("dependency-error-version"))
                .with("max", rules::VERSION_MAX as i64),
            InputError::BadEcosystem => UserError::new(msg!("dependency-error-ecosystem"))
                .with("max", rules::ECOSYSTEM_MAX as i64),
            InputError::NeedRequired => max(msg!("dependency-error-need")),
            InputError::AlternativesRequired => max(msg!("dependency-error-alternatives")),
            InputError::NoteRequired => max(msg!("dependency-error-note")),
            InputError::TooLong => max(msg!("dependency-error-too-long")),
            InputError::Duplicate => UserError::new(msg!("dependency-error-duplicate")),
            InputError::NotApproved => UserError::new(msg!("dependency-error-not-approved")),
        };
        AppError::User(error)
    }
}

pub(crate) fn no_such_dependency() -> AppError {
    UserError::new(msg!("dependency-error-not-found")).into()
}

/// The proposal, if it exists, belongs to the guild and is more than a draft.
pub(crate) async fn in_guild(
    conn: &mut SqliteConnection,
    guild_id: u64,
    id: i64,
) -> AppResult<Dependency> {
    match repo::get(conn, id).await? {
        Some(d) if d.guild_id == guild_id && d.stage != rules::Stage::Draft => Ok(d),
        _ => Err(no_such_dependency()),
    }
}

/// Queues an edit of the proposal's card.
pub(crate) async fn refresh(
    conn: &mut SqliteConnection,
    dependency: &Dependency,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let notice = Notice::DependencyCardRefresh {
        dependency_id: dependency.id,
    };
    outbox::queue(conn, dependency.guild_id, &notice, now).await?;
    Ok(())
}

/// A step in the decision log (dependencies are public).
pub(crate) async fn record_step(
    conn: &mut SqliteConnection,
    dependency: &Dependency,
    outcome: &str,
    decided_by: Option<u64>,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let entry = Entry {
        kind: DecisionKind::Dependency,
        subject_ref: format!("dependency:{}", dependency.id),
        title: dependency.name.clone(),
        outcome: outcome.into(),
        link: None,
        details: json!({
            "kind": dependency.kind.key(),
            "version": dependency.version,
            "ecosystem": dependency.ecosystem,
            "note": note,
        }),
        private: false,
        decided_by,
    };
    record(conn, dependency.guild_id, &entry, now).await?;
    Ok(())
}
