//! Dependency buttons and forms: the proposal's form, the reviews and the maintainer's decision
//! from the card (each asks for a note or a reason).

use poise::serenity_prelude as serenity;

use super::forms::{ALTERNATIVES_INPUT, NEED_INPUT, NOTE_INPUT};
use super::render;
use crate::app::dependency::no_such_dependency;
use crate::app::{Actor, AppResult};
use crate::discord::Data;
use crate::discord::actor::member_actor;
use crate::discord::reply::{self, ephemeral_response, form_value};
use crate::governance::dependency::Review;
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::dependency::Dependency;

/// A card's button: the form, for a member of the proposal's guild (the rules are checked
/// when the form is submitted, so that the answer is the same whoever clicks).
pub async fn open_form(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    dependency_id: i64,
    form: serenity::CreateModal,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let check = async {
        let actor = member_actor(app, component.guild_id, component.member.as_ref()).await?;
        let d = app.dependency_by_id(dependency_id).await?;
        if d.guild_id != actor.guild_id {
            return Err(no_such_dependency());
        }
        Ok(())
    }
    .await;
    let response = match check {
        Ok(()) => serenity::CreateInteractionResponse::Modal(form),
        Err(e) => ephemeral_response(reply::error_text(locale, &e, "dependency button")),
    };
    component.create_response(&ctx.http, response).await
}

/// Answers a form with what the use case returned.
async fn answer(
    ctx: &serenity::Context,
    modal: &serenity::ModalInteraction,
    result: AppResult<Dependency>,
    id: &'static str,
    locale: &str,
) -> Result<(), serenity::Error> {
    let text = match result {
        Ok(d) => tr(
            locale,
            id,
            Some(&args([
                ("name", render::heading(&d).into()),
                ("channel", format!("<#{}>", d.channel_id).into()),
                ("stage", render::stage_text(locale, &d).into()),
            ])),
        ),
        Err(e) => reply::error_text(locale, &e, "dependency form"),
    };
    modal
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}

async fn actor_of(data: &Data, modal: &serenity::ModalInteraction) -> AppResult<Actor> {
    member_actor(&data.app, modal.guild_id, modal.member.as_ref()).await
}

/// The proposal's form was submitted: the reviews begin.
pub async fn proposal_form(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    draft_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let need = form_value(modal, NEED_INPUT).unwrap_or_default();
    let alternatives = form_value(modal, ALTERNATIVES_INPUT).unwrap_or_default();
    let result = match actor_of(data, modal).await {
        Ok(actor) => {
            data.app
                .propose_dependency(&actor, draft_id, &need, &alternatives)
                .await
        }
        Err(e) => Err(e),
    };
    answer(ctx, modal, result, msg!("dependency-proposed"), locale).await
}

/// A review's form was submitted.
pub async fn review_form(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    dependency_id: i64,
    review: Review,
    pass: bool,
    locale: &str,
) -> Result<(), serenity::Error> {
    let note = form_value(modal, NOTE_INPUT).unwrap_or_default();
    let result = match actor_of(data, modal).await {
        Ok(actor) => {
            data.app
                .review_dependency(&actor, dependency_id, review, pass, &note)
                .await
        }
        Err(e) => Err(e),
    };
    answer(ctx, modal, result, msg!("dependency-reviewed"), locale).await
}

/// The maintainer's decision form was submitted.
pub async fn decision_form(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    dependency_id: i64,
    approve: bool,
    locale: &str,
) -> Result<(), serenity::Error> {
    let note = form_value(modal, NOTE_INPUT).unwrap_or_default();
    let result = match actor_of(data, modal).await {
        Ok(actor) => {
            data.app
                .decide_dependency(&actor, dependency_id, approve, &note)
                .await
        }
        Err(e) => Err(e),
    };
    answer(ctx, modal, result, msg!("dependency-decided"), locale).await
}
