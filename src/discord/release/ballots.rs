//! The TSC ballots on a release, as the Discord layer prepares them: the TSC as the bot keeps
//! it in sync, and the texts written in the guild's language (everyone reads the ballot).

use poise::serenity_prelude as serenity;

use super::render::{self, version};
use crate::app::release::proposal::ReleaseBallot;
use crate::app::release::view::ReleaseView;
use crate::app::{App, AppResult};
use crate::discord::actor::tsc_now;
use crate::discord::text::chars;
use crate::governance::ballot::DESCRIPTION_MAX;
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::release::Release;

/// The plan ballot of a draft whose form was submitted: the proposal, with the changelog
/// where it fits the ballot (the card always shows it whole).
pub async fn plan_ballot(
    http: &serenity::Http,
    app: &App,
    draft: &Release,
    changelog: &str,
    planned_on: &str,
) -> AppResult<ReleaseBallot> {
    let config = app.guild_config(draft.guild_id).await?;
    let locale = config.locale.as_str();
    let electorate = tsc_now(http, app, &config).await?;
    let header = tr(
        locale,
        msg!("release-ballot-plan-description"),
        Some(&args([
            ("version", version(draft).into()),
            ("proposer", format!("<@{}>", draft.proposer_id).into()),
            ("planned", planned_on.trim().into()),
            ("channel", format!("<#{}>", draft.channel_id).into()),
        ])),
    );
    let with_changelog = format!("{header}\n\n{}", changelog.trim());
    let description = if chars(&with_changelog) <= DESCRIPTION_MAX {
        with_changelog
    } else {
        header
    };
    Ok(ReleaseBallot {
        title: render::notice(locale, msg!("release-ballot-plan-title"), draft),
        description,
        electorate,
    })
}

/// The final ballot: the candidates, the feedback and how every blocking issue was addressed.
pub async fn final_ballot(
    http: &serenity::Http,
    app: &App,
    view: &ReleaseView,
) -> AppResult<ReleaseBallot> {
    let r = &view.release;
    let config = app.guild_config(r.guild_id).await?;
    let locale = config.locale.as_str();
    let electorate = tsc_now(http, app, &config).await?;
    let candidates: Vec<String> = view
        .candidates
        .iter()
        .map(|c| format!("rc{}: {}", c.number, c.link))
        .collect();
    let description = tr(
        locale,
        msg!("release-ballot-final-description"),
        Some(&args([
            ("version", version(r).into()),
            ("candidates", candidates.join("\n").into()),
            ("works", view.works_on_latest().into()),
            ("blockers", view.blockers.len().into()),
            ("channel", format!("<#{}>", r.channel_id).into()),
        ])),
    );
    Ok(ReleaseBallot {
        title: render::notice(locale, msg!("release-ballot-final-title"), r),
        description: crate::discord::text::truncate(&description, DESCRIPTION_MAX),
        electorate,
    })
}
