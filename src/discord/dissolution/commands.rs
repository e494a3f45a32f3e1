//! `/govern dissolve` and `/govern dissolve-call-off` (subcommands of `/govern`): each opens a
//! TSC ballot, written in the guild's language.

use crate::app::dissolution::proposal::{DissolutionBallot, ProposeDissolution};
use crate::discord::actor::{command_actor, command_locale, tsc_now};
use crate::discord::reply::{self, ephemeral};
use crate::discord::{Context, Error};
use crate::governance::dissolution::{ARCHIVE_MAX, LICENSE_MAX, Plan, REASON_MAX, STEWARD_MAX};
use crate::i18n::{args, tr};
use crate::msg;

// Discord's copy of the limits in governance::dissolution, checked before anything reaches us.
const _: () =
    assert!(REASON_MAX == 500 && STEWARD_MAX == 500 && ARCHIVE_MAX == 500 && LICENSE_MAX == 100);

/// Propose dissolving the project on a date; the TSC votes (TSC only).
#[poise::command(slash_command, guild_only)]
pub async fn dissolve(
    ctx: Context<'_>,
    #[max_length = 10] date: String,
    #[max_length = 500] reason: String,
    #[max_length = 500] steward: String,
    #[max_length = 500] archive: String,
    #[max_length = 100] license: Option<String>,
) -> Result<(), Error> {
    // Reading the TSC from Discord can take longer than the 3 s Discord waits for an answer.
    reply::defer(ctx).await?;
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let app = &ctx.data().app;
    let input = ProposeDissolution {
        date,
        reason,
        plan: Plan {
            steward,
            archive,
            license,
        },
    };
    // Checked (the role, the fields, the date) before asking Discord for the member list.
    app.check_dissolution(&actor, &input).await?;
    let config = app.guild_config(actor.guild_id).await?;
    let electorate = tsc_now(ctx.http(), app, &config).await?;
    let guild_locale = config.locale.as_str();
    let ballot = DissolutionBallot {
        title: tr(
            guild_locale,
            msg!("dissolution-ballot-title"),
            Some(&args([("date", input.date.trim().into())])),
        ),
        description: tr(
            guild_locale,
            msg!("dissolution-ballot-description"),
            Some(&args([
                ("reason", input.reason.trim().into()),
                ("steward", input.plan.steward.trim().into()),
                ("archive", input.plan.archive.trim().into()),
                (
                    "license",
                    input
                        .plan
                        .license
                        .as_deref()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(|l| format!(" ({l})"))
                        .unwrap_or_default()
                        .into(),
                ),
            ])),
        ),
        channel_id: ctx.channel_id().get(),
        electorate,
    };
    let (_, ballot) = app.propose_dissolution(&actor, &input, ballot).await?;
    let text = tr(
        locale,
        msg!("dissolution-proposed"),
        Some(&args([("id", ballot.id.into())])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}

/// Propose calling the decided dissolution off; the TSC votes (TSC only).
#[poise::command(slash_command, guild_only, rename = "dissolve-call-off")]
pub async fn dissolve_call_off(
    ctx: Context<'_>,
    #[max_length = 500] reason: String,
) -> Result<(), Error> {
    reply::defer(ctx).await?;
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let app = &ctx.data().app;
    // Checked (the role, that there is one to call off) before asking Discord.
    let current = app.dissolution_to_call_off(&actor).await?;
    let config = app.guild_config(actor.guild_id).await?;
    let electorate = tsc_now(ctx.http(), app, &config).await?;
    let ballot = DissolutionBallot {
        title: tr(
            config.locale.as_str(),
            msg!("dissolution-call-off-title"),
            Some(&args([(
                "date",
                current.date.format("%Y-%m-%d").to_string().into(),
            )])),
        ),
        description: String::new(),
        channel_id: ctx.channel_id().get(),
        electorate,
    };
    let (_, ballot) = app
        .propose_dissolution_call_off(&actor, &reason, ballot)
        .await?;
    let text = tr(
        locale,
        msg!("dissolution-call-off-proposed"),
        Some(&args([("id", ballot.id.into())])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}
