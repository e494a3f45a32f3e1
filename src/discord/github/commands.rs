//! `/roster github`: link a GitHub login to a member, for the roster, its export and
//! succession planning's view of their activity.

use poise::serenity_prelude as serenity;

use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::{self, ephemeral};
use crate::discord::{Context, Error};
use crate::governance::github::LOGIN_MAX;
use crate::i18n::{args, tr};
use crate::msg;

// Discord's copy of GitHub's limit on the username option below; keep them equal.
const _: () = assert!(LOGIN_MAX == 39);

/// Link your GitHub username (or a member's, for the TSC).
#[poise::command(slash_command, guild_only)]
pub async fn github(
    ctx: Context<'_>,
    #[max_length = 39] username: String,
    member: Option<serenity::User>,
) -> Result<(), Error> {
    // GitHub is asked whether the account exists: that may take longer than Discord waits.
    reply::defer(ctx).await?;
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let member_id = member.map_or(actor.user_id, |m| m.id.get());
    let login = ctx
        .data()
        .app
        .link_github(&actor, member_id, &username)
        .await?;
    let text = tr(
        locale,
        msg!("github-linked"),
        Some(&args([
            ("member", format!("<@{member_id}>").into()),
            ("login", login.into()),
        ])),
    );
    ctx.send(ephemeral(text)).await?;
    Ok(())
}
