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
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::governance::dependency::{Kind, Stage, Verdict};
    use crate::store::dependency::ReviewRecord;

    fn serde() -> Dependency {
        let review = |by: u64, note: &str| ReviewRecord {
            verdict: Verdict::Passed,
            by: Some(by),
            note: Some(note.into()),
        };
        Dependency {
            id: 1,
            guild_id: 2,
            kind: Kind::Addition,
            name: "serde".into(),
            version: Some("1.0".into()),
            ecosystem: Some("cargo".into()),
            need: Some("Config | files\nand more".into()),
            alternatives: Some("miniserde".into()),
            reason: None,
            target_id: None,
            proposer_id: 3,
            stage: Stage::Approved,
            security: review(4, "No advisories"),
            license: review(5, "MIT"),
            decided_by: Some(6),
            decision_note: Some("ok".into()),
            decided_at: Some(Utc.with_ymd_and_hms(2026, 3, 5, 10, 0, 0).unwrap()),
            removed_at: None,
            channel_id: 7,
            card_message_id: None,
            created_at: Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap(),
        }
    }

    #[test]
    fn the_approved_list_as_a_table_and_as_json() {
        let table = markdown(&[serde()], "en-US");
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[0], "# Approved third-party dependencies");
        assert_eq!(lines[2], "| Name | Version | Ecosystem | Approved | Need |");
        assert_eq!(
            lines[4],
            "| serde | 1.0 | cargo | 2026-03-05 | Config \\| files and more |"
        );
        assert_eq!(lines.len(), 5, "one row per dependency: {table}");
        let json = json(&[serde()]);
        assert_eq!(json[0]["name"], "serde");
        assert_eq!(json[0]["approved_on"], "2026-03-05");
        assert_eq!(json[0]["security_review"]["by"], "4");
        assert_eq!(json[0]["approved_by"], "6");
    }

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        let table = markdown(&[], "en-US");
        assert!(table.contains("| --- |"), "{table}");
        assert_eq!(json(&[]), json!([]));
    }
}
