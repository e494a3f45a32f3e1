//! Wiring: the database, the app, the Discord client and the two background loops (jobs and
//! outbox), started and stopped together. `main` and the end-to-end tests use the same code.

use std::sync::Arc;

use poise::serenity_prelude as serenity;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::app::App;
use crate::clock::Clock;
use crate::discord::{self, publisher::DiscordPublisher, rest::Rest};
use crate::github::{GithubClient, GithubSettings};
use crate::scheduler;
use crate::store;

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
            .field("web_addr", &self.web_addr)
            .finish()
    }
}

/// A running bot.
pub struct Running {
    app: App,
    shard_manager: Arc<serenity::ShardManager>,
    stop: watch::Sender<bool>,
    loops: Vec<JoinHandle<()>>,
    client: JoinHandle<Result<(), serenity::Error>>,
}

/// Retry a loop whose tick failed (database unavailable) after this long.
const TICK_RETRY: chrono::Duration = chrono::Duration::seconds(5);

/// Opens the database, connects to Discord and starts the job and outbox loops.
pub async fn start(settings: Settings, clock: Arc<dyn Clock>) -> anyhow::Result<Running> {
    let db = store::connect_with(&settings.database_url, settings.durability).await?;
    let app = App::new(db, clock.clone()).with_github(GithubClient::new(&settings.github));

    let mut http = serenity::HttpBuilder::new(&settings.token);
    if let Some(base) = &settings.api_base {
        // serenity only honours the proxy with its own rate limiter off.
        http = http.proxy(base.as_str()).ratelimiter_disabled(true);
    }
    let mut client = serenity::ClientBuilder::new_with_http(http.build(), discord::intents())
        .framework(discord::framework(app.clone(), settings.guild_id))
        .await?;
    let shard_manager = client.shard_manager.clone();
    let client = tokio::spawn(async move { client.start().await });

    let (stop, stopped) = watch::channel(false);
    // The transparency page, only where the operator asked for it.
    let web = match settings.web_addr {
        Some(addr) => Some(
            crate::web::serve(app.clone(), addr, stopped.clone())
                .await?
                .1,
        ),
        None => None,
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
        shard_manager,
        stop,
        loops: [jobs, outbox].into_iter().chain(web).collect(),
        client,
    })
}

impl Running {
    pub fn app(&self) -> &App {
        &self.app
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
