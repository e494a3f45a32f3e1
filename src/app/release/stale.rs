//! "A reminder goes to the proposer when a step has waited longer than `release_stale_days`":
//! the job scheduled when a stage that waits on members began.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::app::AppResult;
use crate::app::outbox::{self, Notice};
use crate::store::release as repo;
use crate::store::to_millis;

/// The stage entered at `since_ms` may still be waiting: if it is, the proposer is reminded.
pub(crate) async fn remind(
    conn: &mut SqliteConnection,
    release_id: i64,
    since_ms: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(release) = repo::get(conn, release_id).await? else {
        return Ok(());
    };
    if !release.stage.waits_on_members() || to_millis(release.stage_since) != since_ms {
        return Ok(());
    }
    let notice = Notice::ReleaseStale {
        release_id,
        since_ms,
    };
    outbox::queue(conn, release.guild_id, &notice, now).await?;
    Ok(())
}
