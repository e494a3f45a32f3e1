//! Opening a proposal: `/rfc open` (or `/amend propose`) checks the title, the link and who may,
//! and keeps a draft until the summary form is submitted; the form opens the discussion.

use chrono::Duration;
use serde_json::json;

use super::steps::{self, Step};
use super::view::not_found;
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::permissions::{Action, Facts};
use crate::governance::rfc::{self as rules, Event, Kind, Status, Summary};
use crate::governance::roles::GovRole;
use crate::msg;
use crate::store::guild::{ChannelPurpose, GuildConfig};
use crate::store::rfc::{self as repo, NewDraft, Rfc};

/// The checks `/rfc open` and `/amend propose` share: a configured guild with an RFC channel,
/// a member allowed to propose, a title and a link that are fit. Returns the configuration,
/// title and link.
pub(crate) async fn check_new(
    app: &App,
    actor: &Actor,
    kind: Kind,
    title: &str,
    link: &str,
) -> AppResult<(GuildConfig, String, String)> {
    let config = app.guild_config(actor.guild_id).await?;
    let facts = Facts {
        // "Contributors and above"; a guild that maps no contributor role has no such line.
        no_contributor_role: config.role_id(GovRole::Contributor).is_none(),
        ..Facts::default()
    };
    let action = match kind {
        Kind::Rfc => Action::OpenRfc,
        Kind::Amendment => Action::ProposeAmendment,
    };
    actor.require(action, facts)?;
    if config.channel(ChannelPurpose::Rfc).is_none() {
        return Err(UserError::new(msg!("rfc-error-no-channel")).into());
    }
    let title = rules::validate_title(title)?;
    let link = rules::validate_link(link)?;
    Ok((config, title, link))
}

impl App {
    /// `/rfc open`: keeps the RFC as a draft until its summary form is submitted; returns the
    /// draft's id.
    pub async fn draft_rfc(&self, actor: &Actor, title: &str, link: &str) -> AppResult<i64> {
        let (_, title, link) = check_new(self, actor, Kind::Rfc, title, link).await?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        repo::delete_stale_drafts(&mut tx, now - Duration::days(1)).await?;
        let draft = NewDraft {
            guild_id: actor.guild_id,
            kind: Kind::Rfc,
            title: &title,
            link: &link,
            author_id: actor.user_id,
        };
        let id = repo::insert_draft(&mut tx, &draft, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The summary form was submitted: the proposal opens for discussion, its place and card
    /// are created and it is announced.
    pub async fn open_rfc(
        &self,
        actor: &Actor,
        draft_id: i64,
        summary: &Summary,
    ) -> AppResult<Rfc> {
        let config = self.guild_config(actor.guild_id).await?;
        let summary = summary.validated()?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let draft = match repo::get(&mut tx, draft_id).await? {
            Some(r)
                if r.guild_id == actor.guild_id
                    && r.author_id == actor.user_id
                    && r.status == Status::Draft =>
            {
                r
            }
            Some(r) => return Err(not_found(r.kind)),
            None => return Err(not_found(Kind::Rfc)),
        };
        let (to, effects) = steps::check(&draft, Event::Open, now)?;
        let days = draft.kind.discussion_days(&config.policy);
        let ends = rules::discussion_ends(now, days);
        if !repo::open(&mut tx, draft.id, &summary, now, ends).await? {
            return Err(not_found(draft.kind));
        }
        let opened = repo::get(&mut tx, draft.id)
            .await?
            .ok_or_else(|| not_found(draft.kind))?;
        // The draft's status was moved by `open`; the step records the rest.
        let step = Step {
            to,
            effects: &effects,
            name: "opened",
            actor: Some(actor.user_id),
            details: json!({ "discussion_days": days }),
        };
        steps::commit(&mut tx, &opened, step, now).await?;
        tx.commit().await?;
        tracing::info!(
            guild_id = actor.guild_id,
            rfc_id = opened.id,
            kind = opened.kind.key(),
            "proposal opened"
        );
        self.wake();
        Ok(opened)
    }
}
