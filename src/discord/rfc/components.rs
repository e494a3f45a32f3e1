//! The RFC card's feedback buttons and the forms: the summary that opens a proposal, and the
//! concern given as feedback. Feedback is confirmed only once committed.

use poise::serenity_prelude as serenity;

use super::{forms, render};
use crate::app::rfc::feedback::FeedbackReceipt;
use crate::discord::Data;
use crate::discord::actor::member_actor;
use crate::discord::form_inputs::{FEEDBACK_CONCERN_INPUT, SUMMARY_INPUTS};
use crate::discord::reply::{self, ephemeral_response, form_value};
use crate::governance::rfc::{Stance, Summary};
use crate::i18n::{args, tr};
use crate::msg;

fn receipt_text(receipt: &FeedbackReceipt, locale: &str) -> String {
    let id = if receipt.changed {
        msg!("rfc-feedback-changed")
    } else {
        msg!("rfc-feedback-recorded")
    };
    tr(
        locale,
        id,
        Some(&args([
            ("stance", render::stance_text(locale, receipt.stance).into()),
            ("label", render::label(&receipt.rfc, locale).into()),
        ])),
    )
}

/// A feedback button: support and neutral are recorded; a concern asks for its text.
pub async fn feedback(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    rfc_id: i64,
    stance: Stance,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let response = match member_actor(app, component.guild_id, component.member.as_ref()).await {
        Err(e) => ephemeral_response(reply::error_text(locale, &e, "rfc feedback")),
        Ok(_) if stance == Stance::Concern => {
            serenity::CreateInteractionResponse::Modal(forms::concern_form(rfc_id, locale))
        }
        Ok(actor) => ephemeral_response(
            app.give_feedback(&actor, rfc_id, stance, None)
                .await
                .map(|r| receipt_text(&r, locale))
                .unwrap_or_else(|e| reply::error_text(locale, &e, "rfc feedback")),
        ),
    };
    component.create_response(&ctx.http, response).await
}

/// The concern form: records the concern as the member's feedback.
pub async fn concern(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    rfc_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let concern = form_value(modal, FEEDBACK_CONCERN_INPUT);
    let result = match member_actor(app, modal.guild_id, modal.member.as_ref()).await {
        Ok(actor) => {
            app.give_feedback(&actor, rfc_id, Stance::Concern, concern.as_deref())
                .await
        }
        Err(e) => Err(e),
    };
    let text = match result {
        Ok(receipt) => receipt_text(&receipt, locale),
        Err(e) => reply::error_text(locale, &e, "rfc concern form"),
    };
    modal
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}

/// The summary form was submitted: the proposal opens for discussion.
pub async fn summary(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    draft_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let value = |i: usize| form_value(modal, SUMMARY_INPUTS[i]).unwrap_or_default();
    let summary = Summary {
        motivation: value(0),
        proposal: value(1),
        alternatives: Some(value(2)),
    };
    let result = match member_actor(app, modal.guild_id, modal.member.as_ref()).await {
        Ok(actor) => app.open_rfc(&actor, draft_id, &summary).await,
        Err(e) => Err(e),
    };
    let text = match result {
        Ok(rfc) => tr(
            locale,
            msg!("rfc-opened"),
            Some(&args([
                ("label", render::label(&rfc, locale).into()),
                (
                    "ends",
                    rfc.discussion_ends_at
                        .map(|t| format!("<t:{}:F>", t.timestamp()))
                        .unwrap_or_default()
                        .into(),
                ),
            ])),
        ),
        Err(e) => reply::error_text(locale, &e, "rfc summary form"),
    };
    modal
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}
