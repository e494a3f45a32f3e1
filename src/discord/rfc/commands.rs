//! `/rfc`: open, revise, decide, withdraw, postpone, list and show RFCs.

use poise::serenity_prelude as serenity;

use super::{flow, forms};
use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::respond_with_modal;
use crate::discord::{Context, Error};
use crate::governance::rfc::{Kind, LINK_MAX, REASON_MAX, TITLE_MAX, WHAT_CHANGED_MAX};

// Discord's copy of the limits in governance::rfc, checked before anything reaches us.
const _: () =
    assert!(TITLE_MAX == 150 && LINK_MAX == 500 && WHAT_CHANGED_MAX == 500 && REASON_MAX == 500);

/// RFCs: the process for significant changes.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("open", "revise", "decide", "withdraw", "postpone", "list", "info"),
    subcommand_required
)]
pub async fn rfc(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn number_autocomplete(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    flow::autocomplete(ctx, Kind::Rfc, partial).await
}

/// Open an RFC: its summary is asked in a form, then the community discusses.
#[poise::command(slash_command, guild_only)]
pub async fn open(
    ctx: Context<'_>,
    #[max_length = 150] title: String,
    #[max_length = 500] link: String,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let draft_id = ctx.data().app.draft_rfc(&actor, &title, &link).await?;
    respond_with_modal(ctx, forms::summary_form(draft_id, Kind::Rfc, locale)).await
}

/// Record a revision of an RFC (its author, maintainers or the TSC).
#[poise::command(slash_command, guild_only)]
pub async fn revise(
    ctx: Context<'_>,
    #[autocomplete = "number_autocomplete"]
    #[min = 1]
    rfc: i64,
    #[rename = "what-changed"]
    #[max_length = 500]
    what_changed: String,
    #[max_length = 500] link: Option<String>,
) -> Result<(), Error> {
    flow::revise(ctx, Kind::Rfc, rfc, what_changed, link).await
}

/// Put an RFC to the TSC once its discussion period is over (TSC).
#[poise::command(slash_command, guild_only)]
pub async fn decide(
    ctx: Context<'_>,
    #[autocomplete = "number_autocomplete"]
    #[min = 1]
    rfc: i64,
) -> Result<(), Error> {
    flow::decide(ctx, Kind::Rfc, rfc).await
}

/// Withdraw your RFC.
#[poise::command(slash_command, guild_only)]
pub async fn withdraw(
    ctx: Context<'_>,
    #[autocomplete = "number_autocomplete"]
    #[min = 1]
    rfc: i64,
) -> Result<(), Error> {
    flow::withdraw(ctx, Kind::Rfc, rfc).await
}

/// Postpone an RFC, with a reason (TSC).
#[poise::command(slash_command, guild_only)]
pub async fn postpone(
    ctx: Context<'_>,
    #[autocomplete = "number_autocomplete"]
    #[min = 1]
    rfc: i64,
    #[max_length = 500] reason: String,
) -> Result<(), Error> {
    flow::postpone(ctx, Kind::Rfc, rfc, reason).await
}

/// List the RFCs, optionally of one status.
#[poise::command(slash_command, guild_only)]
pub async fn list(
    ctx: Context<'_>,
    #[autocomplete = "flow::status_autocomplete"]
    #[max_length = 32]
    status: Option<String>,
) -> Result<(), Error> {
    flow::list(ctx, Kind::Rfc, status).await
}

/// Show an RFC's card.
#[poise::command(slash_command, guild_only)]
pub async fn info(
    ctx: Context<'_>,
    #[autocomplete = "number_autocomplete"]
    #[min = 1]
    rfc: i64,
) -> Result<(), Error> {
    flow::info(ctx, Kind::Rfc, rfc).await
}
