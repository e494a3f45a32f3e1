//! Release buttons and forms: "works for me" and "blocking issue" on the card, a maintainer's
//! decision on a blocking issue, and the proposal's changelog form.

use poise::serenity_prelude as serenity;

use super::forms::{self, CHANGELOG_INPUT, LINK_INPUT, PLANNED_INPUT, REASON_INPUT};
use super::{ballots, render};
use crate::app::AppResult;
use crate::app::release::feedback::BlockerDecision;
use crate::discord::Data;
use crate::discord::actor::member_actor;
use crate::discord::reply::{self, deferred, edited, ephemeral_response, form_value};
use crate::governance::permissions::{Action, Facts};
use crate::i18n::{args, tr};
use crate::msg;

/// "Works for me": counted once per member for the latest candidate.
pub async fn works_for_me(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    release_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let result = match member_actor(app, component.guild_id, component.member.as_ref()).await {
        Ok(actor) => app.works_for_me(&actor, release_id).await,
        Err(e) => Err(e),
    };
    let text = match result {
        Ok((release, candidate, counted)) => tr(
            locale,
            if counted {
                msg!("release-works-counted")
            } else {
                msg!("release-works-already")
            },
            Some(&args([
                ("version", render::version(&release).into()),
                ("candidate", candidate.into()),
            ])),
        ),
        Err(e) => reply::error_text(locale, &e, "release works button"),
    };
    component
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}

/// "Blocking issue": the form asking for the link and why it blocks.
pub async fn blocker_button(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    release_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let check = async {
        let actor = member_actor(app, component.guild_id, component.member.as_ref()).await?;
        let view = app.release_by_id(release_id).await?;
        if view.release.guild_id != actor.guild_id {
            return Err(crate::app::release::no_such_release());
        }
        Ok(())
    }
    .await;
    let response = match check {
        Ok(()) => {
            serenity::CreateInteractionResponse::Modal(forms::blocker_form(release_id, locale))
        }
        Err(e) => ephemeral_response(reply::error_text(locale, &e, "release blocker button")),
    };
    component.create_response(&ctx.http, response).await
}

/// The blocking issue's form was submitted.
pub async fn blocker_form(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    release_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let link = form_value(modal, LINK_INPUT).unwrap_or_default();
    let reason = form_value(modal, REASON_INPUT).unwrap_or_default();
    let result = match member_actor(app, modal.guild_id, modal.member.as_ref()).await {
        Ok(actor) => app.report_blocker(&actor, release_id, &link, &reason).await,
        Err(e) => Err(e),
    };
    let text = match result {
        Ok((release, blocker)) => tr(
            locale,
            msg!("release-blocker-reported"),
            Some(&args([
                ("version", render::version(&release).into()),
                ("id", blocker.id.into()),
            ])),
        ),
        Err(e) => reply::error_text(locale, &e, "release blocker form"),
    };
    modal
        .create_response(&ctx.http, ephemeral_response(text))
        .await
}

/// "Resolved" or "Not blocking" on a blocking issue: a maintainer gets the form.
pub async fn decision_button(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    blocker_id: i64,
    resolved: bool,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let check = async {
        let actor = member_actor(app, component.guild_id, component.member.as_ref()).await?;
        actor.require(Action::DecideBlocker, Facts::default())?;
        let (view, _) = app.blocker_by_id(blocker_id).await?;
        if view.release.guild_id != actor.guild_id {
            return Err(crate::app::release::no_such_release());
        }
        Ok(())
    }
    .await;
    let response = match check {
        Ok(()) => serenity::CreateInteractionResponse::Modal(forms::decision_form(
            blocker_id, resolved, locale,
        )),
        Err(e) => ephemeral_response(reply::error_text(locale, &e, "release decision button")),
    };
    component.create_response(&ctx.http, response).await
}

/// A maintainer's decision form was submitted; the reporter is told.
pub async fn decision_form(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    blocker_id: i64,
    resolved: bool,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    let (decision, text) = if resolved {
        (BlockerDecision::Resolved, form_value(modal, LINK_INPUT))
    } else {
        (
            BlockerDecision::NotBlocking,
            form_value(modal, REASON_INPUT),
        )
    };
    let text = text.unwrap_or_default();
    let result = match member_actor(app, modal.guild_id, modal.member.as_ref()).await {
        Ok(actor) => {
            app.decide_blocker(&actor, blocker_id, decision, &text)
                .await
        }
        Err(e) => Err(e),
    };
    let answer = match result {
        Ok((release, blocker)) => tr(
            locale,
            if resolved {
                msg!("release-blocker-marked-resolved")
            } else {
                msg!("release-blocker-marked-not-blocking")
            },
            Some(&args([
                ("version", render::version(&release).into()),
                ("id", blocker.id.into()),
                ("reporter", format!("<@{}>", blocker.reporter_id).into()),
            ])),
        ),
        Err(e) => reply::error_text(locale, &e, "release decision form"),
    };
    modal
        .create_response(&ctx.http, ephemeral_response(answer))
        .await
}

/// The changelog form was submitted: the plan goes before the TSC.
pub async fn plan_form(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    draft_id: i64,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    // Reading the TSC from Discord can outlast Discord's 3 s.
    modal.create_response(&ctx.http, deferred()).await?;
    data.latency.answered(modal.id.get());
    let changelog = form_value(modal, CHANGELOG_INPUT).unwrap_or_default();
    let planned = form_value(modal, PLANNED_INPUT).unwrap_or_default();
    let result: AppResult<String> = async {
        let actor = member_actor(app, modal.guild_id, modal.member.as_ref()).await?;
        let draft = app.release_by_id(draft_id).await?.release;
        if draft.guild_id != actor.guild_id || draft.proposer_id != actor.user_id {
            return Err(crate::app::release::no_such_release());
        }
        // Checked before asking Discord for the member list.
        actor.require(Action::ProposeRelease, Facts::default())?;
        let ballot = ballots::plan_ballot(&ctx.http, app, &draft, &changelog, &planned).await?;
        let (release, opened) = app
            .propose_release(&actor, draft_id, &changelog, &planned, ballot)
            .await?;
        Ok(tr(
            locale,
            msg!("release-proposed"),
            Some(&args([
                ("version", render::version(&release).into()),
                ("id", opened.id.into()),
                ("channel", format!("<#{}>", release.channel_id).into()),
            ])),
        ))
    }
    .await;
    let text = result.unwrap_or_else(|e| reply::error_text(locale, &e, "release plan form"));
    modal.edit_response(&ctx.http, edited(text)).await.map(drop)
}
