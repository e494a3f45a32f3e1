//! The real bot, wired as `main` wires it, against a simulator; time moves through the
//! injected clock and the bot's loops are woken, never by sleeping for a deadline.

use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use serde_json::json;
use steward::clock::ManualClock;
use steward::runtime::{self, Running, Settings};

use super::sim::{Fixture, Sim, SimMessage, SimOptions};

pub struct Harness {
    pub sim: Sim,
    bot: Option<Running>,
    pub clock: Arc<ManualClock>,
    settings: Settings,
    dir: tempfile::TempDir,
}

impl Harness {
    pub async fn start() -> Self {
        Self::start_with(Fixture::standard()).await
    }

    pub async fn start_with(fx: Fixture) -> Self {
        Self::start_configured(fx, |_| {}).await
    }

    /// Like [`Harness::start_with`], with the settings changed first (GitHub's API, say).
    pub async fn start_configured(fx: Fixture, configure: impl FnOnce(&mut Settings)) -> Self {
        // The bot's logs, shown for failing tests (`RUST_LOG` to change the filter).
        let _ = tracing_subscriber::fmt()
            .with_test_writer()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_default_env()
                    .unwrap_or_else(|_| "steward=info".into()),
            )
            .try_init();
        // Answers are waited for with a generous bound: on a loaded runner the simulator and the
        // test share the cores with the bot. Where Discord's 3 s is the point, a test asserts
        // the bot's own figure ([`Harness::answered_in`]), measured from the interaction's
        // arrival to its answer.
        let options = SimOptions {
            wait_timeout: std::time::Duration::from_secs(30),
            ..SimOptions::default()
        };
        let sim = Sim::start_with(fx, options).await;
        let dir = tempfile::tempdir().unwrap();
        let mut settings = Settings {
            // Benchmarks compare durabilities through the same variable operators use.
            durability: std::env::var("STEWARD_DURABILITY")
                .ok()
                .and_then(|d| steward::store::Durability::parse(&d))
                .unwrap_or_default(),
            guild_id: Some(sim.fx().guild),
            api_base: Some(sim.api_base()),
            // No test reaches github.com: without a token nothing is polled, and only the GitHub
            // tests link logins, against their own simulator.
            github: steward::github::GithubSettings {
                api_url: "http://127.0.0.1:9".into(),
                token: None,
            },
            ..Settings::new(
                sim.token(),
                format!("sqlite://{}", dir.path().join("steward.db").display()),
            )
        };
        configure(&mut settings);
        let clock = Arc::new(ManualClock::new(
            Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap(),
        ));
        let bot = runtime::start(settings.clone(), clock.clone())
            .await
            .unwrap();
        sim.wait_ready().await;
        sim.wait_commands_registered().await;
        // Commands members use in DMs (`/report`) are registered globally, the others in the
        // guild: two registrations, both awaited.
        sim.wait_global_commands_registered().await;
        Self {
            sim,
            bot: Some(bot),
            clock,
            settings,
            dir,
        }
    }

    /// The bot's SQLite file (its WAL file beside it), to search what is left on disk.
    pub fn db_path(&self) -> std::path::PathBuf {
        self.dir.path().join("steward.db")
    }

    /// The settings the bot runs with (token, simulator, database).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The bot's database (`sqlite://…`).
    pub fn database_url(&self) -> &str {
        &self.settings.database_url
    }

    pub fn bot(&self) -> &Running {
        self.bot.as_ref().unwrap()
    }

    /// How long the bot took, on its side, to answer this interaction (its answer or its
    /// "thinking…" deferral). The bot records it once its answer returned, a moment after the
    /// simulator saw it: waited for (bounded).
    pub async fn answered_in(&self, interaction_id: u64) -> std::time::Duration {
        for _ in 0..3000 {
            if let Some(took) = self.bot().latency().of(interaction_id) {
                return took;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("the bot never answered interaction {interaction_id}")
    }

    /// Asserts that the bot answered this interaction within Discord's 3 s, measured on its side.
    pub async fn assert_answered_in_time(&self, interaction_id: u64) {
        let took = self.answered_in(interaction_id).await;
        assert!(
            took <= steward::discord::latency::DISCORD_LIMIT,
            "interaction {interaction_id} answered after {took:?}"
        );
    }

    /// Moves time and lets the bot's loops look at it.
    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
        self.bot().wake();
    }

    /// Waits until the bot's loops have done everything due now: before asserting that
    /// something did not happen (again), so that a late duplicate cannot slip past the assert.
    pub async fn settle(&self) {
        tokio::time::timeout(
            std::time::Duration::from_secs(20),
            self.bot().app().settled(),
        )
        .await
        .expect("the bot's loops never settled");
    }

    /// Moves time, then waits until the bot has done everything that became due.
    pub async fn advance_settled(&self, by: Duration) {
        self.advance(by);
        self.settle().await;
    }

    /// Stops the bot cleanly (a benchmark's next round runs without it).
    pub async fn stop(mut self) {
        self.bot.take().unwrap().shutdown().await.unwrap();
    }

    /// Stops the bot cleanly and starts it again on the same database.
    pub async fn restart(&mut self) {
        self.bot.take().unwrap().shutdown().await.unwrap();
        self.bot = Some(
            runtime::start(self.settings.clone(), self.clock.clone())
                .await
                .unwrap(),
        );
        self.sim.wait_ready().await;
    }

    /// alice runs `/govern setup` with the TSC, announcement and maintainer roles, the emeritus
    /// role, the private TSC channel and the working-group category; it succeeds.
    pub async fn setup(&self) {
        setup(&self.sim).await;
    }

    /// alice runs `/govern setup` with the TSC, announcement and maintainer roles and the
    /// options in `more` (a process's channel, say); it succeeds.
    pub async fn setup_with(&self, more: serde_json::Value) {
        setup_with(&self.sim, more).await;
    }

    /// Starts a ballot as alice and returns its message once posted.
    pub async fn start_ballot(&self, title: &str) -> SimMessage {
        let fx = self.sim.fx();
        let r = self
            .sim
            .slash(
                fx.alice,
                "vote start",
                json!({"title": title, "duration": "72h"}),
            )
            .await;
        assert!(r.is_ephemeral());
        assert!(r.text().contains("is open until"), "{}", r.text());
        self.sim
            .wait_for_message(fx.general, |m| {
                m.embed_text().contains(title) && !m.buttons().is_empty()
            })
            .await
    }

    pub async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(self.bot().app().db())
            .await
            .unwrap()
    }

    /// Waits (bounded) until the outbox row with this key satisfies `done`.
    pub async fn outbox_row(
        &self,
        key: &str,
        done: impl Fn(&steward::store::outbox::OutboxRow) -> bool,
    ) -> steward::store::outbox::OutboxRow {
        for _ in 0..3000 {
            let mut conn = self.bot().app().db().acquire().await.unwrap();
            let rows = steward::store::outbox::by_key(&mut conn, key)
                .await
                .unwrap();
            if let Some(row) = rows.into_iter().find(|r| done(r)) {
                return row;
            }
            drop(conn);
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("outbox row {key} never reached the expected state");
    }

    pub fn announcements(&self) -> Vec<SimMessage> {
        self.sim.channel_messages(self.sim.fx().announcements)
    }
}

