//! Working-group buttons and forms: the chair's answer to a join request, the report button
//! and form, the charter form, and the TSC's button to open a closing ballot.

use poise::serenity_prelude as serenity;

use super::{ballots, forms, render};
use crate::app::AppResult;
use crate::discord::Data;
use crate::discord::actor::member_actor;
use crate::discord::form_inputs::{CHARTER_INPUTS, REPORT_INPUT};
use crate::discord::reply::{self, deferred, edited, ephemeral_response, form_value, no_pings};
use crate::governance::permissions::{Action, Facts};
use crate::governance::working_group::Charter;
use crate::i18n::{args, tr};
use crate::msg;

/// Approve or Decline on a join request: the request message then shows the decision.
pub async fn join_decision(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    request_id: i64,
    approve: bool,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let result = match member_actor(app, component.guild_id, component.member.as_ref()).await {
        Ok(actor) => app
            .decide_join(&actor, request_id, approve)
            .await
            .map(|decided| (actor, decided)),
        Err(e) => Err(e),
    };
    let response = match result {
        Ok((actor, (group, member))) => {
            let id = if approve {
                msg!("wg-join-approved")
            } else {
                msg!("wg-join-declined")
            };
            let text = tr(
                locale,
                id,
                Some(&args([
                    ("member", format!("<@{member}>").into()),
                    ("name", group.name.as_str().into()),
                    ("by", format!("<@{}>", actor.user_id).into()),
                ])),
            );
            serenity::CreateInteractionResponse::UpdateMessage(
                serenity::CreateInteractionResponseMessage::new()
                    .content(text)
                    .components(vec![])
                    .allowed_mentions(no_pings()),
            )
        }
        Err(e) => ephemeral_response(reply::error_text(locale, &e, "wg join decision")),
    };
    component.create_response(&ctx.http, response).await
}

/// The reminder's report button: the chair gets the report form.
pub async fn report_button(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    wg_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let result = async {
        let actor = member_actor(app, component.guild_id, component.member.as_ref()).await?;
        let view = app.group_by_id(wg_id).await?;
        let facts = Facts {
            chair: view.group.guild_id == actor.guild_id && view.group.chair_id == actor.user_id,
            ..Facts::default()
        };
        actor.require(Action::FileReport, facts)?;
        Ok(view)
    }
    .await;
    let response = match result {
        Ok(view) => serenity::CreateInteractionResponse::Modal(forms::report_form(
            wg_id,
            &view.group.name,
            locale,
        )),
        Err(e) => ephemeral_response(reply::error_text(locale, &e, "wg report button")),
    };
    component.create_response(&ctx.http, response).await
}

/// The end-of-charter button: a TSC member opens the closing ballot.
pub async fn propose_close_button(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    wg_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    // Reading the TSC from Discord can outlast Discord's 3 s: answer "thinking" first.
    component.create_response(&ctx.http, deferred()).await?;
    data.latency.answered(component.id.get());
    let result = async {
        let actor = member_actor(app, component.guild_id, component.member.as_ref()).await?;
        let guild_locale = app.guild_config(actor.guild_id).await?.locale;
        let reason = tr(&guild_locale, msg!("wg-close-reason-ended"), None);
        let channel_id = component.channel_id.get();
        ballots::open_close_ballot(&ctx.http, app, &actor, wg_id, channel_id, &reason).await
    }
    .await;
    let text = match result {
        Ok(ballot) => tr(
            locale,
            msg!("wg-ballot-opened"),
            Some(&args([("id", ballot.id.into())])),
        ),
        Err(e) => reply::error_text(locale, &e, "wg close button"),
    };
    component
        .edit_response(&ctx.http, edited(text))
        .await
        .map(drop)
}

/// The charter form was submitted: the proposal goes before the TSC.
pub async fn charter_form(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    draft_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    // Reading the TSC from Discord can outlast Discord's 3 s.
    modal.create_response(&ctx.http, deferred()).await?;
    data.latency.answered(modal.id.get());
    let value = |i: usize| form_value(modal, CHARTER_INPUTS[i]).unwrap_or_default();
    let result: AppResult<String> = async {
        let actor = member_actor(app, modal.guild_id, modal.member.as_ref()).await?;
        let charter = Charter {
            scope: value(0),
            deliverables: value(1),
            timeline: value(2),
            resources: value(3),
            reporting: value(4),
        };
        let channel_id = modal.channel_id.get();
        let (group, ballot) =
            ballots::open_charter_ballot(&ctx.http, app, &actor, draft_id, &charter, channel_id)
                .await?;
        Ok(tr(
            locale,
            msg!("wg-proposed"),
            Some(&args([
                ("name", group.name.as_str().into()),
                ("id", ballot.id.into()),
            ])),
        ))
    }
    .await;
    let text = result.unwrap_or_else(|e| reply::error_text(locale, &e, "wg charter form"));
    modal.edit_response(&ctx.http, edited(text)).await.map(drop)
}

/// The report form was submitted.
pub async fn report_form(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    wg_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    modal.create_response(&ctx.http, deferred()).await?;
    data.latency.answered(modal.id.get());
    let body = form_value(modal, REPORT_INPUT).unwrap_or_default();
    let result = match member_actor(app, modal.guild_id, modal.member.as_ref()).await {
        Ok(actor) => app.submit_report(&actor, wg_id, &body).await,
        Err(e) => Err(e),
    };
    let text = match result {
        Ok(group) => render::notice(locale, msg!("wg-report-filed"), &group),
        Err(e) => reply::error_text(locale, &e, "wg report form"),
    };
    modal.edit_response(&ctx.http, edited(text)).await.map(drop)
}
