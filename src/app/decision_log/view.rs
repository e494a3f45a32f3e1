//! Reading the decision log.

use crate::app::{Actor, App, AppResult};
use crate::governance::permissions::{Action, Facts};
use crate::store::decision_log::{self as repo, Decision, Filter};

impl App {
    /// The guild's decisions, oldest first. Private decisions are included only for a TSC
    /// member who asks for them (anyone else sees the public log).
    pub async fn decisions(&self, actor: &Actor, mut filter: Filter) -> AppResult<Vec<Decision>> {
        self.guild_config(actor.guild_id).await?;
        filter.include_private &= actor
            .require(Action::ReadPrivateDecisions, Facts::default())
            .is_ok();
        let mut conn = self.db().acquire().await?;
        Ok(repo::list(&mut conn, actor.guild_id, &filter).await?)
    }
}
