//! `/vote`: start, status, list and cancel TSC ballots.

use super::{concerns, render};
use crate::app::ballot::open::StartBallot;
use crate::discord::actor::{command_actor, command_locale, tsc_now};
use crate::discord::reply::{self, ephemeral};
use crate::discord::{Context, Error};
use crate::governance::ballot::{DESCRIPTION_MAX, REASON_MAX, TITLE_MAX};
use crate::governance::permissions::{Action, Facts};
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

/// The guild's open ballots whose number or title holds what the member typed (RFCs and
/// amendments brought ballot numbers no one remembers).
async fn ballot_autocomplete(
    ctx: Context<'_>,
    partial: &str,
) -> poise::serenity_prelude::CreateAutocompleteResponse {
    use poise::serenity_prelude as serenity;
    // Only the ballots the member may know of: private subjects are the TSC's.
    let views = match command_actor(ctx).await {
        Ok(actor) => ctx
            .data()
            .app
            .visible_ballots(&actor)
            .await
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    let locale = command_locale(ctx).await;
    let partial = partial.trim().trim_start_matches('#').to_lowercase();
    let choices = views
        .iter()
        .map(|v| &v.ballot)
        .filter(|b| {
            b.id.to_string().starts_with(&partial)
                || render::ballot_title(b, locale)
                    .to_lowercase()
                    .contains(&partial)
        })
        .take(25)
        .map(|b| {
            let name = format!("#{} {}", b.id, render::ballot_title(b, locale));
            serenity::AutocompleteChoice::new(crate::discord::text::truncate(&name, 100), b.id)
        })
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
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
    reply::defer(ctx).await?;
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let app = &ctx.data().app;
    let config = app.guild_config(actor.guild_id).await?;
    // Check the role before asking Discord for the member list.
    actor.require(Action::StartBallot, Facts::default())?;
    let electorate = tsc_now(ctx.http(), &ctx.data().app, &config).await?;
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
            ("title", render::ballot_title(&ballot, locale).into()),
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
pub async fn status(
    ctx: Context<'_>,
    #[autocomplete = "ballot_autocomplete"]
    #[min = 1]
    ballot: i64,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let view = ctx.data().app.ballot_status(&actor, ballot).await?;
    // Every concern in full, across as many messages as it takes.
    let main = render::ballot_embed(&view, locale);
    for (n, page) in concerns::pages(&view, locale, main).into_iter().enumerate() {
        let mut reply = ephemeral("");
        if n == 0
            && let Some(link) = render::ballot_link(&view)
        {
            reply = reply.content(link);
        }
        for embed in page.embeds {
            reply = reply.embed(embed);
        }
        reply::send_part(ctx, reply).await?;
    }
    Ok(())
}

/// List the guild's open ballots.
#[poise::command(slash_command, guild_only)]
pub async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let views = ctx.data().app.visible_ballots(&actor).await?;
    ctx.send(ephemeral(render::list_text(&views, locale)))
        .await?;
    Ok(())
}

/// Cancel an open ballot (its opener or any TSC member).
#[poise::command(slash_command, guild_only)]
pub async fn cancel(
    ctx: Context<'_>,
    #[autocomplete = "ballot_autocomplete"]
    #[min = 1]
    ballot: i64,
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
            ("title", render::ballot_title(&b, locale).into()),
        ])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}
