//! The nomination's secret TSC ballot: who votes (the TSC present in the server, never the
//! nominee) and opening it in the private place.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::not_found;
use crate::app::AppResult;
use crate::app::ballot::open::{StartBallot, open_in};
use crate::app::succession::status_review::OPENED_BY_STEWARD;
use crate::governance::ballot::Subject;
use crate::governance::roles::GovRole;
use crate::store::guild::GuildConfig;
use crate::store::nomination::{self as repo, Nomination};
use crate::store::roster;

pub(crate) async fn electorate(
    conn: &mut SqliteConnection,
    nomination: &Nomination,
) -> sqlx::Result<Vec<u64>> {
    Ok(roster::list(conn, nomination.guild_id)
        .await?
        .into_iter()
        .filter(|e| e.in_guild && e.has(GovRole::Tsc) && e.member_id != nomination.nominee_id)
        .map(|e| e.member_id)
        .collect())
}

/// Opens the secret TSC ballot in the private place (the `OpenBallot` effect).
pub(crate) async fn open_ballot(
    conn: &mut SqliteConnection,
    config: &GuildConfig,
    nomination: &Nomination,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let channel_id = nomination.place_id.ok_or_else(not_found)?;
    let input = StartBallot {
        title: nomination.ballot_title.clone(),
        description: nomination.ballot_description.clone(),
        duration: None,
        secret: true,
        channel_id,
        electorate: electorate(conn, nomination).await?,
    };
    let subject = Subject::Nomination {
        nomination_id: nomination.id,
    };
    let ballot = open_in(conn, config, OPENED_BY_STEWARD, &input, &subject, now).await?;
    repo::set_ballot(conn, nomination.id, ballot.id).await?;
    Ok(())
}
