//! Reading the decision log.

use crate::app::{Actor, App, AppResult};
use crate::governance::roles::GovRole;
use crate::store::decision_log::{self as repo, Decision, Filter};

impl App {
    /// The guild's decisions, oldest first. Private decisions are included only for a TSC
    /// member who asks for them.
    pub async fn decisions(&self, actor: &Actor, mut filter: Filter) -> AppResult<Vec<Decision>> {
        self.guild_config(actor.guild_id).await?;
        filter.include_private &= actor.standing.roles.has(GovRole::Tsc);
        let mut conn = self.db().acquire().await?;
        Ok(repo::list(&mut conn, actor.guild_id, &filter).await?)
    }
}
