//! `/decisions`: page through the decision log, or export it as a file.

use chrono::NaiveDate;
use poise::serenity_prelude as serenity;

use super::export::{self, Format};
use super::render::summary;
use crate::app::{Actor, UserError};
use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::ephemeral;
use crate::discord::text::{MESSAGE_MAX, truncate};
use crate::discord::{Context, Error};
use crate::governance::decision::DecisionKind;
use crate::governance::permissions::{Action, Facts};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::decision_log::{Decision, Filter};
use crate::words::decision::kind_text;

/// Decisions shown per page of `/decisions list`.
const PAGE: usize = 10;

/// The decision log: every decision the bot took part in.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("list", "export"),
    subcommand_required
)]
pub async fn decisions(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn kind_autocomplete(
    _ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let choices = DecisionKind::ALL
        .into_iter()
        .filter(|k| k.key().contains(&partial.to_lowercase()))
        .map(|k| serenity::AutocompleteChoice::new(k.key(), k.key()))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

async fn format_autocomplete(
    _ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let choices = Format::ALL
        .into_iter()
        .filter(|f| f.key().starts_with(&partial.to_lowercase()))
        .map(|f| serenity::AutocompleteChoice::new(f.key(), f.key()))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Private entries only for the TSC, and only when asked: anyone else asking is told so.
fn check_private(actor: &Actor, private: Option<bool>) -> Result<bool, Error> {
    let private = private.unwrap_or(false);
    if private {
        actor.require(Action::ReadPrivateDecisions, Facts::default())?;
    }
    Ok(private)
}

fn filter(kind: Option<&str>, since: Option<&str>, include_private: bool) -> Result<Filter, Error> {
    let kind = match kind.map(str::trim).filter(|k| !k.is_empty()) {
        Some(key) => Some(
            DecisionKind::from_key(key)
                .ok_or_else(|| UserError::new(msg!("decision-error-kind")))?,
        ),
        None => None,
    };
    let since = match since.map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => Some(
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc())
                .ok_or_else(|| UserError::new(msg!("decision-error-since")))?,
        ),
        None => None,
    };
    Ok(Filter {
        kind,
        since,
        until: None,
        include_private,
    })
}

/// One page of the log, newest first.
fn page_text(decisions: &[Decision], page: usize, locale: &str) -> String {
    if decisions.is_empty() {
        return tr(locale, msg!("decision-list-empty"), None);
    }
    let pages = decisions.len().div_ceil(PAGE);
    let page = page.clamp(1, pages);
    let mut lines = vec![tr(
        locale,
        msg!("decision-list-header"),
        Some(&args([
            ("count", decisions.len().into()),
            ("page", page.into()),
            ("pages", pages.into()),
        ])),
    )];
    for d in decisions.iter().rev().skip((page - 1) * PAGE).take(PAGE) {
        let mut line = format!(
            "<t:{}:d> · **{}** · {}",
            d.decided_at.timestamp(),
            kind_text(locale, d.kind),
            summary(d, locale)
        );
        if let Some(link) = &d.link {
            line.push_str(&format!(" · <{link}>"));
        }
        if d.private {
            line.push_str(&format!(
                " · {}",
                tr(locale, msg!("decision-private"), None)
            ));
        }
        lines.push(line);
    }
    if page < pages {
        lines.push(tr(
            locale,
            msg!("decision-list-more"),
            Some(&args([("next", (page + 1).into())])),
        ));
    }
    truncate(&lines.join("\n"), MESSAGE_MAX)
}

/// Page through the decision log, newest first.
#[poise::command(slash_command, guild_only)]
pub async fn list(
    ctx: Context<'_>,
    #[autocomplete = "kind_autocomplete"]
    #[max_length = 32]
    kind: Option<String>,
    #[max_length = 10] since: Option<String>,
    #[min = 1] page: Option<u32>,
    private: Option<bool>,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let private = check_private(&actor, private)?;
    let filter = filter(kind.as_deref(), since.as_deref(), private)?;
    let decisions = ctx.data().app.decisions(&actor, filter).await?;
    let page = page.unwrap_or(1) as usize;
    ctx.send(ephemeral(page_text(&decisions, page, locale)))
        .await?;
    Ok(())
}

/// Export the decision log as a Markdown, CSV or JSON file.
#[poise::command(slash_command, guild_only)]
pub async fn export(
    ctx: Context<'_>,
    #[autocomplete = "format_autocomplete"]
    #[max_length = 16]
    format: String,
    private: Option<bool>,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let format =
        Format::from_key(&format).ok_or_else(|| UserError::new(msg!("decision-error-format")))?;
    let private = check_private(&actor, private)?;
    let decisions = ctx
        .data()
        .app
        .decisions(&actor, filter(None, None, private)?)
        .await?;
    let content = export::export(&decisions, format, locale);
    let file = serenity::CreateAttachment::bytes(content.into_bytes(), format.file_name());
    let text = tr(
        locale,
        msg!("decision-export-done"),
        Some(&args([("count", decisions.len().into())])),
    );
    ctx.send(ephemeral(text).attachment(file)).await?;
    Ok(())
}
