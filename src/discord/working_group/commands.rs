//! `/wg`: propose, list, inspect, join, leave and run working groups.

use poise::serenity_prelude as serenity;

use super::{ballots, forms, render as wg_render};
use crate::app::working_group::proposal::CreateGroup;
use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::{self, ephemeral, respond_with_modal};
use crate::discord::text::mentioned_users;
use crate::discord::{Context, Error};
use crate::governance::permissions::{Action, Facts};
use crate::governance::working_group::{FOCUS_MAX, NAME_MAX, Status};
use crate::i18n::{args, tr};
use crate::msg;

// Discord's copy of the limits in governance::working_group, checked before anything reaches us.
const _: () = assert!(NAME_MAX == 50 && FOCUS_MAX == 100);

/// Working groups.
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "create", "list", "info", "join", "leave", "remove", "chair", "report", "close"
    ),
    subcommand_required
)]
pub async fn wg(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn name_autocomplete(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let groups = match ctx.guild_id() {
        Some(g) => ctx
            .data()
            .app
            .working_groups(g.get())
            .await
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let partial = partial.to_lowercase();
    let choices = groups
        .iter()
        .filter(|g| g.status == Status::Active || g.status == Status::Proposed)
        .filter(|g| g.name.to_lowercase().contains(&partial))
        .take(25)
        .map(|g| serenity::AutocompleteChoice::new(g.name.clone(), g.name.clone()))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Propose a working group: its charter is asked in a form, then the TSC votes.
#[poise::command(slash_command, guild_only)]
pub async fn create(
    ctx: Context<'_>,
    #[max_length = 50] name: String,
    #[max_length = 100] focus: String,
    chair: serenity::User,
    #[max_length = 1000] members: Option<String>,
    #[rename = "report-every"]
    #[max_length = 16]
    report_every: Option<String>,
    #[max_length = 10] ends: Option<String>,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let draft_id = ctx
        .data()
        .app
        .draft_working_group(
            &actor,
            CreateGroup {
                name,
                focus,
                chair_id: chair.id.get(),
                chair_is_bot: chair.bot,
                members: mentioned_users(&members.unwrap_or_default()),
                report_every,
                ends_on: ends,
            },
        )
        .await?;
    respond_with_modal(ctx, forms::charter_form(draft_id, locale)).await
}

/// List the working groups: name, focus area, chair, status.
#[poise::command(slash_command, guild_only)]
pub async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let groups = ctx.data().app.working_groups(actor.guild_id).await?;
    ctx.send(ephemeral(wg_render::list_text(&groups, locale)))
        .await?;
    Ok(())
}

/// Show a group's charter, chair, members and next report.
#[poise::command(slash_command, guild_only)]
pub async fn info(
    ctx: Context<'_>,
    #[autocomplete = "name_autocomplete"]
    #[max_length = 50]
    name: String,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let view = ctx.data().app.working_group(actor.guild_id, &name).await?;
    ctx.send(ephemeral("").embed(wg_render::group_embed(&view, locale)))
        .await?;
    Ok(())
}

/// Ask to join a group; its chair decides.
#[poise::command(slash_command, guild_only)]
pub async fn join(
    ctx: Context<'_>,
    #[autocomplete = "name_autocomplete"]
    #[max_length = 50]
    name: String,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let group = ctx.data().app.request_to_join(&actor, &name).await?;
    ctx.send(ephemeral(wg_render::notice(
        locale,
        msg!("wg-join-sent"),
        &group,
    )))
    .await?;
    Ok(())
}

/// Leave a group.
#[poise::command(slash_command, guild_only)]
pub async fn leave(
    ctx: Context<'_>,
    #[autocomplete = "name_autocomplete"]
    #[max_length = 50]
    name: String,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let group = ctx.data().app.leave_working_group(&actor, &name).await?;
    ctx.send(ephemeral(wg_render::notice(
        locale,
        msg!("wg-left"),
        &group,
    )))
    .await?;
    Ok(())
}

/// Remove a member from a group (its chair or the TSC).
#[poise::command(slash_command, guild_only)]
pub async fn remove(
    ctx: Context<'_>,
    #[autocomplete = "name_autocomplete"]
    #[max_length = 50]
    name: String,
    member: serenity::User,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let group = ctx
        .data()
        .app
        .remove_from_working_group(&actor, &name, member.id.get())
        .await?;
    let text = tr(
        locale,
        msg!("wg-removed"),
        Some(&args([
            ("member", format!("<@{}>", member.id).into()),
            ("name", group.name.as_str().into()),
        ])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// Propose a new chair; the TSC decides by ballot.
#[poise::command(slash_command, guild_only)]
pub async fn chair(
    ctx: Context<'_>,
    #[autocomplete = "name_autocomplete"]
    #[max_length = 50]
    name: String,
    member: serenity::User,
) -> Result<(), Error> {
    // Reading the TSC from Discord can take longer than the 3 s Discord waits for an answer.
    reply::defer(ctx).await?;
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let opened = ballots::open_chair_ballot(
        ctx.http(),
        &ctx.data().app,
        &actor,
        &name,
        &member,
        ctx.channel_id().get(),
    )
    .await?;
    let text = tr(
        locale,
        msg!("wg-ballot-opened"),
        Some(&args([("id", opened.id.into())])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// File the group's report (its chair).
#[poise::command(slash_command, guild_only)]
pub async fn report(
    ctx: Context<'_>,
    #[autocomplete = "name_autocomplete"]
    #[max_length = 50]
    name: String,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let view = ctx.data().app.working_group(actor.guild_id, &name).await?;
    let facts = Facts {
        chair: view.group.chair_id == actor.user_id,
        ..Facts::default()
    };
    actor.require(Action::FileReport, facts)?;
    respond_with_modal(
        ctx,
        forms::report_form(view.group.id, &view.group.name, locale),
    )
    .await
}

/// Propose closing a group; the TSC decides by ballot.
#[poise::command(slash_command, guild_only)]
pub async fn close(
    ctx: Context<'_>,
    #[autocomplete = "name_autocomplete"]
    #[max_length = 50]
    name: String,
    #[max_length = 500] reason: String,
) -> Result<(), Error> {
    // Reading the TSC from Discord can take longer than the 3 s Discord waits for an answer.
    reply::defer(ctx).await?;
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let view = ctx.data().app.working_group(actor.guild_id, &name).await?;
    let opened = ballots::open_close_ballot(
        ctx.http(),
        &ctx.data().app,
        &actor,
        view.group.id,
        ctx.channel_id().get(),
        &reason,
    )
    .await?;
    let text = tr(
        locale,
        msg!("wg-ballot-opened"),
        Some(&args([("id", opened.id.into())])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}
