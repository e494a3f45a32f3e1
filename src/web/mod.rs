//! The transparency page (issue 16): a small read-only web server in the same binary, serving
//! each published server's governance at `/<slug>/…` (HTML, localized, no JavaScript), the same
//! data as JSON at `/api/<slug>/…` and an Atom feed of decisions. It reads through `app`'s
//! read use cases (`app::web::view`), never writes, and knows no Discord types.
//!
//! Started by `runtime` only when `STEWARD_WEB_ADDR` is set.

pub mod decisions;
pub mod layout;
pub mod leadership;
pub mod releases;
mod respond;
pub mod rfcs;
pub mod working_groups;

use std::net::SocketAddr;

use axum::Router;
use axum::routing::get;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::app::App;

/// Every address of the page.
pub fn router(app: App) -> Router {
    Router::new()
        .route("/{slug}", get(leadership::html))
        .route("/{slug}/", get(leadership::html))
        .route("/{slug}/leadership", get(leadership::html))
        .route("/{slug}/decisions", get(decisions::html))
        .route("/{slug}/decisions.atom", get(decisions::atom))
        .route("/{slug}/working-groups", get(working_groups::html))
        .route("/{slug}/rfcs", get(rfcs::html))
        .route("/{slug}/releases", get(releases::html))
        .route("/{slug}/dependencies", get(releases::dependencies_html))
        .route("/api/{slug}/leadership", get(leadership::json))
        .route("/api/{slug}/decisions", get(decisions::json))
        .route("/api/{slug}/working-groups", get(working_groups::json))
        .route("/api/{slug}/rfcs", get(rfcs::json))
        .route("/api/{slug}/releases", get(releases::json))
        .route("/api/{slug}/dependencies", get(releases::dependencies_json))
        .fallback(respond::not_found)
        .with_state(app)
}

/// Binds `addr` and serves the page until `stop` turns true; returns the bound address (a
/// port 0 becomes the port chosen) and the server's task.
pub async fn serve(
    app: App,
    addr: SocketAddr,
    mut stop: watch::Receiver<bool>,
) -> std::io::Result<(SocketAddr, JoinHandle<()>)> {
    let listener = TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    tracing::info!(%local, "transparency page listening");
    let task = tokio::spawn(async move {
        let shutdown = async move {
            while !*stop.borrow_and_update() {
                if stop.changed().await.is_err() {
                    break;
                }
            }
        };
        if let Err(e) = axum::serve(listener, router(app))
            .with_graceful_shutdown(shutdown)
            .await
        {
            tracing::error!(error = ?e, "transparency page stopped");
        }
    });
    Ok((local, task))
}
