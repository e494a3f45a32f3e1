//! A nominee who leaves the server ends their nomination (its ballot, if open, is withdrawn).
//! Called from the roster's member-left paths, in their transaction.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::step;
use crate::app::AppResult;
use crate::governance::nomination::Event;
use crate::store::guild;
use crate::store::nomination::{self as repo, Nomination};

/// The member left: their open nomination, if any, ends.
pub(crate) async fn nominee_left(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if let Some(nomination) = repo::open_for_member(conn, guild_id, member_id).await? {
        end(conn, &nomination, now).await?;
    }
    Ok(())
}

/// After a full resync: the open nominations of members no longer in the server end.
pub(crate) async fn absent(
    conn: &mut SqliteConnection,
    guild_id: u64,
    present: &HashSet<u64>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    for nomination in repo::open_in_guild(conn, guild_id).await? {
        if !present.contains(&nomination.nominee_id) {
            end(conn, &nomination, now).await?;
        }
    }
    Ok(())
}

async fn end(
    conn: &mut SqliteConnection,
    nomination: &Nomination,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(config) = guild::get(conn, nomination.guild_id).await? else {
        return Ok(());
    };
    step(conn, &config, nomination, Event::NomineeLeft, now).await?;
    Ok(())
}
