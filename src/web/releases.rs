//! Releases with their steps, and the approved dependencies.

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};

use super::layout::{self, Nav};
use super::respond::{self, Failure};
use crate::app::App;
use crate::app::web::processes::{PublicDependency, PublicRelease};
use crate::app::web::view::Site;
use crate::governance::release::{Stage, Step};
use crate::i18n::{args, tr};
use crate::msg;
use crate::words::release::{stage_message, step_label};

/// `/<slug>/releases`.
pub async fn html(State(app): State<App>, Path(slug): Path<String>) -> Result<Response, Failure> {
    let site = respond::site(&app, &slug).await?;
    let releases = app.web_releases(site.guild_id).await?;
    Ok(respond::html(page(&site, &releases)))
}

/// `/api/<slug>/releases`.
pub async fn json(State(app): State<App>, Path(slug): Path<String>) -> Result<Response, Failure> {
    let site = respond::site(&app, &slug).await?;
    Ok(respond::json(&app.web_releases(site.guild_id).await?))
}

/// `/<slug>/dependencies`.
pub async fn dependencies_html(
    State(app): State<App>,
    Path(slug): Path<String>,
) -> Result<Response, Failure> {
    let site = respond::site(&app, &slug).await?;
    let deps = app.web_dependencies(site.guild_id).await?;
    Ok(respond::html(dependencies_page(&site, &deps)))
}

/// `/api/<slug>/dependencies`.
pub async fn dependencies_json(
    State(app): State<App>,
    Path(slug): Path<String>,
) -> Result<Response, Failure> {
    let site = respond::site(&app, &slug).await?;
    Ok(respond::json(&app.web_dependencies(site.guild_id).await?))
}

/// The stage, in words (a feedback window with its end as a date).
fn stage_words(locale: &str, r: &PublicRelease) -> String {
    let ends = r
        .feedback_ends_at
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default();
    // The bot's words name its commands in Discord's code marks; plain here.
    tr(
        locale,
        stage_message(r.stage),
        Some(&args([("ends", ends.into())])),
    )
    .replace('`', "")
}

/// The page.
pub fn page(site: &Site, releases: &[PublicRelease]) -> Markup {
    let locale = site.locale.as_str();
    let body = html! {
        @if releases.is_empty() {
            p.meta { (tr(locale, msg!("web-releases-empty"), None)) }
        }
        @for r in releases { (release(locale, r)) }
    };
    let title = tr(locale, msg!("web-releases-title"), None);
    layout::page(locale, &site.slug, Nav::Releases, &title, body)
}

fn release(locale: &str, r: &PublicRelease) -> Markup {
    let reached = r.stage.step().map(Step::number).unwrap_or(match r.stage {
        Stage::Announced => 8,
        _ => 0,
    });
    html! {
        section {
            h2 { (r.version) }
            p { strong { (stage_words(locale, r)) } }
            p.meta {
                (tr(locale, msg!("web-releases-proposed"), None)) " " (layout::time(r.created_at))
                @if let Some(day) = r.planned_on {
                    " · " (tr(locale, msg!("web-releases-planned"), None)) " "
                    time datetime=(day.format("%Y-%m-%d")) { (day.format("%Y-%m-%d")) }
                }
                @if let Some(at) = r.published_at {
                    " · " (tr(locale, msg!("web-releases-published"), None)) " "
                    @match r.published_link.as_deref().filter(|l| layout::safe_link(l)) {
                        Some(link) => a href=(link) { (layout::time(at)) },
                        None => (layout::time(at)),
                    }
                }
            }
            @if reached > 0 {
                ol {
                    @for step in Step::ALL {
                        li {
                            @if step.number() < reached { "✓ " (step_label(locale, step)) }
                            @else if step.number() == reached { strong { (step_label(locale, step)) } }
                            @else { span.meta { (step_label(locale, step)) } }
                        }
                    }
                }
            }
            details {
                summary { (tr(locale, msg!("web-releases-changelog"), None)) }
                pre style="white-space:pre-wrap" { (r.changelog) }
            }
            @if !r.steps.is_empty() {
                details {
                    summary { (tr(locale, msg!("web-releases-history"), None)) }
                    ul { @for s in &r.steps { li { (layout::time(s.at)) " · " (s.stage.replace('_', " ")) } } }
                }
            }
        }
    }
}

/// The approved dependencies.
pub fn dependencies_page(site: &Site, deps: &[PublicDependency]) -> Markup {
    let locale = site.locale.as_str();
    let body = html! {
        @if deps.is_empty() {
            p.meta { (tr(locale, msg!("web-deps-empty"), None)) }
        } @else {
            ul {
                @for d in deps {
                    li {
                        strong { (d.name) }
                        @if let Some(v) = &d.version { " " (v) }
                        @if let Some(e) = &d.ecosystem { " · " (e) }
                        @if let Some(at) = d.approved_at {
                            " · " span.meta { (tr(locale, msg!("web-deps-approved"), None)) " " (layout::time(at)) }
                        }
                        @if let Some(need) = &d.need { br; span.meta { (need) } }
                    }
                }
            }
        }
    };
    let title = tr(locale, msg!("web-deps-title"), None);
    layout::page(locale, &site.slug, Nav::Dependencies, &title, body)
}
