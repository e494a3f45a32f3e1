//! Discord's events: the roster kept in sync, and every button and form routed by its typed id
//! to the feature that owns it. Ids that are not Steward's get a clear, ephemeral answer.

use poise::serenity_prelude as serenity;

use super::custom_id::CustomId;
use super::reply::{self, ephemeral_response};
use super::{
    Data, Error, annual_review, ballot, case, dependency, nomination, release, rfc, succession,
    working_group,
};
use crate::i18n::tr;
use crate::msg;

pub async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    let ctx = framework.serenity_context;
    let data = framework.user_data;
    succession::sync::on_event(ctx, &data.app, event).await;
    if let serenity::FullEvent::MessageDelete {
        channel_id,
        deleted_message_id,
        guild_id: Some(guild_id),
    } = event
    {
        // A deleted ballot message is posted again (the ballot stays votable).
        let (g, c, m) = (guild_id.get(), channel_id.get(), deleted_message_id.get());
        if let Err(e) = data.app.message_deleted(g, c, m).await {
            tracing::warn!(error = %e, "could not look up a deleted message");
        }
    }
    // Faults (issue 10): removed from a server (not an outage, which sets `unavailable`), its
    // jobs and deliveries wait; in it again (every connect says so), they resume.
    let presence = match event {
        serenity::FullEvent::GuildDelete { incomplete, .. } if !incomplete.unavailable => {
            Some(data.app.bot_removed(incomplete.id.get()).await)
        }
        serenity::FullEvent::GuildCreate { guild, .. } => {
            Some(data.app.bot_present(guild.id.get()).await)
        }
        _ => None,
    };
    if let Some(Err(e)) = presence {
        tracing::warn!(error = %e, "could not record whether Steward is in a server");
    }
    let (id, result) = match event {
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(component),
        } => (component.id, on_component(ctx, data, component).await),
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Modal(modal),
        } => (modal.id, on_modal(ctx, data, modal).await),
        _ => return Ok(()),
    };
    // A handler that did not defer answered (or tried to) by the time it returns.
    data.latency.answered(id.get());
    if let Err(e) = result {
        // Error chains print the callback URL, which holds the interaction's token.
        tracing::warn!(
            error = reply::redacted(&e),
            "could not answer an interaction"
        );
    }
    Ok(())
}

async fn on_component(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
) -> Result<(), serenity::Error> {
    let locale = reply::locale(
        &data.app,
        component.guild_id,
        Some(component.locale.as_str()),
    )
    .await;
    match CustomId::parse(&component.data.custom_id) {
        Some(CustomId::Vote { ballot_id, choice }) => {
            ballot::components::vote(ctx, data, component, ballot_id, choice, locale).await
        }
        Some(CustomId::Withdraw { ballot_id }) => {
            ballot::components::withdraw(ctx, data, component, ballot_id, locale).await
        }
        Some(CustomId::WgJoin {
            request_id,
            approve,
        }) => {
            working_group::components::join_decision(
                ctx, data, component, request_id, approve, locale,
            )
            .await
        }
        Some(CustomId::WgReport { wg_id }) => {
            working_group::components::report_button(ctx, data, component, wg_id, locale).await
        }
        Some(CustomId::WgProposeClose { wg_id }) => {
            working_group::components::propose_close_button(ctx, data, component, wg_id, locale)
                .await
        }
        Some(CustomId::Contact { step_id, answer }) => {
            succession::components::contact_answer(ctx, data, component, step_id, answer, locale)
                .await
        }

        // RFCs and amendments.
        Some(CustomId::RfcFeedback { rfc_id, stance }) => {
            rfc::components::feedback(ctx, data, component, rfc_id, stance, locale).await
        }

        // Nominations.
        Some(CustomId::NominationAnswer {
            nomination_id,
            accept,
        }) => {
            nomination::components::answer(ctx, data, component, nomination_id, accept, locale)
                .await
        }
        Some(CustomId::NominationForm { .. }) => {
            nomination::components::not_a_button(ctx, component, locale).await
        }

        // Releases and dependencies.
        Some(CustomId::ReleaseWorks { release_id }) => {
            release::components::works_for_me(ctx, data, component, release_id, locale).await
        }
        Some(CustomId::ReleaseBlocker { release_id }) => {
            release::components::blocker_button(ctx, data, component, release_id, locale).await
        }
        Some(CustomId::ReleaseBlockerDecision {
            blocker_id,
            resolved,
        }) => {
            release::components::decision_button(ctx, data, component, blocker_id, resolved, locale)
                .await
        }
        Some(CustomId::DependencyReview {
            dependency_id,
            review,
            pass,
        }) => {
            let form = dependency::forms::review_form(dependency_id, review, pass, locale);
            dependency::components::open_form(ctx, data, component, dependency_id, form, locale)
                .await
        }
        Some(CustomId::DependencyDecision {
            dependency_id,
            approve,
        }) => {
            let form = dependency::forms::decision_form(dependency_id, approve, locale);
            dependency::components::open_form(ctx, data, component, dependency_id, form, locale)
                .await
        }

        // Cases, the annual review's publication, dissolution.
        Some(CustomId::CaseResolve { case_id }) => {
            let step = case::components::CardStep::Resolve;
            case::components::card_step(ctx, data, component, case_id, step, locale).await
        }
        Some(CustomId::CaseEscalate { case_id }) => {
            let step = case::components::CardStep::Escalate;
            case::components::card_step(ctx, data, component, case_id, step, locale).await
        }
        Some(CustomId::ConductRespond { case_id, response }) => {
            let step = case::components::CardStep::Respond(response);
            case::components::card_step(ctx, data, component, case_id, step, locale).await
        }
        Some(CustomId::SecurityAck { case_id }) => {
            let step = case::components::CardStep::Acknowledge;
            case::components::card_step(ctx, data, component, case_id, step, locale).await
        }
        Some(CustomId::SecurityResolve { case_id }) => {
            let step = case::components::CardStep::SecurityResolve;
            case::components::card_step(ctx, data, component, case_id, step, locale).await
        }
        Some(CustomId::CaseMediate { case_id }) => {
            case::components::mediate(ctx, data, component, case_id, locale).await
        }
        Some(CustomId::ConductTimeout { case_id }) => {
            case::components::timeout_button(ctx, data, component, case_id, locale).await
        }
        // Forms' ids on a button are not ours.
        Some(CustomId::ConductForm { .. } | CustomId::SecurityForm | CustomId::ReviewForm) => {
            let text = tr(locale, msg!("error-unknown-action"), None);
            component
                .create_response(&ctx.http, ephemeral_response(text))
                .await
        }

        // Forms' ids on a button, or ids that are not ours.
        Some(
            CustomId::Concern { .. }
            | CustomId::WgCharter { .. }
            | CustomId::RfcSummary { .. }
            | CustomId::RfcConcern { .. }
            | CustomId::ReleasePlan { .. }
            | CustomId::DependencyProposal { .. },
        )
        | None => {
            tracing::warn!(
                user_id = component.user.id.get(),
                "unknown component custom id"
            );
            let text = tr(locale, msg!("error-unknown-action"), None);
            component
                .create_response(&ctx.http, ephemeral_response(text))
                .await
        }
    }
}

