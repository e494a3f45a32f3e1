//! The texts that tell a proposal's steps (in its thread, the announcement channel, the TSC's
//! channel) and the TSC ballot's title and description.

use fluent_bundle::FluentValue;

use super::render::{feedback_counts, heading, label, place};
use crate::app::rfc::view::RfcView;
use crate::discord::text::plain;
use crate::governance::amendment::Applied;
use crate::governance::rfc::{Kind, Place};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::rfc_history::Event;

/// The announcement of a new proposal.
pub fn announced_text(view: &RfcView, locale: &str) -> String {
    let r = &view.rfc;
    let id = match r.kind {
        Kind::Rfc => msg!("rfc-announced"),
        Kind::Amendment => msg!("amendment-announced"),
    };
    tr(
        locale,
        id,
        Some(&args([
            ("heading", plain(&heading(r, locale)).into()),
            ("author", format!("<@{}>", r.author_id).into()),
            ("place", place(r).into()),
            ("link", r.link.as_str().into()),
            (
                "ends",
                r.discussion_ends_at
                    .map(|t| format!("<t:{}:F>", t.timestamp()))
                    .unwrap_or_default()
                    .into(),
            ),
        ])),
    )
}

fn text_of(details: &serde_json::Value, key: &str) -> String {
    details[key].as_str().map(plain).unwrap_or_default()
}

/// The before/after lines of an applied amendment, or why it could not be applied.
fn policy_lines(details: &serde_json::Value, locale: &str) -> Option<String> {
    let policy = &details["policy"];
    if let Some(refused) = policy.get("refused") {
        let id = refused["id"].as_str().unwrap_or("generic-error");
        let reason_args = refused["args"]
            .as_object()
            .map(|map| {
                map.iter()
                    .map(|(k, v)| {
                        let value = match v {
                            serde_json::Value::Number(n) => {
                                FluentValue::from(n.as_i64().unwrap_or(0))
                            }
                            other => FluentValue::from(other.as_str().unwrap_or("").to_owned()),
                        };
                        (k.as_str(), value)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let reason = tr(locale, id, Some(&args(reason_args)));
        return Some(tr(
            locale,
            msg!("amendment-not-applied"),
            Some(&args([("reason", reason.into())])),
        ));
    }
    let applied: Vec<Applied> = serde_json::from_value(policy["applied"].clone()).ok()?;
    if applied.is_empty() {
        return None;
    }
    let mut lines = vec![tr(locale, msg!("amendment-applied"), None)];
    lines.extend(
        applied
            .iter()
            .map(|a| format!("`{}`: `{}` → `{}`", a.key.name(), a.before, a.after)),
    );
    Some(lines.join("\n"))
}

/// One step told in one place.
pub fn step_text(view: &RfcView, event: &Event, place_of: Place, locale: &str) -> String {
    let r = &view.rfc;
    let d = &event.details;
    let ballot = d["ballot"].as_i64().unwrap_or(0);
    let actor = event
        .actor_id
        .map(|a| format!("<@{a}>"))
        .unwrap_or_default();
    let id = match (event.step.as_str(), place_of) {
        ("revised", _) => msg!("rfc-step-revised"),
        ("awaiting_decision", Place::Tsc) => msg!("rfc-step-ready-tsc"),
        ("awaiting_decision", _) => msg!("rfc-step-ready"),
        ("voting", _) => msg!("rfc-step-voting"),
        ("accepted", _) => msg!("rfc-step-accepted"),
        ("declined", _) => msg!("rfc-step-declined"),
        ("no_decision", _) => msg!("rfc-step-no-decision"),
        ("withdrawn", _) => msg!("rfc-step-withdrawn"),
        ("postponed", _) => msg!("rfc-step-postponed"),
        _ => msg!("rfc-step-other"),
    };
    let command = match r.kind {
        Kind::Rfc => "rfc",
        Kind::Amendment => "amend",
    };
    let mut text = tr(
        locale,
        id,
        Some(&args([
            ("heading", plain(&heading(r, locale)).into()),
            ("label", label(r, locale).into()),
            ("number", r.number.unwrap_or(0).into()),
            ("command", command.into()),
            ("actor", actor.into()),
            ("ballot", ballot.into()),
            ("outcome", text_of(d, "outcome").into()),
            ("revision", d["revision"].as_i64().unwrap_or(0).into()),
            ("what", text_of(d, "what_changed").into()),
            ("reason", text_of(d, "reason").into()),
            ("place", place(r).into()),
            ("link", r.link.as_str().into()),
        ])),
    );
    if let Some(link) = d["link"].as_str() {
        text.push_str(&format!("\n<{link}>"));
    }
    if event.step == "accepted" {
        if let Some(lines) = policy_lines(d, locale) {
            text.push('\n');
            text.push_str(&lines);
        }
        if r.kind == Kind::Amendment {
            text.push('\n');
            text.push_str(&tr(
                locale,
                msg!("amendment-text-change"),
                Some(&args([("link", r.link.as_str().into())])),
            ));
        }
    }
    text
}

/// The TSC ballot on a proposal: its title, and a description listing the document's five
/// criteria, the revisions and the community feedback.
pub fn ballot_texts(
    view: &RfcView,
    policy: &crate::governance::policy::Policy,
    locale: &str,
) -> (String, String) {
    let r = &view.rfc;
    let title =
        crate::discord::text::truncate(&heading(r, locale), crate::governance::ballot::TITLE_MAX);
    let mut lines = vec![
        tr(
            locale,
            msg!("rfc-ballot-intro"),
            Some(&args([
                ("author", format!("<@{}>", r.author_id).into()),
                ("link", r.link.as_str().into()),
                ("place", place(r).into()),
            ])),
        ),
        tr(locale, msg!("rfc-ballot-criteria"), None),
        tr(
            locale,
            msg!("rfc-ballot-feedback"),
            Some(&args([(
                "counts",
                feedback_counts(locale, &view.count).into(),
            )])),
        ),
    ];
    if !view.changes.changes.is_empty() {
        lines.push(tr(locale, msg!("rfc-field-changes"), None));
        lines.push(super::render::changes_text(&view.changes.changes, policy));
    }
    lines.push(tr(
        locale,
        msg!("rfc-ballot-revisions"),
        Some(&args([("count", view.revisions.len().into())])),
    ));
    for v in &view.revisions {
        lines.push(format!(
            "{}. {}",
            v.number,
            crate::discord::text::truncate(&plain(&v.what_changed), 200)
        ));
    }
    let description = crate::discord::text::truncate(
        &lines.join("\n"),
        crate::governance::ballot::DESCRIPTION_MAX,
    );
    (title, description)
}
