//! The group's Discord objects (role, channel, pinned charter) as the publisher creates them,
//! and what follows once provisioning or archiving is delivered.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::app::outbox::{self, Notice};
use crate::app::{App, AppResult};
use crate::store::working_group as repo;

/// A Discord object made for a working group.
#[derive(Debug, Clone, Copy)]
pub enum WgObject {
    Role(u64),
    Channel(u64),
    CharterMessage(u64),
}

impl App {
    /// Records a Discord object the publisher created, so that a retry never creates it again.
    pub async fn record_wg_object(&self, wg_id: i64, object: WgObject) -> AppResult<()> {
        let mut tx = self.write_tx().await?;
        match object {
            WgObject::Role(id) => repo::set_role(&mut tx, wg_id, id).await?,
            WgObject::Channel(id) => repo::set_channel(&mut tx, wg_id, id).await?,
            WgObject::CharterMessage(id) => repo::set_charter_message(&mut tx, wg_id, id).await?,
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Provisioning was delivered: the group is announced, once.
pub(crate) async fn provisioned(
    conn: &mut SqliteConnection,
    wg_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if repo::mark_provisioned(conn, wg_id, now).await?
        && let Some(g) = repo::get(conn, wg_id).await?
    {
        outbox::queue(conn, g.guild_id, &Notice::WgAnnounced { wg_id }, now).await?;
    }
    Ok(())
}

/// The channel was archived: the closing is announced.
pub(crate) async fn archived(
    conn: &mut SqliteConnection,
    wg_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if let Some(g) = repo::get(conn, wg_id).await? {
        outbox::queue(conn, g.guild_id, &Notice::WgClosedAnnounced { wg_id }, now).await?;
    }
    Ok(())
}
