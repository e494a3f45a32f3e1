//! The ballot message's buttons (+1, 0, -1, withdraw) and the concern form a -1 opens. A vote
//! is confirmed only once committed.

use poise::serenity_prelude as serenity;

use super::render;
use crate::discord::Data;
use crate::discord::actor::member_actor;
use crate::discord::custom_id::CustomId;
use crate::discord::form_inputs::CONCERN_INPUT;
use crate::discord::reply::{self, ephemeral_response, form_value};
use crate::governance::ballot::{CONCERN_MAX, Choice};
use crate::i18n::{args, tr};
use crate::msg;

/// A vote button. A -1 answers with the concern form; +1 and 0 are recorded.
pub async fn vote(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    ballot_id: i64,
    choice: Choice,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let response = match member_actor(app, component.guild_id, component.member.as_ref()).await {
        Err(e) => ephemeral_response(reply::error_text(locale, &e, "vote button")),
        Ok(_) if choice == Choice::No => concern_form(ballot_id, locale),
        Ok(actor) => ephemeral_response(
            app.cast_vote(&actor, ballot_id, choice, None)
                .await
                .map(|r| render::receipt_text(&r, locale))
                .unwrap_or_else(|e| reply::error_text(locale, &e, "vote button")),
        ),
    };
    component.create_response(&ctx.http, response).await
}

/// "Withdraw my vote".
pub async fn withdraw(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    ballot_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let result = match member_actor(app, component.guild_id, component.member.as_ref()).await {
        Ok(actor) => app.withdraw_vote(&actor, ballot_id).await.map(|b| {
            tr(
                locale,
                msg!("vote-withdrawn"),
                Some(&args([
                    ("id", b.id.into()),
                    ("title", render::ballot_title(&b, locale).into()),
                ])),
            )
        }),
        Err(e) => Err(e),
    };
    let text = result.unwrap_or_else(|e| reply::error_text(locale, &e, "withdraw button"));
    component
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}

fn concern_form(ballot_id: i64, locale: &str) -> serenity::CreateInteractionResponse {
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
            CustomId::Concern { ballot_id }.encode(),
            tr(
                locale,
                msg!("concern-modal-title"),
                Some(&args([("id", ballot_id.into())])),
            ),
        )
        .components(vec![serenity::CreateActionRow::InputText(input)]),
    )
}

/// The concern form: records the -1 with its concern.
pub async fn concern(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    ballot_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let concern = form_value(modal, CONCERN_INPUT);
    let result = match member_actor(app, modal.guild_id, modal.member.as_ref()).await {
        Ok(actor) => {
            app.cast_vote(&actor, ballot_id, Choice::No, concern.as_deref())
                .await
        }
        Err(e) => Err(e),
    };
    let text = match result {
        Ok(receipt) => render::receipt_text(&receipt, locale),
        Err(e) => reply::error_text(locale, &e, "concern form"),
    };
    modal
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}
