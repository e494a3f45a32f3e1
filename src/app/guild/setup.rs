//! `/govern setup`: maps roles, channels and the default language; keeps the policy. Every
//! change is recorded in the decision log and told to the TSC, so that no one can silently
//! remap the TSC role.

use serde_json::json;

use crate::app::decision_log::record::{Entry, record};
use crate::app::outbox::{self, Notice};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::decision::DecisionKind;
use crate::governance::permissions::{Action, Facts};
use crate::governance::roles::GovRole;
use crate::i18n;
use crate::msg;
use crate::store::guild::{self, ChannelPurpose, GuildConfig};
use crate::store::{self};

/// What `/govern setup` collects.
#[derive(Debug, Clone)]
pub struct Setup {
    pub roles: Vec<(GovRole, u64)>,
    pub announce_channel_id: u64,
    pub tsc_channel_id: Option<u64>,
    pub wg_category_id: Option<u64>,
    /// Channels named for a purpose (RFCs, releases, the security team, the maintainers).
    pub channels: Vec<(ChannelPurpose, u64)>,
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
        let before = guild::get(&mut tx, actor.guild_id).await?;
        let policy = before
            .as_ref()
            .map(|c| c.policy.clone())
            .unwrap_or_default();
        let config = GuildConfig {
            guild_id: actor.guild_id,
            announce_channel_id: Some(setup.announce_channel_id),
            tsc_channel_id: setup.tsc_channel_id,
            wg_category_id: setup.wg_category_id,
            locale: locale.to_owned(),
            policy,
            roles: setup.roles,
            channels: setup.channels,
        };
        guild::save_setup(&mut tx, &config, now).await?;
        let before = before.map(|c| c.setup_snapshot());
        let after = config.setup_snapshot();
        if before.as_ref() != Some(&after) {
            let entry = Entry {
                kind: DecisionKind::Setup,
                subject_ref: format!("setup:{}", actor.guild_id),
                title: String::new(),
                outcome: "changed".into(),
                link: None,
                details: json!({ "before": before, "after": after }),
                // Role and channel ids are no one's secret, but the audit is the TSC's.
                private: true,
                decided_by: Some(actor.user_id),
            };
            let recorded = record(&mut tx, actor.guild_id, &entry, now).await?;
            // The first set-up is recorded; a change of an existing one is also told to the
            // TSC (the first names the TSC: there is no earlier one to tell).
            if let (Some(decision_id), true) = (recorded, before.is_some()) {
                let notice = Notice::SetupChanged {
                    changed_by: actor.user_id,
                    before: before.map(Box::new),
                    after: Box::new(after),
                    decision_id,
                };
                outbox::queue(&mut tx, actor.guild_id, &notice, now).await?;
            }
        }
        // Notices that waited for a channel this set-up may name are tried at once.
        store::outbox::wake_guild(&mut tx, actor.guild_id, now).await?;
        tx.commit().await?;
        self.config_cache().clear();
        self.outbox_wakeup().wake();
        tracing::info!(guild_id = actor.guild_id, "guild configured");
        Ok(config)
    }

    /// How many notices wait for the guild's set-up to name a channel (the private TSC
    /// channel, most often): shown by `/govern show` and `/govern setup`.
    pub async fn waiting_notices(&self, guild_id: u64) -> AppResult<i64> {
        let mut conn = self.db().acquire().await?;
        Ok(store::outbox::waiting(&mut conn, guild_id).await?)
    }
}
