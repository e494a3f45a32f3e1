//! Who is acting: a Discord member turned into the [`Actor`] the rules see (their governance
//! roles through the guild's role bindings, whether they manage the server), the language they
//! read, and who holds the TSC role right now.

use poise::serenity_prelude as serenity;

use super::{Context, Error, reply};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::roles::{GovRole, RoleSet, Standing};
use crate::msg;
use crate::store::guild::GuildConfig;

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

/// The actor of a button or form: it must come from a guild member.
pub async fn member_actor(
    app: &App,
    guild_id: Option<serenity::GuildId>,
    member: Option<&serenity::Member>,
) -> AppResult<Actor> {
    match (guild_id, member) {
        (Some(guild_id), Some(member)) => actor(app, guild_id, member).await,
        _ => Err(UserError::new(msg!("error-guild-only")).into()),
    }
}

/// The invoking member as an actor; slash commands in guilds always carry the member.
pub async fn command_actor(ctx: Context<'_>) -> Result<Actor, Error> {
    let guild_id = ctx
        .guild_id()
        .ok_or_else(|| UserError::new(msg!("error-guild-only")))?;
    let member = match ctx {
        poise::Context::Application(actx) => actx.interaction.member.clone(),
        poise::Context::Prefix(_) => None,
    }
    .ok_or_else(|| UserError::new(msg!("error-guild-only")))?;
    actor(&ctx.data().app, guild_id, &member).await
}

/// The language the invoking member reads.
pub async fn command_locale(ctx: Context<'_>) -> &'static str {
    reply::locale(&ctx.data().app, ctx.guild_id(), ctx.locale()).await
}

/// The members who hold the TSC role right now, read from Discord (not the cache, which may
/// hold only part of a large guild).
async fn tsc_members(
    http: &serenity::Http,
    guild_id: serenity::GuildId,
    tsc_role: u64,
) -> Result<Vec<u64>, Error> {
    let role = serenity::RoleId::new(tsc_role);
    let mut members = Vec::new();
    let mut after = None;
    loop {
        let page = guild_id.members(http, Some(1000), after).await?;
        let full = page.len() == 1000;
        after = page.last().map(|m| m.user.id);
        members.extend(
            page.iter()
                .filter(|m| !m.user.bot && m.roles.contains(&role))
                .map(|m| m.user.id.get()),
        );
        if !full {
            return Ok(members);
        }
    }
}

/// The TSC of a configured guild, right now: a ballot's electorate. Read from the roster the
/// bot keeps in sync (role holders only) once it was synced since start-up, so that a command
/// never pages through a large guild's member list; from Discord before that.
pub async fn tsc_now(
    http: &serenity::Http,
    app: &App,
    config: &GuildConfig,
) -> Result<Vec<u64>, Error> {
    match app.role_holders(config.guild_id, GovRole::Tsc).await? {
        Some(tsc) => Ok(tsc),
        None => current_tsc(http, config).await,
    }
}

/// The TSC of a configured guild, right now, paged from Discord: a ballot's electorate.
async fn current_tsc(http: &serenity::Http, config: &GuildConfig) -> Result<Vec<u64>, Error> {
    let tsc_role = config
        .role_id(GovRole::Tsc)
        .ok_or_else(|| UserError::new(msg!("error-not-configured")))?;
    tsc_members(http, serenity::GuildId::new(config.guild_id), tsc_role).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::governance::policy::Policy;

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
            channels: vec![],
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
