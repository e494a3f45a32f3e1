//! The ballot message lost (a moderator's cleanup): the ballot is posted again and the new
//! message recorded, so that it stays votable.

use crate::app::outbox::{self, Notice};
use crate::app::{App, AppResult};
use crate::store::ballot as repo;

impl App {
    /// A message was deleted; if it was a ballot's, the ballot is posted again. Returns the
    /// ballot reposted. Most deleted messages are not ballots: one indexed read, no write.
    pub async fn message_deleted(
        &self,
        guild_id: u64,
        channel_id: u64,
        message_id: u64,
    ) -> AppResult<Option<i64>> {
        let found = {
            let mut conn = self.db().acquire().await?;
            repo::by_message(&mut conn, channel_id, message_id).await?
        };
        let Some(ballot_id) = found else {
            return Ok(None);
        };
        let now = self.now();
        let mut tx = self.write_tx().await?;
        // Checked again under the writer: the record still names that message.
        match repo::by_message(&mut tx, channel_id, message_id).await? {
            Some(id) if id == ballot_id => {}
            _ => return Ok(None),
        }
        // Edits wait for the new message (an edit of the deleted one would post a second).
        repo::clear_message(&mut tx, ballot_id).await?;
        outbox::queue(&mut tx, guild_id, &Notice::BallotPosted { ballot_id }, now).await?;
        tx.commit().await?;
        tracing::info!(ballot_id, "ballot message deleted; posting it again");
        self.outbox_wakeup().wake();
        Ok(Some(ballot_id))
    }
}
