//! The proposal's Discord objects (its discussion place and pinned card) as the publisher
//! creates them, and what follows once the card is delivered.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::app::outbox::{self, Notice};
use crate::app::{App, AppResult};
use crate::store::rfc as repo;

/// A Discord object made for a proposal.
#[derive(Debug, Clone, Copy)]
pub enum RfcObject {
    /// The forum post or thread where it is discussed.
    Thread(u64),
    /// The pinned card.
    Card(u64),
}

impl App {
    /// Records an object the publisher created, so that a retry never creates it again.
    pub async fn record_rfc_object(&self, rfc_id: i64, object: RfcObject) -> AppResult<()> {
        let mut tx = self.write_tx().await?;
        match object {
            RfcObject::Thread(id) => repo::set_thread(&mut tx, rfc_id, id).await?,
            RfcObject::Card(id) => repo::set_card(&mut tx, rfc_id, id).await?,
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The card was delivered (`posted` is its message): recorded, and the proposal announced once,
/// now that there is a place to link to.
pub(crate) async fn card_posted(
    conn: &mut SqliteConnection,
    rfc_id: i64,
    posted: Option<u64>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if let Some(message_id) = posted {
        repo::set_card(conn, rfc_id, message_id).await?;
    }
    if repo::mark_provisioned(conn, rfc_id, now).await?
        && let Some(rfc) = repo::get(conn, rfc_id).await?
    {
        outbox::queue(conn, rfc.guild_id, &Notice::RfcAnnounced { rfc_id }, now).await?;
        // Steps taken while the card was being made show on it.
        outbox::queue(conn, rfc.guild_id, &Notice::RfcCardRefresh { rfc_id }, now).await?;
    }
    Ok(())
}
