//! `/roster` (show, set-area, export) and `/review now`; the buttons of the contact DM; and the
//! roster sync from Discord's member events.

use poise::serenity_prelude as serenity;

use super::reply::{self, ephemeral, ephemeral_response};
use super::vote::{command_actor, command_locale};
use super::{Context, Data, Error, roster_render, succession_id};
use crate::app::App;
use crate::app::roster::{AREA_MAX, DiscordMember};
use crate::i18n::{args, tr};
use crate::msg;

// Discord's copy of the governance limit on the area option below; keep them equal.
const _: () = assert!(AREA_MAX == 100);

/// The project's leadership: TSC, maintainers, security team, emeritus.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("show", "set_area", "export"),
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
    ctx.send(ephemeral("").embed(roster_render::roster_embed(&view, locale)))
        .await?;
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
        ctx.send(ephemeral(message)).await?;
    }
    Ok(())
}

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
    let text = roster_render::review_text(&summary, locale);
    for message in super::render::split_message(&text, 2000) {
        ctx.send(ephemeral(message)).await?;
    }
    Ok(())
}

/// Handles "I'm still active" and "Move me to emeritus". They arrive in DMs, without a guild
/// member: the user is the interaction's, the guild the stored step's.
pub async fn on_component(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let locale = reply::locale(app, component.guild_id, Some(component.locale.as_str())).await;
    let text = match succession_id::parse(&component.data.custom_id) {
        None => {
            tracing::warn!(
                user_id = component.user.id.get(),
                "unknown succession custom id"
            );
            tr(locale, msg!("error-unknown-action"), None)
        }
        Some((step_id, answer)) => match app
            .answer_contact(component.user.id.get(), step_id, answer)
            .await
        {
            Ok(answer) => roster_render::answer_text(answer, locale),
            Err(e) => reply::error_text(locale, &e, "succession button"),
        },
    };
    component
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}

pub fn discord_member(member: &serenity::Member) -> DiscordMember {
    DiscordMember {
        member_id: member.user.id.get(),
        username: member.user.name.clone(),
        display_name: member.display_name().to_owned(),
        role_ids: member.roles.iter().map(|r| r.get()).collect(),
        bot: member.user.bot,
    }
}

/// Reads every member from Discord (paginated: GUILD_CREATE carries only part of a large
/// guild) and replaces the roster with it.
pub async fn resync(http: &serenity::Http, app: &App, guild_id: serenity::GuildId) {
    let mut members = Vec::new();
    let mut after = None;
    loop {
        match guild_id.members(http, Some(1000), after).await {
            Ok(page) => {
                let full = page.len() == 1000;
                after = page.last().map(|m| m.user.id);
                members.extend(page.iter().map(discord_member));
                if !full {
                    break;
                }
            }
            Err(e) => {
                tracing::warn!(guild_id = guild_id.get(), error = %e, "could not list members");
                return;
            }
        }
    }
    if let Err(e) = app.sync_roster(guild_id.get(), &members).await {
        tracing::error!(guild_id = guild_id.get(), error = ?e, "roster sync failed");
    }
}

/// Keeps the roster and activity in step with Discord's events.
pub async fn on_event(ctx: &serenity::Context, app: &App, event: &serenity::FullEvent) {
    let result = match event {
        serenity::FullEvent::GuildCreate { guild, .. } => {
            let (http, app, guild_id) = (ctx.http.clone(), app.clone(), guild.id);
            // Paging through a large guild must not hold up the event loop.
            tokio::spawn(async move { resync(&http, &app, guild_id).await });
            Ok(())
        }
        serenity::FullEvent::GuildMemberAddition { new_member } => {
            app.sync_member(new_member.guild_id.get(), &discord_member(new_member))
                .await
        }
        // The event's member, or the cache's newer state (see `sync_member_latest`).
        serenity::FullEvent::GuildMemberUpdate { event, .. } => {
            let member = DiscordMember {
                member_id: event.user.id.get(),
                username: event.user.name.clone(),
                display_name: event
                    .nick
                    .clone()
                    .unwrap_or_else(|| event.user.display_name().to_owned()),
                role_ids: event.roles.iter().map(|r| r.get()).collect(),
                bot: event.user.bot,
            };
            let latest = || {
                ctx.cache
                    .guild(event.guild_id)
                    .and_then(|g| g.members.get(&event.user.id).map(discord_member))
            };
            app.sync_member_latest(event.guild_id.get(), &member, latest)
                .await
        }
        serenity::FullEvent::GuildMemberRemoval { guild_id, user, .. } => {
            app.member_left(guild_id.get(), user.id.get()).await
        }
        // Activity is the time of a message, never its content (no Message Content intent).
        serenity::FullEvent::Message { new_message } => match new_message.guild_id {
            Some(guild_id) if !new_message.author.bot => {
                app.record_activity(guild_id.get(), new_message.author.id.get(), app.now())
                    .await
            }
            _ => Ok(()),
        },
        _ => Ok(()),
    };
    if let Err(e) = result {
        tracing::error!(error = ?e, "roster event not recorded");
    }
}
