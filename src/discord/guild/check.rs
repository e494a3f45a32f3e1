//! `/govern check`: reads from Discord what the capability rules need (the application's
//! intents, Steward's permissions in each channel, role positions) and answers with the
//! report. `steward doctor` and `/govern setup` use the same reading.

use poise::serenity_prelude as serenity;

use super::report::report_text;
use crate::app::guild::check::CheckTargets;
use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::{self, ephemeral};
use crate::discord::text::{MESSAGE_MAX, split_message};
use crate::discord::{Context, Error};
use crate::governance::capabilities::{self, ChannelSeen, Line, RoleSeen, ServerFacts};

/// Check what Steward needs in this server: intents, permissions, role order (TSC or Manage Server).
#[poise::command(slash_command, guild_only)]
pub async fn check(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let targets = ctx.data().app.check_targets(&actor).await?;
    // Several requests to Discord follow: answer within its 3 s first.
    reply::defer(ctx).await?;
    let locale = command_locale(ctx).await;
    let lines = run(&ctx.serenity_context().http, &targets).await?;
    for part in split_message(&report_text(&lines, locale), MESSAGE_MAX) {
        ctx.send(ephemeral(part)).await?;
    }
    Ok(())
}

/// Reads the facts of one server and checks them.
pub async fn run(
    http: &serenity::Http,
    targets: &CheckTargets,
) -> Result<Vec<Line>, serenity::Error> {
    Ok(capabilities::check(&read_facts(http, targets).await?))
}

/// The application's Server Members intent: either flag (the limited one is for bots in fewer
/// than 100 servers).
pub fn members_intent(flags: Option<serenity::ApplicationFlags>) -> Option<bool> {
    flags.map(|f| {
        f.intersects(
            serenity::ApplicationFlags::GATEWAY_GUILD_MEMBERS
                | serenity::ApplicationFlags::GATEWAY_GUILD_MEMBERS_LIMITED,
        )
    })
}

/// What the rules need, from Discord's REST API (no cache: `doctor` has no gateway).
pub async fn read_facts(
    http: &serenity::Http,
    targets: &CheckTargets,
) -> Result<ServerFacts, serenity::Error> {
    let guild_id = serenity::GuildId::new(targets.guild_id);
    let app = http.get_current_application_info().await?;
    let me = http.get_current_user().await?;
    let guild = http.get_guild(guild_id).await?;
    let channels = http.get_channels(guild_id).await?;
    let member = http.get_member(guild_id, me.id).await?;
    let bot_position = member
        .roles
        .iter()
        .filter_map(|r| guild.roles.get(r))
        .map(|r| r.position)
        .max()
        .unwrap_or(0);
    let seen = |id: u64| ChannelSeen {
        id,
        permissions: channels
            .iter()
            .find(|c| c.id.get() == id)
            .map(|c| guild.user_permissions_in(c, &member).bits()),
    };
    Ok(ServerFacts {
        members_intent: members_intent(app.flags),
        server_permissions: guild.member_permissions(&member).bits(),
        bot_position,
        channels: targets
            .channels
            .iter()
            .map(|(used_for, id)| (*used_for, seen(*id)))
            .collect(),
        wg_category: targets.wg_category.map(seen),
        roles: targets
            .roles
            .iter()
            .map(|(used_for, id)| RoleSeen {
                used_for: used_for.clone(),
                id: *id,
                position: guild
                    .roles
                    .get(&serenity::RoleId::new(*id))
                    .map(|r| r.position),
            })
            .collect(),
    })
}
