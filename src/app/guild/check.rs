//! `/govern check` (and `steward doctor`, the end of `/govern setup`): which channels and roles
//! of this server Steward depends on, for the Discord layer to read their permissions and
//! positions; the verdict is `governance::capabilities`.

use crate::app::{Actor, App, AppResult};
use crate::governance::capabilities::{ChannelUse, RoleUse};
use crate::governance::permissions::{Action, Facts};
use crate::governance::working_group::Status;
use crate::store::guild::{ChannelPurpose, GuildConfig};
use crate::store::working_group;

/// What the check looks at in one server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckTargets {
    pub guild_id: u64,
    pub locale: String,
    pub channels: Vec<(ChannelUse, u64)>,
    pub wg_category: Option<u64>,
    pub roles: Vec<(RoleUse, u64)>,
}

impl App {
    /// The targets of `/govern check` for a member allowed to run it.
    pub async fn check_targets(&self, actor: &Actor) -> AppResult<CheckTargets> {
        actor.require(Action::CheckServer, Facts::default())?;
        let config = self.guild_config(actor.guild_id).await?;
        self.targets_of(&config).await
    }

    /// The targets for a configured server, without a member (the operator's `doctor`).
    pub async fn targets_of(&self, config: &GuildConfig) -> AppResult<CheckTargets> {
        let mut channels: Vec<(ChannelUse, u64)> = Vec::new();
        channels.extend(
            config
                .announce_channel_id
                .map(|c| (ChannelUse::Announcements, c)),
        );
        channels.extend(config.tsc_channel_id.map(|c| (ChannelUse::Tsc, c)));
        for (purpose, id) in &config.channels {
            let used_for = match purpose {
                ChannelPurpose::Rfc => ChannelUse::Rfc,
                ChannelPurpose::Releases => ChannelUse::Releases,
                ChannelPurpose::Security => ChannelUse::Security,
                ChannelPurpose::Maintainers => ChannelUse::Maintainers,
            };
            channels.push((used_for, *id));
        }
        let mut roles: Vec<(RoleUse, u64)> = config
            .roles
            .iter()
            .map(|(gov, id)| (RoleUse::Governance(*gov), *id))
            .collect();
        let mut conn = self.db().acquire().await?;
        for group in working_group::list(&mut conn, config.guild_id).await? {
            if let (Status::Active, Some(role)) = (group.status, group.role_id) {
                roles.push((RoleUse::WorkingGroup(group.name), role));
            }
        }
        Ok(CheckTargets {
            guild_id: config.guild_id,
            locale: config.locale.clone(),
            channels,
            wg_category: config.wg_category_id,
            roles,
        })
    }

    /// Every configured server (for `steward doctor`).
    pub async fn configured_guilds(&self) -> AppResult<Vec<u64>> {
        let mut conn = self.db().acquire().await?;
        Ok(crate::store::operations::guild_ids(&mut conn).await?)
    }
}
