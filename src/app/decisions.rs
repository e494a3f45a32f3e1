//! What a decided ballot does: the one place that maps a ballot's subject to its effect. Runs in
//! the transaction that closes the ballot, so a decision and its effect are never apart.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::AppResult;
use super::wg_lifecycle;
use crate::governance::ballot::{Outcome, Subject};
use crate::store::ballots::Ballot;

pub(super) async fn apply(
    conn: &mut SqliteConnection,
    ballot: &Ballot,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> AppResult<()> {
    match (&ballot.subject, outcome) {
        // A plain vote decides its question; the announcement says the rest.
        (Subject::General, _) => Ok(()),
        (Subject::WgCharter { wg_id }, _) => {
            wg_lifecycle::charter_decided(conn, *wg_id, outcome, now).await
        }
        (Subject::WgChair { wg_id, chair_id }, _) => {
            wg_lifecycle::chair_decided(conn, *wg_id, *chair_id, outcome, now).await
        }
        (Subject::WgClose { wg_id }, _) => {
            wg_lifecycle::close_decided(conn, *wg_id, outcome, now).await
        }
        // A status review: approved moves the member to emeritus; otherwise they stay.
        (Subject::Emeritus { member_id }, outcome) => {
            let approved = outcome == Outcome::Approved;
            super::succession::decide_review(
                conn,
                ballot.guild_id,
                ballot.id,
                *member_id,
                approved,
                now,
            )
            .await
        }
    }
}
