//! Cases (conflicts, conduct reports, security reports) and who may read each.

use chrono::{DateTime, Utc};
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::case::{CaseStep, Kind};

/// A case as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub id: i64,
    pub guild_id: u64,
    pub kind: Kind,
    pub step: CaseStep,
    pub open: bool,
    pub opened_by: u64,
    pub subject_id: Option<u64>,
    pub mediator_id: Option<u64>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub message_link: Option<String>,
    pub decision: Option<String>,
    pub ballot_id: Option<i64>,
    /// Where a conflict's thread is made; other cases' threads go where their kind says.
    pub parent_channel_id: Option<u64>,
    pub thread_id: Option<u64>,
    pub card_message_id: Option<u64>,
    pub opened_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub erased_at: Option<DateTime<Utc>>,
    pub reporter_unreachable_at: Option<DateTime<Utc>>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    guild_id: i64,
    step: String,
    open: bool,
    opened_by: i64,
    subject_id: Option<i64>,
    mediator_id: Option<i64>,
    title: Option<String>,
    body: Option<String>,
    message_link: Option<String>,
    decision: Option<String>,
    ballot_id: Option<i64>,
    parent_channel_id: Option<i64>,
    thread_id: Option<i64>,
    card_message_id: Option<i64>,
    opened_at: i64,
    closed_at: Option<i64>,
    erased_at: Option<i64>,
    reporter_unreachable_at: Option<i64>,
}

impl Row {
    fn into_case(self) -> Option<Case> {
        // A step this version cannot read is not shown rather than guessed.
        let step: CaseStep = serde_json::from_str(&self.step).ok()?;
        Some(Case {
            id: self.id,
            guild_id: from_db_id(self.guild_id),
            kind: step.kind(),
            step,
            open: self.open,
            opened_by: from_db_id(self.opened_by),
            subject_id: self.subject_id.map(from_db_id),
            mediator_id: self.mediator_id.map(from_db_id),
            title: self.title,
            body: self.body,
            message_link: self.message_link,
            decision: self.decision,
            ballot_id: self.ballot_id,
            parent_channel_id: self.parent_channel_id.map(from_db_id),
            thread_id: self.thread_id.map(from_db_id),
            card_message_id: self.card_message_id.map(from_db_id),
            opened_at: from_millis(self.opened_at),
            closed_at: self.closed_at.map(from_millis),
            erased_at: self.erased_at.map(from_millis),
            reporter_unreachable_at: self.reporter_unreachable_at.map(from_millis),
        })
    }
}

const COLUMNS: &str = "id, guild_id, step, open, opened_by, subject_id, mediator_id, title, \
    body, message_link, decision, ballot_id, parent_channel_id, thread_id, card_message_id, \
    opened_at, closed_at, erased_at, reporter_unreachable_at";

/// What opening a case records.
#[derive(Debug, Clone)]
pub struct NewCase<'a> {
    pub guild_id: u64,
    pub step: CaseStep,
    pub opened_by: u64,
    pub subject_id: Option<u64>,
    pub title: Option<&'a str>,
    pub body: &'a str,
    pub message_link: Option<&'a str>,
    pub parent_channel_id: Option<u64>,
    /// Who may read it (the thread's members).
    pub readers: &'a [u64],
}

fn json(step: &CaseStep) -> sqlx::Result<String> {
    serde_json::to_string(step).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

/// Records a case and its readers; returns its id.
pub async fn insert(
    conn: &mut SqliteConnection,
    c: &NewCase<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO cases (guild_id, kind, step, opened_by, subject_id, title, body,
                            message_link, parent_channel_id, opened_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(to_db_id(c.guild_id))
    .bind(c.step.kind().key())
    .bind(json(&c.step)?)
    .bind(to_db_id(c.opened_by))
    .bind(c.subject_id.map(to_db_id))
    .bind(c.title)
    .bind(c.body)
    .bind(c.message_link)
    .bind(c.parent_channel_id.map(to_db_id))
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await?;
    add_readers(conn, id, c.readers).await?;
    Ok(id)
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Case>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM cases WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.and_then(Row::into_case))
}

/// The case whose private thread this is.
pub async fn by_thread(conn: &mut SqliteConnection, thread_id: u64) -> sqlx::Result<Option<Case>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM cases WHERE thread_id = ?"
    )))
    .bind(to_db_id(thread_id))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.and_then(Row::into_case))
}

/// The case a ballot decides, if any.
pub async fn by_ballot(conn: &mut SqliteConnection, ballot_id: i64) -> sqlx::Result<Option<Case>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM cases WHERE ballot_id = ?"
    )))
    .bind(ballot_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.and_then(Row::into_case))
}

