//! The release's Discord objects as the publisher creates them: its card and its thread,
//! recorded once delivered so that edits and later posts find them.

use sqlx::SqliteConnection;

use crate::app::AppResult;
use crate::store::release::{self as repo, Column};
use crate::store::to_db_id;

/// The card was posted: later refreshes edit this message.
pub(crate) async fn card_posted(
    conn: &mut SqliteConnection,
    release_id: i64,
    message_id: Option<u64>,
) -> AppResult<()> {
    if let Some(id) = message_id {
        repo::set_column(conn, release_id, Column::CARD_MESSAGE, Some(to_db_id(id))).await?;
    }
    Ok(())
}

/// The thread was opened on the card: blocking issues and answers go there.
pub(crate) async fn thread_opened(
    conn: &mut SqliteConnection,
    release_id: i64,
    thread_id: Option<u64>,
) -> AppResult<()> {
    if let Some(id) = thread_id {
        repo::set_column(conn, release_id, Column::THREAD, Some(to_db_id(id))).await?;
    }
    Ok(())
}
