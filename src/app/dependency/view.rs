//! Reading dependencies: the approved list, the proposals under way, one by name or id.

use super::no_such_dependency;
use crate::app::{App, AppResult};
use crate::governance::dependency as rules;
use crate::store::dependency::{self as repo, Dependency};

impl App {
    /// The approved list, by name (`/dependency list`, `/dependency export`).
    pub async fn approved_dependencies(&self, guild_id: u64) -> AppResult<Vec<Dependency>> {
        let mut conn = self.db().acquire().await?;
        Ok(repo::approved(&mut conn, guild_id).await?)
    }

    /// Proposals being decided, oldest first.
    pub async fn dependency_proposals(&self, guild_id: u64) -> AppResult<Vec<Dependency>> {
        let mut conn = self.db().acquire().await?;
        Ok(repo::in_flight(&mut conn, guild_id).await?)
    }

    /// The latest proposal about a dependency (`/dependency info`).
    pub async fn dependency(
        &self,
        guild_id: u64,
        name: &str,
        ecosystem: Option<&str>,
    ) -> AppResult<Dependency> {
        let name = rules::validate_name(name)?;
        let ecosystem = rules::validate_ecosystem(ecosystem)?;
        let identity = rules::identity(&name, ecosystem.as_deref());
        let mut conn = self.db().acquire().await?;
        repo::latest(&mut conn, guild_id, &identity)
            .await?
            .ok_or_else(no_such_dependency)
    }

    /// A proposal by id, for the publisher and the buttons.
    pub async fn dependency_by_id(&self, dependency_id: i64) -> AppResult<Dependency> {
        let mut conn = self.db().acquire().await?;
        repo::get(&mut conn, dependency_id)
            .await?
            .ok_or_else(no_such_dependency)
    }
}