/// The conflicts a member is a party to and the reports they filed, newest first.
pub async fn of_member(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
) -> sqlx::Result<Vec<Case>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM cases
         WHERE guild_id = ? AND (opened_by = ? OR (kind = 'conflict' AND subject_id = ?))
         ORDER BY id DESC LIMIT 25"
    )))
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .bind(to_db_id(member_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().filter_map(Row::into_case).collect())
}

/// Moves the case to a new step; a step that closes it records when.
pub async fn set_step(
    conn: &mut SqliteConnection,
    id: i64,
    step: &CaseStep,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let open = step.is_open();
    sqlx::query(
        "UPDATE cases SET step = ?, open = ?,
                          closed_at = CASE WHEN ? THEN NULL ELSE COALESCE(closed_at, ?) END
         WHERE id = ?",
    )
    .bind(json(step)?)
    .bind(open)
    .bind(open)
    .bind(to_millis(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A nullable column `set` may write (a closed list, never member text).
#[derive(Clone, Copy)]
enum Column {
    Mediator,
    Ballot,
    Thread,
    CardMessage,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Self::Mediator => "mediator_id",
            Self::Ballot => "ballot_id",
            Self::Thread => "thread_id",
            Self::CardMessage => "card_message_id",
        }
    }
}

async fn set(
    conn: &mut SqliteConnection,
    id: i64,
    column: Column,
    value: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query(AssertSqlSafe(format!(
        "UPDATE cases SET {} = ? WHERE id = ?",
        column.name()
    )))
    .bind(value)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn set_mediator(conn: &mut SqliteConnection, id: i64, member: u64) -> sqlx::Result<()> {
    set(conn, id, Column::Mediator, Some(to_db_id(member))).await
}

pub async fn set_ballot(
    conn: &mut SqliteConnection,
    id: i64,
    ballot_id: Option<i64>,
) -> sqlx::Result<()> {
    set(conn, id, Column::Ballot, ballot_id).await
}

pub async fn set_thread(conn: &mut SqliteConnection, id: i64, thread_id: u64) -> sqlx::Result<()> {
    set(conn, id, Column::Thread, Some(to_db_id(thread_id))).await
}

pub async fn set_card_message(
    conn: &mut SqliteConnection,
    id: i64,
    message_id: u64,
) -> sqlx::Result<()> {
    set(conn, id, Column::CardMessage, Some(to_db_id(message_id))).await
}

/// The decision proposed to (or recorded by) the TSC.
pub async fn set_decision(
    conn: &mut SqliteConnection,
    id: i64,
    decision: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE cases SET decision = ? WHERE id = ?")
        .bind(decision)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn mark_reporter_unreachable(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE cases SET reporter_unreachable_at = ? WHERE id = ?")
        .bind(to_millis(now))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Erases a closed case's member text (its summary or report, title, message link and
/// decision); the ids, steps and times stay. True only the first time.
pub async fn erase_text(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE cases SET body = NULL, title = NULL, message_link = NULL, decision = NULL,
                          erased_at = ?
         WHERE id = ? AND open = 0 AND erased_at IS NULL",
    )
    .bind(to_millis(now))
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Adds members who may read the case; returns those who were not readers yet.
pub async fn add_readers(
    conn: &mut SqliteConnection,
    id: i64,
    members: &[u64],
) -> sqlx::Result<Vec<u64>> {
    let mut added = Vec::new();
    for member in members {
        let changed =
            sqlx::query("INSERT OR IGNORE INTO case_readers (case_id, member_id) VALUES (?, ?)")
                .bind(id)
                .bind(to_db_id(*member))
                .execute(&mut *conn)
                .await?
                .rows_affected();
        if changed == 1 {
            added.push(*member);
        }
    }
    Ok(added)
}

/// Who may read the case, in id order.
pub async fn readers(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Vec<u64>> {
    let rows: Vec<i64> = sqlx::query_scalar(
        "SELECT member_id FROM case_readers WHERE case_id = ? ORDER BY member_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(from_db_id).collect())
}

/// Cases of a guild closed in `[from, to)`, by kind (the annual review counts them).
pub async fn closed_between(
    conn: &mut SqliteConnection,
    guild_id: u64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<(Kind, i64)>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT kind, COUNT(*) FROM cases
         WHERE guild_id = ? AND open = 0 AND closed_at >= ? AND closed_at < ?
         GROUP BY kind ORDER BY kind",
    )
    .bind(to_db_id(guild_id))
    .bind(to_millis(from))
    .bind(to_millis(to))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(k, n)| Some((Kind::from_key(&k)?, n)))
        .collect())
}

/// The guilds the bot is configured in (a report sent from a DM goes to the only one).
pub async fn configured_guilds(conn: &mut SqliteConnection) -> sqlx::Result<Vec<u64>> {
    let rows: Vec<i64> = sqlx::query_scalar("SELECT guild_id FROM guilds ORDER BY guild_id")
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.into_iter().map(from_db_id).collect())
}
