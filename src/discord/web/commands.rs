//! `/govern web enable slug` and `/govern web disable` (the TSC): publish the server's
//! transparency page under a public slug, or withdraw it.

use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::ephemeral;
use crate::discord::{Context, Error};
use crate::governance::web::MAX_SLUG;
use crate::i18n::{args, tr};
use crate::msg;

// Discord's copy of the slug's limit, checked before anything reaches us.
const _: () = assert!(MAX_SLUG == 40);

/// The transparency page: publish or withdraw it.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("enable", "disable"),
    subcommand_required
)]
pub async fn web(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Publish the server's governance on the web under a slug (TSC only).
#[poise::command(slash_command, guild_only)]
pub async fn enable(ctx: Context<'_>, #[max_length = 40] slug: String) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let slug = ctx.data().app.enable_web_page(&actor, &slug).await?;
    let text = tr(
        locale,
        msg!("govern-web-enabled"),
        Some(&args([("slug", slug.into())])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// Withdraw the server's transparency page (TSC only).
#[poise::command(slash_command, guild_only)]
pub async fn disable(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let slug = ctx.data().app.disable_web_page(&actor).await?;
    let text = tr(
        locale,
        msg!("govern-web-disabled"),
        Some(&args([("slug", slug.into())])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}
