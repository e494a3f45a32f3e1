//! `steward doctor`: for the operator's shell, before or while the bot runs. Checks the token
//! (who it belongs to), the intents configured for the application, the database (integrity,
//! schema version, pending migrations) and, for every configured server, the same
//! capabilities as `/govern check`. Prints a report; exits 1 when something needs fixing.

use std::process::ExitCode;
use std::sync::Arc;

use poise::serenity_prelude as serenity;
use sqlx::ConnectOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

use super::EXIT_CONFIG;
use crate::app::App;
use crate::clock::SystemClock;
use crate::discord::guild::{check, report};
use crate::runtime::{Settings, login};
use crate::store::{Database, Writer, backup, schema};
use crate::{config, i18n};

/// The report: lines, and whether any is a problem.
#[derive(Debug, Default)]
pub struct Report {
    pub lines: Vec<String>,
    pub problems: usize,
}

impl Report {
    fn ok(&mut self, text: impl Into<String>) {
        self.lines.push(format!("✅ {}", text.into()));
    }
    fn problem(&mut self, text: impl Into<String>) {
        self.problems += 1;
        self.lines.push(format!("❌ {}", text.into()));
    }
    fn section(&mut self, title: &str) {
        self.lines.push(String::new());
        self.lines.push(format!("== {title}"));
    }
}

pub async fn run() -> ExitCode {
    let settings = match config::from_vars(|k| std::env::var(k).ok()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("steward doctor: {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    let report = diagnose(&settings).await;
    println!("{}", report.lines.join("\n").trim_start());
    if report.problems == 0 {
        println!("\nNo problems found.");
        ExitCode::SUCCESS
    } else {
        println!("\n{} problem(s) found.", report.problems);
        ExitCode::FAILURE
    }
}

/// Runs every check.
pub async fn diagnose(settings: &Settings) -> Report {
    let mut report = Report::default();
    report.section("Discord");
    let http = login::serenity_http(&settings.token, settings.api_base.as_deref());
    let discord_ok = match http.get_current_user().await {
        Ok(me) => {
            report.ok(format!("token: accepted, bot {} ({})", me.name, me.id));
            true
        }
        Err(e) if login::is_unauthorized(&e) => {
            report.problem(login::TokenRejected.to_string());
            false
        }
        Err(e) => {
            report.problem(format!("Discord could not be reached: {e}"));
            false
        }
    };
    if discord_ok {
        match http.get_current_application_info().await {
            Ok(app) => match check::members_intent(app.flags) {
                Some(false) => report.problem(
                    "Server Members intent: off. Developer portal → the application → Bot → Privileged Gateway Intents: turn on Server Members Intent (Steward cannot connect without it).",
                ),
                _ => report.ok("Server Members intent: on"),
            },
            Err(e) => report.problem(format!("application info could not be read: {e}")),
        }
    }

    report.section("Database");
    let Some(path) = backup::database_path(&settings.database_url) else {
        report.problem("DATABASE_URL does not name a database file");
        return report;
    };
    if !path.exists() {
        report.ok(format!(
            "{}: does not exist yet; the bot creates it at its first start",
            path.display()
        ));
        return report;
    }
    let db = match open_read_only(&path).await {
        Ok(db) => db,
        Err(e) => {
            report.problem(format!("{}: cannot be opened: {e}", path.display()));
            return report;
        }
    };
    database_checks(&mut report, &db, &path).await;
    if backup::lock(&path).is_err() {
        report.ok("the bot is running on this database");
    }
    if discord_ok {
        server_checks(&mut report, &http, App::new(db, Arc::new(SystemClock))).await;
    }
    report
}

/// Opens the database without creating or migrating it: the doctor changes nothing.
async fn open_read_only(path: &std::path::Path) -> sqlx::Result<Database> {
    let options = SqliteConnectOptions::new().filename(path).read_only(true);
    let writer = options.clone().connect().await?;
    let read = SqlitePoolOptions::new()
        .max_connections(2)
        .connect_with(options)
        .await?;
    Ok(Database {
        read,
        writer: Writer::new(writer),
    })
}

async fn database_checks(report: &mut Report, db: &Database, path: &std::path::Path) {
    let mut conn = match db.read.acquire().await {
        Ok(c) => c,
        Err(e) => return report.problem(format!("{}: {e}", path.display())),
    };
    match schema::integrity_problems(&mut conn).await {
        Ok(p) if p.is_empty() => report.ok(format!("{}: integrity check passed", path.display())),
        Ok(p) => report.problem(format!("integrity check failed: {}", p.join("; "))),
        Err(e) => report.problem(format!("integrity check could not run: {e}")),
    }
    let version = schema::version(&mut conn).await.unwrap_or(0);
    let known = schema::known_version();
    match schema::pending(&mut conn).await {
        _ if version > known => report.problem(format!(
            "schema version {version} is newer than this build knows ({known}): run a newer Steward"
        )),
        Ok(p) if p.is_empty() => report.ok(format!("schema version {version}, up to date")),
        Ok(p) => report.ok(format!(
            "schema version {version}; {} migration(s) will be applied at the next start",
            p.len()
        )),
        Err(e) => report.problem(format!("migrations could not be read: {e}")),
    }
}

async fn server_checks(report: &mut Report, http: &serenity::Http, app: App) {
    let guilds = match app.configured_guilds().await {
        Ok(g) => g,
        Err(e) => return report.problem(format!("servers could not be read: {e:?}")),
    };
    if guilds.is_empty() {
        report.section("Servers");
        report.ok("no server is set up yet: run /govern setup in Discord");
    }
    for guild_id in guilds {
        report.section(&format!("Server {guild_id}"));
        let targets = match app.find_guild_config(guild_id).await {
            Ok(Some(config)) => match app.targets_of(&config).await {
                Ok(t) => t,
                Err(e) => {
                    report.problem(format!("set-up could not be read: {e:?}"));
                    continue;
                }
            },
            _ => continue,
        };
        match check::run(http, &targets).await {
            Ok(lines) => {
                let text = report::report_text(&lines, i18n::FALLBACK);
                // The report's lines, without its title and summary, as plain text.
                for line in text.lines().skip(1) {
                    report.lines.push(plain(line));
                }
                report.problems += lines.iter().filter(|l| l.problem.is_some()).count();
            }
            Err(e) => report.problem(format!("the server could not be read: {e}")),
        }
    }
}

/// Discord's markup as a shell shows it: `<#1>` → `#1`, `<@&2>` → `@&2`, no bold.
fn plain(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line.replace("**", "");
    while let Some(start) = rest.find('<') {
        let (before, after) = rest.split_at(start);
        out.push_str(before);
        match after.find('>') {
            Some(end) if after[1..end].starts_with(['#', '@']) => {
                out.push_str(&after[1..end]);
                rest = after[end + 1..].to_owned();
            }
            _ => {
                out.push('<');
                rest = after[1..].to_owned();
            }
        }
    }
    out.push_str(&rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn mentions_become_plain_text() {
        assert_eq!(
            super::plain("**Role order: <@&12> (TSC role)** in <#34> <3"),
            "Role order: @&12 (TSC role) in #34 <3"
        );
    }
}
