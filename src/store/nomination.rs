//! Nominations (their steps: `nomination_history.rs`).

use chrono::{DateTime, Utc};
// Column lists below are constants: the only formatted SQL is those lists.
use sqlx::{AssertSqlSafe, FromRow, SqliteConnection};

use super::{from_db_id, from_millis, to_db_id, to_millis};
use crate::governance::nomination::{Office, State};

/// A nomination as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nomination {
    pub id: i64,
    pub guild_id: u64,
    pub nominee_id: u64,
    pub nominator_id: u64,
    pub office: Office,
    pub nominee_username: String,
    pub nominee_name: String,
    pub area: Option<String>,
    /// The statement and links; `None` once the nomination closed.
    pub statement: Option<String>,
    pub links: Option<String>,
    pub ballot_title: String,
    pub ballot_description: String,
    pub state: State,
    pub confirm_by: Option<DateTime<Utc>>,
    pub dm_failed_at: Option<DateTime<Utc>>,
    pub place_id: Option<u64>,
    pub card_message_id: Option<u64>,
    pub ballot_id: Option<i64>,
    /// Concerns of the -1 votes, without authors, until the nominee was told.
    pub concerns: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    guild_id: i64,
    nominee_id: i64,
    nominator_id: i64,
    office: String,
    nominee_username: String,
    nominee_name: String,
    area: Option<String>,
    statement: Option<String>,
    links: Option<String>,
    ballot_title: String,
    ballot_description: String,
    state: String,
    confirm_by: Option<i64>,
    dm_failed_at: Option<i64>,
    place_id: Option<i64>,
    card_message_id: Option<i64>,
    ballot_id: Option<i64>,
    concerns: Option<String>,
    created_at: i64,
    updated_at: i64,
    closed_at: Option<i64>,
}

impl From<Row> for Nomination {
    fn from(r: Row) -> Self {
        Self {
            id: r.id,
            guild_id: from_db_id(r.guild_id),
            nominee_id: from_db_id(r.nominee_id),
            nominator_id: from_db_id(r.nominator_id),
            office: Office::from_key(&r.office).unwrap_or(Office::Maintainer),
            nominee_username: r.nominee_username,
            nominee_name: r.nominee_name,
            area: r.area,
            statement: r.statement,
            links: r.links,
            ballot_title: r.ballot_title,
            ballot_description: r.ballot_description,
            // A state this version does not know is treated as ended.
            state: State::from_key(&r.state).unwrap_or(State::Withdrawn),
            confirm_by: r.confirm_by.map(from_millis),
            dm_failed_at: r.dm_failed_at.map(from_millis),
            place_id: r.place_id.map(from_db_id),
            card_message_id: r.card_message_id.map(from_db_id),
            ballot_id: r.ballot_id,
            concerns: r
                .concerns
                .and_then(|c| serde_json::from_str(&c).ok())
                .unwrap_or_default(),
            created_at: from_millis(r.created_at),
            updated_at: from_millis(r.updated_at),
            closed_at: r.closed_at.map(from_millis),
        }
    }
}

const COLUMNS: &str = "id, guild_id, nominee_id, nominator_id, office, nominee_username, \
    nominee_name, area, statement, links, ballot_title, ballot_description, state, confirm_by, \
    dm_failed_at, place_id, card_message_id, ballot_id, concerns, created_at, updated_at, closed_at";

/// The states a nomination is open in, as SQL (kept equal to `State::is_open`).
const OPEN: &str = "('awaiting_consent', 'accepted', 'voting')";

/// What `/nominate member` records before the statement form is submitted.
#[derive(Debug, Clone)]
pub struct NewDraft<'a> {
    pub guild_id: u64,
    pub nominee_id: u64,
    pub nominator_id: u64,
    pub office: Office,
    pub nominee_username: &'a str,
    pub nominee_name: &'a str,
    pub area: Option<&'a str>,
}

/// Records a draft; returns its id.
pub async fn insert_draft(
    conn: &mut SqliteConnection,
    d: &NewDraft<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO nominations (guild_id, nominee_id, nominator_id, office, nominee_username,
                                  nominee_name, area, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?) RETURNING id",
    )
    .bind(to_db_id(d.guild_id))
    .bind(to_db_id(d.nominee_id))
    .bind(to_db_id(d.nominator_id))
    .bind(d.office.key())
    .bind(d.nominee_username)
    .bind(d.nominee_name)
    .bind(d.area)
    .bind(to_millis(now))
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await
}

