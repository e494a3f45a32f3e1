//! What the bot shows of a case: to those who may read it (its card, from the case and its
//! readers), and to a member their own cases (`/report status`).

use sqlx::SqliteConnection;

use crate::app::{App, AppResult, UserError};
use crate::msg;
use crate::store::case::{self as repo, Case};
use crate::store::guild::{self, GuildConfig};
use crate::store::roster;

/// A case with everything needed to render its card.
#[derive(Debug, Clone)]
pub struct CaseView {
    pub case: Case,
    pub readers: Vec<u64>,
    pub config: GuildConfig,
    /// Display names of the members the case names (from the roster), so that the card shows
    /// those who are not its readers by name: a mention in a private thread could add them.
    pub names: Vec<(u64, String)>,
}

impl CaseView {
    /// The member's display name, if the roster knows them.
    pub fn name_of(&self, member_id: u64) -> Option<&str> {
        self.names
            .iter()
            .find(|(id, _)| *id == member_id)
            .map(|(_, name)| name.as_str())
    }
}

pub(crate) async fn load(conn: &mut SqliteConnection, case_id: i64) -> AppResult<CaseView> {
    let case = repo::get(conn, case_id)
        .await?
        .ok_or_else(super::not_found)?;
    let readers = repo::readers(conn, case_id).await?;
    let config = guild::get(conn, case.guild_id)
        .await?
        .ok_or_else(|| UserError::new(msg!("error-not-configured")))?;
    let mut names = Vec::new();
    let named = [Some(case.opened_by), case.subject_id, case.mediator_id];
    for member in named.into_iter().flatten() {
        if let Some(entry) = roster::get(conn, case.guild_id, member).await? {
            names.push((member, entry.display_name));
        }
    }
    Ok(CaseView {
        case,
        readers,
        config,
        names,
    })
}

impl App {
    /// Everything about a case, for the publisher (never shown to a member by itself).
    pub async fn case_view(&self, case_id: i64) -> AppResult<CaseView> {
        let mut conn = self.db().acquire().await?;
        load(&mut conn, case_id).await
    }

    /// The case whose private thread a command was run in; anywhere else, a clear refusal.
    pub async fn case_in_thread(&self, guild_id: u64, channel_id: u64) -> AppResult<Case> {
        let mut conn = self.db().acquire().await?;
        match repo::by_thread(&mut conn, channel_id).await? {
            Some(case) if case.guild_id == guild_id => Ok(case),
            _ => Err(UserError::new(msg!("case-error-not-in-thread")).into()),
        }
    }

    /// A member's own cases: the conflicts they are a party to and the reports they filed.
    pub async fn my_cases(&self, guild_id: u64, member_id: u64) -> AppResult<Vec<Case>> {
        let mut conn = self.db().acquire().await?;
        Ok(repo::of_member(&mut conn, guild_id, member_id).await?)
    }

    /// The guild a report sent from a DM belongs to: the only guild the bot is set up in. With
    /// several, the member is asked to report from the server (the form stays private there).
    pub async fn report_guild(&self) -> AppResult<u64> {
        let mut conn = self.db().acquire().await?;
        match repo::configured_guilds(&mut conn).await?.as_slice() {
            [guild_id] => Ok(*guild_id),
            [] => Err(UserError::new(msg!("error-not-configured")).into()),
            _ => Err(UserError::new(msg!("case-error-which-server")).into()),
        }
    }
}
