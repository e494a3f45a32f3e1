//! RFCs and governance amendments: their status, discussion period and revisions.

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};

use super::layout::{self, Nav};
use super::respond::{self, Failure};
use crate::app::App;
use crate::app::web::processes::PublicRfc;
use crate::app::web::view::Site;
use crate::i18n::{args, tr};
use crate::msg;
use crate::words::rfc::status_text;

/// `/<slug>/rfcs`.
pub async fn html(State(app): State<App>, Path(slug): Path<String>) -> Result<Response, Failure> {
    let site = respond::site(&app, &slug).await?;
    let rfcs = app.web_rfcs(site.guild_id).await?;
    Ok(respond::html(page(&site, &rfcs)))
}

/// `/api/<slug>/rfcs`.
pub async fn json(State(app): State<App>, Path(slug): Path<String>) -> Result<Response, Failure> {
    let site = respond::site(&app, &slug).await?;
    Ok(respond::json(&app.web_rfcs(site.guild_id).await?))
}

/// The page.
pub fn page(site: &Site, rfcs: &[PublicRfc]) -> Markup {
    let locale = site.locale.as_str();
    let body = html! {
        @if rfcs.is_empty() {
            p.meta { (tr(locale, msg!("web-rfc-empty"), None)) }
        }
        @for r in rfcs { (rfc(locale, r)) }
    };
    let title = tr(locale, msg!("web-rfc-title"), None);
    layout::page(locale, &site.slug, Nav::Rfcs, &title, body)
}

fn rfc(locale: &str, r: &PublicRfc) -> Markup {
    let heading = tr(
        locale,
        msg!("web-rfc-number"),
        Some(&args([
            ("kind", r.kind.key().into()),
            ("number", r.number.into()),
        ])),
    );
    html! {
        section id={ (r.kind.key()) "-" (r.number) } {
            h2 {
                (heading) ": "
                @if layout::safe_link(&r.link) { a href=(r.link) { (r.title) } } @else { (r.title) }
            }
            p { strong { (status_text(locale, r.status)) } }
            p.meta {
                @if let (Some(from), Some(to)) = (r.opened_at, r.discussion_ends_at) {
                    (tr(locale, msg!("web-rfc-discussion"), None)) " "
                    (layout::time(from)) " – " (layout::time(to))
                }
                @if let Some(at) = r.decided_at {
                    " · " (tr(locale, msg!("web-rfc-decided"), None)) " " (layout::time(at))
                }
            }
            @if let Some(reason) = &r.postpone_reason {
                p { (tr(locale, msg!("web-rfc-postponed"), None)) " " (reason) }
            }
            @if !r.revisions.is_empty() {
                h3 { (tr(locale, msg!("web-rfc-revisions"), None)) }
                ol {
                    @for v in &r.revisions {
                        li value=(v.number) {
                            (layout::time(v.at)) " · "
                            @match v.link.as_deref().filter(|l| layout::safe_link(l)) {
                                Some(link) => a href=(link) { (v.what_changed) },
                                None => (v.what_changed),
                            }
                        }
                    }
                }
            }
        }
    }
}
