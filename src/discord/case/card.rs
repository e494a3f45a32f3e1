//! A case's card: one message in its private thread showing the case and where it stands,
//! with the buttons of its next steps, edited (coalesced) as it moves.

use poise::serenity_prelude as serenity;

use super::render::{date, member, response_text, text_or_erased};
use crate::app::case::view::CaseView;
use crate::discord::custom_id::CustomId;
use crate::discord::text::{Field, fitted_embed};
use crate::governance::case::conduct::{Response, Step as ConductStep};
use crate::governance::case::conflict::{self, Step as ConflictStep};
use crate::governance::case::security::{self, Step as SecurityStep};
use crate::governance::case::{CaseStep, Kind};
use crate::i18n::{args, tr};
use crate::msg;

const OPEN_COLOUR: u32 = 0xF59E0B;
const CLOSED_COLOUR: u32 = 0x9CA3AF;

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
