//! `steward demo`: the real bot against the Discord simulator (the `discord-sim` crate) with a
//! sample community, walking a ballot, a working group's charter and a succession contact on a
//! manual clock, printed as a transcript of what members would see. No token, no network.
//!
//! `community.rs` is the sample server, `script.rs` the steps, `transcript.rs` the printing;
//! this file starts and stops the bot and the simulator around them.

mod community;
mod script;
mod transcript;

use std::io::Write;
use std::sync::Arc;

use anyhow::Context;
use chrono::{DateTime, Duration, TimeZone, Utc};
use discord_sim::{Reply, Sim, SimMessage, SimOptions};
use serde_json::Value;

use crate::clock::{Clock, ManualClock};
use crate::runtime::{self, Running, Settings};
pub use community::{Community, community};
use transcript::Transcript;

/// What the demo is run with.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// The members' Discord language: the bot answers each in theirs ("en-US", "de").
    pub locale: String,
}

impl Default for DemoOptions {
    fn default() -> Self {
        Self {
            locale: "en-US".into(),
        }
    }
}

/// When the demo's clock starts: a Monday morning.
fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

/// Runs the whole walk-through, writing the transcript to `out`. Fails if a step did not show
/// what it should, or if the bot sent Discord something it would refuse.
pub async fn run(options: &DemoOptions, out: &mut dyn Write) -> anyhow::Result<()> {
    let community = community(&options.locale);
    let mut demo = Demo::start(&community, out).await?;
    let walked = script::walk(&mut demo, &community).await;
    let stopped = demo.stop().await;
    walked?;
    stopped
}

/// The running bot, the simulator and the transcript, with the few moves the script makes.
pub(crate) struct Demo<'a> {
    pub sim: Sim,
    bot: Option<Running>,
    clock: Arc<ManualClock>,
    pub t: Transcript<'a>,
    _dir: tempfile::TempDir,
}

impl<'a> Demo<'a> {
    async fn start(community: &Community, out: &'a mut dyn Write) -> anyhow::Result<Demo<'a>> {
        let sim = Sim::start_with(community.fx.clone(), SimOptions::default()).await;
        let dir = tempfile::tempdir().context("a temporary directory for the demo's database")?;
        let settings = Settings {
            guild_id: Some(sim.fx().guild),
            api_base: Some(sim.api_base()),
            // Nothing reaches github.com: without a token nothing is polled.
            github: crate::github::GithubSettings {
                api_url: "http://127.0.0.1:9".into(),
                token: None,
            },
            ..Settings::new(
                sim.token(),
                format!("sqlite://{}", dir.path().join("steward.db").display()),
            )
        };
        let clock = Arc::new(ManualClock::new(start_time()));
        let for_sim = clock.clone();
        sim.use_clock(move || for_sim.now());
        let bot = runtime::start(settings, clock.clone()).await?;
        sim.wait_ready().await;
        sim.wait_commands_registered().await;
        // Guild commands and the global ones (used in DMs): both registered before anyone types.
        sim.wait_global_commands_registered().await;
        let mut t = Transcript::new(out);
        t.line(format!(
            "Steward demo: the real bot against a simulated Discord server, \"{}\".",
            sim.fx().guild_name
        ))?;
        t.line("No token, no network; the clock jumps ahead where the rules wait for days.")?;
        Ok(Demo {
            sim,
            bot: Some(bot),
            clock,
            t,
            _dir: dir,
        })
    }

    fn bot(&self) -> &Running {
        self.bot
            .as_ref()
            .expect("the bot runs until the demo stops")
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Waits until the bot has done everything due now, then prints what members can see.
    pub async fn settle(&mut self) -> anyhow::Result<()> {
        tokio::time::timeout(
            std::time::Duration::from_secs(20),
            self.bot().app().settled(),
        )
        .await
        .context("the bot's loops never settled")?;
        self.t.catch_up(&self.sim)?;
        Ok(())
    }

    /// Moves the clock (the bot's loops look at it at once) and shows what followed.
    pub async fn pass(&mut self, by: Duration, what: &str) -> anyhow::Result<()> {
        self.t.note(what)?;
        self.clock.advance(by);
        self.bot().wake();
        let now = self.now();
        self.t.at(now)?;
        self.settle().await
    }

    /// A member types a slash command; the transcript shows it and the bot's answer.
    pub async fn slash(
        &mut self,
        who: u64,
        command: &str,
        options: Value,
    ) -> anyhow::Result<Reply> {
        let now = self.now();
        self.t.at(now)?;
        let typed = options
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, v)| format!(" {k}: {}", shown_option(&self.sim, v)))
            .collect::<String>();
        self.t
            .action(&self.sim, who, &format!("types /{command}{typed}"))?;
        let reply = self.sim.slash(who, command, options).await;
        self.t.reply(&self.sim, who, &reply)?;
        self.settle().await?;
        Ok(reply)
    }

