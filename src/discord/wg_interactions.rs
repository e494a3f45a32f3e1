//! Working-group buttons and forms: the charter form, the report form, the chair's answer to a
//! join request, and the TSC's button to open a closing ballot.

use poise::serenity_prelude as serenity;

use super::actor::actor;
use super::reply::{self, ephemeral_response, no_pings};
use super::vote::current_tsc;
use super::wg_ids::{CHARTER_INPUTS, REPORT_INPUT, WgAction};
use super::{Data, wg_render};
use crate::app::working_groups::GroupBallot;
use crate::app::{Actor, App, AppError, AppResult, UserError};
use crate::governance::working_group::Charter;
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::ballots::Ballot;

/// The value of a form's text input.
fn value(modal: &serenity::ModalInteraction, id: &str) -> String {
    modal
        .data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            serenity::ActionRowComponent::InputText(t) if t.custom_id == id => t.value.clone(),
            _ => None,
        })
        .unwrap_or_default()
}

async fn member_actor(
    app: &App,
    guild_id: Option<serenity::GuildId>,
    member: Option<&serenity::Member>,
) -> AppResult<Actor> {
    match (guild_id, member) {
        (Some(guild_id), Some(member)) => actor(app, guild_id, member).await,
        _ => Err(UserError::new(msg!("error-guild-only")).into()),
    }
}

/// Opens the ballot to close a group, with its texts in the guild's language.
pub(super) async fn open_close_ballot(
    ctx: &serenity::Context,
    app: &App,
    actor: &Actor,
    wg_id: i64,
    channel_id: u64,
    reason: &str,
) -> AppResult<Ballot> {
    let config = app.guild_config(actor.guild_id).await?;
    let group = app.group_by_id(wg_id).await?.group;
    if group.guild_id != actor.guild_id {
        return Err(UserError::new(msg!("wg-error-not-found")).into());
    }
    let electorate = current_tsc(&ctx.http, &config).await?;
    let locale = config.locale.as_str();
    let ballot = GroupBallot {
        title: wg_render::notice(locale, msg!("wg-ballot-close-title"), &group),
        description: reason.trim().to_owned(),
        channel_id,
        electorate,
    };
    app.propose_close(actor, wg_id, ballot).await
}

/// Buttons whose custom id starts with `wg:`.
pub async fn on_component(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let locale = reply::locale(app, component.guild_id, Some(component.locale.as_str())).await;
    let who = member_actor(app, component.guild_id, component.member.as_ref()).await;
    let response = match (WgAction::parse(&component.data.custom_id), who) {
        (None, _) | (Some(WgAction::Charter { .. }), _) => {
            ephemeral_response(tr(locale, msg!("error-unknown-action"), None))
        }
        (Some(_), Err(e)) => ephemeral_response(reply::error_text(locale, &e, "wg button")),
        (
            Some(WgAction::Join {
                request_id,
                approve,
            }),
            Ok(actor),
        ) => match app.decide_join(&actor, request_id, approve).await {
            Ok((group, member)) => {
                // The request message shows the decision, without its buttons.
                let id = if approve {
                    msg!("wg-join-approved")
                } else {
                    msg!("wg-join-declined")
                };
                let text = tr(
                    locale,
                    id,
                    Some(&args([
                        ("member", format!("<@{member}>").into()),
                        ("name", group.name.as_str().into()),
                        ("by", format!("<@{}>", actor.user_id).into()),
                    ])),
                );
                serenity::CreateInteractionResponse::UpdateMessage(
                    serenity::CreateInteractionResponseMessage::new()
                        .content(text)
                        .components(vec![])
                        .allowed_mentions(no_pings()),
                )
            }
            Err(e) => ephemeral_response(reply::error_text(locale, &e, "wg join decision")),
        },
        (Some(WgAction::Report { wg_id }), Ok(actor)) => match app.group_by_id(wg_id).await {
            Ok(view)
                if view.group.guild_id == actor.guild_id
                    && view.group.chair_id == actor.user_id =>
            {
                serenity::CreateInteractionResponse::Modal(super::wg::report_form(
                    wg_id,
                    &view.group.name,
                    locale,
                ))
            }
            Ok(_) => ephemeral_response(tr(locale, msg!("wg-error-only-chair-reports"), None)),
            Err(e) => ephemeral_response(reply::error_text(locale, &e, "wg report button")),
        },
        (Some(WgAction::ProposeClose { wg_id }), Ok(actor)) => {
            // Reading the TSC from Discord can outlast Discord's 3 s: answer "thinking" first.
            component.create_response(&ctx.http, deferred()).await?;
            let reason = tr(
                app.guild_config(actor.guild_id)
                    .await
                    .map(|c| c.locale)
                    .as_deref()
                    .unwrap_or(locale),
                msg!("wg-close-reason-ended"),
                None,
            );
            let result =
                open_close_ballot(ctx, app, &actor, wg_id, component.channel_id.get(), &reason)
                    .await;
            let text = match result {
                Ok(ballot) => tr(
                    locale,
                    msg!("wg-ballot-opened"),
                    Some(&args([("id", ballot.id.into())])),
                ),
                Err(e) => reply::error_text(locale, &e, "wg close button"),
            };
            return component
                .edit_response(&ctx.http, edited(text))
                .await
                .map(drop);
        }
    };
    component.create_response(&ctx.http, response).await
}

