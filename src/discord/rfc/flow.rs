//! The steps `/rfc` and `/amend` share, for either kind of proposal: revise, decide, withdraw,
//! postpone, list, info, and the autocomplete of numbers and titles.

use poise::serenity_prelude as serenity;

use super::{render, render_steps};
use crate::app::UserError;
use crate::app::rfc::decide::RfcBallot;
use crate::discord::actor::{command_actor, command_locale, tsc_now};
use crate::discord::reply::{self, ephemeral};
use crate::discord::{Context, Error};
use crate::governance::rfc::{Kind, Status};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::rfc::Rfc;

/// Proposals whose number or title contains what the member typed, newest first.
pub async fn autocomplete(
    ctx: Context<'_>,
    kind: Kind,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let rfcs = match ctx.guild_id() {
        Some(g) => ctx
            .data()
            .app
            .rfcs(g.get(), kind, None)
            .await
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let locale = command_locale(ctx).await;
    let partial = partial.trim().trim_start_matches('#').to_lowercase();
    let choices = rfcs
        .iter()
        .filter(|r| {
            partial.is_empty()
                || r.number
                    .is_some_and(|n| n.to_string().starts_with(&partial))
                || r.title.to_lowercase().contains(&partial)
        })
        .take(25)
        .map(|r| {
            let name = crate::discord::text::truncate(&render::heading(r, locale), 100);
            serenity::AutocompleteChoice::new(name, r.number.unwrap_or(0))
        })
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// The status names members may type in `list status:`.
pub async fn status_autocomplete(
    _ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let choices = Status::ALL
        .into_iter()
        .filter(|s| *s != Status::Draft && s.key().contains(&partial.to_lowercase()))
        .map(|s| serenity::AutocompleteChoice::new(s.key(), s.key()))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

fn done(ctx_locale: &str, id: &'static str, rfc: &Rfc) -> String {
    tr(
        ctx_locale,
        id,
        Some(&args([("label", render::label(rfc, ctx_locale).into())])),
    )
}

pub async fn revise(
    ctx: Context<'_>,
    kind: Kind,
    number: i64,
    what_changed: String,
    link: Option<String>,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let (rfc, revision) = ctx
        .data()
        .app
        .revise_rfc(&actor, kind, number, &what_changed, link.as_deref())
        .await?;
    let text = tr(
        locale,
        msg!("rfc-revised"),
        Some(&args([
            ("label", render::label(&rfc, locale).into()),
            ("revision", revision.into()),
        ])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

pub async fn decide(ctx: Context<'_>, kind: Kind, number: i64) -> Result<(), Error> {
    // Reading the TSC from Discord can take longer than the 3 s Discord waits for an answer.
    reply::defer(ctx).await?;
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let app = &ctx.data().app;
    // Checked (permission, period, status) before asking Discord for the member list.
    let view = app.decidable_rfc(&actor, kind, number).await?;
    let config = app.guild_config(actor.guild_id).await?;
    let electorate = tsc_now(ctx.http(), app, &config).await?;
    // Everyone reads the ballot: its texts are in the server's language.
    let (title, description) = render_steps::ballot_texts(&view, &config.policy, &config.locale);
    let ballot = RfcBallot {
        title,
        description,
        channel_id: ctx.channel_id().get(),
        electorate,
    };
    let (rfc, opened) = app.decide_rfc(&actor, kind, number, ballot).await?;
    let text = tr(
        locale,
        msg!("rfc-decide-opened"),
        Some(&args([
            ("label", render::label(&rfc, locale).into()),
            ("id", opened.id.into()),
        ])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

pub async fn withdraw(ctx: Context<'_>, kind: Kind, number: i64) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let rfc = ctx.data().app.withdraw_rfc(&actor, kind, number).await?;
    ctx.send(ephemeral(done(locale, msg!("rfc-withdrawn"), &rfc)))
        .await?;
    Ok(())
}

pub async fn postpone(
    ctx: Context<'_>,
    kind: Kind,
    number: i64,
    reason: String,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let rfc = ctx
        .data()
        .app
        .postpone_rfc(&actor, kind, number, &reason)
        .await?;
    ctx.send(ephemeral(done(locale, msg!("rfc-postponed"), &rfc)))
        .await?;
    Ok(())
}

pub async fn list(ctx: Context<'_>, kind: Kind, status: Option<String>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let status = match status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(key) => Some(
            Status::from_key(key)
                .filter(|s| *s != Status::Draft)
                .ok_or_else(|| UserError::new(msg!("rfc-error-status")))?,
        ),
        None => None,
    };
    let rfcs = ctx.data().app.rfcs(actor.guild_id, kind, status).await?;
    ctx.send(ephemeral(render::list_text(&rfcs, kind, status, locale)))
        .await?;
    Ok(())
}

pub async fn info(ctx: Context<'_>, kind: Kind, number: i64) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let app = &ctx.data().app;
    let view = app.rfc(actor.guild_id, kind, number).await?;
    let config = app.guild_config(actor.guild_id).await?;
    ctx.send(
        ephemeral(render::place(&view.rfc)).embed(render::card_embed(
            &view,
            &config.policy,
            locale,
        )),
    )
    .await?;
    Ok(())
}
