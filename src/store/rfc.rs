//! RFCs and amendments as stored: one row per proposal, numbered per guild and kind.

use chrono::{DateTime, Utc};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::rfc::{Kind, Status, Summary};

/// A proposal as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Rfc {
    pub id: i64,
    pub guild_id: u64,
    pub kind: Kind,
    /// Its number among the guild's proposals of its kind; `None` while a draft.
    pub number: Option<i64>,
    pub title: String,
    pub link: String,
    pub summary: Summary,
    pub author_id: u64,
    pub status: Status,
    pub created_at: DateTime<Utc>,
    pub opened_at: Option<DateTime<Utc>>,
    pub discussion_ends_at: Option<DateTime<Utc>>,
    pub ballot_id: Option<i64>,
    pub postpone_reason: Option<String>,
    pub thread_id: Option<u64>,
    pub card_message_id: Option<u64>,
    pub provisioned_at: Option<DateTime<Utc>>,
    pub decided_at: Option<DateTime<Utc>>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    guild_id: i64,
    kind: String,
    number: Option<i64>,
    title: String,
    link: String,
    motivation: String,
    proposal: String,
    alternatives: Option<String>,
    author_id: i64,
    status: String,
    created_at: i64,
    opened_at: Option<i64>,
    discussion_ends_at: Option<i64>,
    ballot_id: Option<i64>,
    postpone_reason: Option<String>,
    thread_id: Option<i64>,
    card_message_id: Option<i64>,
    provisioned_at: Option<i64>,
    decided_at: Option<i64>,
}

impl From<Row> for Rfc {
    fn from(r: Row) -> Self {
        Self {
            id: r.id,
            guild_id: from_db_id(r.guild_id),
            kind: Kind::from_key(&r.kind).unwrap_or(Kind::Rfc),
            number: r.number,
            title: r.title,
            link: r.link,
            summary: Summary {
                motivation: r.motivation,
                proposal: r.proposal,
                alternatives: r.alternatives,
            },
            author_id: from_db_id(r.author_id),
            // A status this version does not know is left alone: treated as decided.
            status: Status::from_key(&r.status).unwrap_or(Status::Declined),
            created_at: from_millis(r.created_at),
            opened_at: r.opened_at.map(from_millis),
            discussion_ends_at: r.discussion_ends_at.map(from_millis),
            ballot_id: r.ballot_id,
            postpone_reason: r.postpone_reason,
            thread_id: r.thread_id.map(from_db_id),
            card_message_id: r.card_message_id.map(from_db_id),
            provisioned_at: r.provisioned_at.map(from_millis),
            decided_at: r.decided_at.map(from_millis),
        }
    }
}

// Column list is a constant: the only formatted SQL in this file besides `set_column`'s names.
const COLUMNS: &str = "id, guild_id, kind, number, title, link, motivation, proposal, \
    alternatives, author_id, status, created_at, opened_at, discussion_ends_at, ballot_id, \
    postpone_reason, thread_id, card_message_id, provisioned_at, decided_at";

/// What `/rfc open` (or `/amend propose`) records before the summary form.
#[derive(Debug, Clone)]
pub struct NewDraft<'a> {
    pub guild_id: u64,
    pub kind: Kind,
    pub title: &'a str,
    pub link: &'a str,
    pub author_id: u64,
}

pub async fn insert_draft(
    conn: &mut SqliteConnection,
    d: &NewDraft<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO rfcs (guild_id, kind, title, link, author_id, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'draft', ?) RETURNING id",
    )
    .bind(to_db_id(d.guild_id))
    .bind(d.kind.key())
    .bind(d.title)
    .bind(d.link)
    .bind(to_db_id(d.author_id))
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await
}

/// Forgets drafts whose summary form was never submitted (the member closed it).
pub async fn delete_stale_drafts(
    conn: &mut SqliteConnection,
    before: DateTime<Utc>,
) -> sqlx::Result<u64> {
    // An amendment draft has its changes row; it goes first.
    sqlx::query(
        "DELETE FROM amendments WHERE rfc_id IN
             (SELECT id FROM rfcs WHERE status = 'draft' AND created_at < ?)",
    )
    .bind(to_millis(before))
    .execute(&mut *conn)
    .await?;
    Ok(
        sqlx::query("DELETE FROM rfcs WHERE status = 'draft' AND created_at < ?")
            .bind(to_millis(before))
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Rfc>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM rfcs WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Rfc::from))
}

