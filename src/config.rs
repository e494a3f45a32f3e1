//! Configuration from the environment (a `.env` file may supply it). The token is validated
//! here and never printed.

use crate::github::{DEFAULT_API_URL, GithubSettings};
use crate::runtime::{Settings, ShardRange};
use crate::store::Durability;

/// Every environment variable Steward reads, with what it does: `steward --help` prints it.
pub const ENVIRONMENT_HELP: &str = "\
Environment (a .env file in the working directory is read too):
  DISCORD_TOKEN        the bot's token from the Discord developer portal (required)
  DATABASE_URL         the SQLite database [default: sqlite://steward.db]
  STEWARD_GUILD_ID     register commands in this one server only (instant; for development)
  STEWARD_DURABILITY   `full` (sync every commit, the default) or `normal`
  STEWARD_SHARDS       `auto` (Discord's recommended count, the default) or a range of
                       shards for this process out of a total, e.g. `0-3/8`
  STEWARD_BACKUP_DIR   a directory for the daily automatic backup (off when unset)
  STEWARD_LOG_FORMAT   `text` (the default) or `json` (one JSON object per line)
  STEWARD_WORKER_THREADS
                       the async runtime's threads [default: the cores less one, left to
                       SQLite's writer; at least one]
  RUST_LOG             log filter [default: info,serenity=warn]
  DISCORD_API_BASE     replaces https://discord.com (a proxy or a Discord simulator)
  GITHUB_TOKEN         turns on the daily read of GitHub activity (no scopes needed)
  GITHUB_API_URL       GitHub's API [default: https://api.github.com]
  STEWARD_WEB_ADDR     serve the transparency page on this address, e.g. 0.0.0.0:8080 (off when unset)";

/// Why the bot cannot start; each is one line on stderr.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "DISCORD_TOKEN is not set: create a bot in the Discord developer portal and set its token (see README)"
    )]
    MissingToken,
    #[error(
        "DISCORD_TOKEN is not a valid bot token (expected three dot-separated parts, as the developer portal shows it)"
    )]
    MalformedToken,
    #[error("STEWARD_GUILD_ID must be a numeric Discord guild id")]
    BadGuildId,
    #[error("DISCORD_API_BASE must be an http:// or https:// URL")]
    BadApiBase,
    #[error("STEWARD_DURABILITY must be `full` (the default) or `normal`")]
    BadDurability,
    #[error(
        "STEWARD_SHARDS must be `auto` or a range of shards out of a total, like `0-3/8` (shards 0 to 3 of 8) or `2/8`"
    )]
    BadShards,
    #[error("STEWARD_BACKUP_DIR must name a directory")]
    BadBackupDir,
    #[error("GITHUB_API_URL must be an http:// or https:// URL")]
    BadGithubUrl,
    #[error("STEWARD_WEB_ADDR must be an address and port, e.g. 0.0.0.0:8080")]
    BadWebAddr,
    #[error("STEWARD_WORKER_THREADS must be a whole number of threads, 1 or more")]
    BadWorkerThreads,
}

/// The default database: a SQLite file in the working directory, created if missing.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://steward.db";

/// The database URL alone (what `steward backup` and `steward restore` need; no token).
pub fn database_url(var: impl Fn(&str) -> Option<String>) -> String {
    var("DATABASE_URL")
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned())
}

/// How many worker threads the async runtime gets on a machine of `cores` cores. Every write
/// runs on the writer connection's own SQLite thread, busy for as long as a burst of votes
/// lasts; with a worker per core as well, the workers and that thread take the cores from each
/// other, and workers park and wake around every statement. With a core left to it, the burst
/// bench measured 0.95x the no-op bot's rate on 2 cores, against 0.85x (README, Performance).
pub fn worker_threads(
    var: impl Fn(&str) -> Option<String>,
    cores: usize,
) -> Result<usize, ConfigError> {
    match var("STEWARD_WORKER_THREADS").filter(|n| !n.trim().is_empty()) {
        Some(n) => n
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or(ConfigError::BadWorkerThreads),
        None => Ok(cores.saturating_sub(1).max(1)),
    }
}

