//! Guild set-up and policy: which Discord roles are which governance roles, where announcements
//! go, the default locale, and the numbers of the policy.

use super::outbox::{self, Notice};
use super::{Actor, App, AppResult, UserError};
use crate::governance::policy::{Policy, PolicyKey};
use crate::governance::roles::GovRole;
use crate::i18n;
use crate::msg;
use crate::store::guilds::{self, GuildConfig};

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
    /// The guild's configuration, or a message telling the member to run `/govern setup`.
    pub async fn guild_config(&self, guild_id: u64) -> AppResult<GuildConfig> {
        let mut conn = self.db().acquire().await?;
        guilds::get(&mut conn, guild_id)
            .await?
            .ok_or_else(|| UserError::new(msg!("error-not-configured")).into())
    }

    /// The configuration if the guild has one (no error when it has not).
    pub async fn find_guild_config(&self, guild_id: u64) -> AppResult<Option<GuildConfig>> {
        let mut conn = self.db().acquire().await?;
        Ok(guilds::get(&mut conn, guild_id).await?)
    }

    /// Maps roles, channel and locale; keeps the policy the guild already has.
    pub async fn setup_guild(&self, actor: &Actor, setup: Setup) -> AppResult<GuildConfig> {
        if !actor.standing.may_configure_guild() {
            return Err(UserError::new(msg!("error-needs-manage-server")).into());
        }
        if !setup.roles.iter().any(|(role, _)| *role == GovRole::Tsc) {
            return Err(UserError::new(msg!("error-tsc-role-required")).into());
        }
        let locale = i18n::supported(&setup.locale)
            .ok_or_else(|| UserError::new(msg!("error-locale-unsupported")))?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let policy = guilds::get(&mut tx, actor.guild_id)
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
        guilds::save_setup(&mut tx, &config, now).await?;
        tx.commit().await?;
        tracing::info!(guild_id = actor.guild_id, "guild configured");
        Ok(config)
    }

    /// Changes one number of the policy (TSC only), validated as a whole, and announces it.
    pub async fn set_policy(
        &self,
        actor: &Actor,
        key: PolicyKey,
        value: &str,
    ) -> AppResult<Policy> {
        self.guild_config(actor.guild_id).await?;
        if !actor.standing.may_change_policy() {
            return Err(UserError::new(msg!("error-needs-tsc")).into());
        }
        let now = self.now();
        // Read under the write lock: two changes at once both land.
        let mut tx = self.write_tx().await?;
        let config = guilds::get(&mut tx, actor.guild_id)
            .await?
            .ok_or_else(|| UserError::new(msg!("error-not-configured")))?;
        let policy = config.policy.with(key, value)?;
        guilds::save_policy(&mut tx, actor.guild_id, &policy, now).await?;
        if let Some(channel_id) = config.announce_channel_id {
            let notice = Notice::PolicyChanged {
                channel_id,
                key,
                value: policy.value_of(key),
                changed_by: actor.user_id,
            };
            let key = format!(
                "policy:{}:{}:{}",
                actor.guild_id,
                key.name(),
                now.timestamp_millis()
            );
            outbox::enqueue(&mut tx, actor.guild_id, &key, &notice, now).await?;
        }
        tx.commit().await?;
        self.outbox_wakeup().wake();
        Ok(policy)
    }
}
