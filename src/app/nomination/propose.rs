//! Nominating: `/nominate member` checks the nominee and keeps a draft; the statement form
//! submits it, and the nominee is asked by DM.

use chrono::{DateTime, Duration, Utc};
use sqlx::SqliteConnection;

use super::{not_found, step};
use crate::app::{Actor, App, AppResult};
use crate::governance::ballot;
use crate::governance::nomination::{self as rules, Event, Mapping, Nominee, Office, State};
use crate::governance::permissions::{Action, Facts};
use crate::governance::policy::Policy;
use crate::governance::roles::{GovRole, RoleSet};
use crate::store::guild::{self, GuildConfig};
use crate::store::nomination::{self as repo, NewDraft, Nomination, Submission};
use crate::store::roster;

/// The member nominated, as Discord shows them when `/nominate member` runs.
#[derive(Debug, Clone)]
pub struct NomineeInput {
    pub member_id: u64,
    pub username: String,
    pub display_name: String,
    pub bot: bool,
    /// The governance roles their Discord roles map to.
    pub roles: RoleSet,
}

/// What `/nominate member` collects before the statement form.
#[derive(Debug, Clone)]
pub struct NewNomination {
    pub nominee: NomineeInput,
    pub office: Office,
    pub area: Option<String>,
}

/// The TSC ballot's title and description, written by the Discord layer in the guild's
/// language once the nomination has its number.
#[derive(Debug, Clone)]
pub struct BallotTexts {
    pub title: String,
    pub description: String,
}

/// The permission-table entry for nominating to `office`.
pub fn action_for(office: Office) -> Action {
    match office {
        Office::Maintainer => Action::NominateMaintainer,
        Office::Tsc => Action::NominateTsc,
    }
}

fn mapping(config: &GuildConfig) -> Mapping {
    Mapping {
        maintainer: config.role_id(GovRole::Maintainer).is_some(),
        contributor: config.role_id(GovRole::Contributor).is_some(),
        private_channel: config.tsc_channel_id.is_some(),
    }
}

/// One open nomination per member; a wait after a "no" (checked under the write lock).
async fn check_timing(
    conn: &mut SqliteConnection,
    guild_id: u64,
    nominee: u64,
    office: Office,
    policy: &Policy,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let open = repo::open_for_member(conn, guild_id, nominee)
        .await?
        .is_some();
    let last = repo::last_closed(conn, guild_id, nominee, office).await?;
    rules::check_timing(open, last, policy, now)?;
    Ok(())
}

impl App {
    /// Checks who is nominated, for what and by whom, and keeps a draft until the statement
    /// form is submitted; returns the draft's id.
    pub async fn draft_nomination(&self, actor: &Actor, input: NewNomination) -> AppResult<i64> {
        let config = self.guild_config(actor.guild_id).await?;
        let office = input.office;
        actor.require(action_for(office), Facts::default())?;
        let mapping = mapping(&config);
        rules::check_guild(office, mapping)?;
        let nominee = &input.nominee;
        rules::check_nominee(
            actor.user_id,
            &Nominee {
                member_id: nominee.member_id,
                bot: nominee.bot,
                roles: nominee.roles.clone(),
            },
            office,
            mapping,
        )?;
        let area = rules::validate_area(input.area.as_deref())?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        repo::delete_stale_drafts(&mut tx, now - Duration::days(1)).await?;
        check_timing(
            &mut tx,
            actor.guild_id,
            nominee.member_id,
            office,
            &config.policy,
            now,
        )
        .await?;
        let draft = NewDraft {
            guild_id: actor.guild_id,
            nominee_id: nominee.member_id,
            nominator_id: actor.user_id,
            office,
            nominee_username: &nominee.username,
            nominee_name: &nominee.display_name,
            area: area.as_deref(),
        };
        let id = repo::insert_draft(&mut tx, &draft, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The statement form was submitted: the nomination opens and the nominee is asked. Two
    /// nominations of the same member at once open one; the other is refused.
    pub async fn submit_nomination(
        &self,
        actor: &Actor,
        draft_id: i64,
        statement: &str,
        links: &str,
        texts: impl FnOnce(&Nomination) -> BallotTexts,
    ) -> AppResult<Nomination> {
        let statement = rules::validate_statement(statement)?;
        let links = rules::validate_links(links)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let config = guild::get(&mut tx, actor.guild_id)
            .await?
            .ok_or_else(not_found)?;
        let draft = repo::get(&mut tx, draft_id)
            .await?
            .filter(|d| {
                d.guild_id == actor.guild_id
                    && d.nominator_id == actor.user_id
                    && d.state == State::Draft
            })
            .ok_or_else(not_found)?;
        actor.require(action_for(draft.office), Facts::default())?;
        rules::check_guild(draft.office, mapping(&config))?;
        // Checked again under the write lock: the nominee may have gained the office, left,
        // or been nominated by someone faster since the command ran.
        if let Some(entry) = roster::get(&mut tx, actor.guild_id, draft.nominee_id).await? {
            if !entry.in_guild {
                return Err(rules::Refusal::NotInServer.into());
            }
            rules::already_holds(&entry.role_set(), draft.office)?;
        }
        check_timing(
            &mut tx,
            actor.guild_id,
            draft.nominee_id,
            draft.office,
            &config.policy,
            now,
        )
        .await?;
        let texts = texts(&draft);
        let (title, description) = ballot::validate_text(&texts.title, &texts.description)?;
        let submission = Submission {
            statement: &statement,
            links: &links,
            ballot_title: &title,
            ballot_description: &description,
        };
        if !repo::submit(&mut tx, draft.id, &submission, now).await? {
            return Err(not_found().into());
        }
        let nomination = step(&mut tx, &config, &draft, Event::Submit, now).await?;
        tx.commit().await?;
        self.wake();
        Ok(nomination)
    }
}