/// Reads the settings through `var` (the process environment in production).
pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Settings, ConfigError> {
    let token = var("DISCORD_TOKEN")
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .ok_or(ConfigError::MissingToken)?;
    poise::serenity_prelude::utils::token::validate(&token)
        .map_err(|_| ConfigError::MalformedToken)?;
    let guild_id = match var("STEWARD_GUILD_ID").filter(|g| !g.trim().is_empty()) {
        Some(g) => Some(
            g.trim()
                .parse::<u64>()
                .ok()
                .filter(|g| *g > 0)
                .ok_or(ConfigError::BadGuildId)?,
        ),
        None => None,
    };
    let api_base = match var("DISCORD_API_BASE").filter(|b| !b.trim().is_empty()) {
        Some(b) if b.starts_with("http://") || b.starts_with("https://") => {
            Some(b.trim_end_matches('/').to_owned())
        }
        Some(_) => return Err(ConfigError::BadApiBase),
        None => None,
    };
    let durability = match var("STEWARD_DURABILITY").filter(|d| !d.trim().is_empty()) {
        Some(d) => Durability::parse(&d).ok_or(ConfigError::BadDurability)?,
        None => Durability::default(),
    };
    let shards = match var("STEWARD_SHARDS").filter(|s| !s.trim().is_empty()) {
        Some(s) if s.trim() == "auto" => None,
        Some(s) => Some(ShardRange::parse(&s).ok_or(ConfigError::BadShards)?),
        None => None,
    };
    let github = GithubSettings {
        api_url: match var("GITHUB_API_URL").filter(|u| !u.trim().is_empty()) {
            Some(u) if u.starts_with("http://") || u.starts_with("https://") => {
                u.trim().trim_end_matches('/').to_owned()
            }
            Some(_) => return Err(ConfigError::BadGithubUrl),
            None => DEFAULT_API_URL.to_owned(),
        },
        token: var("GITHUB_TOKEN")
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty()),
    };
    let backup_dir = match var("STEWARD_BACKUP_DIR").filter(|d| !d.trim().is_empty()) {
        Some(d) if d.trim().ends_with(".db") => return Err(ConfigError::BadBackupDir),
        Some(d) => Some(std::path::PathBuf::from(d.trim())),
        None => None,
    };
    let web_addr = match var("STEWARD_WEB_ADDR").filter(|a| !a.trim().is_empty()) {
        Some(a) => Some(a.trim().parse().map_err(|_| ConfigError::BadWebAddr)?),
        None => None,
    };
    Ok(Settings {
        token,
        durability,
        shards,
        backup_dir,
        database_url: database_url(&var),
        guild_id,
        api_base,
        github,
        web_addr,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // A syntactically valid token (base64 of an application id, then two parts); not a real one.
    const TOKEN: &str = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB";

    fn vars<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_runtime_leaves_a_core_to_sqlite_unless_told() {
        let none = vars(&[]);
        assert_eq!(worker_threads(&none, 1).unwrap(), 1);
        assert_eq!(worker_threads(&none, 2).unwrap(), 1);
        assert_eq!(worker_threads(&none, 8).unwrap(), 7);
        let told = vars(&[("STEWARD_WORKER_THREADS", " 3 ")]);
        assert_eq!(worker_threads(&told, 2).unwrap(), 3);
        for bad in ["0", "-1", "two", "1.5"] {
            assert_eq!(
                worker_threads(vars(&[("STEWARD_WORKER_THREADS", bad)]), 4).unwrap_err(),
                ConfigError::BadWorkerThreads
            );
        }
    }

    #[test]
    fn token_is_required_and_checked() {
        assert_eq!(from_vars(vars(&[])).unwrap_err(), ConfigError::MissingToken);
        assert_eq!(
            from_vars(vars(&[("DISCORD_TOKEN", "  ")])).unwrap_err(),
            ConfigError::MissingToken
        );
        assert_eq!(
            from_vars(vars(&[("DISCORD_TOKEN", "hunter2")])).unwrap_err(),
            ConfigError::MalformedToken
        );
    }

    #[test]
    fn defaults_and_overrides() {
        let s = from_vars(vars(&[("DISCORD_TOKEN", TOKEN)])).unwrap();
        assert_eq!(s.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(s.guild_id, None);
        assert_eq!(s.api_base, None);
        assert_eq!(s.shards, None);
        assert_eq!(s.backup_dir, None);
        let s = from_vars(vars(&[
            ("DISCORD_TOKEN", TOKEN),
            ("STEWARD_GUILD_ID", "42"),
            ("DISCORD_API_BASE", "http://127.0.0.1:9/"),
            ("DATABASE_URL", "sqlite:///tmp/x.db"),
        ]))
        .unwrap();
        assert_eq!(s.guild_id, Some(42));
        assert_eq!(s.api_base.as_deref(), Some("http://127.0.0.1:9"));
        assert_eq!(s.database_url, "sqlite:///tmp/x.db");
        assert_eq!(
            from_vars(vars(&[
                ("DISCORD_TOKEN", TOKEN),
                ("STEWARD_GUILD_ID", "abc")
            ]))
            .unwrap_err(),
            ConfigError::BadGuildId
        );
        assert_eq!(
            from_vars(vars(&[
                ("DISCORD_TOKEN", TOKEN),
                ("DISCORD_API_BASE", "discord.com")
            ]))
            .unwrap_err(),
            ConfigError::BadApiBase
        );
    }

    #[test]
    fn shards_and_backup_dir() {
        let with = |k, v| from_vars(vars(&[("DISCORD_TOKEN", TOKEN), (k, v)]));
        let s = with("STEWARD_SHARDS", "0-3/8").unwrap();
        assert_eq!(
            s.shards,
            Some(ShardRange {
                first: 0,
                last: 3,
                total: 8
            })
        );
        let s = with("STEWARD_SHARDS", "5/8").unwrap();
        assert_eq!(
            s.shards,
            Some(ShardRange {
                first: 5,
                last: 5,
                total: 8
            })
        );
        assert_eq!(with("STEWARD_SHARDS", "auto").unwrap().shards, None);
        for bad in ["3-1/8", "0-8/8", "x", "1/0", "-1/2"] {
            assert_eq!(
                with("STEWARD_SHARDS", bad).unwrap_err(),
                ConfigError::BadShards,
                "{bad}"
            );
        }
        let s = with("STEWARD_BACKUP_DIR", "/backups").unwrap();
        assert_eq!(
            s.backup_dir.as_deref(),
            Some(std::path::Path::new("/backups"))
        );
    }

    #[test]
    fn github_is_optional_and_its_token_is_never_printed() {
        let s = from_vars(vars(&[("DISCORD_TOKEN", TOKEN)])).unwrap();
        assert_eq!(s.github.api_url, DEFAULT_API_URL);
        assert_eq!(s.github.token, None);
        let s = from_vars(vars(&[
            ("DISCORD_TOKEN", TOKEN),
            ("GITHUB_API_URL", "http://127.0.0.1:9/"),
            ("GITHUB_TOKEN", " ghp_secretsecret "),
        ]))
        .unwrap();
        assert_eq!(s.github.api_url, "http://127.0.0.1:9");
        assert_eq!(s.github.token.as_deref(), Some("ghp_secretsecret"));
        assert!(!format!("{s:?}").contains("secretsecret"));
        assert_eq!(
            from_vars(vars(&[
                ("DISCORD_TOKEN", TOKEN),
                ("GITHUB_API_URL", "api.github.com")
            ]))
            .unwrap_err(),
            ConfigError::BadGithubUrl
        );
    }

    #[test]
    fn the_help_lists_every_variable_read() {
        let source = include_str!("config.rs");
        for name in source
            .split("var(\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
        {
            assert!(
                ENVIRONMENT_HELP.contains(name),
                "{name} missing from the help"
            );
        }
    }

    #[test]
    fn the_web_page_is_off_unless_an_address_is_set() {
        let s = from_vars(vars(&[("DISCORD_TOKEN", TOKEN)])).unwrap();
        assert_eq!(s.web_addr, None);
        let s = from_vars(vars(&[("DISCORD_TOKEN", TOKEN), ("STEWARD_WEB_ADDR", " ")])).unwrap();
        assert_eq!(s.web_addr, None);
        let s = from_vars(vars(&[
            ("DISCORD_TOKEN", TOKEN),
            ("STEWARD_WEB_ADDR", "0.0.0.0:8080"),
        ]))
        .unwrap();
        assert_eq!(s.web_addr, Some("0.0.0.0:8080".parse().unwrap()));
        assert_eq!(
            from_vars(vars(&[
                ("DISCORD_TOKEN", TOKEN),
                ("STEWARD_WEB_ADDR", "localhost")
            ]))
            .unwrap_err(),
            ConfigError::BadWebAddr
        );
    }

    #[test]
    fn the_token_never_shows_in_debug_output() {
        let s = from_vars(vars(&[("DISCORD_TOKEN", TOKEN)])).unwrap();
        assert!(!format!("{s:?}").contains("abcdefghij"));
    }
}
