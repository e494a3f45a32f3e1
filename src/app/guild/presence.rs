//! Whether the bot is still in a server. Removed (GUILD_DELETE without `unavailable`), the
//! server's jobs and deliveries wait untouched and its records stay; added back (GUILD_CREATE),
//! everything resumes where it stopped.

use crate::app::{App, AppResult};
use crate::store::guild;

impl App {
    /// The bot was removed from the server: its queues stop (the loops skip its items).
    pub async fn bot_removed(&self, guild_id: u64) -> AppResult<()> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let changed = guild::set_removed(&mut tx, guild_id, Some(now)).await?;
        tx.commit().await?;
        if changed {
            tracing::info!(
                guild_id,
                "removed from the server: its jobs and deliveries wait until Steward is added back"
            );
        }
        Ok(())
    }

    /// The bot is in the server (every connect says so): if it had been removed, the server's
    /// queues resume at once. Read first, so that a connect takes the writer only when needed.
    pub async fn bot_present(&self, guild_id: u64) -> AppResult<()> {
        let removed = {
            let mut conn = self.db().acquire().await?;
            guild::is_removed(&mut conn, guild_id).await?
        };
        if !removed {
            return Ok(());
        }
        let mut tx = self.write_tx().await?;
        let changed = guild::set_removed(&mut tx, guild_id, None).await?;
        tx.commit().await?;
        if changed {
            tracing::info!(
                guild_id,
                "added back to the server: its jobs and deliveries resume"
            );
            self.wake();
        }
        Ok(())
    }
}