/// A guild's proposal of a kind by its number.
pub async fn by_number(
    conn: &mut SqliteConnection,
    guild_id: u64,
    kind: Kind,
    number: i64,
) -> sqlx::Result<Option<Rfc>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM rfcs WHERE guild_id = ? AND kind = ? AND number = ?"
    )))
    .bind(to_db_id(guild_id))
    .bind(kind.key())
    .bind(number)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Rfc::from))
}

/// A guild's proposals of a kind (drafts aside), newest first, optionally of one status.
pub async fn list(
    conn: &mut SqliteConnection,
    guild_id: u64,
    kind: Kind,
    status: Option<Status>,
) -> sqlx::Result<Vec<Rfc>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM rfcs
         WHERE guild_id = ? AND kind = ? AND status <> 'draft' AND (? IS NULL OR status = ?)
         ORDER BY number DESC"
    )))
    .bind(to_db_id(guild_id))
    .bind(kind.key())
    .bind(status.map(Status::key))
    .bind(status.map(Status::key))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Rfc::from).collect())
}

/// A draft opens: its summary, its number and its discussion period. False if it was no
/// longer a draft.
pub async fn open(
    conn: &mut SqliteConnection,
    id: i64,
    summary: &Summary,
    opened_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE rfcs SET motivation = ?, proposal = ?, alternatives = ?, status = 'discussion',
             opened_at = ?, discussion_ends_at = ?,
             number = (SELECT COALESCE(MAX(number), 0) + 1 FROM rfcs o
                       WHERE o.guild_id = rfcs.guild_id AND o.kind = rfcs.kind)
         WHERE id = ? AND status = 'draft'",
    )
    .bind(&summary.motivation)
    .bind(&summary.proposal)
    .bind(summary.alternatives.as_deref())
    .bind(to_millis(opened_at))
    .bind(to_millis(ends_at))
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Moves a proposal from `from` to `to`; false if it was no longer in `from` (a concurrent
/// step won), so that every step is taken once.
pub async fn set_status(
    conn: &mut SqliteConnection,
    id: i64,
    from: Status,
    to: Status,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE rfcs SET status = ?,
             decided_at = CASE WHEN ? THEN ? ELSE decided_at END
         WHERE id = ? AND status = ?",
    )
    .bind(to.key())
    .bind(to.is_final())
    .bind(to_millis(now))
    .bind(id)
    .bind(from.key())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

pub async fn set_ballot(conn: &mut SqliteConnection, id: i64, ballot_id: i64) -> sqlx::Result<()> {
    super::set_int(conn, column("ballot_id"), id, Some(ballot_id)).await
}

pub async fn set_thread(conn: &mut SqliteConnection, id: i64, thread_id: u64) -> sqlx::Result<()> {
    super::set_int(conn, column("thread_id"), id, Some(to_db_id(thread_id))).await
}

pub async fn set_card(conn: &mut SqliteConnection, id: i64, message_id: u64) -> sqlx::Result<()> {
    super::set_int(
        conn,
        column("card_message_id"),
        id,
        Some(to_db_id(message_id)),
    )
    .await
}

pub async fn set_postpone_reason(
    conn: &mut SqliteConnection,
    id: i64,
    reason: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE rfcs SET postpone_reason = ? WHERE id = ?")
        .bind(reason)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Marks the discussion place and card as made; true only the first time.
pub async fn mark_provisioned(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed =
        sqlx::query("UPDATE rfcs SET provisioned_at = ? WHERE id = ? AND provisioned_at IS NULL")
            .bind(to_millis(now))
            .bind(id)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    Ok(changed == 1)
}

/// A column of `rfcs` that the setters above write.
const fn column(name: &'static str) -> super::IntColumn {
    super::IntColumn::new("rfcs", name)
}
