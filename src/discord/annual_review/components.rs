//! The annual review's form was submitted: the review goes to a TSC ballot.

use poise::serenity_prelude as serenity;

use crate::app::AppResult;
use crate::app::annual_review::publication::ReviewBallot;
use crate::discord::Data;
use crate::discord::actor::{member_actor, tsc_now};
use crate::discord::form_inputs::REVIEW_INPUTS;
use crate::discord::reply::{self, deferred, edited, form_value};
use crate::governance::annual_review::Sections;
use crate::governance::permissions::{Action, Facts};
use crate::i18n::{args, tr};
use crate::msg;

pub async fn review_form(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    locale: &str,
) -> Result<(), serenity::Error> {
    let app = &data.app;
    // Reading the TSC from Discord can outlast Discord's 3 s.
    modal.create_response(&ctx.http, deferred()).await?;
    data.latency.answered(modal.id.get());
    let value = |i: usize| form_value(modal, REVIEW_INPUTS[i]).unwrap_or_default();
    let sections = Sections {
        progress: value(0),
        community_health: value(1),
        technical_debt: value(2),
        roadmap: value(3),
        governance: value(4),
    };
    let result: AppResult<String> = async {
        let actor = member_actor(app, modal.guild_id, modal.member.as_ref()).await?;
        let config = app.guild_config(actor.guild_id).await?;
        // Checked before asking Discord for the member list.
        actor.require(Action::PublishAnnualReview, Facts::default())?;
        let electorate = tsc_now(&ctx.http, app, &config).await?;
        let guild_locale = config.locale.as_str();
        let ballot = ReviewBallot {
            title: tr(guild_locale, msg!("annual-review-ballot-title"), None),
            description: tr(guild_locale, msg!("annual-review-ballot-description"), None),
            channel_id: modal.channel_id.get(),
            electorate,
        };
        let (_, ballot) = app.propose_annual_review(&actor, &sections, ballot).await?;
        Ok(tr(
            locale,
            msg!("review-proposed"),
            Some(&args([("id", ballot.id.into())])),
        ))
    }
    .await;
    let text = result.unwrap_or_else(|e| reply::error_text(locale, &e, "annual review form"));
    modal.edit_response(&ctx.http, edited(text)).await.map(drop)
}
