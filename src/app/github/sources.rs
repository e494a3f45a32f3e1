//! The project's GitHub organisation or repositories (`/govern setup github:`): parsed by the
//! document's one-organisation rule, checked against GitHub, and recorded.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::unavailable;
use crate::app::decision_log::record::{Entry, record};
use crate::app::schedule::{self, Job};
use crate::app::{Actor, App, AppResult, UserError};
use crate::github::GithubError;
use crate::governance::decision::DecisionKind;
use crate::governance::github::{GithubInputError, Sources};
use crate::governance::permissions::{Action, Facts};
use crate::msg;
use crate::store::github as repo;

/// What `/govern setup github:` asks for: these sources, or none (`none`: stop reading GitHub).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourcesChange {
    Set(Sources),
    Clear,
}

impl App {
    /// Parses and checks the option's text against GitHub (the organisation and each named
    /// repository exist). Nothing is written: `/govern setup` saves it with the rest.
    pub async fn check_github_sources(
        &self,
        actor: &Actor,
        text: &str,
    ) -> AppResult<SourcesChange> {
        actor.require(Action::ConfigureGuild, Facts::default())?;
        if text.trim().eq_ignore_ascii_case("none") {
            return Ok(SourcesChange::Clear);
        }
        let sources = Sources::parse(text).map_err(refusal)?;
        let client = self
            .github()
            .ok_or_else(|| UserError::new(msg!("github-error-unavailable")))?;
        let not_found = |name: &str| {
            UserError::new(msg!("github-error-source-unknown")).with_text("name", name)
        };
        match client.account(&sources.owner).await {
            Ok(_) => {}
            Err(GithubError::NotFound) => return Err(not_found(&sources.owner).into()),
            Err(e) => return Err(unavailable(&e).into()),
        }
        for name in &sources.repos {
            match client.repository(name).await {
                Ok(()) => {}
                Err(GithubError::NotFound) => return Err(not_found(name).into()),
                Err(e) => return Err(unavailable(&e).into()),
            }
        }
        Ok(SourcesChange::Set(sources))
    }

    /// Records checked sources, in the private decision log, and reads GitHub today.
    pub async fn save_github_sources(
        &self,
        actor: &Actor,
        change: &SourcesChange,
    ) -> AppResult<()> {
        actor.require(Action::ConfigureGuild, Facts::default())?;
        let now = self.now();
        let guild_id = actor.guild_id;
        let mut tx = self.write_tx().await?;
        let before = repo::sources(&mut tx, guild_id).await?.map(|r| r.sources);
        let after = match change {
            SourcesChange::Set(sources) => {
                repo::set_sources(&mut tx, guild_id, sources, now).await?;
                start_polls(&mut tx, guild_id, now).await?;
                Some(sources.clone())
            }
            SourcesChange::Clear => {
                repo::clear_sources(&mut tx, guild_id).await?;
                None
            }
        };
        if before != after {
            let entry = Entry {
                kind: DecisionKind::Setup,
                subject_ref: format!("github:{guild_id}"),
                title: String::new(),
                outcome: "changed".into(),
                link: None,
                details: json!({
                    "github_before": before.map(|s| s.show()),
                    "github_after": after.map(|s| s.show()),
                }),
                private: true,
                decided_by: Some(actor.user_id),
            };
            record(&mut tx, guild_id, &entry, now).await?;
        }
        tx.commit().await?;
        self.wake();
        Ok(())
    }

    /// The project's GitHub sources, for `/govern show`.
    pub async fn github_sources(&self, guild_id: u64) -> AppResult<Option<Sources>> {
        let mut conn = self.db().acquire().await?;
        Ok(repo::sources(&mut conn, guild_id).await?.map(|r| r.sources))
    }
}

/// Today's daily read, unless it is pending (dedupe by day).
pub(crate) async fn start_polls(
    conn: &mut sqlx::SqliteConnection,
    guild_id: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let job = Job::GithubPoll {
        guild_id,
        day: now.date_naive(),
    };
    schedule::schedule(conn, &job, now, now).await
}

fn refusal(error: GithubInputError) -> UserError {
    match error {
        GithubInputError::OutsideOrganisation(repo) => {
            UserError::new(msg!("github-error-source-outside")).with_text("repo", repo)
        }
        GithubInputError::TwoOrganisations => UserError::new(msg!("github-error-source-two-orgs")),
        GithubInputError::TooMany => UserError::new(msg!("github-error-source-too-many"))
            .with("max", crate::governance::github::REPOS_MAX as i64),
        GithubInputError::BadName(name) => {
            UserError::new(msg!("github-error-source-invalid")).with_text("name", name)
        }
        GithubInputError::Empty | GithubInputError::BadLogin => {
            UserError::new(msg!("github-error-source-empty"))
        }
    }
}
