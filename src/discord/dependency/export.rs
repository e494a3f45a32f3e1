//! The approved list as files for the repository: a Markdown table and JSON.

use serde_json::{Value, json};

use crate::i18n::tr;
use crate::msg;
use crate::store::dependency::Dependency;

/// A table cell: one line, and no `|` that would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn date(d: &Dependency) -> String {
    d.decided_at
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The Markdown table, headed in the guild's language.
pub fn markdown(approved: &[Dependency], locale: &str) -> String {
    let header = [
        msg!("dependency-export-name"),
        msg!("dependency-export-version"),
        msg!("dependency-export-ecosystem"),
        msg!("dependency-export-approved"),
        msg!("dependency-export-need"),
    ]
    .map(|id| tr(locale, id, None));
    let mut out = format!(
        "# {}\n\n| {} |\n|{}\n",
        tr(locale, msg!("dependency-export-title"), None),
        header.join(" | "),
        " --- |".repeat(header.len())
    );
    for d in approved {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(&d.name),
            cell(d.version.as_deref().unwrap_or("")),
            cell(d.ecosystem.as_deref().unwrap_or("")),
            date(d),
            cell(d.need.as_deref().unwrap_or("")),
        ));
    }
    out
}

/// The JSON: stable English keys, one object per approved dependency.
pub fn json(approved: &[Dependency]) -> Value {
    Value::Array(
        approved
            .iter()
            .map(|d| {
                json!({
                    "name": d.name,
                    "version": d.version,
                    "ecosystem": d.ecosystem,
                    "approved_on": date(d),
                    "need": d.need,
                    "alternatives": d.alternatives,
                    "security_review": { "by": d.security.by.map(|m| m.to_string()), "note": d.security.note },
                    "license_review": { "by": d.license.by.map(|m| m.to_string()), "note": d.license.note },
                    "approved_by": d.decided_by.map(|m| m.to_string()),
                })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        let table = markdown(&[], "en-US");
        assert!(table.contains("| --- |"), "{table}");
        assert_eq!(json(&[]), json!([]));
    }
}
