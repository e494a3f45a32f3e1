//! Wiring: the database, the app, the Discord client and the two background loops (jobs and
//! outbox), started and stopped together. `main` and the end-to-end tests use the same code.

pub mod login;
pub mod shards;

use std::sync::Arc;

use poise::serenity_prelude as serenity;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::app::App;
use crate::clock::Clock;
use crate::discord::latency::{Latency, Stamped};
use crate::discord::{self, publisher::DiscordPublisher, rest::Rest};
use crate::github::{GithubClient, GithubSettings};
use crate::scheduler;
use crate::store;
pub use login::TokenRejected;
pub use shards::ShardRange;

/// What the bot needs to run.
#[derive(Clone)]
pub struct Settings {
    pub token: String,
    pub database_url: String,
    /// Whether every commit is synced to disk (the default) or only process crashes are covered.
    pub durability: store::Durability,
    /// Register commands to this guild only (instant updates while developing).
    pub guild_id: Option<u64>,
    /// Replaces `https://discord.com` (a Discord simulator or an HTTP proxy).
    pub api_base: Option<String>,
    /// GitHub's API and the optional token (`GITHUB_API_URL`, `GITHUB_TOKEN`).
    pub github: GithubSettings,
    /// Where the transparency page listens (`STEWARD_WEB_ADDR`); none serves nothing.
    pub web_addr: Option<std::net::SocketAddr>,
    /// The shards this process runs; `None`: all of Discord's recommended count.
    pub shards: Option<ShardRange>,
    /// Where the daily automatic backup goes; `None`: no automatic backup.
    pub backup_dir: Option<std::path::PathBuf>,
}

impl Settings {
    /// Settings for a bot on this token and database, everything else at its default.
    pub fn new(token: impl Into<String>, database_url: impl Into<String>) -> Self {
        Self {
            token: token.into(),
            database_url: database_url.into(),
            durability: store::Durability::default(),
            guild_id: None,
            api_base: None,
            shards: None,
            backup_dir: None,
            github: GithubSettings::default(),
            web_addr: None,
        }
    }
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("token", &"<redacted>")
            .field("database_url", &self.database_url)
            .field("durability", &self.durability)
            .field("guild_id", &self.guild_id)
            .field("api_base", &self.api_base)
            .field("github", &self.github)
            .field("shards", &self.shards)
            .field("backup_dir", &self.backup_dir)
            .field("web_addr", &self.web_addr)
            .finish()
    }
}

/// A running bot.
pub struct Running {
    app: App,
    latency: Latency,
    shard_manager: Arc<serenity::ShardManager>,
    stop: watch::Sender<bool>,
    loops: Vec<JoinHandle<()>>,
    /// Where the transparency page listens, if it does.
    web_addr: Option<std::net::SocketAddr>,
    client: JoinHandle<Result<(), serenity::Error>>,
    _lock: Option<store::backup::DatabaseLock>,
}

/// Retry a loop whose tick failed (database unavailable) after this long.
const TICK_RETRY: chrono::Duration = chrono::Duration::seconds(5);

