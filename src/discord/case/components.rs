//! Cases' buttons and forms: the conflict card's Resolve and Escalate, "I'll mediate", the
//! TSC's response to a conduct report (and the timeout form), the security team's Acknowledge
//! and Resolved, and the report forms (which arrive from the server or from a DM).

use poise::serenity_prelude as serenity;

use super::commands::updated;
use super::{forms, render};
use crate::app::case::conduct::ConductReport;
use crate::app::case::security::{Handling, SecurityReport};
use crate::app::{Actor, App, AppResult};
use crate::discord::Data;
use crate::discord::actor::member_actor;
use crate::discord::form_inputs::{CONDUCT_INPUT, SECURITY_INPUTS, TIMEOUT_INPUT};
use crate::discord::reply::{self, ephemeral_response, form_value, no_pings};
use crate::governance::case::conduct::{self, Response};
use crate::i18n::{args, tr};
use crate::msg;

/// A step on a case's card, answered ephemerally.
#[derive(Debug, Clone, Copy)]
pub enum CardStep {
    Resolve,
    Escalate,
    Respond(Response),
    Acknowledge,
    SecurityResolve,
}

pub async fn card_step(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    case_id: i64,
    step: CardStep,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let result = async {
        let actor = member_actor(app, component.guild_id, component.member.as_ref()).await?;
        match step {
            CardStep::Resolve => app.resolve_conflict(&actor, case_id).await,
            CardStep::Escalate => app.escalate_conflict(&actor, case_id).await,
            CardStep::Respond(response) => app.respond_to_conduct(&actor, case_id, response).await,
            CardStep::Acknowledge => {
                app.handle_security_report(&actor, case_id, Handling::Acknowledge)
                    .await
            }
            CardStep::SecurityResolve => {
                app.handle_security_report(&actor, case_id, Handling::Resolve)
                    .await
            }
        }
    }
    .await;
    let text = match result {
        Ok(case) => updated(&case, locale),
        Err(e) => reply::error_text(locale, &e, "case button"),
    };
    component
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}

/// "I'll mediate": the request then shows who took it, and its button goes.
pub async fn mediate(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    case_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let result = async {
        let actor = member_actor(app, component.guild_id, component.member.as_ref()).await?;
        app.mediate_conflict(&actor, case_id).await.map(|_| actor)
    }
    .await;
    let response = match result {
        Ok(actor) => {
            let guild_locale = app
                .guild_config(actor.guild_id)
                .await
                .map(|c| c.locale)
                .unwrap_or_else(|_| locale.to_owned());
            let text = tr(
                &guild_locale,
                msg!("case-mediator-taken"),
                Some(&args([
                    ("id", case_id.into()),
                    ("mediator", format!("<@{}>", actor.user_id).into()),
                ])),
            );
            serenity::CreateInteractionResponse::UpdateMessage(
                serenity::CreateInteractionResponseMessage::new()
                    .content(text)
                    .components(vec![])
                    .allowed_mentions(no_pings()),
            )
        }
        Err(e) => ephemeral_response(reply::error_text(locale, &e, "case mediate")),
    };
    component.create_response(&ctx.http, response).await
}

/// The card's Timeout button: the TSC member is asked how long.
pub async fn timeout_button(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    case_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let result = async {
        let actor = member_actor(app, component.guild_id, component.member.as_ref()).await?;
        app.check_conduct_responder(&actor, case_id).await
    }
    .await;
    let response = match result {
        Ok(()) => serenity::CreateInteractionResponse::Modal(forms::timeout_form(case_id, locale)),
        Err(e) => ephemeral_response(reply::error_text(locale, &e, "case timeout button")),
    };
    component.create_response(&ctx.http, response).await
}

/// The timeout form was submitted: the response is recorded and the bot times the member out.
pub async fn timeout_form(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    case_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let duration = form_value(modal, TIMEOUT_INPUT).unwrap_or_default();
    let result = async {
        let actor = member_actor(app, modal.guild_id, modal.member.as_ref()).await?;
        let minutes = conduct::timeout_minutes(&duration)?;
        app.respond_to_conduct(&actor, case_id, Response::Timeout { minutes })
            .await
    }
    .await;
    let text = match result {
        Ok(case) => updated(&case, locale),
        Err(e) => reply::error_text(locale, &e, "case timeout form"),
    };
    modal
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}

/// The member filing a report from a form: in the server, with their roles; from a DM, of the
/// one server the bot is set up in.
async fn reporter(app: &App, modal: &serenity::ModalInteraction) -> AppResult<Actor> {
    if modal.guild_id.is_some() {
        return member_actor(app, modal.guild_id, modal.member.as_ref()).await;
    }
    Ok(Actor {
        guild_id: app.report_guild().await?,
        user_id: modal.user.id.get(),
        standing: Default::default(),
    })
}

/// The conduct report form was submitted: the receipt is the answer.
pub async fn conduct_form(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    reported: Option<u64>,
    message: Option<(u64, u64)>,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let text = form_value(modal, CONDUCT_INPUT).unwrap_or_default();
    let result = async {
        let actor = reporter(app, modal).await?;
        // The link is made here from ids, never taken from member text.
        let message_link = message.map(|(channel, message)| {
            format!(
                "https://discord.com/channels/{}/{channel}/{message}",
                actor.guild_id
            )
        });
        let report = ConductReport {
            reported,
            reported_is_bot: false,
            text,
            message_link,
        };
        app.report_conduct(&actor, report).await
    }
    .await;
    let text = match result {
        Ok(case) => tr(
            locale,
            msg!("case-conduct-receipt"),
            Some(&args([("name", render::case_name(&case, locale).into())])),
        ),
        Err(e) => reply::error_text(locale, &e, "conduct report form"),
    };
    modal
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}

/// The security report form was submitted: the receipt gives the expected timeline.
pub async fn security_form(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let report = SecurityReport {
        title: form_value(modal, SECURITY_INPUTS[0]).unwrap_or_default(),
        details: form_value(modal, SECURITY_INPUTS[1]).unwrap_or_default(),
    };
    let result = async {
        let actor = reporter(app, modal).await?;
        let hours = app
            .guild_config(actor.guild_id)
            .await?
            .policy
            .security_ack_hours;
        app.report_security(&actor, report)
            .await
            .map(|case| (case, hours))
    }
    .await;
    let text = match result {
        Ok((case, hours)) => tr(
            locale,
            msg!("case-security-receipt"),
            Some(&args([
                ("name", render::case_name(&case, locale).into()),
                ("hours", hours.into()),
            ])),
        ),
        Err(e) => reply::error_text(locale, &e, "security report form"),
    };
    modal
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}
