//! `/review now`: the annual review summary on demand.

use super::render;
use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::ephemeral;
use crate::discord::text::{MESSAGE_MAX, split_message};
use crate::discord::{Context, Error};

/// The annual review.
#[poise::command(slash_command, guild_only, subcommands("now"), subcommand_required)]
pub async fn review(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// The annual review summary of the past twelve months, now (TSC only).
#[poise::command(slash_command, guild_only)]
pub async fn now(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let summary = ctx.data().app.review_now(&actor).await?;
    let text = render::review_text(&summary, locale);
    for message in split_message(&text, MESSAGE_MAX) {
        ctx.send(ephemeral(message)).await?;
    }
    Ok(())
}