/// Opens the database, connects to Discord and starts the job and outbox loops.
/// A token rejected by Discord ends the start with [`TokenRejected`].
pub async fn start(settings: Settings, clock: Arc<dyn Clock>) -> anyhow::Result<Running> {
    // One bot per database file; `steward restore` waits for it to stop.
    let lock = store::backup::database_path(&settings.database_url)
        .map(|path| store::backup::lock(&path))
        .transpose()?;
    let db = store::connect_with(&settings.database_url, settings.durability).await?;
    let schema = {
        let mut conn = db.read.acquire().await?;
        store::schema::version(&mut conn).await?
    };
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        database = %redact_url(&settings.database_url),
        schema,
        commands = %match settings.guild_id {
            Some(g) => format!("registered in server {g} only"),
            None => "registered globally".to_owned(),
        },
        backups = %settings.backup_dir.as_deref().map_or("off".into(), |d| d.display().to_string()),
        "steward starting"
    );
    let app = App::new(db, clock.clone()).with_github(GithubClient::new(&settings.github));
    // A killed predecessor's claims are due now, not when their lease ends.
    app.release_claims().await?;

    let http = login::serenity_http(&settings.token, settings.api_base.as_deref());
    let api = settings
        .api_base
        .as_deref()
        .unwrap_or(discord::rest::DISCORD_BASE);
    let me = login::check_token(&http, api).await?;
    tracing::info!(bot = %me.name, user_id = me.id.get(), "token accepted; connecting to the gateway");
    let shards = match settings.shards {
        Some(range) => range,
        None => ShardRange::all(http.get_bot_gateway().await?.shards),
    };
    tracing::info!(shards = %shards, "starting shards");
    let latency = Latency::default();
    let framework = Stamped {
        inner: discord::framework(app.clone(), settings.guild_id, latency.clone()),
        latency: latency.clone(),
    };
    let mut client = serenity::ClientBuilder::new_with_http(http, discord::intents())
        .framework(framework)
        .await?;
    let shard_manager = client.shard_manager.clone();
    let client = tokio::spawn(async move {
        // The range's end is inclusive in serenity's API.
        client
            .start_shard_range(shards.first..shards.last, shards.total)
            .await
    });
    app.plan_daily_backup(settings.backup_dir.clone()).await?;
    app.plan_retention().await?;

    let (stop, stopped) = watch::channel(false);
    // The transparency page, only where the operator asked for it.
    let (web_addr, web) = match settings.web_addr {
        Some(addr) => {
            let (bound, task) = crate::web::serve(app.clone(), addr, stopped.clone()).await?;
            (Some(bound), Some(task))
        }
        None => (None, None),
    };
    let jobs = {
        let app = app.clone();
        tokio::spawn(scheduler::run_loop(
            clock.clone(),
            app.jobs_wakeup(),
            stopped.clone(),
            move || {
                let app = app.clone();
                async move {
                    app.run_due_jobs().await.unwrap_or_else(|e| {
                        tracing::error!(error = ?e, "job pass failed");
                        Some(app.now() + TICK_RETRY)
                    })
                }
            },
        ))
    };
    let outbox = {
        let app = app.clone();
        let publisher = Arc::new(DiscordPublisher::new(
            app.clone(),
            Rest::new(&settings.token, settings.api_base.as_deref()),
        ));
        tokio::spawn(scheduler::run_loop(
            clock,
            app.outbox_wakeup(),
            stopped,
            move || {
                let app = app.clone();
                let publisher = publisher.clone();
                async move {
                    app.deliver_outbox(publisher.as_ref())
                        .await
                        .unwrap_or_else(|e| {
                            tracing::error!(error = ?e, "outbox pass failed");
                            Some(app.now() + TICK_RETRY)
                        })
                }
            },
        ))
    };
    Ok(Running {
        app,
        latency,
        shard_manager,
        stop,
        loops: [jobs, outbox].into_iter().chain(web).collect(),
        web_addr,
        client,
        _lock: lock,
    })
}

/// The database URL as logged: the path, never a password a URL might carry.
fn redact_url(url: &str) -> String {
    match url.split_once('@') {
        Some((_, rest)) => format!("sqlite://…@{rest}"),
        None => url.to_owned(),
    }
}

impl Running {
    pub fn app(&self) -> &App {
        &self.app
    }

    /// Where the transparency page listens (a port 0 in the settings becomes the port chosen);
    /// `None` when `STEWARD_WEB_ADDR` is unset.
    pub fn web_addr(&self) -> Option<std::net::SocketAddr> {
        self.web_addr
    }

    /// How long the bot took to answer interactions, measured from their arrival.
    pub fn latency(&self) -> &Latency {
        &self.latency
    }

    /// Makes the loops look at the clock again (after a test moved it).
    pub fn wake(&self) {
        self.app.wake();
    }

    /// Resolves when the Discord client stops by itself (a fatal gateway error).
    pub async fn client_stopped(&mut self) -> anyhow::Result<()> {
        (&mut self.client).await??;
        Ok(())
    }

    /// Stops intake, lets the loops finish their current pass, and closes the database.
    pub async fn shutdown(self) -> anyhow::Result<()> {
        self.shard_manager.shutdown_all().await;
        let _ = self.stop.send(true);
        for task in self.loops {
            task.await?;
        }
        if !self.client.is_finished() {
            self.client.abort();
        }
        self.app.close().await;
        tracing::info!("stopped cleanly");
        Ok(())
    }
}
