//! `/vote`: start, status, list and cancel TSC ballots; the vote buttons and the concern modal.

use poise::serenity_prelude as serenity;

use super::actor::actor;
use super::custom_id::{Action, CONCERN_INPUT};
use super::reply::{self, ephemeral, ephemeral_response};
use super::{Context, Data, Error, render};
use crate::app::ballots::StartBallot;
use crate::app::{Actor, AppError, UserError};
use crate::governance::ballot::{CONCERN_MAX, Choice, DESCRIPTION_MAX, REASON_MAX, TITLE_MAX};
use crate::i18n::{args, tr};
use crate::msg;

// The `max_length`s of the options below are Discord's copy of the governance limits, so that
// Discord refuses overlong text before it reaches us; keep them equal.
const _: () = assert!(TITLE_MAX == 200 && DESCRIPTION_MAX == 2000 && REASON_MAX == 500);

/// TSC ballots.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("start", "status", "list", "cancel"),
    subcommand_required
)]
pub async fn vote(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// The invoking member as an actor; slash commands in guilds always carry the member.
pub(super) async fn command_actor(ctx: Context<'_>) -> Result<Actor, Error> {
    let guild_id = ctx
        .guild_id()
        .ok_or_else(|| UserError::new(msg!("error-guild-only")))?;
    let member = match ctx {
        poise::Context::Application(actx) => actx.interaction.member.clone(),
        poise::Context::Prefix(_) => None,
    }
    .ok_or_else(|| UserError::new(msg!("error-guild-only")))?;
    actor(&ctx.data().app, guild_id, &member).await
}

pub(super) async fn command_locale(ctx: Context<'_>) -> &'static str {
    reply::locale(&ctx.data().app, ctx.guild_id(), ctx.locale()).await
}

/// The members who hold the TSC role right now, read from Discord (not the cache, which may
/// hold only part of a large guild).
pub(super) async fn tsc_members(
    http: &serenity::Http,
    guild_id: serenity::GuildId,
    tsc_role: u64,
) -> Result<Vec<u64>, Error> {
    let role = serenity::RoleId::new(tsc_role);
    let mut members = Vec::new();
    let mut after = None;
    loop {
        let page = guild_id.members(http, Some(1000), after).await?;
        let full = page.len() == 1000;
        after = page.last().map(|m| m.user.id);
        members.extend(
            page.iter()
                .filter(|m| !m.user.bot && m.roles.contains(&role))
                .map(|m| m.user.id.get()),
        );
        if !full {
            return Ok(members);
        }
    }
}

/// The TSC of a configured guild, right now.
pub(super) async fn current_tsc(
    http: &serenity::Http,
    config: &crate::store::guilds::GuildConfig,
) -> Result<Vec<u64>, Error> {
    let tsc_role = config
        .role_id(crate::governance::roles::GovRole::Tsc)
        .ok_or_else(|| UserError::new(msg!("error-not-configured")))?;
    tsc_members(http, serenity::GuildId::new(config.guild_id), tsc_role).await
}

/// Put a question to a formal TSC vote.
#[poise::command(slash_command, guild_only)]
pub async fn start(
    ctx: Context<'_>,
    #[max_length = 200] title: String,
    #[max_length = 2000] description: Option<String>,
    #[max_length = 32] duration: Option<String>,
    secret: Option<bool>,
) -> Result<(), Error> {
    // Reading the TSC from Discord can take longer than the 3 s Discord waits for an answer.
    ctx.defer_ephemeral().await?;
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let app = &ctx.data().app;
    let config = app.guild_config(actor.guild_id).await?;
    // Check the role before asking Discord for the member list.
    if !actor.standing.may_start_ballot() {
        return Err(UserError::new(msg!("error-needs-tsc")).into());
    }
    let electorate = current_tsc(ctx.http(), &config).await?;
    let ballot = app
        .start_ballot(
            &actor,
            StartBallot {
                title,
                description: description.unwrap_or_default(),
                duration,
                secret: secret.unwrap_or(false),
                channel_id: ctx.channel_id().get(),
                electorate,
            },
        )
        .await?;
    let text = tr(
        locale,
        msg!("vote-started"),
        Some(&args([
            ("id", ballot.id.into()),
            ("title", ballot.title.as_str().into()),
            (
                "deadline",
                format!("<t:{}:F>", ballot.closes_at.timestamp()).into(),
            ),
        ])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// Show a ballot's state.
#[poise::command(slash_command, guild_only)]
pub async fn status(ctx: Context<'_>, #[min = 1] ballot: i64) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let view = ctx.data().app.ballot_status(&actor, ballot).await?;
    let mut reply = ephemeral("").embed(render::ballot_embed(&view, locale));
    if let Some(link) = render::ballot_link(&view) {
        reply = reply.content(link);
    }
    ctx.send(reply).await?;
    Ok(())
}

/// List the guild's open ballots.
#[poise::command(slash_command, guild_only)]
pub async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let views = ctx.data().app.open_ballots(actor.guild_id).await?;
    ctx.send(ephemeral(render::list_text(&views, locale)))
        .await?;
    Ok(())
}

/// Cancel an open ballot (its opener or any TSC member).
#[poise::command(slash_command, guild_only)]
pub async fn cancel(
    ctx: Context<'_>,
    #[min = 1] ballot: i64,
    #[max_length = 500] reason: String,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let b = ctx
        .data()
        .app
        .cancel_ballot(&actor, ballot, &reason)
        .await?;
    let text = tr(
        locale,
        msg!("vote-cancelled"),
        Some(&args([
            ("id", b.id.into()),
            ("title", b.title.as_str().into()),
        ])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// Handles a vote button. A -1 answers with the concern modal; everything else is recorded
/// and confirmed once committed.
pub async fn on_component(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let locale = reply::locale(app, component.guild_id, Some(component.locale.as_str())).await;
    let response = match (
        Action::parse(&component.data.custom_id),
        component.guild_id,
        component.member.as_ref(),
    ) {
        (None, ..) => {
            tracing::warn!(
                user_id = component.user.id.get(),
                "unknown component custom id"
            );
            ephemeral_response(tr(locale, msg!("error-unknown-action"), None))
        }
        (Some(_), None, _) | (Some(_), _, None) => {
            ephemeral_response(tr(locale, msg!("error-guild-only"), None))
        }
        (
            Some(Action::Vote {
                ballot_id,
                choice: Choice::No,
            }),
            Some(_),
            Some(_),
        ) => concern_modal(ballot_id, locale),
        (Some(action), Some(guild_id), Some(member)) => {
            let result = match actor(app, guild_id, member).await {
                Ok(actor) => match action {
                    Action::Vote { ballot_id, choice } => app
                        .cast_vote(&actor, ballot_id, choice, None)
                        .await
                        .map(|r| render::receipt_text(&r, locale)),
                    Action::Withdraw { ballot_id } => {
                        app.withdraw_vote(&actor, ballot_id).await.map(|b| {
                            tr(
                                locale,
                                msg!("vote-withdrawn"),
                                Some(&args([
                                    ("id", b.id.into()),
                                    ("title", b.title.as_str().into()),
                                ])),
                            )
                        })
                    }
                    Action::Concern { .. } => {
                        Err(AppError::User(UserError::new(msg!("error-unknown-action"))))
                    }
                },
                Err(e) => Err(e),
            };
            ephemeral_response(
                result.unwrap_or_else(|e| reply::error_text(locale, &e, "vote button")),
            )
        }
    };
    component.create_response(&ctx.http, response).await
}

fn concern_modal(ballot_id: i64, locale: &str) -> serenity::CreateInteractionResponse {
    let input = serenity::CreateInputText::new(
        serenity::InputTextStyle::Paragraph,
        tr(locale, msg!("concern-modal-label"), None),
        CONCERN_INPUT,
    )
    .placeholder(tr(locale, msg!("concern-modal-placeholder"), None))
    .min_length(1)
    .max_length(CONCERN_MAX as u16)
    .required(true);
    serenity::CreateInteractionResponse::Modal(
        serenity::CreateModal::new(
            Action::Concern { ballot_id }.encode(),
            tr(
                locale,
                msg!("concern-modal-title"),
                Some(&args([("id", ballot_id.into())])),
            ),
        )
        .components(vec![serenity::CreateActionRow::InputText(input)]),
    )
}

/// Handles the concern modal: records the -1 with its concern.
pub async fn on_modal(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let locale = reply::locale(app, modal.guild_id, Some(modal.locale.as_str())).await;
    let concern = modal
        .data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            serenity::ActionRowComponent::InputText(t) if t.custom_id == CONCERN_INPUT => {
                t.value.clone()
            }
            _ => None,
        });
    let text = match (
        Action::parse(&modal.data.custom_id),
        modal.guild_id,
        modal.member.as_ref(),
    ) {
        (Some(Action::Concern { ballot_id }), Some(guild_id), Some(member)) => {
            let result = match actor(app, guild_id, member).await {
                Ok(actor) => {
                    app.cast_vote(&actor, ballot_id, Choice::No, concern.as_deref())
                        .await
                }
                Err(e) => Err(e),
            };
            match result {
                Ok(receipt) => render::receipt_text(&receipt, locale),
                Err(e) => reply::error_text(locale, &e, "concern modal"),
            }
        }
        (Some(Action::Concern { .. }), ..) => tr(locale, msg!("error-guild-only"), None),
        _ => {
            tracing::warn!(user_id = modal.user.id.get(), "unknown modal custom id");
            tr(locale, msg!("error-unknown-action"), None)
        }
    };
    modal
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}