/// Forgets drafts whose form was never submitted (the nominator closed it).
pub async fn delete_stale_drafts(
    conn: &mut SqliteConnection,
    before: DateTime<Utc>,
) -> sqlx::Result<u64> {
    Ok(
        sqlx::query("DELETE FROM nominations WHERE state = 'draft' AND created_at < ?")
            .bind(to_millis(before))
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Nomination>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM nominations WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Nomination::from))
}

/// The nomination a ballot decides.
pub async fn by_ballot(
    conn: &mut SqliteConnection,
    ballot_id: i64,
) -> sqlx::Result<Option<Nomination>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM nominations WHERE ballot_id = ?"
    )))
    .bind(ballot_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Nomination::from))
}

/// The guild's open nominations, oldest first.
pub async fn open_in_guild(
    conn: &mut SqliteConnection,
    guild_id: u64,
) -> sqlx::Result<Vec<Nomination>> {
    let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM nominations WHERE guild_id = ? AND state IN {OPEN} ORDER BY id"
    )))
    .bind(to_db_id(guild_id))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(Nomination::from).collect())
}

/// The member's open nomination, if any (there is at most one).
pub async fn open_for_member(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
) -> sqlx::Result<Option<Nomination>> {
    let row: Option<Row> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM nominations
         WHERE guild_id = ? AND nominee_id = ? AND state IN {OPEN}"
    )))
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Nomination::from))
}

/// The member's latest closed nomination for `office`: its ending and when.
pub async fn last_closed(
    conn: &mut SqliteConnection,
    guild_id: u64,
    member_id: u64,
    office: Office,
) -> sqlx::Result<Option<(State, DateTime<Utc>)>> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT state, closed_at FROM nominations
         WHERE guild_id = ? AND nominee_id = ? AND office = ? AND closed_at IS NOT NULL
         ORDER BY closed_at DESC, id DESC LIMIT 1",
    )
    .bind(to_db_id(guild_id))
    .bind(to_db_id(member_id))
    .bind(office.key())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.and_then(|(state, at)| Some((State::from_key(&state)?, from_millis(at)))))
}

/// A draft becomes a submitted nomination with its statement, links and ballot texts. Returns
/// false when the member already has an open nomination (the unique index decides a race).
pub async fn submit(
    conn: &mut SqliteConnection,
    id: i64,
    s: &Submission<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE nominations SET statement = ?, links = ?, ballot_title = ?,
                                ballot_description = ?, updated_at = ?
         WHERE id = ? AND state = 'draft'",
    )
    .bind(s.statement)
    .bind(s.links)
    .bind(s.ballot_title)
    .bind(s.ballot_description)
    .bind(to_millis(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// What submitting the form adds to a draft.
#[derive(Debug, Clone)]
pub struct Submission<'a> {
    pub statement: &'a str,
    pub links: &'a str,
    pub ballot_title: &'a str,
    pub ballot_description: &'a str,
}

pub async fn set_confirm_by(
    conn: &mut SqliteConnection,
    id: i64,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    super::set_int(conn, column("confirm_by"), id, Some(to_millis(at))).await
}

pub async fn set_dm_failed(
    conn: &mut SqliteConnection,
    id: i64,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    super::set_int(conn, column("dm_failed_at"), id, Some(to_millis(at))).await
}

pub async fn set_place(conn: &mut SqliteConnection, id: i64, place_id: u64) -> sqlx::Result<()> {
    super::set_int(conn, column("place_id"), id, Some(to_db_id(place_id))).await
}

pub async fn set_card_message(
    conn: &mut SqliteConnection,
    id: i64,
    message_id: u64,
) -> sqlx::Result<()> {
    super::set_int(
        conn,
        column("card_message_id"),
        id,
        Some(to_db_id(message_id)),
    )
    .await
}

pub async fn set_ballot(conn: &mut SqliteConnection, id: i64, ballot_id: i64) -> sqlx::Result<()> {
    super::set_int(conn, column("ballot_id"), id, Some(ballot_id)).await
}

/// Keeps the concerns (no authors) until the nominee is told; an empty list clears them.
pub async fn set_concerns(
    conn: &mut SqliteConnection,
    id: i64,
    concerns: &[String],
) -> sqlx::Result<()> {
    let value = (!concerns.is_empty())
        .then(|| serde_json::to_string(concerns))
        .transpose()
        .map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query("UPDATE nominations SET concerns = ? WHERE id = ?")
        .bind(value)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Forgets the statement and links of a closed nomination.
pub async fn purge_text(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE nominations SET statement = NULL, links = NULL WHERE id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A column of `nominations` that the setters above write.
const fn column(name: &'static str) -> super::IntColumn {
    super::IntColumn::new("nominations", name)
}
