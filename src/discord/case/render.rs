//! What members read of a case besides its card (`card.rs`): its name, the notes posted in its
//! thread, the DMs to a reporter, a member's own cases. Only a case's readers are ever written
//! as mentions in its thread; anyone else is written by name, since a mention in a private
//! thread may add the member to it.

use crate::app::case::notes::{CaseNote, ReporterNote};
use crate::app::case::view::CaseView;
use crate::discord::text::escape_markdown;
use crate::governance::case::conduct::{Response, Step as ConductStep};
use crate::governance::case::conflict::{self, Step as ConflictStep};
use crate::governance::case::security::Step as SecurityStep;
use crate::governance::case::{CaseStep, Kind};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::case::Case;

pub(super) fn date(t: chrono::DateTime<chrono::Utc>) -> String {
    format!("<t:{}:f>", t.timestamp())
}

/// A member as the case's thread may name them.
pub fn member(view: &CaseView, id: u64) -> String {
    if view.readers.contains(&id) {
        format!("<@{id}>")
    } else {
        view.name_of(id)
            .map_or_else(|| format!("`{id}`"), escape_markdown)
    }
}

/// The case's kind and number, as its thread is named and notes refer to it.
pub fn case_name(case: &Case, locale: &str) -> String {
    let id = match case.kind {
        Kind::Conflict => msg!("case-name-conflict"),
        Kind::Conduct => msg!("case-name-conduct"),
        Kind::Security => msg!("case-name-security"),
    };
    tr(locale, id, Some(&args([("id", case.id.into())])))
}

pub(super) fn text_or_erased(text: Option<&str>, locale: &str) -> String {
    text.map_or_else(|| tr(locale, msg!("case-text-erased"), None), str::to_owned)
}

pub fn response_text(locale: &str, response: Response) -> String {
    match response {
        Response::NoAction => tr(locale, msg!("case-response-no-action"), None),
        Response::Warning => tr(locale, msg!("case-response-warning"), None),
        Response::Timeout { minutes } => tr(
            locale,
            msg!("case-response-timeout"),
            Some(&args([("minutes", minutes.into())])),
        ),
        Response::Ban => tr(locale, msg!("case-response-ban"), None),
    }
}

