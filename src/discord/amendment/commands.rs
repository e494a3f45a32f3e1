//! `/amend`: propose an amendment to governance (with optional policy changes) and take it
//! through the RFC flow: revise, decide, withdraw, postpone, list, info.

use poise::serenity_prelude as serenity;

use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::respond_with_modal;
use crate::discord::rfc::{flow, forms};
use crate::discord::{Context, Error};
use crate::governance::amendment::CHANGES_MAX;
use crate::governance::rfc::Kind;

// Discord's copy of the limit in governance::amendment.
const _: () = assert!(CHANGES_MAX == 500);

/// Amendments to governance.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("propose", "revise", "decide", "withdraw", "postpone", "list", "info"),
    subcommand_required
)]
pub async fn amend(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn number_autocomplete(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    flow::autocomplete(ctx, Kind::Amendment, partial).await
}

/// Propose an amendment: the issue or pull request changing the text, and policy changes.
#[poise::command(slash_command, guild_only)]
pub async fn propose(
    ctx: Context<'_>,
    #[max_length = 150] title: String,
    #[max_length = 500] link: String,
    #[max_length = 500] changes: Option<String>,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let draft_id = ctx
        .data()
        .app
        .draft_amendment(&actor, &title, &link, changes.as_deref())
        .await?;
    respond_with_modal(ctx, forms::summary_form(draft_id, Kind::Amendment, locale)).await
}

/// Record a revision of an amendment (its author, maintainers or the TSC).
#[poise::command(slash_command, guild_only)]
pub async fn revise(
    ctx: Context<'_>,
    #[autocomplete = "number_autocomplete"]
    #[min = 1]
    amendment: i64,
    #[rename = "what-changed"]
    #[max_length = 500]
    what_changed: String,
    #[max_length = 500] link: Option<String>,
) -> Result<(), Error> {
    flow::revise(ctx, Kind::Amendment, amendment, what_changed, link).await
}

/// Put an amendment to the TSC once its discussion period is over (TSC).
#[poise::command(slash_command, guild_only)]
pub async fn decide(
    ctx: Context<'_>,
    #[autocomplete = "number_autocomplete"]
    #[min = 1]
    amendment: i64,
) -> Result<(), Error> {
    flow::decide(ctx, Kind::Amendment, amendment).await
}

/// Withdraw your amendment.
#[poise::command(slash_command, guild_only)]
pub async fn withdraw(
    ctx: Context<'_>,
    #[autocomplete = "number_autocomplete"]
    #[min = 1]
    amendment: i64,
) -> Result<(), Error> {
    flow::withdraw(ctx, Kind::Amendment, amendment).await
}

/// Postpone an amendment, with a reason (TSC).
#[poise::command(slash_command, guild_only)]
pub async fn postpone(
    ctx: Context<'_>,
    #[autocomplete = "number_autocomplete"]
    #[min = 1]
    amendment: i64,
    #[max_length = 500] reason: String,
) -> Result<(), Error> {
    flow::postpone(ctx, Kind::Amendment, amendment, reason).await
}

/// List the amendments, optionally of one status.
#[poise::command(slash_command, guild_only)]
pub async fn list(
    ctx: Context<'_>,
    #[autocomplete = "flow::status_autocomplete"]
    #[max_length = 32]
    status: Option<String>,
) -> Result<(), Error> {
    flow::list(ctx, Kind::Amendment, status).await
}

/// Show an amendment's card.
#[poise::command(slash_command, guild_only)]
pub async fn info(
    ctx: Context<'_>,
    #[autocomplete = "number_autocomplete"]
    #[min = 1]
    amendment: i64,
) -> Result<(), Error> {
    flow::info(ctx, Kind::Amendment, amendment).await
}