    /// A member presses a button on a message.
    pub async fn click(
        &mut self,
        who: u64,
        msg: &SimMessage,
        custom_id: &str,
    ) -> anyhow::Result<Reply> {
        let label = msg
            .button(custom_id)
            .and_then(|b| b.label)
            .unwrap_or_else(|| custom_id.to_owned());
        self.t
            .action(&self.sim, who, &format!("presses [{label}]"))?;
        let reply = self
            .sim
            .try_click(who, msg, custom_id)
            .await
            .map_err(anyhow::Error::msg)?;
        self.t.reply(&self.sim, who, &reply)?;
        Ok(reply)
    }

    /// A member fills in and sends the form the bot showed them.
    pub async fn submit(
        &mut self,
        who: u64,
        form: &str,
        fields: &[(&str, &str)],
    ) -> anyhow::Result<Reply> {
        let filled: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{k}: \"{v}\""))
            .collect();
        self.t.action(
            &self.sim,
            who,
            &format!("fills in the form ({})", filled.join(", ")),
        )?;
        let reply = self
            .sim
            .submit_modal(who, self.sim.fx().general, form, fields)
            .await;
        self.t.reply(&self.sim, who, &reply)?;
        self.settle().await?;
        Ok(reply)
    }

    /// A member writes in a channel (messages count as activity).
    pub async fn write(&mut self, who: u64, channel: u64, text: &str) -> anyhow::Result<()> {
        let m = self.sim.post_message(who, channel, text);
        self.t.posted(&self.sim, &m)?;
        self.settle().await
    }

    /// Waits (bounded) until a message matching `pred` appears in `channel`.
    pub async fn find(
        &self,
        channel: u64,
        what: &str,
        pred: impl Fn(&SimMessage) -> bool,
    ) -> anyhow::Result<SimMessage> {
        self.sim
            .try_wait_until(std::time::Duration::from_secs(10), |v| {
                v.channel_messages(channel).into_iter().find(|m| pred(m))
            })
            .await
            .with_context(|| format!("the demo expected {what}, and it never came"))
    }

    /// Stops the bot cleanly; anything the simulator would have refused fails the demo.
    async fn stop(&mut self) -> anyhow::Result<()> {
        if let Some(bot) = self.bot.take() {
            bot.shutdown().await?;
        }
        let problems = self.sim.take_problems();
        anyhow::ensure!(
            problems.is_empty(),
            "the bot sent the simulator {} request(s) Discord would refuse:\n{}",
            problems.len(),
            problems.join("\n")
        );
        Ok(())
    }
}

/// An option as a member's client shows it after typing: mentions resolved by the transcript.
fn shown_option(sim: &Sim, v: &Value) -> String {
    let id = v
        .as_u64()
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()));
    if let Some(name) = id.and_then(|id| sim.display_name(id).map(|n| (id, n))) {
        let channel = sim.channels().iter().any(|c| c.id == name.0);
        return format!("{}{}", if channel { '#' } else { '@' }, name.1);
    }
    match v {
        Value::String(s) if s.contains(' ') => format!("\"{s}\""),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
