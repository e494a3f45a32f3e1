//! Each member's last activity as succession planning counts it: their Discord activity and
//! what GitHub polls found, combined by the policy's `activity_sources`
//! (`governance::activity`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::governance::activity::{self, Github, LastActivity};
use crate::governance::policy::Policy;
use crate::store::github as github_repo;
use crate::store::roster::RosterEntry;

/// The last activity of each roster member given, by member id.
pub(crate) async fn of_members(
    conn: &mut SqliteConnection,
    guild_id: u64,
    policy: &Policy,
    entries: &[RosterEntry],
    now: DateTime<Utc>,
) -> sqlx::Result<HashMap<u64, LastActivity>> {
    let polling = github_repo::sources(conn, guild_id)
        .await?
        .is_some_and(|s| s.polling);
    let links: HashMap<u64, Github> = github_repo::links(conn, guild_id)
        .await?
        .into_iter()
        .map(|l| {
            let facts = Github {
                at: l.last_activity_at,
                checked_at: l.checked_at,
            };
            (l.member_id, facts)
        })
        .collect();
    Ok(entries
        .iter()
        .map(|e| {
            let github = links.get(&e.member_id).copied();
            let last = activity::last_activity(
                policy.activity_sources,
                e.last_active_at,
                github,
                polling,
                now,
            );
            (e.member_id, last)
        })
        .collect())
}

/// A member's latest known activity of any counted kind, waiting or not: whether they were
/// active since a status review opened (activity meanwhile voids it).
pub(crate) async fn latest_known(
    conn: &mut SqliteConnection,
    guild_id: u64,
    policy: &Policy,
    entry: &RosterEntry,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<DateTime<Utc>>> {
    let all = of_members(conn, guild_id, policy, std::slice::from_ref(entry), now).await?;
    Ok(match all.get(&entry.member_id) {
        Some(LastActivity::AwaitingGithub) => {
            let github = github_repo::links(conn, guild_id)
                .await?
                .into_iter()
                .find(|l| l.member_id == entry.member_id)
                .and_then(|l| l.last_activity_at);
            entry.last_active_at.max(github)
        }
        Some(known) => known.at(),
        None => entry.last_active_at,
    })
}
