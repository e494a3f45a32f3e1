//! Dependency proposals (additions and removals), their reviews and history; the approved list.

use chrono::{DateTime, Utc};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::dependency::{Kind, Review, Stage, Verdict};

/// One review as given.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRecord {
    pub verdict: Verdict,
    pub by: Option<u64>,
    pub note: Option<String>,
}

/// A proposal as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Dependency {
    pub id: i64,
    pub guild_id: u64,
    pub kind: Kind,
    pub name: String,
    pub version: Option<String>,
    pub ecosystem: Option<String>,
    pub need: Option<String>,
    pub alternatives: Option<String>,
    pub reason: Option<String>,
    pub target_id: Option<i64>,
    pub proposer_id: u64,
    pub stage: Stage,
    pub security: ReviewRecord,
    pub license: ReviewRecord,
    pub decided_by: Option<u64>,
    pub decision_note: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub removed_at: Option<DateTime<Utc>>,
    pub channel_id: u64,
    pub card_message_id: Option<u64>,
    pub created_at: DateTime<Utc>,
}

impl Dependency {
    pub fn review(&self, review: Review) -> &ReviewRecord {
        match review {
            Review::Security => &self.security,
            Review::License => &self.license,
        }
    }
}

#[derive(FromRow)]
struct Row {
    id: i64,
    guild_id: i64,
    kind: String,
    name: String,
    version: Option<String>,
    ecosystem: Option<String>,
    need: Option<String>,
    alternatives: Option<String>,
    reason: Option<String>,
    target_id: Option<i64>,
    proposer_id: i64,
    stage: String,
    security: String,
    security_by: Option<i64>,
    security_note: Option<String>,
    license: String,
    license_by: Option<i64>,
    license_note: Option<String>,
    decided_by: Option<i64>,
    decision_note: Option<String>,
    decided_at: Option<i64>,
    removed_at: Option<i64>,
    channel_id: i64,
    card_message_id: Option<i64>,
    created_at: i64,
}

impl From<Row> for Dependency {
    fn from(r: Row) -> Self {
        let verdict = |v: &str| Verdict::from_key(v).unwrap_or(Verdict::Pending);
        Self {
            id: r.id,
            guild_id: from_db_id(r.guild_id),
            kind: Kind::from_key(&r.kind).unwrap_or(Kind::Addition),
            name: r.name,
            version: r.version,
            ecosystem: r.ecosystem,
            need: r.need,
            alternatives: r.alternatives,
            reason: r.reason,
            target_id: r.target_id,
            proposer_id: from_db_id(r.proposer_id),
            stage: Stage::from_key(&r.stage).unwrap_or(Stage::Rejected),
            security: ReviewRecord {
                verdict: verdict(&r.security),
                by: r.security_by.map(from_db_id),
                note: r.security_note,
            },
            license: ReviewRecord {
                verdict: verdict(&r.license),
                by: r.license_by.map(from_db_id),
                note: r.license_note,
            },
            decided_by: r.decided_by.map(from_db_id),
            decision_note: r.decision_note,
            decided_at: r.decided_at.map(from_millis),
            removed_at: r.removed_at.map(from_millis),
            channel_id: from_db_id(r.channel_id),
            card_message_id: r.card_message_id.map(from_db_id),
            created_at: from_millis(r.created_at),
        }
    }
}

// Column list is a constant: the only formatted SQL in this file.
const COLUMNS: &str = "id, guild_id, kind, name, version, ecosystem, need, alternatives, reason, \
    target_id, proposer_id, stage, security, security_by, security_note, license, license_by, \
    license_note, decided_by, decision_note, decided_at, removed_at, channel_id, \
    card_message_id, created_at";

/// What a new proposal records.
#[derive(Debug, Clone)]
pub struct NewDependency<'a> {
    pub guild_id: u64,
    pub kind: Kind,
    pub name: &'a str,
    pub version: Option<&'a str>,
    pub ecosystem: Option<&'a str>,
    pub identity: &'a str,
    pub reason: Option<&'a str>,
    pub target_id: Option<i64>,
    pub proposer_id: u64,
    pub stage: Stage,
    pub channel_id: u64,
}

