//! The only code that knows serenity and poise: commands, buttons and forms, rendering, and
//! the outbox's publisher. Thin: parse, call `app`, render.
//!
//! One folder per feature (`ballot`, `working_group`, `succession`, `annual_review`, `guild`),
//! each with `commands.rs`, `components.rs` (buttons and forms), `render.rs` and `publish.rs`.
//! Shared pieces have homes of their own: `actor` (who is acting), `text` (limits, splitting),
//! `reply` (ephemeral answers, errors), `custom_id` (every button and form), `rest`,
//! `publisher`. The registries: `commands` (every command), `events` (every button and form,
//! routed by their typed id), `delivery` (every notice).

pub mod actor;
pub mod amendment;
pub mod annual_review;
pub mod ballot;
pub mod case;
pub mod commands;
pub mod custom_id;
pub mod decision_log;
pub mod delivery;
pub mod dependency;
pub mod dissolution;
pub mod events;
pub mod form_inputs;
pub mod github;
pub mod guild;
pub mod latency;
pub mod nomination;
pub mod publisher;
pub mod release;
pub mod reply;
pub mod rest;
pub mod rfc;
pub mod succession;
pub mod text;
pub mod web;
pub mod working_group;

use poise::serenity_prelude as serenity;

use crate::app::{App, AppError};
use crate::i18n::tr;
use crate::msg;

/// What every command and handler can reach.
pub struct Data {
    pub app: App,
    /// How long answers take (stamped on arrival, marked when answered).
    pub latency: latency::Latency,
}

pub type Error = AppError;
pub type Context<'a> = poise::Context<'a, Data, Error>;

impl From<serenity::Error> for AppError {
    fn from(e: serenity::Error) -> Self {
        AppError::Internal(anyhow::Error::new(e))
    }
}

/// The gateway intents and why: GUILDS for guilds, roles and channels; GUILD_MEMBERS
/// (privileged) to read who holds the TSC role when a ballot opens and to keep the roster in
/// sync as members gain or lose roles or leave; GUILD_MESSAGES to see *that* a member posted
/// (the time is their last activity, for succession planning). Not MESSAGE_CONTENT: the bot
/// never reads what members write.
pub fn intents() -> serenity::GatewayIntents {
    serenity::GatewayIntents::GUILDS
        | serenity::GatewayIntents::GUILD_MEMBERS
        | serenity::GatewayIntents::GUILD_MESSAGES
}

/// The poise framework: commands registered at start-up (to one guild while developing).
pub fn framework(
    app: App,
    dev_guild: Option<u64>,
    latency: latency::Latency,
) -> poise::Framework<Data, Error> {
    poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: commands::commands(),
            on_error: |error| Box::pin(on_error(error)),
            event_handler: |framework, event| Box::pin(events::on_event(framework, event)),
            // A command is activity (succession planning); only its time is kept.
            pre_command: |ctx| {
                Box::pin(async move {
                    if let Some(guild_id) = ctx.guild_id() {
                        let app = &ctx.data().app;
                        let user_id = ctx.author().id.get();
                        if let Err(e) = app
                            .record_activity(guild_id.get(), user_id, app.now())
                            .await
                        {
                            tracing::warn!(error = ?e, "command activity not recorded");
                        }
                    }
                })
            },
            // A command that did not defer answered by the time it returns.
            post_command: |ctx| Box::pin(async move { ctx.data().latency.answered(ctx.id()) }),
            allowed_mentions: Some(reply::no_pings()),
            // Owners are not used; skipping the lookup saves a request at start-up.
            initialize_owners: false,
            ..Default::default()
        })
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                let commands = &framework.options().commands;
                match dev_guild {
                    Some(guild) => {
                        // Discord offers no guild command in DMs: the commands members use
                        // there (`/report`) are registered globally even while developing.
                        let (dm, guild_only): (Vec<_>, Vec<_>) =
                            commands.iter().partition(|c| commands::usable_in_dms(c));
                        poise::builtins::register_in_guild(
                            ctx,
                            guild_only,
                            serenity::GuildId::new(guild),
                        )
                        .await?;
                        poise::builtins::register_globally(ctx, dm).await?
                    }
                    None => poise::builtins::register_globally(ctx, commands).await?,
                }
                tracing::info!(
                    user_id = ready.user.id.get(),
                    guilds = ready.guilds.len(),
                    "connected; commands registered"
                );
                Ok(Data { app, latency })
            })
        })
        .build()
}

async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    let (ctx, text_for) = match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            let locale = actor::command_locale(ctx).await;
            (
                ctx,
                reply::error_text(locale, &error, &ctx.command().qualified_name),
            )
        }
        poise::FrameworkError::ArgumentParse { ctx, .. } => {
            // The input is member text: never logged.
            let locale = actor::command_locale(ctx).await;
            (ctx, tr(locale, msg!("error-invalid-input"), None))
        }
        poise::FrameworkError::GuildOnly { ctx, .. } => {
            let locale = actor::command_locale(ctx).await;
            (ctx, tr(locale, msg!("error-guild-only"), None))
        }
        poise::FrameworkError::Setup { error, .. } => {
            tracing::error!(error = ?error, "start-up failed");
            return;
        }
        other => {
            let kind = std::mem::discriminant(&other);
            tracing::error!(?kind, "unhandled framework error");
            match other.ctx() {
                Some(ctx) => {
                    let locale = actor::command_locale(ctx).await;
                    (ctx, tr(locale, msg!("generic-error"), None))
                }
                None => return,
            }
        }
    };
    let sent = ctx.send(reply::ephemeral(text_for)).await;
    ctx.data().latency.answered(ctx.id());
    if let Err(e) = sent {
        tracing::warn!(error = reply::redacted(&e), "could not send an error reply");
    }
}
