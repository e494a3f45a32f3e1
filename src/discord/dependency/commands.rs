//! `/dependency`: propose adding or removing a third-party dependency, list and inspect the
//! approved list, and export it for the repository.

use poise::serenity_prelude as serenity;

use super::{export, forms, render};
use crate::app::dependency::proposal::ProposeDependency;
use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::{ephemeral, respond_with_modal};
use crate::discord::{Context, Error};
use crate::governance::dependency::{ECOSYSTEM_MAX, NAME_MAX, TEXT_MAX, VERSION_MAX};
use crate::i18n::{args, tr};
use crate::msg;

// Discord's copy of the limits in governance::dependency, checked before anything reaches us.
const _: () = assert!(NAME_MAX == 100 && VERSION_MAX == 50 && ECOSYSTEM_MAX == 30);
const _: () = assert!(TEXT_MAX == 1000);

/// Third-party dependencies: proposals, reviews, the approved list.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("propose", "remove", "list", "info", "export"),
    subcommand_required
)]
pub async fn dependency(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Propose a dependency: the need and the alternatives considered are asked in a form.
#[poise::command(slash_command, guild_only)]
pub async fn propose(
    ctx: Context<'_>,
    #[max_length = 100] name: String,
    #[max_length = 50] version: Option<String>,
    #[max_length = 30] ecosystem: Option<String>,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let draft_id = ctx
        .data()
        .app
        .draft_dependency(
            &actor,
            ProposeDependency {
                name,
                version,
                ecosystem,
            },
        )
        .await?;
    respond_with_modal(ctx, forms::proposal_form(draft_id, locale)).await
}

/// Propose removing an approved dependency; a maintainer other than you decides.
#[poise::command(slash_command, guild_only)]
pub async fn remove(
    ctx: Context<'_>,
    #[max_length = 100] name: String,
    #[max_length = 1000] reason: String,
    #[max_length = 30] ecosystem: Option<String>,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let d = ctx
        .data()
        .app
        .propose_dependency_removal(&actor, &name, ecosystem.as_deref(), &reason)
        .await?;
    let text = tr(
        locale,
        msg!("dependency-removal-proposed"),
        Some(&args([
            ("name", render::heading(&d).into()),
            ("channel", format!("<#{}>", d.channel_id).into()),
        ])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// List the approved dependencies and the proposals under way.
#[poise::command(slash_command, guild_only)]
pub async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let app = &ctx.data().app;
    let approved = app.approved_dependencies(actor.guild_id).await?;
    let proposals = app.dependency_proposals(actor.guild_id).await?;
    ctx.send(ephemeral(render::list_text(&approved, &proposals, locale)))
        .await?;
    Ok(())
}

/// Show a dependency's latest proposal: its need, alternatives, reviews and decision.
#[poise::command(slash_command, guild_only)]
pub async fn info(
    ctx: Context<'_>,
    #[max_length = 100] name: String,
    #[max_length = 30] ecosystem: Option<String>,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let d = ctx
        .data()
        .app
        .dependency(actor.guild_id, &name, ecosystem.as_deref())
        .await?;
    ctx.send(ephemeral("").embed(render::card_embed(&d, locale)))
        .await?;
    Ok(())
}

/// Export the approved list: a Markdown table for the repository, and JSON.
#[poise::command(slash_command, guild_only)]
pub async fn export(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let approved = ctx.data().app.approved_dependencies(actor.guild_id).await?;
    let markdown = export::markdown(&approved, locale);
    let json = serde_json::to_vec_pretty(&export::json(&approved))
        .map_err(|e| crate::app::AppError::Internal(e.into()))?;
    let text = tr(
        locale,
        msg!("dependency-export-done"),
        Some(&args([("count", approved.len().into())])),
    );
    let reply = ephemeral(text)
        .attachment(serenity::CreateAttachment::bytes(
            markdown.into_bytes(),
            "DEPENDENCIES.md",
        ))
        .attachment(serenity::CreateAttachment::bytes(json, "dependencies.json"));
    ctx.send(reply).await?;
    Ok(())
}
