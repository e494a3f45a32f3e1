//! Reading a guild's configuration, the starting point of nearly every use case and of every
//! click: kept in memory and forgotten whenever it may have changed (set-up, policy, a closed
//! ballot that applied an amendment), so a burst of votes reads it once.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::app::{App, AppResult, UserError};
use crate::msg;
use crate::store::guild::{self, GuildConfig};

/// The configurations read so far.
#[derive(Debug, Default)]
pub struct ConfigCache(RwLock<HashMap<u64, Arc<GuildConfig>>>);

impl ConfigCache {
    fn get(&self, guild_id: u64) -> Option<Arc<GuildConfig>> {
        self.0
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&guild_id)
            .cloned()
    }

    fn put(&self, config: GuildConfig) -> Arc<GuildConfig> {
        let config = Arc::new(config);
        self.0
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(config.guild_id, config.clone());
        config
    }

    /// Forgets every configuration: called after a commit that may have changed one.
    pub fn clear(&self) {
        self.0.write().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

impl App {
    /// The guild's configuration, or a message telling the member to run `/govern setup`.
    pub async fn guild_config(&self, guild_id: u64) -> AppResult<GuildConfig> {
        self.find_guild_config(guild_id)
            .await?
            .ok_or_else(|| UserError::new(msg!("error-not-configured")).into())
    }

    /// The configuration if the guild has one (no error when it has not).
    pub async fn find_guild_config(&self, guild_id: u64) -> AppResult<Option<GuildConfig>> {
        if let Some(config) = self.config_cache().get(guild_id) {
            return Ok(Some(config.as_ref().clone()));
        }
        let mut conn = self.db().acquire().await?;
        let config = guild::get(&mut conn, guild_id).await?;
        Ok(config.map(|c| self.config_cache().put(c).as_ref().clone()))
    }
}
