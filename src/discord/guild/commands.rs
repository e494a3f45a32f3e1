//! `/govern`: map Discord roles to governance roles, pick the channels and language, and view or
//! change the policy.

use poise::serenity_prelude as serenity;

use super::render::{config_text, policy_text};
use crate::app::UserError;
use crate::app::guild::setup::Setup;
use crate::discord::actor::{command_actor, command_locale};
use crate::discord::github::render as github_render;
use crate::discord::reply::{self, ephemeral};
use crate::discord::succession::sync::resync;
use crate::discord::{Context, Error};
use crate::governance::policy::PolicyKey;
use crate::governance::roles::GovRole;
use crate::i18n::{self, args, tr};
use crate::msg;
use crate::store::guild::ChannelPurpose;

/// Server set-up and the governance policy.
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "setup",
        "show",
        "policy",
        "policy_set",
        // The transparency page.
        "crate::discord::web::commands::web",
        // Cases, the annual review's publication, dissolution.
        "crate::discord::dissolution::commands::dissolve",
        "crate::discord::dissolution::commands::dissolve_call_off",
        // Operations.
        "super::check::check",
        "super::status::status"
    ),
    subcommand_required
)]
pub async fn govern(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn locale_autocomplete(
    _ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let choices = i18n::locales()
        .filter(|l| l.to_lowercase().starts_with(&partial.to_lowercase()))
        .map(|l| serenity::AutocompleteChoice::new(l, l))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Map roles, the channels the bot posts in and the default locale (needs Manage Server).
// No `default_member_permissions`: Discord reads it on top-level commands only, and `/govern`
// also holds what every member may read. The permission table decides (Manage Server).
#[poise::command(slash_command, guild_only)]
#[expect(
    clippy::too_many_arguments,
    reason = "one option per governance role, as members fill them in"
)]
pub async fn setup(
    ctx: Context<'_>,
    tsc: serenity::Role,
    #[channel_types("Text", "News")] announcements: serenity::GuildChannel,
    maintainers: Option<serenity::Role>,
    contributors: Option<serenity::Role>,
    security: Option<serenity::Role>,
    emeritus: Option<serenity::Role>,
    #[autocomplete = "locale_autocomplete"] locale: Option<String>,
    #[rename = "tsc-channel"]
    #[channel_types("Text")]
    tsc_channel: Option<serenity::GuildChannel>,
    #[rename = "wg-category"]
    #[channel_types("Category")]
    wg_category: Option<serenity::GuildChannel>,
    #[rename = "rfc-channel"]
    #[channel_types("Text", "Forum")]
    rfc_channel: Option<serenity::GuildChannel>,
    #[rename = "releases-channel"]
    #[channel_types("Text", "News")]
    releases_channel: Option<serenity::GuildChannel>,
    #[rename = "security-channel"]
    #[channel_types("Text")]
    security_channel: Option<serenity::GuildChannel>,
    #[rename = "maintainers-channel"]
    #[channel_types("Text")]
    maintainers_channel: Option<serenity::GuildChannel>,
    #[max_length = 400] github: Option<String>,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    // The capability check at the end (and GitHub's check of the sources) asks several
    // things: answer within 3 s first.
    reply::defer(ctx).await?;
    // GitHub's organisation and repositories are checked (by asking GitHub) before anything
    // is saved, so a bad name changes nothing.
    let github = match github {
        Some(text) => Some(ctx.data().app.check_github_sources(&actor, &text).await?),
        None => None,
    };
    let roles = [
        (GovRole::Tsc, Some(tsc)),
        (GovRole::Maintainer, maintainers),
        (GovRole::Contributor, contributors),
        (GovRole::SecurityTeam, security),
        (GovRole::Emeritus, emeritus),
    ]
    .into_iter()
    .filter_map(|(gov, role)| Some((gov, role?.id.get())))
    .collect();
    let setup = Setup {
        roles,
        announce_channel_id: announcements.id.get(),
        tsc_channel_id: tsc_channel.map(|c| c.id.get()),
        wg_category_id: wg_category.map(|c| c.id.get()),
        channels: [
            (ChannelPurpose::Rfc, rfc_channel),
            (ChannelPurpose::Releases, releases_channel),
            (ChannelPurpose::Security, security_channel),
            (ChannelPurpose::Maintainers, maintainers_channel),
        ]
        .into_iter()
        .filter_map(|(purpose, channel)| Some((purpose, channel?.id.get())))
        .collect(),
        locale: locale.unwrap_or_else(|| i18n::FALLBACK.to_owned()),
    };
    let config = ctx.data().app.setup_guild(&actor, setup).await?;
    if let Some(change) = &github {
        ctx.data().app.save_github_sources(&actor, change).await?;
    }
    // The role mapping changed: read the roster again, in the background.
    let (http, app) = (ctx.serenity_context().http.clone(), ctx.data().app.clone());
    let guild_id = serenity::GuildId::new(actor.guild_id);
    tokio::spawn(async move { resync(&http, &app, guild_id).await });
    let locale = command_locale(ctx).await;
    let waiting = ctx.data().app.waiting_notices(actor.guild_id).await?;
    let sources = ctx.data().app.github_sources(actor.guild_id).await?;
    let targets = ctx.data().app.targets_of(&config).await?;
    let problems = match super::check::run(&ctx.serenity_context().http, &targets).await {
        Ok(lines) => super::report::problems_text(&lines, locale),
        Err(e) => {
            // The set-up is saved; the check can be run again with /govern check.
            tracing::warn!(error = %e, "capability check after set-up failed");
            String::new()
        }
    };
    let text = format!(
        "{}\n{}\n{}{}{}",
        tr(locale, msg!("govern-setup-done"), None),
        config_text(&config, locale),
        github_render::sources_line(sources.as_ref(), locale),
        tsc_channel_needed(&config, waiting, locale),
        if problems.is_empty() {
            String::new()
        } else {
            format!("\n\n{problems}")
        }
    );
    for part in crate::discord::text::split_message(&text, crate::discord::text::MESSAGE_MAX) {
        ctx.send(ephemeral(part)).await?;
    }
    Ok(())
}

