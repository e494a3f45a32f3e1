//! `/wg`: propose, list, inspect, join, leave and run working groups.

use poise::serenity_prelude as serenity;

use super::reply::ephemeral;
use super::vote::{command_actor, command_locale, current_tsc};
use super::wg_ids::{CHARTER_INPUTS, REPORT_INPUT, WgAction};
use super::{Context, Error, wg_render};
use crate::app::UserError;
use crate::app::working_groups::{CreateGroup, GroupBallot};
use crate::governance::working_group::{
    CHARTER_FIELD_MAX, FOCUS_MAX, NAME_MAX, REPORT_MAX, Status,
};
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

/// A text field of a form.
pub(super) fn input(label: String, id: &str, max: usize) -> serenity::CreateActionRow {
    serenity::CreateActionRow::InputText(
        serenity::CreateInputText::new(serenity::InputTextStyle::Paragraph, label, id)
            .min_length(1)
            .max_length(max as u16)
            .required(true),
    )
}

/// Answers a slash command with a form (poise must not answer it again).
async fn respond_with_modal(ctx: Context<'_>, modal: serenity::CreateModal) -> Result<(), Error> {
    if let poise::Context::Application(actx) = ctx {
        actx.interaction
            .create_response(
                ctx.http(),
                serenity::CreateInteractionResponse::Modal(modal),
            )
            .await?;
        actx.has_sent_initial_response
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }
    Ok(())
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
    if chair.bot {
        return Err(UserError::new(msg!("wg-error-bot-chair")).into());
    }
    let draft_id = ctx
        .data()
        .app
        .draft_working_group(
            &actor,
            CreateGroup {
                name,
                focus,
                chair_id: chair.id.get(),
                members: members.unwrap_or_default(),
                report_every,
                ends_on: ends,
            },
        )
        .await?;
    let labels = [
        msg!("wg-charter-scope"),
        msg!("wg-charter-deliverables"),
        msg!("wg-charter-timeline"),
        msg!("wg-charter-resources"),
        msg!("wg-charter-reporting"),
    ];
    let rows = labels
        .iter()
        .zip(CHARTER_INPUTS)
        .map(|(label, id)| input(tr(locale, label, None), id, CHARTER_FIELD_MAX))
        .collect();
    let modal = serenity::CreateModal::new(
        WgAction::Charter { draft_id }.encode(),
        tr(locale, msg!("wg-charter-form-title"), None),
    )
    .components(rows);
    respond_with_modal(ctx, modal).await
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
    ctx.defer_ephemeral().await?;
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let app = &ctx.data().app;
    let config = app.guild_config(actor.guild_id).await?;
    if member.bot {
        return Err(UserError::new(msg!("wg-error-bot-chair")).into());
    }
    let view = app.working_group(actor.guild_id, &name).await?;
    let electorate = current_tsc(ctx.http(), &config).await?;
    let guild_locale = config.locale.as_str();
    let title = wg_render::notice(guild_locale, msg!("wg-ballot-chair-title"), &view.group);
    let description = tr(
        guild_locale,
        msg!("wg-ballot-chair-description"),
        Some(&args([
            ("name", view.group.name.as_str().into()),
            ("member", format!("<@{}>", member.id).into()),
            ("chair", format!("<@{}>", view.group.chair_id).into()),
        ])),
    );
    // The ballot is read by everyone: its text is in the guild's language.
    let ballot = GroupBallot {
        title,
        description,
        channel_id: ctx.channel_id().get(),
        electorate,
    };
    let opened = app
        .propose_chair(&actor, &name, member.id.get(), ballot)
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
    if view.group.chair_id != actor.user_id {
        return Err(UserError::new(msg!("wg-error-only-chair-reports")).into());
    }
    respond_with_modal(ctx, report_form(view.group.id, &view.group.name, locale)).await
}

pub(super) fn report_form(wg_id: i64, name: &str, locale: &str) -> serenity::CreateModal {
    let title = super::render::truncate(
        &tr(
            locale,
            msg!("wg-report-form-title"),
            Some(&args([("name", name.into())])),
        ),
        45,
    );
    serenity::CreateModal::new(WgAction::Report { wg_id }.encode(), title).components(vec![input(
        tr(locale, msg!("wg-report-form-label"), None),
        REPORT_INPUT,
        REPORT_MAX,
    )])
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
    ctx.defer_ephemeral().await?;
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let view = ctx.data().app.working_group(actor.guild_id, &name).await?;
    let opened = super::wg_interactions::open_close_ballot(
        ctx.serenity_context(),
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