/// A note in the case's thread, and whom it pings (always readers of the case).
pub fn note_text(view: &CaseView, note: CaseNote, locale: &str) -> (String, Vec<u64>) {
    let c = &view.case;
    let parties: Vec<u64> = [Some(c.opened_by), c.subject_id]
        .into_iter()
        .flatten()
        .filter(|m| view.readers.contains(m))
        .collect();
    let others = |excluded: &[u64]| -> Vec<u64> {
        view.readers
            .iter()
            .copied()
            .filter(|m| !excluded.contains(m))
            .collect()
    };
    let mentions = |members: &[u64]| -> String {
        members
            .iter()
            .map(|m| format!("<@{m}>"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let one = |id: &'static str, name: &'static str, who: u64| {
        tr(locale, id, Some(&args([(name, member(view, who).into())])))
    };
    match note {
        CaseNote::EscalationAsked { by, other } => (
            tr(
                locale,
                msg!("case-note-escalation-asked"),
                Some(&args([
                    ("member", member(view, by).into()),
                    ("other", member(view, other).into()),
                ])),
            ),
            vec![other],
        ),
        CaseNote::MediationRequested => {
            let until = match c.step {
                CaseStep::Conflict(ConflictStep::Mediation { since, .. }) => {
                    conflict::period_end(since, &view.config.policy)
                }
                _ => c.opened_at,
            };
            (
                tr(
                    locale,
                    msg!("case-note-mediation-requested"),
                    Some(&args([("until", date(until).into())])),
                ),
                Vec::new(),
            )
        }
        // The parties are pinged: the note says who they now talk with, and what was decided.
        CaseNote::MediatorJoined { mediator } => (
            tr(
                locale,
                msg!("case-note-mediator-joined"),
                Some(&args([
                    ("mentions", mentions(&parties).into()),
                    ("mediator", member(view, mediator).into()),
                ])),
            ),
            parties,
        ),
        CaseNote::WithTsc => {
            let tsc = others(&[
                c.opened_by,
                c.subject_id.unwrap_or(c.opened_by),
                c.mediator_id.unwrap_or(c.opened_by),
            ]);
            (
                tr(
                    locale,
                    msg!("case-note-with-tsc"),
                    Some(&args([("mentions", mentions(&tsc).into())])),
                ),
                tsc,
            )
        }
        CaseNote::Decided => (
            tr(
                locale,
                msg!("case-note-decided"),
                Some(&args([
                    ("mentions", mentions(&parties).into()),
                    (
                        "decision",
                        text_or_erased(c.decision.as_deref(), locale).into(),
                    ),
                ])),
            ),
            parties,
        ),
        CaseNote::DecisionRejected => (
            tr(locale, msg!("case-note-decision-rejected"), None),
            vec![],
        ),
        CaseNote::ResolvedByParty { by } => (one(msg!("case-note-resolved"), "member", by), vec![]),
        CaseNote::Responded { by } => {
            let response = match c.step {
                CaseStep::Conduct(ConductStep::Responded { response, .. }) => {
                    response_text(locale, response)
                }
                _ => String::new(),
            };
            (
                tr(
                    locale,
                    msg!("case-note-responded"),
                    Some(&args([
                        ("member", member(view, by).into()),
                        ("response", response.into()),
                    ])),
                ),
                vec![],
            )
        }
        CaseNote::Acknowledged { by } => {
            (one(msg!("case-note-acknowledged"), "member", by), vec![])
        }
        CaseNote::SecurityResolved { by } => (
            one(msg!("case-note-security-resolved"), "member", by),
            vec![],
        ),
        CaseNote::AckReminder => {
            let team = view.readers.clone();
            (
                tr(
                    locale,
                    msg!("case-note-ack-reminder"),
                    Some(&args([
                        ("mentions", mentions(&team).into()),
                        ("hours", view.config.policy.security_ack_hours.into()),
                    ])),
                ),
                team,
            )
        }
        CaseNote::ReporterUnreachable => (
            tr(locale, msg!("case-note-reporter-unreachable"), None),
            vec![],
        ),
        CaseNote::TimeoutFailed => (tr(locale, msg!("case-note-timeout-failed"), None), vec![]),
    }
}

/// A DM to the member who filed a report. It says nothing of the response: that concerns
/// another member.
pub fn reporter_text(view: &CaseView, note: ReporterNote, locale: &str) -> String {
    let id = match note {
        ReporterNote::ConductHandled => msg!("case-dm-conduct-handled"),
        ReporterNote::SecurityAcknowledged => msg!("case-dm-security-acknowledged"),
        ReporterNote::SecurityTimeline => msg!("case-dm-security-timeline"),
        ReporterNote::SecurityResolved => msg!("case-dm-security-resolved"),
    };
    tr(
        locale,
        id,
        Some(&args([
            ("id", view.case.id.into()),
            ("hours", view.config.policy.security_ack_hours.into()),
        ])),
    )
}

/// `/report status`: a member's conflicts and reports, newest first, as much as they may know.
pub fn status_text(cases: &[Case], member_id: u64, locale: &str) -> String {
    if cases.is_empty() {
        return tr(locale, msg!("case-status-none"), None);
    }
    let mut lines = vec![tr(locale, msg!("case-status-header"), None)];
    for c in cases {
        let state = match c.step {
            CaseStep::Conflict(step @ ConflictStep::Resolved { .. }) => {
                conflict_resolved(step, locale)
            }
            CaseStep::Conflict(step) => tr(
                locale,
                msg!("case-status-conflict-step"),
                Some(&args([("step", step.number().into())])),
            ),
            CaseStep::Conduct(ConductStep::Open) => tr(locale, msg!("case-status-with-tsc"), None),
            CaseStep::Conduct(_) => tr(locale, msg!("case-status-handled"), None),
            CaseStep::Security(SecurityStep::Open { .. }) => {
                tr(locale, msg!("case-status-awaiting-ack"), None)
            }
            CaseStep::Security(SecurityStep::Acknowledged { .. }) => {
                tr(locale, msg!("case-status-acknowledged"), None)
            }
            CaseStep::Security(SecurityStep::Resolved { .. }) => {
                tr(locale, msg!("case-status-handled"), None)
            }
        };
        let mut line = format!("• {} — {state}", case_name(c, locale));
        if c.opened_by == member_id && c.reporter_unreachable_at.is_some() {
            line.push_str(&format!(
                " ({})",
                tr(locale, msg!("case-status-dm-closed"), None)
            ));
        }
        if let Some(thread) = c.thread_id.filter(|_| c.kind == Kind::Conflict) {
            line.push_str(&format!(" <#{thread}>"));
        }
        lines.push(line);
    }
    lines.join("\n")
}

fn conflict_resolved(step: ConflictStep, locale: &str) -> String {
    match step {
        ConflictStep::Resolved { by_tsc: true } => {
            tr(locale, msg!("case-conflict-resolved-tsc"), None)
        }
        _ => tr(locale, msg!("case-conflict-resolved-parties"), None),
    }
}
