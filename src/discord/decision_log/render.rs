//! How a decision of the log reads: its kind and a one-line summary, in a member's language,
//! shared by `/decisions list` and the Markdown export. Secret ballots were recorded with
//! their totals only, so nothing here can show more.

use crate::discord::text::plain;
use crate::governance::decision::DecisionKind;
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::decision_log::Decision;
use crate::words::decision::{kind_text, outcome_word};

fn number(details: &serde_json::Value, key: &str) -> i64 {
    details[key].as_i64().unwrap_or(0)
}

/// What was decided, in a line (plain text: member text cannot format or break it).
pub fn summary(d: &Decision, locale: &str) -> String {
    let title = plain(&d.title);
    let outcome = outcome_word(locale, &d.outcome);
    let text = |id: &'static str, extra: Vec<(&'static str, fluent_bundle::FluentValue<'_>)>| {
        let mut all = vec![
            ("title", title.as_str().into()),
            ("outcome", outcome.as_str().into()),
            ("subject", d.subject_ref.as_str().into()),
        ];
        all.extend(extra);
        tr(locale, id, Some(&args(all)))
    };
    match d.kind {
        DecisionKind::Ballot => text(
            msg!("decision-summary-ballot"),
            vec![
                (
                    "id",
                    d.subject_ref
                        .trim_start_matches("ballot:")
                        .to_owned()
                        .into(),
                ),
                ("yes", number(&d.details, "yes").into()),
                ("abstain", number(&d.details, "abstain").into()),
                ("no", number(&d.details, "no").into()),
                ("electorate", number(&d.details, "electorate").into()),
            ],
        ),
        DecisionKind::Policy => text(
            msg!("decision-summary-policy"),
            vec![
                (
                    "setting",
                    plain(d.details["setting"].as_str().unwrap_or(&d.title)).into(),
                ),
                (
                    "before",
                    plain(d.details["before"].as_str().unwrap_or("")).into(),
                ),
                (
                    "after",
                    plain(d.details["after"].as_str().unwrap_or("")).into(),
                ),
            ],
        ),
        DecisionKind::Setup => text(msg!("decision-summary-setup"), vec![]),
        DecisionKind::Rfc | DecisionKind::Amendment => text(
            msg!("decision-summary-rfc"),
            vec![
                ("kind", kind_text(locale, d.kind).into()),
                ("number", number(&d.details, "number").into()),
            ],
        ),
        _ => text(msg!("decision-summary-other"), vec![]),
    }
}
