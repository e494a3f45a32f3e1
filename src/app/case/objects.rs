//! A case's Discord objects (its private thread, its card) as the publisher makes them, what
//! follows a delivery or a refusal, and erasing a closed case's text.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::note;
use crate::app::case::notes::CaseNote;
use crate::app::outbox::Notice;
use crate::app::schedule;
use crate::app::{App, AppResult};
use crate::store::case as repo;

impl App {
    /// Records the private thread the publisher made, so that a retry never makes another.
    pub async fn record_case_thread(&self, case_id: i64, thread_id: u64) -> AppResult<()> {
        let mut tx = self.write_tx().await?;
        repo::set_thread(&mut tx, case_id, thread_id).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The thread notice was delivered; `posted` is the card, if this delivery posted it.
pub(crate) async fn thread_delivered(
    conn: &mut SqliteConnection,
    case_id: i64,
    posted: Option<u64>,
) -> AppResult<()> {
    if let (Some(message_id), Some(case)) = (posted, repo::get(conn, case_id).await?)
        && case.card_message_id.is_none()
    {
        repo::set_card_message(conn, case_id, message_id).await?;
    }
    Ok(())
}

/// Discord refused a notice of a case for good.
pub(crate) async fn abandoned(
    conn: &mut SqliteConnection,
    notice: &Notice,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (case_id, what) = match notice {
        // Closed DMs: the reporter reads the state with `/report status`; the case is told.
        Notice::CaseReporterTold { case_id, .. } => (*case_id, CaseNote::ReporterUnreachable),
        // No Moderate Members, or a member ranked above the bot: the TSC times out by hand.
        Notice::ConductTimeout { case_id, .. } => (*case_id, CaseNote::TimeoutFailed),
        _ => return Ok(()),
    };
    let Some(case) = repo::get(conn, case_id).await? else {
        return Ok(());
    };
    if what == CaseNote::ReporterUnreachable {
        repo::mark_reporter_unreachable(conn, case_id, now).await?;
    }
    note(conn, &case, what, now).await?;
    Ok(())
}

/// The erase job: a closed case keeps its ids, steps and times, never its text.
pub(crate) async fn erase(
    conn: &mut SqliteConnection,
    case_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if repo::erase_text(conn, case_id, now).await? {
        schedule::truncate_wal_after_erasure(conn, now).await?;
        tracing::info!(case_id, "closed case's text erased");
    }
    Ok(())
}
