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

/// An error as it may be logged: the interaction and webhook tokens that error chains print
/// inside URLs (`/interactions/<id>/<token>/callback`, `/webhooks/<id>/<token>`) are replaced.
pub fn redacted(error: impl std::fmt::Debug) -> String {
    let text = format!("{error:?}");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = ["/interactions/", "/webhooks/"]
        .iter()
        .filter_map(|m| rest.find(m).map(|i| (i, m.len())))
        .min()
    {
        let (start, len) = at;
        // Keep the marker and the id; drop the segment after it (the token).
        let after = &rest[start + len..];
        let id_end = after.find('/').map_or(after.len(), |i| i + 1);
        out.push_str(&rest[..start + len + id_end]);
        let token = &after[id_end..];
        let token_end = token
            .find(|c: char| c == '/' || c == '?' || c == ')' || c == '"' || c.is_whitespace())
            .unwrap_or(token.len());
        if token_end > 0 {
            out.push_str("<redacted>");
        }
        rest = &token[token_end..];
    }
    out.push_str(rest);
    out
}

/// What the member reads for any error: their mistake as written, or a generic apology for a
/// bug (logged here with its context, never shown).
pub fn error_text(locale: &str, error: &AppError, context: &str) -> String {
    match error {
        AppError::User(user) => user_error_text(locale, user),
        AppError::Internal(e) => {
            tracing::error!(error = redacted(e), context, "internal error");
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

/// An ephemeral "thinking…" answer to a button or form, to be edited with [`edited`] once the
/// work is done (when it may outlast Discord's 3 s).
pub fn deferred() -> serenity::CreateInteractionResponse {
    serenity::CreateInteractionResponse::Defer(
        serenity::CreateInteractionResponseMessage::new().ephemeral(true),
    )
}

/// Defers a slash command ("thinking…", ephemeral) when its work may outlast Discord's 3 s;
/// the deferral is its answer as far as that limit goes.
pub async fn defer(ctx: super::Context<'_>) -> Result<(), serenity::Error> {
    ctx.defer_ephemeral().await?;
    ctx.data().latency.answered(ctx.id());
    Ok(())
}

/// Sends one of several messages answering a command: the first is the answer as far as
/// Discord's 3 s go, whatever the follow-ups take.
pub async fn send_part(ctx: super::Context<'_>, reply: CreateReply) -> Result<(), serenity::Error> {
    ctx.send(reply).await?;
    ctx.data().latency.answered(ctx.id());
    Ok(())
}

/// The text that replaces a [`deferred`] answer.
pub fn edited(text: String) -> serenity::EditInteractionResponse {
    serenity::EditInteractionResponse::new()
        .content(text)
        .allowed_mentions(no_pings())
}

/// The value of a form's text input.
pub fn form_value(modal: &serenity::ModalInteraction, id: &str) -> Option<String> {
    modal
        .data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            serenity::ActionRowComponent::InputText(t) if t.custom_id == id => t.value.clone(),
            _ => None,
        })
}

/// Answers a slash command with a form (poise must not answer it again).
pub async fn respond_with_modal(
    ctx: super::Context<'_>,
    modal: serenity::CreateModal,
) -> Result<(), super::Error> {
    if let poise::Context::Application(actx) = ctx {
        actx.interaction
            .create_response(
                ctx.http(),
                serenity::CreateInteractionResponse::Modal(modal),
            )
            .await?;
        actx.has_sent_initial_response
            .store(true, std::sync::atomic::Ordering::SeqCst);
        ctx.data().latency.answered(ctx.id());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_in_urls_never_reach_the_logs() {
        let chain = "Http(Request(reqwest::Error { url: \"https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb246secret/callback\" })) and /webhooks/99/tokentoken/messages/@original";
        let logged = redacted(chain);
        assert!(!logged.contains("secret"), "{logged}");
        assert!(!logged.contains("tokentoken"), "{logged}");
        assert!(
            logged.contains("/interactions/123/<redacted>/callback"),
            "{logged}"
        );
        assert!(
            logged.contains("/webhooks/99/<redacted>/messages"),
            "{logged}"
        );
    }
}
