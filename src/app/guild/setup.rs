//! `/govern setup`: maps roles, channels and the default language; keeps the policy.

use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::permissions::{Action, Facts};
use crate::governance::roles::GovRole;
use crate::i18n;
use crate::msg;
use crate::store::guild::{self, GuildConfig};

/// What `/govern setup` collects.
#[derive(Debug, Clone)]
pub struct Setup {
    pub roles: Vec<(GovRole, u64)>,
    pub announce_channel_id: u64,
    pub tsc_channel_id: Option<u64>,
    pub wg_category_id: Option<u64>,
    pub locale: String,
}

impl App {
    /// Maps roles, channels and locale; keeps the policy the guild already has.
    pub async fn setup_guild(&self, actor: &Actor, setup: Setup) -> AppResult<GuildConfig> {
        actor.require(Action::ConfigureGuild, Facts::default())?;
        if !setup.roles.iter().any(|(role, _)| *role == GovRole::Tsc) {
            return Err(UserError::new(msg!("error-tsc-role-required")).into());
        }
        let locale = i18n::supported(&setup.locale)
            .ok_or_else(|| UserError::new(msg!("error-locale-unsupported")))?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let policy = guild::get(&mut tx, actor.guild_id)
            .await?
            .map(|c| c.policy)
            .unwrap_or_default();
        let config = GuildConfig {
            guild_id: actor.guild_id,
            announce_channel_id: Some(setup.announce_channel_id),
            tsc_channel_id: setup.tsc_channel_id,
            wg_category_id: setup.wg_category_id,
            locale: locale.to_owned(),
            policy,
            roles: setup.roles,
        };
        guild::save_setup(&mut tx, &config, now).await?;
        tx.commit().await?;
        tracing::info!(guild_id = actor.guild_id, "guild configured");
        Ok(config)
    }
}
