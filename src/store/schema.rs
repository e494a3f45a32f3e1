//! The database's own health: which schema version it has, which migrations this build would
//! still apply, and SQLite's integrity check. Read by the start-up line, `steward doctor`,
//! `steward restore` and `/govern status`.

use sqlx::SqliteConnection;

/// The migrations this build carries.
pub fn migrator() -> sqlx::migrate::Migrator {
    sqlx::migrate!("./migrations")
}

/// The newest schema version this build knows.
pub fn known_version() -> i64 {
    migrator().iter().map(|m| m.version).max().unwrap_or(0)
}

/// The newest migration applied to this database (0 for a database never migrated).
pub async fn version(conn: &mut SqliteConnection) -> sqlx::Result<i64> {
    let table: Option<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_optional(&mut *conn)
    .await?;
    if table.is_none() {
        return Ok(0);
    }
    let v: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success = 1")
            .fetch_one(&mut *conn)
            .await?;
    Ok(v.unwrap_or(0))
}

/// The versions of the migrations this build has and the database has not run.
pub async fn pending(conn: &mut SqliteConnection) -> sqlx::Result<Vec<i64>> {
    let applied = version(conn).await?;
    Ok(migrator()
        .iter()
        .map(|m| m.version)
        .filter(|v| *v > applied)
        .collect())
}

/// SQLite's `PRAGMA integrity_check`: empty when the file is sound, else its complaints.
pub async fn integrity_problems(conn: &mut SqliteConnection) -> sqlx::Result<Vec<String>> {
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}
