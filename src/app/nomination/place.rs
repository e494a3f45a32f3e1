//! The TSC's private place: a private thread in the TSC channel (or the channel itself) where
//! the nomination's card and its secret ballot live. The Discord layer creates it; once the
//! card is posted, the ballot opens there.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::ballot::electorate;
use super::step;
use crate::app::{App, AppResult};
use crate::governance::nomination::{Event, State};
use crate::store::guild;
use crate::store::nomination::{self as repo, Nomination};

impl App {
    /// Records the private place the publisher created, so that a retry never creates another.
    pub async fn record_nomination_place(
        &self,
        nomination_id: i64,
        place_id: u64,
    ) -> AppResult<()> {
        let mut tx = self.write_tx().await?;
        repo::set_place(&mut tx, nomination_id, place_id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Who votes on a nomination, and is added to its private thread: the TSC present in the
    /// server (from the roster), never the nominee.
    pub async fn nomination_electorate(&self, nomination: &Nomination) -> AppResult<Vec<u64>> {
        let mut conn = self.db().acquire().await?;
        Ok(electorate(&mut conn, nomination).await?)
    }
}

/// The card was posted in the private place: the secret ballot opens there. With nobody on the
/// TSC to vote, the nomination waits (and `/nominate list` shows it waiting).
pub(crate) async fn card_posted(
    conn: &mut SqliteConnection,
    nomination_id: i64,
    message_id: Option<u64>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if let Some(message_id) = message_id {
        repo::set_card_message(conn, nomination_id, message_id).await?;
    }
    place_ready(conn, nomination_id, now).await
}

/// The card could not be posted for good (the thread was deleted meanwhile): the ballot opens
/// in the TSC channel itself.
pub(crate) async fn card_abandoned(
    conn: &mut SqliteConnection,
    nomination_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(nomination) = repo::get(conn, nomination_id).await? else {
        return Ok(());
    };
    let channel = guild::get(conn, nomination.guild_id)
        .await?
        .and_then(|c| c.tsc_channel_id);
    if let Some(channel_id) = channel {
        repo::set_place(conn, nomination_id, channel_id).await?;
    }
    place_ready(conn, nomination_id, now).await
}

async fn place_ready(
    conn: &mut SqliteConnection,
    nomination_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(nomination) = repo::get(conn, nomination_id)
        .await?
        .filter(|n| n.state == State::Accepted && n.place_id.is_some())
    else {
        return Ok(());
    };
    let Some(config) = guild::get(conn, nomination.guild_id).await? else {
        return Ok(());
    };
    if electorate(conn, &nomination).await?.is_empty() {
        tracing::warn!(
            guild_id = nomination.guild_id,
            nomination_id,
            "nobody on the TSC to vote; the nomination waits"
        );
        return Ok(());
    }
    step(conn, &config, &nomination, Event::PlaceReady, now).await?;
    Ok(())
}