/// Without a private TSC channel, what only the TSC should read waits: say so, and how many
/// notices are waiting.
fn tsc_channel_needed(
    config: &crate::store::guild::GuildConfig,
    waiting: i64,
    locale: &str,
) -> String {
    if config.tsc_channel_id.is_some() {
        return String::new();
    }
    let text = tr(
        locale,
        msg!("govern-tsc-channel-needed"),
        Some(&args([("count", waiting.into())])),
    );
    format!("\n\n{text}")
}

/// Show the guild's configuration.
#[poise::command(slash_command, guild_only)]
pub async fn show(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let config = ctx.data().app.guild_config(actor.guild_id).await?;
    let waiting = ctx.data().app.waiting_notices(actor.guild_id).await?;
    let sources = ctx.data().app.github_sources(actor.guild_id).await?;
    let text = format!(
        "{}\n{}{}",
        config_text(&config, locale),
        github_render::sources_line(sources.as_ref(), locale),
        tsc_channel_needed(&config, waiting, locale)
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// Show the policy in force: every number of the governance document.
#[poise::command(slash_command, guild_only)]
pub async fn policy(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let config = ctx.data().app.guild_config(actor.guild_id).await?;
    ctx.send(ephemeral(policy_text(&config.policy, locale)))
        .await?;
    Ok(())
}

async fn key_autocomplete(
    _ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let choices = PolicyKey::ALL
        .iter()
        .copied()
        .filter(|k| k.name().contains(&partial.to_lowercase()))
        // Discord takes at most 25 suggestions; typing narrows them.
        .take(25)
        .map(|k| serenity::AutocompleteChoice::new(k.name(), k.name()))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

// After the server's first ballot nothing changes here: the answer says how to propose an
// amendment (`app::guild::policy`).
/// Change one number of the policy before the first ballot (TSC or Manage Server); announced.
#[poise::command(slash_command, guild_only, rename = "policy-set")]
pub async fn policy_set(
    ctx: Context<'_>,
    #[autocomplete = "key_autocomplete"]
    #[max_length = 64]
    setting: String,
    #[max_length = 32] value: String,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let key = PolicyKey::from_name(setting.trim())
        .ok_or_else(|| UserError::new(msg!("error-policy-key")))?;
    let policy = ctx.data().app.set_policy(&actor, key, &value).await?;
    let text = tr(
        locale,
        msg!("govern-policy-changed"),
        Some(&args([
            ("setting", key.name().into()),
            ("value", policy.value_of(key).into()),
        ])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}
