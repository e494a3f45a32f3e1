//! The decision log as a file: Markdown for a GOVERNANCE-LOG.md (in a member's language), CSV
//! and JSON for tools (stable keys, never translated). Each export holds only what the caller
//! was allowed to read (`App::decisions`), and a secret ballot only its totals.

use serde_json::json;

use super::render::summary;
use crate::i18n::tr;
use crate::msg;
use crate::store::decision_log::Decision;
use crate::words::decision::{kind_text, outcome_word};

/// The formats `/decisions export` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Csv,
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Self::Markdown, Self::Csv, Self::Json];

    pub fn key(self) -> &'static str {
        match self {
            Self::Markdown => "markdown",
            Self::Csv => "csv",
            Self::Json => "json",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key.trim())
    }

    /// The attachment's file name.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Markdown => "GOVERNANCE-LOG.md",
            Self::Csv => "decisions.csv",
            Self::Json => "decisions.json",
        }
    }
}

/// The file's content.
pub fn export(decisions: &[Decision], format: Format, locale: &str) -> String {
    match format {
        Format::Markdown => markdown(decisions, locale),
        Format::Csv => csv(decisions),
        Format::Json => json(decisions),
    }
}

/// A Markdown table cell: no line breaks, no pipes that would end the cell.
fn cell(text: &str) -> String {
    text.replace(['\n', '\r'], " ").replace('|', "\\|")
}

/// The log as a GOVERNANCE-LOG.md: a heading, a sentence on what it holds, and a table.
pub fn markdown(decisions: &[Decision], locale: &str) -> String {
    let mut out = format!(
        "# {}\n\n{}\n\n",
        tr(locale, msg!("decision-export-heading"), None),
        tr(locale, msg!("decision-export-intro"), None)
    );
    out.push_str(&format!(
        "| {} | {} | {} | {} | {} |\n| --- | --- | --- | --- | --- |\n",
        tr(locale, msg!("decision-column-date"), None),
        tr(locale, msg!("decision-column-kind"), None),
        tr(locale, msg!("decision-column-decision"), None),
        tr(locale, msg!("decision-column-outcome"), None),
        tr(locale, msg!("decision-column-link"), None),
    ));
    for d in decisions {
        let link = d
            .link
            .as_deref()
            .map(|l| format!("<{}>", cell(l)))
            .unwrap_or_default();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            d.decided_at.format("%Y-%m-%d %H:%M"),
            cell(&kind_text(locale, d.kind)),
            cell(&summary(d, locale)),
            cell(&outcome_word(locale, &d.outcome)),
            link,
        ));
    }
    if decisions.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            tr(locale, msg!("decision-list-empty"), None)
        ));
    }
    out
}

/// One CSV field, quoted as RFC 4180 asks when it must be.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The log as CSV: one row per decision, details as compact JSON.
pub fn csv(decisions: &[Decision]) -> String {
    let mut out = String::from(
        "id,decided_at,kind,subject,title,outcome,link,decided_by,private,details\r\n",
    );
    for d in decisions {
        let row = [
            d.id.to_string(),
            d.decided_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            d.kind.key().to_owned(),
            d.subject_ref.clone(),
            d.title.clone(),
            d.outcome.clone(),
            d.link.clone().unwrap_or_default(),
            d.decided_by.map(|m| m.to_string()).unwrap_or_default(),
            d.private.to_string(),
            d.details.to_string(),
        ];
        let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The log as JSON: a list of decisions, member ids as strings (they exceed 2^53).
pub fn json(decisions: &[Decision]) -> String {
    let list: Vec<serde_json::Value> = decisions
        .iter()
        .map(|d| {
            json!({
                "id": d.id,
                "decided_at": d.decided_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "kind": d.kind.key(),
                "subject": d.subject_ref,
                "title": d.title,
                "outcome": d.outcome,
                "link": d.link,
                "decided_by": d.decided_by.map(|m| m.to_string()),
                "private": d.private,
                "details": d.details,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}
