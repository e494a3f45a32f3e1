//! Turns a Discord member into the [`Actor`] the rules see: their governance roles through the
//! guild's role bindings, and whether they manage the server.

use poise::serenity_prelude as serenity;

use crate::app::{Actor, App, AppResult};
use crate::governance::roles::{RoleSet, Standing};
use crate::store::guilds::GuildConfig;

/// The standing of a member holding `roles`, with the permissions Discord computed for them.
pub fn standing(
    roles: &[serenity::RoleId],
    permissions: Option<serenity::Permissions>,
    config: Option<&GuildConfig>,
) -> Standing {
    let held = config
        .map(|c| {
            c.roles
                .iter()
                .filter(|(_, role_id)| roles.iter().any(|r| r.get() == *role_id))
                .map(|(role, _)| *role)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Standing {
        roles: RoleSet::new(held),
        manages_guild: permissions.is_some_and(|p| p.manage_guild() || p.administrator()),
    }
}

/// The actor for a member of a guild (the interaction's member carries computed permissions).
pub async fn actor(
    app: &App,
    guild_id: serenity::GuildId,
    member: &serenity::Member,
) -> AppResult<Actor> {
    let config = app.find_guild_config(guild_id.get()).await?;
    Ok(Actor {
        guild_id: guild_id.get(),
        user_id: member.user.id.get(),
        standing: standing(&member.roles, member.permissions, config.as_ref()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::governance::policy::Policy;
    use crate::governance::roles::GovRole;

    #[test]
    fn roles_map_through_the_guild_bindings() {
        let config = GuildConfig {
            guild_id: 1,
            announce_channel_id: None,
            tsc_channel_id: None,
            wg_category_id: None,
            locale: "en-US".into(),
            policy: Policy::default(),
            roles: vec![(GovRole::Tsc, 10), (GovRole::Maintainer, 11)],
        };
        let s = standing(
            &[serenity::RoleId::new(10), serenity::RoleId::new(99)],
            None,
            Some(&config),
        );
        assert!(s.roles.has(GovRole::Tsc));
        assert!(!s.roles.has(GovRole::Maintainer));
        assert!(!s.manages_guild);
        let admin = standing(&[], Some(serenity::Permissions::MANAGE_GUILD), None);
        assert!(admin.manages_guild);
        assert!(!admin.roles.has(GovRole::Tsc));
    }
}
