//! The page shell every page shares: the language, a small inline style that reads well on a
//! phone, the navigation, and `<time>` elements. Maud escapes every value it inserts.

use chrono::{DateTime, Utc};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::i18n::tr;
use crate::msg;

/// Small, readable on a phone, no external resources.
const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;\
padding:0 1rem;color:#1d1d1f;background:#fff}nav a,nav strong{margin-right:1rem}h1{font-size:1.5rem}\
h2{font-size:1.2rem;margin-top:2rem}ul{padding-left:1.2rem}li{margin:.3rem 0}\
.meta{color:#555;font-size:.9rem}form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}\
table{border-collapse:collapse}td,th{padding:.2rem .6rem .2rem 0;text-align:left}\
@media(prefers-color-scheme:dark){body{background:#111;color:#eee}.meta{color:#aaa}a{color:#8ab4f8}}";

/// Which page is shown (for the navigation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Leadership,
    WorkingGroups,
    Decisions,
    Rfcs,
    Releases,
    Dependencies,
}

/// A whole page of the server published under `slug`.
pub fn page(locale: &str, slug: &str, current: Nav, title: &str, body: Markup) -> Markup {
    let links = [
        (Nav::Leadership, "leadership", msg!("web-nav-leadership")),
        (
            Nav::WorkingGroups,
            "working-groups",
            msg!("web-nav-working-groups"),
        ),
        (Nav::Decisions, "decisions", msg!("web-nav-decisions")),
        (Nav::Rfcs, "rfcs", msg!("web-nav-rfcs")),
        (Nav::Releases, "releases", msg!("web-nav-releases")),
        (
            Nav::Dependencies,
            "dependencies",
            msg!("web-nav-dependencies"),
        ),
    ];
    html! {
        (DOCTYPE)
        html lang=(locale) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) }
                @if current == Nav::Decisions {
                    link rel="alternate" type="application/atom+xml"
                        href={ "/" (slug) "/decisions.atom" };
                }
            }
            body {
                nav {
                    @for (nav, path, id) in links {
                        @if nav == current {
                            strong { (tr(locale, id, None)) }
                        } @else {
                            a href={ "/" (slug) "/" (path) } { (tr(locale, id, None)) }
                        }
                        " "
                    }
                }
                main {
                    h1 { (title) }
                    (body)
                }
                footer.meta { p { (tr(locale, msg!("web-footer"), None)) } }
            }
        }
    }
}

/// An error page (unknown server, a bad filter).
pub fn error_page(locale: &str, text: &str) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(locale) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (text) }
                style { (PreEscaped(STYLE)) }
            }
            body { main { h1 { (text) } } }
        }
    }
}

/// A moment, machine-readable and shown as its UTC date.
pub fn time(at: DateTime<Utc>) -> Markup {
    html! {
        time datetime=(at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)) {
            (at.format("%Y-%m-%d"))
        }
    }
}

/// Only web links become links: never `javascript:` or other schemes from member text.
pub fn safe_link(link: &str) -> bool {
    link.starts_with("https://") || link.starts_with("http://")
}
