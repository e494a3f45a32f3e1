//! `/conflict` (open, escalate, resolve, decide), `/report` (conduct, security, status; in the
//! server and in DMs) and the message context menu "Report to the TSC".

use poise::serenity_prelude as serenity;

use super::{forms, render};
use crate::app::case::conflict::{Decide, OpenConflict};
use crate::app::{Actor, AppResult, UserError};
use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::{ephemeral, respond_with_modal};
use crate::discord::{Context, Error};
use crate::governance::case::{CaseError, DECISION_MAX, SUMMARY_MAX};
use crate::i18n::{args, tr};
use crate::msg;

// Discord's copy of the limits in governance::case, checked before anything reaches us.
const _: () = assert!(SUMMARY_MAX == 1000 && DECISION_MAX == 2000);

/// Conflicts between members, in the document's three steps.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("open", "escalate", "resolve", "decide"),
    subcommand_required
)]
pub async fn conflict(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Why a conflict cannot be opened in this channel: a private thread lives in a text channel,
/// and Discord shows it only to members who can view that channel.
fn thread_refusal(ctx: Context<'_>, other: serenity::UserId) -> Option<UserError> {
    let guild = ctx.guild()?;
    let Some(channel) = guild.channels.get(&ctx.channel_id()) else {
        return Some(UserError::new(msg!("case-error-channel")));
    };
    if channel.kind != serenity::ChannelType::Text {
        return Some(UserError::new(msg!("case-error-channel")));
    }
    let member = guild.members.get(&other)?;
    (!guild.user_permissions_in(channel, member).view_channel())
        .then(|| UserError::new(msg!("case-error-other-cannot-see")))
}

/// Open a conflict with another member: a private thread with the two of you.
#[poise::command(slash_command, guild_only)]
pub async fn open(
    ctx: Context<'_>,
    with: serenity::User,
    #[max_length = 1000] summary: String,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    if let Some(refusal) = thread_refusal(ctx, with.id) {
        return Err(refusal.into());
    }
    let case = ctx
        .data()
        .app
        .open_conflict(
            &actor,
            OpenConflict {
                other: with.id.get(),
                other_is_bot: with.bot,
                summary,
                channel_id: ctx.channel_id().get(),
            },
        )
        .await?;
    let text = tr(
        locale,
        msg!("case-conflict-opened"),
        Some(&args([("name", render::case_name(&case, locale).into())])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// The conflict whose thread the command is run in.
async fn thread_case(ctx: Context<'_>, actor: &Actor) -> AppResult<crate::store::case::Case> {
    ctx.data()
        .app
        .case_in_thread(actor.guild_id, ctx.channel_id().get())
        .await
}

/// Take the conflict to its next step (in its thread).
#[poise::command(slash_command, guild_only)]
pub async fn escalate(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let case = thread_case(ctx, &actor).await?;
    let case = ctx.data().app.escalate_conflict(&actor, case.id).await?;
    ctx.send(ephemeral(updated(&case, locale))).await?;
    Ok(())
}

/// Mark the conflict resolved (in its thread).
#[poise::command(slash_command, guild_only)]
pub async fn resolve(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let case = thread_case(ctx, &actor).await?;
    let case = ctx.data().app.resolve_conflict(&actor, case.id).await?;
    ctx.send(ephemeral(updated(&case, locale))).await?;
    Ok(())
}

/// Propose the TSC's final decision, or record it, as the policy says (in the case's thread).
#[poise::command(slash_command, guild_only)]
pub async fn decide(ctx: Context<'_>, #[max_length = 2000] decision: String) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let app = &ctx.data().app;
    let case = thread_case(ctx, &actor).await?;
    // The ballot is the TSC's, read in the guild's language; it names the case by number only.
    let guild_locale = app.guild_config(actor.guild_id).await?.locale;
    let input = Decide {
        decision,
        ballot_title: tr(
            &guild_locale,
            msg!("case-ballot-title"),
            Some(&args([("id", case.id.into())])),
        ),
        ballot_description: tr(&guild_locale, msg!("case-ballot-description"), None),
    };
    let (case, ballot) = app.decide_conflict(&actor, case.id, input).await?;
    let text = match ballot {
        Some(ballot) => tr(
            locale,
            msg!("case-decision-put-to-vote"),
            Some(&args([
                ("name", render::case_name(&case, locale).into()),
                ("ballot", ballot.id.into()),
            ])),
        ),
        None => updated(&case, locale),
    };
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// What a member is told once their step is recorded.
pub fn updated(case: &crate::store::case::Case, locale: &str) -> String {
    tr(
        locale,
        msg!("case-updated"),
        Some(&args([("name", render::case_name(case, locale).into())])),
    )
}

/// Reporting to the TSC or the security team, privately; works in DMs with the bot too.
#[poise::command(
    slash_command,
    subcommands("conduct", "security", "status"),
    subcommand_required,
    interaction_context = "Guild|BotDm"
)]
pub async fn report(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// The member reporting: in the server, with their roles; in a DM, of the one server the bot
/// is set up in (reporting needs no role).
pub async fn report_actor(ctx: Context<'_>) -> Result<Actor, Error> {
    if ctx.guild_id().is_some() {
        return command_actor(ctx).await;
    }
    Ok(Actor {
        guild_id: ctx.data().app.report_guild().await?,
        user_id: ctx.author().id.get(),
        standing: Default::default(),
    })
}

/// Report a code-of-conduct violation to the TSC, privately.
#[poise::command(slash_command)]
pub async fn conduct(ctx: Context<'_>, member: Option<serenity::User>) -> Result<(), Error> {
    let actor = report_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    ctx.data().app.guild_config(actor.guild_id).await?;
    if member.as_ref().is_some_and(|m| m.bot) {
        return Err(CaseError::BotParty.into());
    }
    let reported = member.map(|m| m.id.get());
    respond_with_modal(ctx, forms::conduct_form(reported, None, locale)).await
}

/// Report a security vulnerability to the security response team, privately.
#[poise::command(slash_command)]
pub async fn security(ctx: Context<'_>) -> Result<(), Error> {
    let actor = report_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    ctx.data().app.guild_config(actor.guild_id).await?;
    respond_with_modal(ctx, forms::security_form(locale)).await
}

/// Your conflicts and reports, and where they stand.
#[poise::command(slash_command)]
pub async fn status(ctx: Context<'_>) -> Result<(), Error> {
    let actor = report_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let cases = ctx
        .data()
        .app
        .my_cases(actor.guild_id, actor.user_id)
        .await?;
    ctx.send(ephemeral(render::status_text(
        &cases,
        actor.user_id,
        locale,
    )))
    .await?;
    Ok(())
}

/// "Report to the TSC" on a message: the conduct form, with the message and its author.
#[poise::command(
    context_menu_command = "Report to the TSC",
    guild_only,
    rename = "report-message"
)]
pub async fn report_message(ctx: Context<'_>, message: serenity::Message) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    ctx.data().app.guild_config(actor.guild_id).await?;
    if message.author.bot {
        return Err(CaseError::BotParty.into());
    }
    let form = forms::conduct_form(
        Some(message.author.id.get()),
        Some((message.channel_id.get(), message.id.get())),
        locale,
    );
    respond_with_modal(ctx, form).await
}
