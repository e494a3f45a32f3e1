//! The TSC ballots about a group, as the Discord layer prepares them: the TSC read from Discord
//! and the ballot's texts written in the guild's language (everyone reads the ballot).

use poise::serenity_prelude as serenity;

use super::render;
use crate::app::working_group::proposal::GroupBallot;
use crate::app::{Actor, App, AppResult};
use crate::discord::actor::tsc_now;
use crate::governance::permissions::{Action, Facts};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::ballot::Ballot;

/// Opens the ballot to close a group (`/wg close`, the end-of-charter button).
pub async fn open_close_ballot(
    http: &serenity::Http,
    app: &App,
    actor: &Actor,
    wg_id: i64,
    channel_id: u64,
    reason: &str,
) -> AppResult<Ballot> {
    let config = app.guild_config(actor.guild_id).await?;
    // Checked before asking Discord for the member list.
    actor.require(Action::CloseWorkingGroup, Facts::default())?;
    let group = app.group_by_id(wg_id).await?.group;
    if group.guild_id != actor.guild_id {
        return Err(crate::app::UserError::new(msg!("wg-error-not-found")).into());
    }
    let electorate = tsc_now(http, app, &config).await?;
    let locale = config.locale.as_str();
    let ballot = GroupBallot {
        title: render::notice(locale, msg!("wg-ballot-close-title"), &group),
        description: reason.trim().to_owned(),
        channel_id,
        electorate,
    };
    app.propose_close(actor, wg_id, ballot).await
}

/// Opens the ballot on a new chair (`/wg chair`).
pub async fn open_chair_ballot(
    http: &serenity::Http,
    app: &App,
    actor: &Actor,
    name: &str,
    chair: &serenity::User,
    channel_id: u64,
) -> AppResult<Ballot> {
    let config = app.guild_config(actor.guild_id).await?;
    let view = app.working_group(actor.guild_id, name).await?;
    let facts = Facts {
        chair: view.group.chair_id == actor.user_id,
        ..Facts::default()
    };
    // Checked before asking Discord for the member list.
    actor.require(Action::ManageWorkingGroup, facts)?;
    let electorate = tsc_now(http, app, &config).await?;
    let locale = config.locale.as_str();
    let ballot = GroupBallot {
        title: render::notice(locale, msg!("wg-ballot-chair-title"), &view.group),
        description: tr(
            locale,
            msg!("wg-ballot-chair-description"),
            Some(&args([
                ("name", view.group.name.as_str().into()),
                ("member", format!("<@{}>", chair.id).into()),
                ("chair", format!("<@{}>", view.group.chair_id).into()),
            ])),
        ),
        channel_id,
        electorate,
    };
    app.propose_chair(actor, view.group.id, chair.id.get(), chair.bot, ballot)
        .await
}

/// Opens the charter ballot of a draft whose form was submitted.
pub async fn open_charter_ballot(
    http: &serenity::Http,
    app: &App,
    actor: &Actor,
    draft_id: i64,
    charter: &crate::governance::working_group::Charter,
    channel_id: u64,
) -> AppResult<(crate::store::working_group::Group, Ballot)> {
    let config = app.guild_config(actor.guild_id).await?;
    let draft = app
        .group_by_id(draft_id)
        .await
        .map_err(|_| crate::app::UserError::new(msg!("wg-error-not-found")))?;
    // Only the draft's author may submit its form: checked before the TSC is looked up (the
    // app checks it again, with the rest, in its transaction).
    if draft.group.proposed_by != actor.user_id || draft.group.guild_id != actor.guild_id {
        return Err(crate::app::UserError::new(msg!("wg-error-not-found")).into());
    }
    let electorate = tsc_now(http, app, &config).await?;
    let locale = config.locale.as_str();
    let members: Vec<String> = draft.members.iter().map(|m| format!("<@{m}>")).collect();
    let ballot = GroupBallot {
        title: render::notice(locale, msg!("wg-ballot-charter-title"), &draft.group),
        description: tr(
            locale,
            msg!("wg-ballot-charter-description"),
            Some(&args([
                ("focus", draft.group.focus.as_str().into()),
                ("chair", format!("<@{}>", draft.group.chair_id).into()),
                ("members", members.join(" ").into()),
            ])),
        ),
        channel_id,
        electorate,
    };
    app.propose_working_group(actor, draft_id, charter, ballot)
        .await
}
