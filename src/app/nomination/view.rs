//! Reading nominations: the TSC's list, and one nomination for rendering.

use super::not_found;
use crate::app::{Actor, App, AppResult};
use crate::governance::permissions::{Action, Facts};
use crate::store::nomination::{self as repo, Nomination};

impl App {
    /// `/nominate list`: the guild's open nominations and their step (TSC only).
    pub async fn open_nominations(&self, actor: &Actor) -> AppResult<Vec<Nomination>> {
        self.guild_config(actor.guild_id).await?;
        actor.require(Action::ListNominations, Facts::default())?;
        let mut conn = self.db().acquire().await?;
        Ok(repo::open_in_guild(&mut conn, actor.guild_id).await?)
    }

    /// One nomination, as stored (for delivering its notices).
    pub async fn nomination(&self, nomination_id: i64) -> AppResult<Nomination> {
        let mut conn = self.db().acquire().await?;
        Ok(repo::get(&mut conn, nomination_id)
            .await?
            .ok_or_else(not_found)?)
    }
}
