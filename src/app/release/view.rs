//! Reading releases: one with its candidates, feedback and blocking issues, and the list.

use sqlx::SqliteConnection;

use super::no_such_release;
use super::steps::by_version;
use crate::app::{App, AppResult};
use crate::store::release::{self as repo, Candidate, Release};
use crate::store::release_blockers::{self as blockers, Blocker};

/// A release with everything its card shows.
#[derive(Debug, Clone)]
pub struct ReleaseView {
    pub release: Release,
    pub candidates: Vec<Candidate>,
    /// "Works for me" per candidate: (candidate, count).
    pub works: Vec<(i64, i64)>,
    pub blockers: Vec<Blocker>,
}

impl ReleaseView {
    /// "Works for me" on the latest candidate.
    pub fn works_on_latest(&self) -> i64 {
        let latest = self.candidates.last().map_or(0, |c| c.number);
        self.works
            .iter()
            .find(|(c, _)| *c == latest)
            .map_or(0, |(_, n)| *n)
    }

    pub fn open_blockers(&self) -> impl Iterator<Item = &Blocker> {
        self.blockers
            .iter()
            .filter(|b| b.status == blockers::BlockerStatus::Open)
    }
}

async fn view_of(conn: &mut SqliteConnection, release: Release) -> AppResult<ReleaseView> {
    Ok(ReleaseView {
        candidates: repo::candidates(conn, release.id).await?,
        works: repo::feedback_counts(conn, release.id).await?,
        blockers: blockers::of_release(conn, release.id).await?,
        release,
    })
}

impl App {
    /// A release of the guild by its version (`/release info`).
    pub async fn release(&self, guild_id: u64, version: &str) -> AppResult<ReleaseView> {
        let mut conn = self.db().acquire().await?;
        let release = by_version(&mut conn, guild_id, version).await?;
        view_of(&mut conn, release).await
    }

    /// A release by id, for the publisher and the Discord layer (drafts included).
    pub async fn release_by_id(&self, release_id: i64) -> AppResult<ReleaseView> {
        let mut conn = self.db().acquire().await?;
        let release = repo::get(&mut conn, release_id)
            .await?
            .ok_or_else(no_such_release)?;
        view_of(&mut conn, release).await
    }

    /// The guild's releases, newest first (`/release list`).
    pub async fn releases(&self, guild_id: u64) -> AppResult<Vec<Release>> {
        let mut conn = self.db().acquire().await?;
        Ok(repo::list(&mut conn, guild_id).await?)
    }

    /// A blocking issue with its release, for the publisher and the buttons.
    pub async fn blocker_by_id(&self, blocker_id: i64) -> AppResult<(ReleaseView, Blocker)> {
        let mut conn = self.db().acquire().await?;
        let blocker = blockers::get(&mut conn, blocker_id)
            .await?
            .ok_or_else(no_such_release)?;
        let release = repo::get(&mut conn, blocker.release_id)
            .await?
            .ok_or_else(no_such_release)?;
        Ok((view_of(&mut conn, release).await?, blocker))
    }
}
