//! `/review now`: the annual review summary on demand; `/review publish`: the TSC completes the
//! review in a form and puts it to a ballot, to be shared with the community.

use super::{forms, render};
use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::{ephemeral, respond_with_modal};
use crate::discord::text::{MESSAGE_MAX, split_message};
use crate::discord::{Context, Error};
use crate::governance::permissions::{Action, Facts};

/// The annual review.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("now", "publish"),
    subcommand_required
)]
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

/// Complete the annual review (a form) and put it to the TSC, to be shared (TSC only).
#[poise::command(slash_command, guild_only)]
pub async fn publish(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let app = &ctx.data().app;
    app.guild_config(actor.guild_id).await?;
    actor.require(Action::PublishAnnualReview, Facts::default())?;
    // The last review's sections are the starting point of this one.
    let previous = app.latest_review_sections(actor.guild_id).await?;
    respond_with_modal(ctx, forms::review_form(previous.as_ref(), locale)).await
}
