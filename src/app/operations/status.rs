//! `/govern status`: the bot's health as the TSC sees it: the server's outbox backlog and its
//! oldest undelivered item, failing deliveries by kind, the next jobs, the last errors (kinds
//! and error texts only: no payload, so no member text), the version and uptime.

use std::time::Duration;

use crate::app::{Actor, App, AppResult};
use crate::governance::permissions::{Action, Facts};
use crate::store::operations::{self, OutboxHealth, RecentError};

/// How many jobs and errors the report lists.
const LISTED: i64 = 5;
/// An error text is cut to this many characters (Discord's and the database's texts).
const ERROR_MAX: usize = 160;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusReport {
    pub version: &'static str,
    pub uptime: Duration,
    pub outbox: OutboxHealth,
    pub next_jobs: Vec<(String, chrono::DateTime<chrono::Utc>)>,
    pub errors: Vec<RecentError>,
}

impl App {
    pub async fn status_report(&self, actor: &Actor) -> AppResult<StatusReport> {
        actor.require(Action::ViewStatus, Facts::default())?;
        let mut conn = self.db().acquire().await?;
        let outbox = operations::outbox_health(&mut conn, actor.guild_id).await?;
        let next_jobs = operations::next_jobs(&mut conn, LISTED).await?;
        let errors = operations::recent_errors(&mut conn, actor.guild_id, LISTED)
            .await?
            .into_iter()
            .map(|e| RecentError {
                error: e
                    .error
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .chars()
                    .take(ERROR_MAX)
                    .collect(),
                ..e
            })
            .collect();
        Ok(StatusReport {
            version: env!("CARGO_PKG_VERSION"),
            uptime: self.uptime(),
            outbox,
            next_jobs,
            errors,
        })
    }
}
