//! The group's Discord objects (role, channel, pinned charter) as the publisher creates them,
//! and what follows once provisioning or archiving is delivered.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::app::outbox::{self, Notice};
use crate::app::{App, AppResult};
use crate::store::working_group as repo;
use crate::store::working_group_members as members;

/// A Discord object made for a working group.
#[derive(Debug, Clone, Copy)]
pub enum WgObject {
    Role(u64),
    Channel(u64),
    CharterMessage(u64),
}

impl App {
    /// Records a Discord object the publisher created, so that a retry never creates it again.
    /// Once the role exists, each member gets it through an outbox item of their own: a rate
    /// limit midway delays the rest, it never starts the list again.
    pub async fn record_wg_object(&self, wg_id: i64, object: WgObject) -> AppResult<()> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        match object {
            WgObject::Role(id) => {
                repo::set_role(&mut tx, wg_id, id).await?;
                if let Some(g) = repo::get(&mut tx, wg_id).await? {
                    for user_id in members::members(&mut tx, wg_id).await? {
                        let notice = Notice::WgMemberRole {
                            wg_id,
                            user_id,
                            add: true,
                        };
                        outbox::queue(&mut tx, g.guild_id, &notice, now).await?;
                    }
                }
            }
            WgObject::Channel(id) => repo::set_channel(&mut tx, wg_id, id).await?,
            WgObject::CharterMessage(id) => repo::set_charter_message(&mut tx, wg_id, id).await?,
        }
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(())
    }

    /// The roles and channels some working group of the guild already owns: never adopted by
    /// another group.
    pub async fn wg_objects_owned(&self, guild_id: u64) -> AppResult<Vec<u64>> {
        let mut conn = self.db().acquire().await?;
        let groups = repo::list(&mut conn, guild_id).await?;
        Ok(groups
            .iter()
            .flat_map(|g| g.role_id.into_iter().chain(g.channel_id))
            .collect())
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

/// The channel was archived: every member's role is taken back (one item each) and the
/// closing is announced.
pub(crate) async fn archived(
    conn: &mut SqliteConnection,
    wg_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if let Some(g) = repo::get(conn, wg_id).await? {
        if g.role_id.is_some() {
            for user_id in members::members(conn, wg_id).await? {
                let notice = Notice::WgMemberRole {
                    wg_id,
                    user_id,
                    add: false,
                };
                outbox::queue(conn, g.guild_id, &notice, now).await?;
            }
        }
        outbox::queue(conn, g.guild_id, &Notice::WgClosedAnnounced { wg_id }, now).await?;
    }
    Ok(())
}
