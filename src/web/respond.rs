//! Answers shared by every page: the published server behind a slug, 404 and 400 pages, JSON.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::Markup;
use serde::Serialize;

use super::layout;
use crate::app::web::view::Site;
use crate::app::{App, AppError};
use crate::i18n::{FALLBACK, tr};
use crate::msg;

/// What a handler answers when it cannot show its page.
pub enum Failure {
    NotFound,
    BadRequest(String),
    Internal,
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        match self {
            Self::NotFound => not_found_response(FALLBACK),
            Self::BadRequest(locale) => {
                let text = tr(&locale, msg!("web-bad-request"), None);
                (
                    StatusCode::BAD_REQUEST,
                    html(layout::error_page(&locale, &text)),
                )
                    .into_response()
            }
            Self::Internal => {
                let text = tr(FALLBACK, msg!("web-internal-error"), None);
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    html(layout::error_page(FALLBACK, &text)),
                )
                    .into_response()
            }
        }
    }
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Self {
        // Only bugs and an unavailable database reach here; member text is never logged.
        tracing::error!(error = ?e, "transparency page failed");
        Self::Internal
    }
}

/// The published server behind `slug`, or 404 (unknown, or withdrawn).
pub async fn site(app: &App, slug: &str) -> Result<Site, Failure> {
    app.web_site(slug).await?.ok_or(Failure::NotFound)
}

fn not_found_response(locale: &str) -> Response {
    let text = tr(locale, msg!("web-not-found"), None);
    (
        StatusCode::NOT_FOUND,
        html(layout::error_page(locale, &text)),
    )
        .into_response()
}

/// Any address the page does not have.
pub async fn not_found() -> Response {
    not_found_response(FALLBACK)
}

/// An HTML page.
pub fn html(markup: Markup) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        markup.into_string(),
    )
        .into_response()
}

/// The same data as JSON.
pub fn json(value: &impl Serialize) -> Response {
    match serde_json::to_string(value) {
        Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(e) => Failure::from(AppError::from(anyhow::Error::from(e))).into_response(),
    }
}