/// An ephemeral "thinking…" answer, to be edited with [`edited`] once the work is done.
fn deferred() -> serenity::CreateInteractionResponse {
    serenity::CreateInteractionResponse::Defer(
        serenity::CreateInteractionResponseMessage::new().ephemeral(true),
    )
}

fn edited(text: String) -> serenity::EditInteractionResponse {
    serenity::EditInteractionResponse::new()
        .content(text)
        .allowed_mentions(no_pings())
}

/// Forms whose custom id starts with `wg:`.
pub async fn on_modal(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let locale = reply::locale(app, modal.guild_id, Some(modal.locale.as_str())).await;
    // The charter form reads the TSC from Discord, which can outlast Discord's 3 s.
    modal.create_response(&ctx.http, deferred()).await?;
    let result: AppResult<String> = async {
        let actor = member_actor(app, modal.guild_id, modal.member.as_ref()).await?;
        match WgAction::parse(&modal.data.custom_id) {
            Some(WgAction::Charter { draft_id }) => {
                let charter = Charter {
                    scope: value(modal, CHARTER_INPUTS[0]),
                    deliverables: value(modal, CHARTER_INPUTS[1]),
                    timeline: value(modal, CHARTER_INPUTS[2]),
                    resources: value(modal, CHARTER_INPUTS[3]),
                    reporting: value(modal, CHARTER_INPUTS[4]),
                };
                let config = app.guild_config(actor.guild_id).await?;
                let electorate = current_tsc(&ctx.http, &config).await?;
                let draft = app
                    .group_by_id(draft_id)
                    .await
                    .map_err(|_| UserError::new(msg!("wg-error-not-found")))?;
                let guild_locale = config.locale.as_str();
                let members: Vec<String> =
                    draft.members.iter().map(|m| format!("<@{m}>")).collect();
                let ballot = GroupBallot {
                    title: wg_render::notice(
                        guild_locale,
                        msg!("wg-ballot-charter-title"),
                        &draft.group,
                    ),
                    description: tr(
                        guild_locale,
                        msg!("wg-ballot-charter-description"),
                        Some(&args([
                            ("focus", draft.group.focus.as_str().into()),
                            ("chair", format!("<@{}>", draft.group.chair_id).into()),
                            ("members", members.join(" ").into()),
                        ])),
                    ),
                    channel_id: modal.channel_id.get(),
                    electorate,
                };
                let (group, ballot) = app
                    .propose_working_group(&actor, draft_id, &charter, ballot)
                    .await?;
                Ok(tr(
                    locale,
                    msg!("wg-proposed"),
                    Some(&args([
                        ("name", group.name.as_str().into()),
                        ("id", ballot.id.into()),
                    ])),
                ))
            }
            Some(WgAction::Report { wg_id }) => {
                let group = app
                    .submit_report(&actor, wg_id, &value(modal, REPORT_INPUT))
                    .await?;
                Ok(wg_render::notice(locale, msg!("wg-report-filed"), &group))
            }
            _ => Err(AppError::User(UserError::new(msg!("error-unknown-action")))),
        }
    }
    .await;
    let text = result.unwrap_or_else(|e| reply::error_text(locale, &e, "wg form"));
    modal.edit_response(&ctx.http, edited(text)).await.map(drop)
}
