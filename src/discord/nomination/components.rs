//! The statement form and the nominee's Accept / Decline buttons (in the DM, or in the reply
//! to `/nominate respond`).

use poise::serenity_prelude as serenity;

use super::{notes, render};
use crate::app::AppResult;
use crate::discord::Data;
use crate::discord::actor::member_actor;
use crate::discord::custom_id::CustomId;
use crate::discord::form_inputs::{LINKS_INPUT, STATEMENT_INPUT};
use crate::discord::reply::{self, deferred, edited, ephemeral_response, form_value, no_pings};
use crate::governance::nomination::{LINKS_MAX, STATEMENT_MAX};
use crate::i18n::tr;
use crate::msg;

/// The form a nominator fills in: the statement against the document's qualities, and links.
pub fn statement_form(draft_id: i64, locale: &str) -> serenity::CreateModal {
    let input = |label: &'static str, placeholder: &'static str, id: &str, max: usize| {
        serenity::CreateActionRow::InputText(
            serenity::CreateInputText::new(
                serenity::InputTextStyle::Paragraph,
                tr(locale, label, None),
                id,
            )
            .placeholder(tr(locale, placeholder, None))
            .min_length(1)
            .max_length(max as u16)
            .required(true),
        )
    };
    serenity::CreateModal::new(
        CustomId::NominationForm { draft_id }.encode(),
        tr(locale, msg!("nomination-form-title"), None),
    )
    .components(vec![
        input(
            msg!("nomination-form-statement"),
            msg!("nomination-form-statement-placeholder"),
            STATEMENT_INPUT,
            STATEMENT_MAX,
        ),
        input(
            msg!("nomination-form-links"),
            msg!("nomination-form-links-placeholder"),
            LINKS_INPUT,
            LINKS_MAX,
        ),
    ])
}

/// The form was submitted: the nomination opens and the nominee is asked by DM.
pub async fn statement_submitted(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    draft_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    modal.create_response(&ctx.http, deferred()).await?;
    data.latency.answered(modal.id.get());
    let statement = form_value(modal, STATEMENT_INPUT).unwrap_or_default();
    let links = form_value(modal, LINKS_INPUT).unwrap_or_default();
    let result: AppResult<String> = async {
        let actor = member_actor(app, modal.guild_id, modal.member.as_ref()).await?;
        // The ballot is read by the whole TSC: its texts are in the guild's language.
        let guild_locale = app.guild_config(actor.guild_id).await?.locale;
        let n = app
            .submit_nomination(&actor, draft_id, &statement, &links, |draft| {
                render::ballot_texts(draft, &guild_locale)
            })
            .await?;
        Ok(notes::submitted_text(&n, locale))
    }
    .await;
    let text = result.unwrap_or_else(|e| reply::error_text(locale, &e, "nomination form"));
    modal.edit_response(&ctx.http, edited(text)).await.map(drop)
}

/// Accept or Decline. Only the nominee may answer; their message then shows the answer.
pub async fn answer(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    nomination_id: i64,
    accept: bool,
    locale: &str,
) -> Result<(), serenity::Error> {
    let result = data
        .app
        .answer_nomination(component.user.id.get(), nomination_id, accept)
        .await;
    let response = match result {
        Ok(n) => serenity::CreateInteractionResponse::UpdateMessage(
            serenity::CreateInteractionResponseMessage::new()
                .content(notes::answered_text(&n, locale))
                .components(vec![])
                .allowed_mentions(no_pings()),
        ),
        Err(e) => ephemeral_response(reply::error_text(locale, &e, "nomination answer")),
    };
    component.create_response(&ctx.http, response).await
}

/// A form's id on a button is not ours to act on.
pub async fn not_a_button(
    ctx: &serenity::Context,
    component: &serenity::ComponentInteraction,
    locale: &str,
) -> Result<(), serenity::Error> {
    let text = tr(locale, msg!("error-unknown-action"), None);
    component
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}
