//! Working groups: the document's "Current Working Groups", each with its charter, its chair
//! and how it reports (the reports themselves go to the TSC's private channel).

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};

use super::layout::{self, Nav};
use super::respond::{self, Failure};
use crate::app::App;
use crate::app::web::processes::PublicGroup;
use crate::app::web::view::Site;
use crate::i18n::{args, tr};
use crate::msg;
use crate::words::working_group::{charter_fields, status_text};

/// `/<slug>/working-groups`.
pub async fn html(State(app): State<App>, Path(slug): Path<String>) -> Result<Response, Failure> {
    let site = respond::site(&app, &slug).await?;
    let groups = app.web_working_groups(site.guild_id).await?;
    Ok(respond::html(page(&site, &groups)))
}

/// `/api/<slug>/working-groups`.
pub async fn json(State(app): State<App>, Path(slug): Path<String>) -> Result<Response, Failure> {
    let site = respond::site(&app, &slug).await?;
    Ok(respond::json(&app.web_working_groups(site.guild_id).await?))
}

/// The page.
pub fn page(site: &Site, groups: &[PublicGroup]) -> Markup {
    let locale = site.locale.as_str();
    let body = html! {
        @if groups.is_empty() {
            p.meta { (tr(locale, msg!("web-wg-empty"), None)) }
        }
        @for g in groups { (group(locale, g)) }
    };
    let title = tr(locale, msg!("web-wg-title"), None);
    layout::page(locale, &site.slug, Nav::WorkingGroups, &title, body)
}

fn group(locale: &str, g: &PublicGroup) -> Markup {
    let reports = tr(
        locale,
        msg!("web-wg-reports"),
        Some(&args([("count", g.reports.into())])),
    );
    html! {
        section {
            h2 { (g.name) }
            p { em { (g.focus) } " · " (status_text(locale, g.status)) }
            p.meta {
                @if let Some(chair) = &g.chair {
                    (tr(locale, msg!("web-wg-chair"), None)) " " (chair) " · "
                }
                (tr(locale, msg!("web-wg-members"), Some(&args([("count", (g.members as i64).into())]))))
                @if let Some(at) = g.activated_at {
                    " · " (tr(locale, msg!("web-since"), None)) " " (layout::time(at))
                }
                @if let Some(at) = g.ends_at {
                    " · " (tr(locale, msg!("web-wg-ends"), None)) " " (layout::time(at))
                }
                @if let Some(at) = g.closed_at {
                    " · " (status_text(locale, crate::governance::working_group::Status::Closed)) " " (layout::time(at))
                }
                br;
                (reports)
                @if let Some(at) = g.last_report_at {
                    " · " (tr(locale, msg!("web-wg-last-report"), None)) " " (layout::time(at))
                }
            }
            @if let Some(charter) = &g.charter {
                dl {
                    @for (label, text) in charter_fields(charter, locale) {
                        dt { strong { (label) } }
                        dd { (text) }
                    }
                }
            }
        }
    }
}
