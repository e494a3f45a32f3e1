//! Leadership: the document's "Current Project Leadership" as it is now: the TSC, maintainers
//! with their area of focus, the security response team, emeritus.

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};

use super::layout::{self, Nav};
use super::respond::{self, Failure};
use crate::app::App;
use crate::app::web::view::{Leadership, Person};
use crate::i18n::tr;
use crate::msg;

/// `/<slug>/leadership` (and the page's home).
pub async fn html(State(app): State<App>, Path(slug): Path<String>) -> Result<Response, Failure> {
    let site = respond::site(&app, &slug).await?;
    let leadership = app.web_leadership(site.guild_id).await?;
    Ok(respond::html(page(&site.locale, &site.slug, &leadership)))
}

/// `/api/<slug>/leadership`.
pub async fn json(State(app): State<App>, Path(slug): Path<String>) -> Result<Response, Failure> {
    let site = respond::site(&app, &slug).await?;
    Ok(respond::json(&app.web_leadership(site.guild_id).await?))
}

/// The page.
pub fn page(locale: &str, slug: &str, leadership: &Leadership) -> Markup {
    let sections = [
        (msg!("web-leadership-tsc"), &leadership.tsc),
        (msg!("web-leadership-maintainers"), &leadership.maintainers),
        (msg!("web-leadership-security"), &leadership.security_team),
        (msg!("web-leadership-emeritus"), &leadership.emeritus),
    ];
    let body = html! {
        @for (id, people) in sections {
            section {
                h2 { (tr(locale, id, None)) }
                @if people.is_empty() {
                    p.meta { (tr(locale, msg!("web-leadership-empty"), None)) }
                } @else {
                    ul { @for person in people.iter() { (person_item(locale, person)) } }
                }
            }
        }
    };
    let title = tr(locale, msg!("web-leadership-title"), None);
    layout::page(locale, slug, Nav::Leadership, &title, body)
}

fn person_item(locale: &str, person: &Person) -> Markup {
    html! {
        li {
            (person.name)
            @if let Some(area) = &person.area { " — " em { (area) } }
            " " span.meta { (tr(locale, msg!("web-since"), None)) " " (layout::time(person.since)) }
        }
    }
}
