//! The processes' public records for the transparency page: working groups with their
//! charters, RFCs and amendments with their revisions, releases with their steps, the approved
//! dependencies. Members are named as the roster shows them; no Discord ids.
//!
//! A working group's reports are posted where the TSC reads them (its private channel), so the
//! page shows how many were filed and when the last one came, never their text.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::app::{App, AppResult};
use crate::governance::release::Stage;
use crate::governance::rfc::{Kind, Status as RfcStatus};
use crate::governance::working_group::{Charter, Status as WgStatus};
use crate::store::{
    dependency, release, rfc, rfc_history, roster, working_group, working_group_members,
};

/// A working group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicGroup {
    pub name: String,
    pub focus: String,
    pub status: WgStatus,
    pub chair: Option<String>,
    pub members: usize,
    pub charter: Option<Charter>,
    pub activated_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub reports: i64,
    pub last_report_at: Option<DateTime<Utc>>,
}

/// A revision of an RFC or amendment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicRevision {
    pub number: i64,
    pub what_changed: String,
    pub link: Option<String>,
    pub at: DateTime<Utc>,
}

/// An RFC or a governance amendment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicRfc {
    pub kind: Kind,
    pub number: i64,
    pub title: String,
    pub link: String,
    pub status: RfcStatus,
    pub opened_at: Option<DateTime<Utc>>,
    pub discussion_ends_at: Option<DateTime<Utc>>,
    pub decided_at: Option<DateTime<Utc>>,
    pub postpone_reason: Option<String>,
    pub revisions: Vec<PublicRevision>,
}

/// A step a release took.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleaseStep {
    pub stage: String,
    pub at: DateTime<Utc>,
}

/// A release.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicRelease {
    pub version: String,
    pub stage: Stage,
    pub changelog: String,
    pub planned_on: Option<NaiveDate>,
    pub feedback_ends_at: Option<DateTime<Utc>>,
    pub published_link: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub steps: Vec<ReleaseStep>,
}

/// An approved dependency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicDependency {
    pub name: String,
    pub version: Option<String>,
    pub ecosystem: Option<String>,
    pub need: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
}

impl App {
    /// The guild's working groups (drafts aside): active first.
    pub async fn web_working_groups(&self, guild_id: u64) -> AppResult<Vec<PublicGroup>> {
        let mut conn = self.db().acquire().await?;
        let names: HashMap<u64, String> = roster::list(&mut conn, guild_id)
            .await?
            .into_iter()
            .map(|m| (m.member_id, m.display_name))
            .collect();
        let mut out = Vec::new();
        for g in working_group::list(&mut conn, guild_id).await? {
            let members = working_group_members::members(&mut conn, g.id).await?;
            let (reports, last) = working_group_members::report_stats(&mut conn, g.id).await?;
            out.push(PublicGroup {
                chair: names.get(&g.chair_id).cloned(),
                members: members.len(),
                name: g.name,
                focus: g.focus,
                status: g.status,
                charter: g.charter,
                activated_at: g.activated_at,
                ends_at: g.ends_at,
                closed_at: g.closed_at,
                reports,
                last_report_at: last,
            });
        }
        Ok(out)
    }

    /// The guild's RFCs, then its amendments, newest first (drafts aside).
    pub async fn web_rfcs(&self, guild_id: u64) -> AppResult<Vec<PublicRfc>> {
        let mut conn = self.db().acquire().await?;
        let mut out = Vec::new();
        for kind in [Kind::Rfc, Kind::Amendment] {
            for r in rfc::list(&mut conn, guild_id, kind, None).await? {
                let Some(number) = r.number else { continue };
                let revisions = rfc_history::revisions(&mut conn, r.id)
                    .await?
                    .into_iter()
                    .map(|v| PublicRevision {
                        number: v.number,
                        what_changed: v.what_changed,
                        link: v.link,
                        at: v.at,
                    })
                    .collect();
                out.push(PublicRfc {
                    kind,
                    number,
                    title: r.title,
                    link: r.link,
                    status: r.status,
                    opened_at: r.opened_at,
                    discussion_ends_at: r.discussion_ends_at,
                    decided_at: r.decided_at,
                    postpone_reason: r.postpone_reason,
                    revisions,
                });
            }
        }
        Ok(out)
    }

    /// The guild's releases (drafts aside), newest first, each with the steps it took.
    pub async fn web_releases(&self, guild_id: u64) -> AppResult<Vec<PublicRelease>> {
        let mut conn = self.db().acquire().await?;
        let mut out = Vec::new();
        let mut releases = release::list(&mut conn, guild_id).await?;
        releases.retain(|r| r.stage != Stage::Draft);
        releases.sort_by_key(|r| std::cmp::Reverse((r.created_at, r.id)));
        for r in releases {
            let steps = release::history(&mut conn, r.id)
                .await?
                .into_iter()
                .map(|(stage, _event, _actor, at)| ReleaseStep { stage, at })
                .collect();
            out.push(PublicRelease {
                version: r.version,
                stage: r.stage,
                changelog: r.changelog,
                planned_on: r.planned_on,
                feedback_ends_at: r.feedback_ends_at,
                published_link: r.published_link,
                published_at: r.published_at,
                created_at: r.created_at,
                steps,
            });
        }
        Ok(out)
    }

    /// The approved dependencies still on the list, by name.
    pub async fn web_dependencies(&self, guild_id: u64) -> AppResult<Vec<PublicDependency>> {
        let mut conn = self.db().acquire().await?;
        Ok(dependency::approved(&mut conn, guild_id)
            .await?
            .into_iter()
            .map(|d| PublicDependency {
                name: d.name,
                version: d.version,
                ecosystem: d.ecosystem,
                need: d.need,
                approved_at: d.decided_at,
            })
            .collect())
    }
}
