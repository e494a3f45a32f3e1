//! Decisions: the public decision log, newest first, filterable by kind and year; each entry
//! links to its RFC or pull request; ballots show their totals (a secret ballot's too, which
//! are all it ever recorded). Private entries never reach here. Also as JSON and Atom.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

use super::layout::{self, Nav};
use super::respond::{self, Failure};
use crate::app::App;
use crate::app::web::view::{DecisionQuery, PublicDecision, Site, Tally};
use crate::governance::decision::DecisionKind;
use crate::i18n::{args, tr};
use crate::msg;
use crate::words::decision::{kind_text, outcome_word};

/// The feed's length: the latest decisions.
const FEED_ENTRIES: usize = 50;

/// The filter as typed in the address (`?kind=rfc&year=2026`); empty means all.
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    kind: Option<String>,
    year: Option<String>,
}

impl Params {
    fn parse(&self) -> Option<DecisionQuery> {
        let kind = match self.kind.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(k) => Some(DecisionKind::from_key(k)?),
        };
        let year = match self.year.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(y) => Some(
                y.parse::<i32>()
                    .ok()
                    .filter(|y| (1970..=9999).contains(y))?,
            ),
        };
        Some(DecisionQuery { kind, year })
    }
}

async fn load(
    app: &App,
    slug: &str,
    params: &Params,
) -> Result<(Site, DecisionQuery, Vec<PublicDecision>), Failure> {
    let site = respond::site(app, slug).await?;
    let query = params
        .parse()
        .ok_or_else(|| Failure::BadRequest(site.locale.clone()))?;
    let decisions = app.web_decisions(site.guild_id, query).await?;
    Ok((site, query, decisions))
}

/// `/<slug>/decisions`.
pub async fn html(
    State(app): State<App>,
    Path(slug): Path<String>,
    Query(params): Query<Params>,
) -> Result<Response, Failure> {
    let (site, query, decisions) = load(&app, &slug, &params).await?;
    let years = app.web_decision_years(site.guild_id).await?;
    Ok(respond::html(page(&site, query, &years, &decisions)))
}

/// `/api/<slug>/decisions`.
pub async fn json(
    State(app): State<App>,
    Path(slug): Path<String>,
    Query(params): Query<Params>,
) -> Result<Response, Failure> {
    let (_, _, decisions) = load(&app, &slug, &params).await?;
    Ok(respond::json(&decisions))
}

/// `/<slug>/decisions.atom`: the latest decisions as an Atom feed.
pub async fn atom(State(app): State<App>, Path(slug): Path<String>) -> Result<Response, Failure> {
    let (site, _, decisions) = load(&app, &slug, &Params::default()).await?;
    let body = feed(&site, &decisions[..decisions.len().min(FEED_ENTRIES)]);
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response())
}

/// The page.
pub fn page(
    site: &Site,
    query: DecisionQuery,
    years: &[i32],
    decisions: &[PublicDecision],
) -> Markup {
    let locale = site.locale.as_str();
    let all = tr(locale, msg!("web-decisions-all"), None);
    let mut words = Words::default();
    let body = html! {
        form method="get" {
            label {
                (tr(locale, msg!("web-decisions-kind"), None)) " "
                select name="kind" {
                    option value="" { (all) }
                    @for kind in DecisionKind::ALL {
                        option value=(kind.key()) selected[query.kind == Some(kind)] {
                            (kind_text(locale, kind))
                        }
                    }
                }
            }
            label {
                (tr(locale, msg!("web-decisions-year"), None)) " "
                select name="year" {
                    option value="" { (all) }
                    @for year in years {
                        option value=(year) selected[query.year == Some(*year)] { (year) }
                    }
                }
            }
            button type="submit" { (tr(locale, msg!("web-decisions-apply"), None)) }
        }
        @if decisions.is_empty() {
            p.meta { (tr(locale, msg!("web-decisions-empty"), None)) }
        } @else {
            ul { @for d in decisions { (entry(locale, &mut words, d)) } }
        }
        p.meta { a href={ "/" (site.slug) "/decisions.atom" } { (tr(locale, msg!("web-decisions-feed"), None)) } }
    };
    let title = tr(locale, msg!("web-decisions-title"), None);
    layout::page(locale, &site.slug, Nav::Decisions, &title, body)
}

/// The words a long log repeats, looked up once per page.
#[derive(Default)]
struct Words {
    kinds: HashMap<DecisionKind, String>,
    outcomes: HashMap<String, String>,
}

impl Words {
    fn kind(&mut self, locale: &str, kind: DecisionKind) -> &str {
        self.kinds
            .entry(kind)
            .or_insert_with(|| kind_text(locale, kind))
    }

    fn outcome(&mut self, locale: &str, outcome: &str) -> String {
        if let Some(word) = self.outcomes.get(outcome) {
            return word.clone();
        }
        let word = outcome_word(locale, outcome);
        self.outcomes.insert(outcome.to_owned(), word.clone());
        word
    }
}

fn entry(locale: &str, words: &mut Words, d: &PublicDecision) -> Markup {
    let kind = words.kind(locale, d.kind).to_owned();
    let outcome = words.outcome(locale, &d.outcome);
    html! {
        li id={ "d-" (d.id) } {
            (layout::time(d.decided_at)) " · " (kind) ": "
            @if let Some(link) = d.link.as_deref().filter(|l| layout::safe_link(l)) {
                a href=(link) { (d.title) }
            } @else {
                strong { (d.title) }
            }
            " — " (outcome)
            @if let Some(tally) = &d.tally { br; span.meta { (tally_text(locale, tally)) } }
        }
    }
}

fn tally_text(locale: &str, t: &Tally) -> String {
    let id = if t.secret {
        msg!("web-decisions-tally-secret")
    } else {
        msg!("web-decisions-tally")
    };
    tr(
        locale,
        id,
        Some(&args([
            ("yes", t.yes.into()),
            ("no", t.no.into()),
            ("abstain", t.abstain.into()),
            ("electorate", t.electorate.into()),
        ])),
    )
}

/// The Atom document (XML; maud's escaping is XML's).
pub fn feed(site: &Site, decisions: &[PublicDecision]) -> String {
    let locale = site.locale.as_str();
    let updated = decisions
        .first()
        .map(|d| d.decided_at)
        .unwrap_or(chrono::DateTime::UNIX_EPOCH);
    let stamp =
        |at: chrono::DateTime<chrono::Utc>| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let title = tr(locale, msg!("web-decisions-title"), None);
    let markup = html! {
        (PreEscaped("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"))
        feed xmlns="http://www.w3.org/2005/Atom" xml:lang=(locale) {
            title { (title) " · " (site.slug) }
            id { "tag:steward," (site.slug) ":decisions" }
            link rel="alternate" href={ "/" (site.slug) "/decisions" } {}
            updated { (stamp(updated)) }
            @for d in decisions {
                entry {
                    title { (kind_text(locale, d.kind)) ": " (d.title) " — " (outcome_word(locale, &d.outcome)) }
                    id { "tag:steward," (site.slug) ":decision:" (d.id) }
                    updated { (stamp(d.decided_at)) }
                    author { name { "Steward" } }
                    @if let Some(link) = d.link.as_deref().filter(|l| layout::safe_link(l)) {
                        link rel="related" href=(link) {}
                    }
                    link rel="alternate" href={ "/" (site.slug) "/decisions#d-" (d.id) } {}
                    @if let Some(tally) = &d.tally { summary { (tally_text(locale, tally)) } }
                }
            }
        }
    };
    markup.into_string()
}
