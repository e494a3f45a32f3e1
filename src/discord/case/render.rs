//! What members read of a case: its card (one message in its private thread, edited as it
//! moves), the notes posted there, the DMs to a reporter, a member's own cases. Only a case's
//! readers are ever written as mentions in its thread; anyone else is written by name, since a
//! mention in a private thread may add the member to it.

use poise::serenity_prelude as serenity;

use crate::app::case::view::CaseView;
use crate::app::outbox::{CaseNote, ReporterNote};
use crate::discord::custom_id::CustomId;
use crate::discord::text::{Field, escape_markdown, fitted_embed};
use crate::governance::case::conduct::{Response, Step as ConductStep};
use crate::governance::case::conflict::{self, Step as ConflictStep};
use crate::governance::case::security::{self, Step as SecurityStep};
use crate::governance::case::{CaseStep, Kind};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::case::Case;

const OPEN_COLOUR: u32 = 0xF59E0B;
const CLOSED_COLOUR: u32 = 0x9CA3AF;

fn date(t: chrono::DateTime<chrono::Utc>) -> String {
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

fn text_or_erased(text: Option<&str>, locale: &str) -> String {
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

fn conflict_step_text(view: &CaseView, step: ConflictStep, locale: &str) -> String {
    let policy = &view.config.policy;
    let c = &view.case;
    match step {
        ConflictStep::Direct {
            escalation_asked_by,
        } => {
            let mut text = tr(
                locale,
                msg!("case-conflict-step-direct"),
                Some(&args([(
                    "until",
                    date(conflict::period_end(c.opened_at, policy)).into(),
                )])),
            );
            if let Some(by) = escalation_asked_by {
                text.push('\n');
                text.push_str(&tr(
                    locale,
                    msg!("case-conflict-step-asked"),
                    Some(&args([("member", member(view, by).into())])),
                ));
            }
            text
        }
        ConflictStep::Mediation {
            since,
            mediator: None,
        } => tr(
            locale,
            msg!("case-conflict-step-wanted"),
            Some(&args([(
                "until",
                date(conflict::period_end(since, policy)).into(),
            )])),
        ),
        ConflictStep::Mediation {
            mediator: Some(m), ..
        } => tr(
            locale,
            msg!("case-conflict-step-mediation"),
            Some(&args([("mediator", member(view, m).into())])),
        ),
        ConflictStep::Tsc {
            deciding: false, ..
        } => tr(locale, msg!("case-conflict-step-tsc"), None),
        ConflictStep::Tsc { deciding: true, .. } => tr(
            locale,
            msg!("case-conflict-step-voting"),
            Some(&args([("ballot", c.ballot_id.unwrap_or_default().into())])),
        ),
        ConflictStep::Resolved { by_tsc: false } => {
            tr(locale, msg!("case-conflict-resolved-parties"), None)
        }
        ConflictStep::Resolved { by_tsc: true } => {
            tr(locale, msg!("case-conflict-resolved-tsc"), None)
        }
    }
}

/// The card's title, text, fields and footer, by kind.
fn card_parts(view: &CaseView, locale: &str) -> (String, String, Vec<Field>, String) {
    let c = &view.case;
    let field = |id: &'static str, value: String| Field::fixed(tr(locale, id, None), value, false);
    match c.step {
        CaseStep::Conflict(step) => {
            let other = c.subject_id.unwrap_or_default();
            let mut fields = vec![
                field(
                    msg!("case-field-parties"),
                    format!("{} · {}", member(view, c.opened_by), member(view, other)),
                ),
                field(
                    msg!("case-field-step"),
                    conflict_step_text(view, step, locale),
                ),
            ];
            if step == (ConflictStep::Resolved { by_tsc: true }) {
                fields.push(Field::shrinkable(
                    tr(locale, msg!("case-field-decision"), None),
                    text_or_erased(c.decision.as_deref(), locale),
                ));
            }
            (
                tr(
                    locale,
                    msg!("case-conflict-title"),
                    Some(&args([("id", c.id.into())])),
                ),
                text_or_erased(c.body.as_deref(), locale),
                fields,
                tr(locale, msg!("case-conflict-footer"), None),
            )
        }
        CaseStep::Conduct(step) => {
            let reported = c.subject_id.map_or_else(
                || tr(locale, msg!("case-nobody-named"), None),
                |id| member(view, id),
            );
            let mut fields = vec![
                field(msg!("case-field-reported"), reported),
                field(msg!("case-field-reporter"), member(view, c.opened_by)),
            ];
            if let Some(link) = &c.message_link {
                fields.push(field(msg!("case-field-message"), link.clone()));
            }
            let status = match step {
                ConductStep::Open => tr(locale, msg!("case-conduct-open"), None),
                ConductStep::Responded { response, by, at } => tr(
                    locale,
                    msg!("case-conduct-responded"),
                    Some(&args([
                        ("response", response_text(locale, response).into()),
                        ("member", member(view, by).into()),
                        ("date", date(at).into()),
                    ])),
                ),
            };
            fields.push(field(msg!("case-field-status"), status));
            (
                tr(
                    locale,
                    msg!("case-conduct-title"),
                    Some(&args([("id", c.id.into())])),
                ),
                text_or_erased(c.body.as_deref(), locale),
                fields,
                tr(locale, msg!("case-conduct-footer"), None),
            )
        }
        CaseStep::Security(step) => {
            let status = match step {
                SecurityStep::Open { .. } => tr(
                    locale,
                    msg!("case-security-open"),
                    Some(&args([(
                        "due",
                        date(security::ack_due(c.opened_at, &view.config.policy)).into(),
                    )])),
                ),
                SecurityStep::Acknowledged { by, at } => tr(
                    locale,
                    msg!("case-security-acknowledged"),
                    Some(&args([
                        ("member", member(view, by).into()),
                        ("date", date(at).into()),
                    ])),
                ),
                SecurityStep::Resolved { by, at } => tr(
                    locale,
                    msg!("case-security-resolved"),
                    Some(&args([
                        ("member", member(view, by).into()),
                        ("date", date(at).into()),
                    ])),
                ),
            };
            let title = text_or_erased(c.title.as_deref(), locale);
            (
                tr(
                    locale,
                    msg!("case-security-title"),
                    Some(&args([("id", c.id.into()), ("title", title.into())])),
                ),
                text_or_erased(c.body.as_deref(), locale),
                vec![
                    field(msg!("case-field-reporter"), member(view, c.opened_by)),
                    field(msg!("case-field-status"), status),
                ],
                tr(locale, msg!("case-security-footer"), None),
            )
        }
    }
}

/// The card: the case's text and where it stands.
pub fn card_embed(view: &CaseView, locale: &str) -> serenity::CreateEmbed {
    let (title, description, fields, footer) = card_parts(view, locale);
    let colour = if view.case.open {
        OPEN_COLOUR
    } else {
        CLOSED_COLOUR
    };
    fitted_embed(title, description, fields, footer).colour(colour)
}

fn button(id: CustomId, label: String, style: serenity::ButtonStyle) -> serenity::CreateButton {
    serenity::CreateButton::new(id.encode())
        .label(label)
        .style(style)
}

/// The card's buttons, by kind and step; none once the case is closed.
pub fn card_buttons(view: &CaseView, locale: &str) -> Vec<serenity::CreateActionRow> {
    use serenity::ButtonStyle::{Danger, Primary, Secondary, Success};
    let case_id = view.case.id;
    let label = |id: &'static str| tr(locale, id, None);
    let buttons = match view.case.step {
        CaseStep::Conflict(step) if step.is_open() => vec![
            button(
                CustomId::CaseResolve { case_id },
                label(msg!("case-button-resolve")),
                Success,
            ),
            button(
                CustomId::CaseEscalate { case_id },
                label(msg!("case-button-escalate")),
                Primary,
            ),
        ],
        CaseStep::Conduct(ConductStep::Open) => {
            let respond = |response| CustomId::ConductRespond { case_id, response };
            vec![
                button(
                    respond(Response::NoAction),
                    label(msg!("case-button-no-action")),
                    Secondary,
                ),
                button(
                    respond(Response::Warning),
                    label(msg!("case-button-warning")),
                    Primary,
                ),
                button(
                    CustomId::ConductTimeout { case_id },
                    label(msg!("case-button-timeout")),
                    Primary,
                ),
                button(
                    respond(Response::Ban),
                    label(msg!("case-button-ban")),
                    Danger,
                ),
            ]
        }
        CaseStep::Security(SecurityStep::Open { .. }) => vec![
            button(
                CustomId::SecurityAck { case_id },
                label(msg!("case-button-acknowledge")),
                Primary,
            ),
            button(
                CustomId::SecurityResolve { case_id },
                label(msg!("case-button-resolved")),
                Success,
            ),
        ],
        CaseStep::Security(SecurityStep::Acknowledged { .. }) => vec![button(
            CustomId::SecurityResolve { case_id },
            label(msg!("case-button-resolved")),
            Success,
        )],
        _ => Vec::new(),
    };
    if buttons.is_empty() {
        Vec::new()
    } else {
        vec![serenity::CreateActionRow::Buttons(buttons)]
    }
}

/// The first words of the card message: who the case asks to act, pinged.
pub fn card_greeting(view: &CaseView, locale: &str) -> String {
    let mentions: Vec<String> = view.readers.iter().map(|m| format!("<@{m}>")).collect();
    let id = match view.case.kind {
        Kind::Conflict => msg!("case-conflict-greeting"),
        Kind::Conduct => msg!("case-conduct-greeting"),
        Kind::Security => msg!("case-security-greeting"),
    };
    tr(
        locale,
        id,
        Some(&args([("mentions", mentions.join(" ").into())])),
    )
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
        CaseNote::MediatorJoined { mediator } => (
            one(msg!("case-note-mediator-joined"), "mediator", mediator),
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
                Some(&args([(
                    "decision",
                    text_or_erased(c.decision.as_deref(), locale).into(),
                )])),
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
