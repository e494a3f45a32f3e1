//! Localized replies: which locale a member reads, ephemeral answers, and how errors are shown.

use poise::CreateReply;
use poise::serenity_prelude as serenity;

use crate::app::{App, AppError, UserError};
use crate::i18n;
use crate::msg;

/// Mentions nobody: member text in our messages never pings @everyone, @here, roles or users.
pub fn no_pings() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new()
}

/// The member's locale if shipped, else the guild's default, else en-US.
pub async fn locale(
    app: &App,
    guild_id: Option<serenity::GuildId>,
    member_locale: Option<&str>,
) -> &'static str {
    if let Some(code) = member_locale.and_then(i18n::supported) {
        return code;
    }
    let guild_locale = match guild_id {
        Some(g) => app
            .find_guild_config(g.get())
            .await
            .ok()
            .flatten()
            .map(|c| c.locale),
        None => None,
    };
    i18n::resolve(None, guild_locale.as_deref())
}

/// The text of a user error in a locale.
pub fn user_error_text(locale: &str, error: &UserError) -> String {
    let args = i18n::args(
        error
            .args
            .iter()
            .map(|(name, value)| (*name, value.to_fluent())),
    );
    i18n::tr(locale, error.id, Some(&args))
}

/// What the member reads for any error: their mistake as written, or a generic apology for a
/// bug (logged here with its context, never shown).
pub fn error_text(locale: &str, error: &AppError, context: &str) -> String {
    match error {
        AppError::User(user) => user_error_text(locale, user),
        AppError::Internal(e) => {
            tracing::error!(error = ?e, context, "internal error");
            i18n::tr(locale, msg!("generic-error"), None)
        }
    }
}

/// An ephemeral reply to a slash command.
pub fn ephemeral(text: impl Into<String>) -> CreateReply {
    CreateReply::default()
        .content(text)
        .ephemeral(true)
        .allowed_mentions(no_pings())
}

/// An ephemeral reply to a button or modal.
pub fn ephemeral_response(text: impl Into<String>) -> serenity::CreateInteractionResponse {
    serenity::CreateInteractionResponse::Message(
        serenity::CreateInteractionResponseMessage::new()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(no_pings()),
    )
}
