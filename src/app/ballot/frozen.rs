//! What a vote needs of its ballot that never changes while the ballot runs (its server,
//! deadline, title, subject and frozen electorate), kept in memory so that a burst of votes on
//! one ballot reads it once instead of once per vote. Whether the ballot is still open is
//! never taken from here: the vote's write decides it.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

use sqlx::SqliteConnection;

use crate::store::ballot::{self as repo, Ballot};

/// Ballots kept at most; past it the cache starts again (a server has a handful open).
const MAX_BALLOTS: usize = 1024;

/// A ballot as it was opened, and who may vote on it bindingly.
pub struct Frozen {
    pub ballot: Ballot,
    electorate: HashSet<u64>,
}

impl Frozen {
    pub fn elector(&self, member_id: u64) -> bool {
        self.electorate.contains(&member_id)
    }
}

#[derive(Default)]
pub struct FrozenBallots(RwLock<HashMap<i64, Arc<Frozen>>>);

impl FrozenBallots {
    /// The ballot as kept, if it was read before.
    pub fn cached(&self, ballot_id: i64) -> Option<Arc<Frozen>> {
        self.read().get(&ballot_id).cloned()
    }

    /// Reads the ballot and its electorate and keeps them; `None` if there is no such ballot.
    pub async fn load(
        &self,
        conn: &mut SqliteConnection,
        ballot_id: i64,
    ) -> sqlx::Result<Option<Arc<Frozen>>> {
        let Some(ballot) = repo::get(conn, ballot_id).await? else {
            return Ok(None);
        };
        let electorate = repo::electorate(conn, ballot_id)
            .await?
            .into_iter()
            .collect();
        let frozen = Arc::new(Frozen { ballot, electorate });
        let mut map = self.0.write().unwrap_or_else(|e| e.into_inner());
        if map.len() >= MAX_BALLOTS {
            map.clear();
        }
        map.insert(ballot_id, frozen.clone());
        Ok(Some(frozen))
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<i64, Arc<Frozen>>> {
        self.0.read().unwrap_or_else(|e| e.into_inner())
    }
}
