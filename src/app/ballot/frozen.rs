//! What a vote needs of its ballot that never changes while the ballot runs (its server,
//! deadline, title, subject and frozen electorate), kept in memory so that a burst of votes on
//! one ballot reads it once instead of once per vote. Whether the ballot is still open is
//! never taken from here: the vote's write decides it.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

use sqlx::{SqliteConnection, SqlitePool};
use tokio::sync::OnceCell;

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

/// A ballot's place in the cache: filled once, by the first vote that needs it.
type Slot = Arc<OnceCell<Arc<Frozen>>>;

#[derive(Default)]
pub struct FrozenBallots(RwLock<HashMap<i64, Slot>>);

/// Why a ballot could not be kept.
enum Unloaded {
    Missing,
    Db(sqlx::Error),
}

impl FrozenBallots {
    /// The ballot as opened; `None` if there is no such ballot. Read from the database once,
    /// however many votes ask at the same time: the first votes of a burst would otherwise
    /// each read it (and open reader connections to do so) before the first had kept it.
    pub async fn get(&self, db: &SqlitePool, ballot_id: i64) -> sqlx::Result<Option<Arc<Frozen>>> {
        let slot = self.slot(ballot_id);
        if let Some(frozen) = slot.get() {
            return Ok(Some(frozen.clone()));
        }
        let loaded = slot
            .get_or_try_init(|| async {
                let mut conn = db.acquire().await.map_err(Unloaded::Db)?;
                load(&mut conn, ballot_id)
                    .await
                    .map_err(Unloaded::Db)?
                    .ok_or(Unloaded::Missing)
            })
            .await;
        match loaded {
            Ok(frozen) => Ok(Some(frozen.clone())),
            Err(Unloaded::Missing) => {
                // A mistyped or forged id leaves no slot behind.
                self.write().remove(&ballot_id);
                Ok(None)
            }
            Err(Unloaded::Db(e)) => Err(e),
        }
    }

    fn slot(&self, ballot_id: i64) -> Slot {
        if let Some(slot) = self.read().get(&ballot_id) {
            return slot.clone();
        }
        let mut map = self.write();
        if map.len() >= MAX_BALLOTS && !map.contains_key(&ballot_id) {
            map.clear();
        }
        map.entry(ballot_id).or_default().clone()
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<i64, Slot>> {
        self.0.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<i64, Slot>> {
        self.0.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// Reads a ballot and its electorate.
async fn load(conn: &mut SqliteConnection, ballot_id: i64) -> sqlx::Result<Option<Arc<Frozen>>> {
    let Some(ballot) = repo::get(conn, ballot_id).await? else {
        return Ok(None);
    };
    let electorate = repo::electorate(conn, ballot_id)
        .await?
        .into_iter()
        .collect();
    Ok(Some(Arc::new(Frozen { ballot, electorate })))
}