/// [`Harness::setup`] for a bot that is not the harness's (a `steward` process, say).
pub async fn setup(sim: &Sim) {
    let fx = sim.fx();
    setup_with(
        sim,
        json!({
            "emeritus": fx.emeritus_role,
            "tsc-channel": fx.tsc_private,
            "wg-category": fx.governance_category,
        }),
    )
    .await;
}

/// [`Harness::setup_with`] for a bot that is not the harness's.
pub async fn setup_with(sim: &Sim, more: serde_json::Value) {
    let fx = sim.fx();
    let mut options = json!({
        "tsc": fx.tsc_role,
        "announcements": fx.announcements,
        "maintainers": fx.maintainers_role,
    });
    options
        .as_object_mut()
        .unwrap()
        .extend(more.as_object().expect("options as an object").clone());
    let r = sim.slash(fx.alice, "govern setup", options).await;
    assert!(r.is_ephemeral(), "{}", r.text());
    assert!(r.text().contains("Steward is set up"), "{}", r.text());
}

pub fn custom_ids(m: &SimMessage) -> Vec<String> {
    m.buttons()
        .into_iter()
        .filter_map(|b| b.custom_id)
        .collect()
}

/// The ballot id its first button carries (`v2:ballot:<id>:vote:+1`).
pub fn ballot_id(m: &SimMessage) -> i64 {
    let id = custom_ids(m)[0].clone();
    id.split(':').nth(2).unwrap().parse().unwrap()
}
