//! Reading a guild's configuration, the starting point of nearly every use case.

use crate::app::{App, AppResult, UserError};
use crate::msg;
use crate::store::guild::{self, GuildConfig};

impl App {
    /// The guild's configuration, or a message telling the member to run `/govern setup`.
    pub async fn guild_config(&self, guild_id: u64) -> AppResult<GuildConfig> {
        self.find_guild_config(guild_id)
            .await?
            .ok_or_else(|| UserError::new(msg!("error-not-configured")).into())
    }

    /// The configuration if the guild has one (no error when it has not).
    pub async fn find_guild_config(&self, guild_id: u64) -> AppResult<Option<GuildConfig>> {
        let mut conn = self.db().acquire().await?;
        Ok(guild::get(&mut conn, guild_id).await?)
    }
}
