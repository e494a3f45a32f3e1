//! `/govern web enable|disable`: the TSC publishes the server's page under a public slug, or
//! withdraws it. Either is a set-up decision, recorded in the public log.

use serde_json::json;

use crate::app::decision_log::record::{Entry, record};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::decision::DecisionKind;
use crate::governance::permissions::{Action, Facts};
use crate::governance::web::{self, SlugError};
use crate::msg;
use crate::store::web as repo;

impl App {
    /// Publishes the guild's page under `slug` (the TSC); returns the slug as stored.
    pub async fn enable_web_page(&self, actor: &Actor, slug: &str) -> AppResult<String> {
        self.guild_config(actor.guild_id).await?;
        actor.require(Action::PublishWebPage, Facts::default())?;
        let slug = web::slug(slug).map_err(|e| {
            UserError::new(match e {
                SlugError::Length => msg!("web-error-slug-length"),
                SlugError::Characters => msg!("web-error-slug-characters"),
                SlugError::Reserved => msg!("web-error-slug-reserved"),
            })
            .with("max", web::MAX_SLUG as i64)
        })?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let before = repo::slug_of(&mut tx, actor.guild_id).await?;
        if before.as_deref() == Some(slug) {
            return Ok(slug.to_owned());
        }
        if !repo::enable(&mut tx, actor.guild_id, slug, actor.user_id, now).await? {
            return Err(UserError::new(msg!("web-error-slug-taken")).into());
        }
        let entry = Entry {
            kind: DecisionKind::Setup,
            subject_ref: "web".into(),
            title: slug.to_owned(),
            outcome: "web_enabled".into(),
            link: None,
            details: json!({ "slug": slug, "before": before }),
            private: false,
            decided_by: Some(actor.user_id),
        };
        record(&mut tx, actor.guild_id, &entry, now).await?;
        tx.commit().await?;
        Ok(slug.to_owned())
    }

    /// Withdraws the guild's page (the TSC); refused when it is not published.
    pub async fn disable_web_page(&self, actor: &Actor) -> AppResult<String> {
        self.guild_config(actor.guild_id).await?;
        actor.require(Action::PublishWebPage, Facts::default())?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let slug = repo::disable(&mut tx, actor.guild_id)
            .await?
            .ok_or_else(|| UserError::new(msg!("web-error-not-enabled")))?;
        let entry = Entry {
            kind: DecisionKind::Setup,
            subject_ref: "web".into(),
            title: slug.clone(),
            outcome: "web_disabled".into(),
            link: None,
            details: json!({ "slug": slug }),
            private: false,
            decided_by: Some(actor.user_id),
        };
        record(&mut tx, actor.guild_id, &entry, now).await?;
        tx.commit().await?;
        Ok(slug)
    }
}