async fn on_modal(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
) -> Result<(), serenity::Error> {
    let locale = reply::locale(&data.app, modal.guild_id, Some(modal.locale.as_str())).await;
    match CustomId::parse(&modal.data.custom_id) {
        Some(CustomId::Concern { ballot_id }) => {
            ballot::components::concern(ctx, data, modal, ballot_id, locale).await
        }
        Some(CustomId::WgCharter { draft_id }) => {
            working_group::components::charter_form(ctx, data, modal, draft_id, locale).await
        }
        Some(CustomId::WgReport { wg_id }) => {
            working_group::components::report_form(ctx, data, modal, wg_id, locale).await
        }

        // RFCs and amendments.
        Some(CustomId::RfcSummary { draft_id }) => {
            rfc::components::summary(ctx, data, modal, draft_id, locale).await
        }
        Some(CustomId::RfcConcern { rfc_id }) => {
            rfc::components::concern(ctx, data, modal, rfc_id, locale).await
        }

        // Nominations.
        Some(CustomId::NominationForm { draft_id }) => {
            nomination::components::statement_submitted(ctx, data, modal, draft_id, locale).await
        }

        // Releases and dependencies.
        Some(CustomId::ReleasePlan { draft_id }) => {
            release::components::plan_form(ctx, data, modal, draft_id, locale).await
        }
        Some(CustomId::ReleaseBlocker { release_id }) => {
            release::components::blocker_form(ctx, data, modal, release_id, locale).await
        }
        Some(CustomId::ReleaseBlockerDecision {
            blocker_id,
            resolved,
        }) => {
            release::components::decision_form(ctx, data, modal, blocker_id, resolved, locale).await
        }
        Some(CustomId::DependencyProposal { draft_id }) => {
            dependency::components::proposal_form(ctx, data, modal, draft_id, locale).await
        }
        Some(CustomId::DependencyReview {
            dependency_id,
            review,
            pass,
        }) => {
            dependency::components::review_form(
                ctx,
                data,
                modal,
                dependency_id,
                review,
                pass,
                locale,
            )
            .await
        }
        Some(CustomId::DependencyDecision {
            dependency_id,
            approve,
        }) => {
            dependency::components::decision_form(ctx, data, modal, dependency_id, approve, locale)
                .await
        }

        // Cases, the annual review's publication, dissolution.
        Some(CustomId::ConductForm { reported, message }) => {
            case::components::conduct_form(ctx, data, modal, reported, message, locale).await
        }
        Some(CustomId::SecurityForm) => {
            case::components::security_form(ctx, data, modal, locale).await
        }
        Some(CustomId::ConductTimeout { case_id }) => {
            case::components::timeout_form(ctx, data, modal, case_id, locale).await
        }
        Some(CustomId::ReviewForm) => {
            annual_review::components::review_form(ctx, data, modal, locale).await
        }
        _ => {
            tracing::warn!(user_id = modal.user.id.get(), "unknown modal custom id");
            let text = tr(locale, msg!("error-unknown-action"), None);
            modal
                .create_response(&ctx.http, ephemeral_response(text))
                .await
        }
    }
}
