//! What the transparency page may show, read from the store: public data only. Private
//! decision-log entries, private ballot subjects, cases and nominations never leave here;
//! members are named as the roster shows them, without their Discord ids.

use chrono::{DateTime, TimeZone, Utc};
use serde::Serialize;

use crate::app::{App, AppResult};
use crate::governance::decision::DecisionKind;
use crate::governance::roles::GovRole;
use crate::store::{from_millis, roster, to_millis, web as repo};

/// A published page: its server and language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub guild_id: u64,
    pub slug: String,
    pub locale: String,
}

/// A member as the roster shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub name: String,
    /// A maintainer's area of focus.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    pub since: DateTime<Utc>,
}

/// The document's "Current Project Leadership", as it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Leadership {
    pub tsc: Vec<Person>,
    pub maintainers: Vec<Person>,
    pub security_team: Vec<Person>,
    pub emeritus: Vec<Person>,
}

/// A ballot's totals, as its public result announced them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub secret: bool,
    pub electorate: i64,
    pub yes: i64,
    pub abstain: i64,
    pub no: i64,
}

/// One public decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicDecision {
    pub id: i64,
    pub kind: DecisionKind,
    pub title: String,
    pub outcome: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tally: Option<Tally>,
    pub decided_at: DateTime<Utc>,
}

/// Which public decisions to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecisionQuery {
    pub kind: Option<DecisionKind>,
    pub year: Option<i32>,
}

impl App {
    /// The published page under `slug`, if any.
    pub async fn web_site(&self, slug: &str) -> AppResult<Option<Site>> {
        let mut conn = self.db().acquire().await?;
        let Some(guild_id) = repo::guild_for(&mut conn, slug).await? else {
            return Ok(None);
        };
        drop(conn);
        let Some(config) = self.find_guild_config(guild_id).await? else {
            return Ok(None);
        };
        Ok(Some(Site {
            guild_id,
            slug: slug.to_owned(),
            locale: config.locale,
        }))
    }

    /// The guild's leadership: members present in the server, by role, ordered by name.
    pub async fn web_leadership(&self, guild_id: u64) -> AppResult<Leadership> {
        let mut conn = self.db().acquire().await?;
        let members = roster::list(&mut conn, guild_id).await?;
        let mut leadership = Leadership::default();
        for m in members.iter().filter(|m| m.in_guild) {
            for (role, since) in &m.roles {
                let list = match role {
                    GovRole::Tsc => &mut leadership.tsc,
                    GovRole::Maintainer => &mut leadership.maintainers,
                    GovRole::SecurityTeam => &mut leadership.security_team,
                    GovRole::Emeritus => &mut leadership.emeritus,
                    GovRole::Contributor => continue,
                };
                list.push(Person {
                    name: m.display_name.clone(),
                    area: (*role == GovRole::Maintainer)
                        .then(|| m.area.clone())
                        .flatten(),
                    since: *since,
                });
            }
        }
        Ok(leadership)
    }

    /// The guild's public decisions, newest first.
    pub async fn web_decisions(
        &self,
        guild_id: u64,
        query: DecisionQuery,
    ) -> AppResult<Vec<PublicDecision>> {
        let year_start = |y: i32| Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).single();
        let since = query.year.and_then(year_start).map_or(i64::MIN, to_millis);
        let until = query
            .year
            .and_then(|y| year_start(y + 1))
            .map_or(i64::MAX, to_millis);
        let mut conn = self.db().acquire().await?;
        let rows = repo::public_decisions(
            &mut conn,
            guild_id,
            query.kind.map(DecisionKind::key),
            since,
            until,
        )
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|d| {
                let kind = DecisionKind::from_key(&d.kind)?;
                Some(PublicDecision {
                    tally: d.details.as_deref().map(tally),
                    id: d.id,
                    kind,
                    title: d.title,
                    outcome: d.outcome,
                    link: d.link,
                    decided_at: from_millis(d.decided_at),
                })
            })
            .collect())
    }

    /// The years in which the guild recorded public decisions, newest first (the filter's
    /// choices).
    pub async fn web_decision_years(&self, guild_id: u64) -> AppResult<Vec<i32>> {
        let mut conn = self.db().acquire().await?;
        Ok(repo::decision_years(&mut conn, guild_id).await?)
    }
}

/// A closed ballot's totals: the log recorded totals only, never who voted what.
fn tally(details: &str) -> Tally {
    let details: serde_json::Value = serde_json::from_str(details).unwrap_or_default();
    let n = |key: &str| details[key].as_i64().unwrap_or(0);
    Tally {
        secret: details["secret"].as_bool().unwrap_or(false),
        electorate: n("electorate"),
        yes: n("yes"),
        abstain: n("abstain"),
        no: n("no"),
    }
}
