//! `/roster`: show, set-area and export the project's leadership lists.

use poise::serenity_prelude as serenity;

use super::render as roster_render;
use crate::app::succession::roster::AREA_MAX;
use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::{self, ephemeral};
use crate::discord::{Context, Error};
use crate::i18n::{args, tr};
use crate::msg;

// Discord's copy of the governance limit on the area option below; keep them equal.
const _: () = assert!(AREA_MAX == 100);

/// The project's leadership: TSC, maintainers, security team, emeritus.
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "show",
        "set_area",
        "export",
        "crate::discord::github::commands::github"
    ),
    subcommand_required
)]
pub async fn roster(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Show the current leadership lists.
#[poise::command(slash_command, guild_only)]
pub async fn show(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let view = ctx.data().app.roster(actor.guild_id).await?;
    // A large roster takes several messages: the answer, then follow-ups.
    for embed in roster_render::roster_embeds(&view, locale) {
        reply::send_part(ctx, ephemeral("").embed(embed)).await?;
    }
    Ok(())
}

/// Record a maintainer's area of focus (your own, or anyone's for the TSC).
#[poise::command(slash_command, guild_only, rename = "set-area")]
pub async fn set_area(
    ctx: Context<'_>,
    #[max_length = 100] area: String,
    member: Option<serenity::User>,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let member_id = member.map_or(actor.user_id, |m| m.id.get());
    let area = ctx.data().app.set_area(&actor, member_id, &area).await?;
    let text = tr(
        locale,
        msg!("roster-area-set"),
        Some(&args([
            ("member", format!("<@{member_id}>").into()),
            ("area", area.into()),
        ])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// The leadership lists as Markdown for GOVERNANCE.md.
#[poise::command(slash_command, guild_only)]
pub async fn export(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let view = ctx.data().app.roster(actor.guild_id).await?;
    let markdown = roster_render::export_markdown(&view, locale);
    for message in roster_render::export_messages(&markdown) {
        reply::send_part(ctx, ephemeral(message)).await?;
    }
    Ok(())
}
