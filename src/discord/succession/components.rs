//! The buttons of the contact DM: "I'm still active" and "Move me to emeritus".

use poise::serenity_prelude as serenity;

use super::render;
use crate::app::succession::contact::ContactAnswer;
use crate::discord::Data;
use crate::discord::reply::{self, ephemeral_response};

/// They arrive in DMs, without a guild member: the user is the interaction's, the guild the
/// stored step's.
pub async fn contact_answer(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    step_id: i64,
    answer: ContactAnswer,
    locale: &str,
) -> Result<(), serenity::Error> {
    let text = match data
        .app
        .answer_contact(component.user.id.get(), step_id, answer)
        .await
    {
        Ok(answer) => render::answer_text(answer, locale),
        Err(e) => reply::error_text(locale, &e, "succession button"),
    };
    component
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}
