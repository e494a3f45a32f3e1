//! `/release`: propose a release, record its candidates, ask for its final approval, record its
//! publication, withdraw it, list and inspect releases.

use super::{ballots, forms, render};
use crate::app::release::approval::FinalApproval;
use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::{self, ephemeral, respond_with_modal};
use crate::discord::{Context, Error};
use crate::governance::permissions::{Action, Facts};
use crate::governance::policy::ReleaseFinal;
use crate::governance::release::{LINK_MAX, REASON_MAX, VERSION_MAX};
use crate::i18n::{args, tr};
use crate::msg;

// Discord's copy of the limits in governance::release, checked before anything reaches us.
const _: () = assert!(VERSION_MAX == 64 && LINK_MAX == 500 && REASON_MAX == 1000);

/// Releases: the seven steps of the release process.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("propose", "rc", "approve", "published", "withdraw", "list", "info"),
    subcommand_required
)]
pub async fn release(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Propose a release: its changelog and planned date are asked in a form, then the TSC votes.
#[poise::command(slash_command, guild_only)]
pub async fn propose(ctx: Context<'_>, #[max_length = 64] version: String) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let draft_id = ctx.data().app.draft_release(&actor, &version).await?;
    respond_with_modal(ctx, forms::plan_form(draft_id, locale)).await
}

/// Record a release candidate (rc1, rc2, …) with its link; the feedback window starts.
#[poise::command(slash_command, guild_only)]
pub async fn rc(
    ctx: Context<'_>,
    #[max_length = 64] version: String,
    #[max_length = 500] link: String,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let (release, number) = ctx
        .data()
        .app
        .record_candidate(&actor, &version, &link)
        .await?;
    let text = tr(
        locale,
        msg!("release-rc-recorded"),
        Some(&args([
            ("version", render::version(&release).into()),
            ("number", number.into()),
            (
                "ends",
                release
                    .feedback_ends_at
                    .map(|t| format!("<t:{}:R>", t.timestamp()))
                    .unwrap_or_default()
                    .into(),
            ),
        ])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// Ask for the final approval (a TSC ballot, or a maintainer's sign-off where the policy says).
#[poise::command(slash_command, guild_only)]
pub async fn approve(ctx: Context<'_>, #[max_length = 64] version: String) -> Result<(), Error> {
    // Reading the TSC from Discord can take longer than the 3 s Discord waits for an answer.
    reply::defer(ctx).await?;
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let app = &ctx.data().app;
    let config = app.guild_config(actor.guild_id).await?;
    let view = app.release(actor.guild_id, &version).await?;
    let ballot = match config.policy.release_final {
        ReleaseFinal::Tsc => {
            // Checked before asking Discord for the member list.
            actor.require(Action::RequestReleaseApproval, Facts::default())?;
            Some(ballots::final_ballot(ctx.http(), app, &view).await?)
        }
        ReleaseFinal::Maintainer => None,
    };
    let (release, approval) = app.approve_release(&actor, &version, ballot).await?;
    let text = match approval {
        FinalApproval::Ballot(b) => tr(
            locale,
            msg!("release-final-ballot-opened"),
            Some(&args([
                ("version", render::version(&release).into()),
                ("id", b.id.into()),
            ])),
        ),
        FinalApproval::SignedOff => render::notice(locale, msg!("release-signed-off"), &release),
    };
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// Record the publication of an approved release; it is announced to the community.
#[poise::command(slash_command, guild_only)]
pub async fn published(
    ctx: Context<'_>,
    #[max_length = 64] version: String,
    #[max_length = 500] link: String,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let release = ctx
        .data()
        .app
        .publish_release(&actor, &version, &link)
        .await?;
    ctx.send(ephemeral(render::notice(
        locale,
        msg!("release-published-recorded"),
        &release,
    )))
    .await?;
    Ok(())
}

/// Withdraw a release before it is published (its proposer or the TSC).
#[poise::command(slash_command, guild_only)]
pub async fn withdraw(
    ctx: Context<'_>,
    #[max_length = 64] version: String,
    #[max_length = 1000] reason: String,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let release = ctx
        .data()
        .app
        .withdraw_release(&actor, &version, &reason)
        .await?;
    ctx.send(ephemeral(render::notice(
        locale,
        msg!("release-withdrawn"),
        &release,
    )))
    .await?;
    Ok(())
}

/// List the releases and where each stands.
#[poise::command(slash_command, guild_only)]
pub async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let releases = ctx.data().app.releases(actor.guild_id).await?;
    ctx.send(ephemeral(render::list_text(&releases, locale)))
        .await?;
    Ok(())
}

/// Show a release's card: its steps, changelog, candidates, feedback and blocking issues.
#[poise::command(slash_command, guild_only)]
pub async fn info(ctx: Context<'_>, #[max_length = 64] version: String) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let view = ctx.data().app.release(actor.guild_id, &version).await?;
    let mut reply = ephemeral("");
    for embed in render::card_embeds(&view, locale) {
        reply = reply.embed(embed);
    }
    ctx.send(reply).await?;
    Ok(())
}
