//! Runs a serenity client against the simulator for the self-tests, and helpers to call the
//! simulator over raw HTTP.

use std::sync::Arc;
use std::time::Duration;

use discord_sim::Sim;
use serenity::all::{ClientBuilder, EventHandler, GatewayIntents, HttpBuilder};
use tokio::sync::mpsc;

pub(crate) struct Bot {
    rx: mpsc::UnboundedReceiver<String>,
    pub(crate) cache: Arc<serenity::cache::Cache>,
    shards: Arc<serenity::gateway::ShardManager>,
    task: tokio::task::JoinHandle<()>,
}

impl Bot {
    /// Runs a serenity client with `handler` and `intents` against the simulator; `rx` receives
    /// what the handler reports. Returns once the handler reported "ready" and READY went out.
    pub(crate) async fn launch(
        sim: &Sim,
        handler: impl EventHandler + 'static,
        rx: mpsc::UnboundedReceiver<String>,
        intents: GatewayIntents,
    ) -> Bot {
        let http = HttpBuilder::new(sim.token())
            .proxy(sim.api_base())
            .ratelimiter_disabled(true)
            .build();
        let mut client = ClientBuilder::new_with_http(http, intents)
            .event_handler(handler)
            .await
            .expect("client");
        let cache = client.cache.clone();
        let shards = client.shard_manager.clone();
        let task = tokio::spawn(async move {
            let _ = client.start().await;
        });
        let mut bot = Bot {
            rx,
            cache,
            shards,
            task,
        };
        bot.expect("ready").await;
        sim.wait_ready().await;
        bot
    }

    /// Waits (bounded) for an event whose description starts with `prefix`.
    pub(crate) async fn expect(&mut self, prefix: &str) -> String {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            match tokio::time::timeout_at(deadline, self.rx.recv()).await {
                Ok(Some(e)) if e.starts_with(prefix) => return e,
                Ok(Some(_)) => continue,
                _ => panic!("bot never saw an event starting with {prefix:?}"),
            }
        }
    }

    /// Waits (bounded) for an event starting with any of `prefixes`.
    pub(crate) async fn expect_any(&mut self, prefixes: &[&str]) -> String {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            match tokio::time::timeout_at(deadline, self.rx.recv()).await {
                Ok(Some(e)) if prefixes.iter().any(|p| e.starts_with(p)) => return e,
                Ok(Some(_)) => continue,
                _ => panic!("bot never saw an event starting with any of {prefixes:?}"),
            }
        }
    }

    pub(crate) async fn stop(self) {
        self.shards.shutdown_all().await;
        self.task.abort();
    }
}

pub(crate) fn http(sim: &Sim) -> serenity::http::Http {
    sim.serenity_http()
}

pub(crate) fn status_of(e: &serenity::Error) -> Option<(u16, isize)> {
    match e {
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r)) => {
            Some((r.status_code.as_u16(), r.error.code))
        }
        _ => None,
    }
}

/// A raw HTTP/1.1 request, to see headers serenity hides.
pub(crate) async fn raw_request(sim: &Sim, method: &str, path: &str, body: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = sim.api_base().trim_start_matches("http://").to_string();
    let mut s = tokio::net::TcpStream::connect(&addr)
        .await
        .expect("connect");
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bot {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        sim.token(),
        body.len()
    );
    s.write_all(req.as_bytes()).await.expect("write");
    let mut out = String::new();
    s.read_to_string(&mut out).await.expect("read");
    out
}