pub async fn insert(
    conn: &mut SqliteConnection,
    d: &NewDependency<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO dependencies (guild_id, kind, name, version, ecosystem, identity, reason,
                                   target_id, proposer_id, stage, channel_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(to_db_id(d.guild_id))
    .bind(d.kind.key())
    .bind(d.name)
    .bind(d.version)
    .bind(d.ecosystem)
    .bind(d.identity)
    .bind(d.reason)
    .bind(d.target_id)
    .bind(to_db_id(d.proposer_id))
    .bind(d.stage.key())
    .bind(to_db_id(d.channel_id))
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await
}

/// Forgets drafts whose form was never submitted.
pub async fn delete_stale_drafts(
    conn: &mut SqliteConnection,
    before: DateTime<Utc>,
) -> sqlx::Result<u64> {
    Ok(
        sqlx::query("DELETE FROM dependencies WHERE stage = 'draft' AND created_at < ?")
            .bind(to_millis(before))
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Dependency>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM dependencies WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Dependency::from))
}

/// The live proposal or approved entry of a kind for this identity, if any.
pub async fn live(
    conn: &mut SqliteConnection,
    guild_id: u64,
    kind: Kind,
    identity: &str,
) -> sqlx::Result<Option<Dependency>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM dependencies
         WHERE guild_id = ? AND kind = ? AND identity = ?
           AND (stage IN ('review', 'awaiting_approval')
                OR (kind = 'addition' AND stage = 'approved' AND removed_at IS NULL))
         LIMIT 1"
    )))
    .bind(to_db_id(guild_id))
    .bind(kind.key())
    .bind(identity)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Dependency::from))
}

/// The latest proposal (not a draft) about this identity.
pub async fn latest(
    conn: &mut SqliteConnection,
    guild_id: u64,
    identity: &str,
) -> sqlx::Result<Option<Dependency>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM dependencies
         WHERE guild_id = ? AND identity = ? AND stage <> 'draft' ORDER BY id DESC LIMIT 1"
    )))
    .bind(to_db_id(guild_id))
    .bind(identity)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Dependency::from))
}

/// Approved dependencies still on the list, by name.
pub async fn approved(conn: &mut SqliteConnection, guild_id: u64) -> sqlx::Result<Vec<Dependency>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM dependencies
         WHERE guild_id = ? AND kind = 'addition' AND stage = 'approved' AND removed_at IS NULL
         ORDER BY identity"
    )))
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Dependency::from).collect())
}

/// Proposals being decided, oldest first.
pub async fn in_flight(
    conn: &mut SqliteConnection,
    guild_id: u64,
) -> sqlx::Result<Vec<Dependency>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM dependencies
         WHERE guild_id = ? AND stage IN ('review', 'awaiting_approval') ORDER BY id"
    )))
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Dependency::from).collect())
}

/// The form was submitted: the need and alternatives are kept.
pub async fn set_proposal(
    conn: &mut SqliteConnection,
    id: i64,
    need: &str,
    alternatives: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE dependencies SET need = ?, alternatives = ? WHERE id = ?")
        .bind(need)
        .bind(alternatives)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Moves the proposal to `stage` and records the step in its history.
pub async fn set_stage(
    conn: &mut SqliteConnection,
    id: i64,
    stage: Stage,
    event: &str,
    actor_id: Option<u64>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE dependencies SET stage = ? WHERE id = ?")
        .bind(stage.key())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO dependency_history (dependency_id, stage, event, actor_id, at)
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(stage.key())
    .bind(event)
    .bind(actor_id.map(to_db_id))
    .bind(to_millis(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Records a review's verdict, who gave it and the note.
pub async fn set_review(
    conn: &mut SqliteConnection,
    id: i64,
    review: Review,
    verdict: Verdict,
    by: u64,
    note: &str,
) -> sqlx::Result<()> {
    let sql = match review {
        Review::Security => {
            "UPDATE dependencies SET security = ?, security_by = ?, security_note = ? WHERE id = ?"
        }
        Review::License => {
            "UPDATE dependencies SET license = ?, license_by = ?, license_note = ? WHERE id = ?"
        }
    };
    sqlx::query(sql)
        .bind(verdict.key())
        .bind(to_db_id(by))
        .bind(note)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records the maintainer's decision.
pub async fn set_decision(
    conn: &mut SqliteConnection,
    id: i64,
    by: u64,
    note: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE dependencies SET decided_by = ?, decision_note = ?, decided_at = ? WHERE id = ?",
    )
    .bind(to_db_id(by))
    .bind(note)
    .bind(to_millis(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Takes an approved dependency off the list.
pub async fn mark_removed(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE dependencies SET removed_at = ? WHERE id = ? AND removed_at IS NULL")
        .bind(to_millis(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records the card's message.
pub async fn set_card(conn: &mut SqliteConnection, id: i64, message_id: u64) -> sqlx::Result<()> {
    sqlx::query("UPDATE dependencies SET card_message_id = ? WHERE id = ?")
        .bind(to_db_id(message_id))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
