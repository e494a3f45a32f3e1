//! What members see of dependencies: a proposal's card with its reviews and buttons, the
//! approved list, and one dependency's heading.

use poise::serenity_prelude as serenity;

use crate::discord::custom_id::CustomId;
use crate::discord::text::{Field, MESSAGE_MAX, fitted_embed, truncate};
use crate::governance::dependency::{Kind, Review, Stage, Verdict};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::dependency::{Dependency, ReviewRecord};

const COLOUR: u32 = 0xF59E0B;
const APPROVED_COLOUR: u32 = 0x22C55E;
const REJECTED_COLOUR: u32 = 0xEF4444;

/// `serde 1.0 (cargo)`: the name, and the version and ecosystem where given.
pub fn heading(d: &Dependency) -> String {
    let mut text = d.name.clone();
    if let Some(version) = &d.version {
        text.push(' ');
        text.push_str(version);
    }
    if let Some(ecosystem) = &d.ecosystem {
        text.push_str(&format!(" ({ecosystem})"));
    }
    text
}

pub fn stage_text(locale: &str, d: &Dependency) -> String {
    let id = match (d.kind, d.stage) {
        (_, Stage::Draft) => msg!("dependency-stage-draft"),
        (_, Stage::Review) => msg!("dependency-stage-review"),
        (_, Stage::AwaitingApproval) => msg!("dependency-stage-awaiting-approval"),
        (Kind::Addition, Stage::Approved) if d.removed_at.is_some() => {
            msg!("dependency-stage-removed")
        }
        (Kind::Addition, Stage::Approved) => msg!("dependency-stage-approved"),
        (Kind::Removal, Stage::Approved) => msg!("dependency-stage-removal-approved"),
        (_, Stage::Rejected) => msg!("dependency-stage-rejected"),
    };
    tr(locale, id, None)
}

fn review_text(locale: &str, r: &ReviewRecord) -> String {
    let id = match r.verdict {
        Verdict::Pending => msg!("dependency-review-pending"),
        Verdict::Passed => msg!("dependency-review-passed"),
        Verdict::Rejected => msg!("dependency-review-rejected"),
    };
    tr(
        locale,
        id,
        Some(&args([
            (
                "by",
                r.by.map(|m| format!("<@{m}>")).unwrap_or_default().into(),
            ),
            ("note", r.note.clone().unwrap_or_default().into()),
        ])),
    )
}

/// A proposal's card.
pub fn card_embed(d: &Dependency, locale: &str) -> serenity::CreateEmbed {
    let title_id = match d.kind {
        Kind::Addition => msg!("dependency-card-title"),
        Kind::Removal => msg!("dependency-card-removal-title"),
    };
    let title = tr(locale, title_id, Some(&args([("name", heading(d).into())])));
    let label = |id: &'static str| tr(locale, id, None);
    let mut fields = vec![
        Field::fixed(
            label(msg!("dependency-field-proposer")),
            format!("<@{}>", d.proposer_id),
            true,
        ),
        Field::fixed(
            label(msg!("dependency-field-stage")),
            stage_text(locale, d),
            true,
        ),
    ];
    let mut texts = Vec::new();
    if let Some(need) = &d.need {
        texts.push((msg!("dependency-field-need"), need.clone()));
    }
    if let Some(alternatives) = &d.alternatives {
        texts.push((msg!("dependency-field-alternatives"), alternatives.clone()));
    }
    if let Some(reason) = &d.reason {
        texts.push((msg!("dependency-field-reason"), reason.clone()));
    }
    if d.kind == Kind::Addition {
        texts.push((
            msg!("dependency-field-security"),
            review_text(locale, &d.security),
        ));
        texts.push((
            msg!("dependency-field-license"),
            review_text(locale, &d.license),
        ));
    }
    if let Some(by) = d.decided_by {
        let decision = tr(
            locale,
            msg!("dependency-decision"),
            Some(&args([
                ("by", format!("<@{by}>").into()),
                ("note", d.decision_note.clone().unwrap_or_default().into()),
            ])),
        );
        texts.push((msg!("dependency-field-decision"), decision));
    }
    fields.extend(
        texts
            .into_iter()
            .map(|(id, text)| Field::shrinkable(label(id), text)),
    );
    let colour = match d.stage {
        Stage::Approved => APPROVED_COLOUR,
        Stage::Rejected => REJECTED_COLOUR,
        _ => COLOUR,
    };
    let footer = tr(
        locale,
        msg!("dependency-card-footer"),
        Some(&args([("id", d.id.into())])),
    );
    fitted_embed(title, String::new(), fields, footer).colour(colour)
}

/// The card's buttons: the pending reviews, then the maintainer's decision.
pub fn card_buttons(d: &Dependency, locale: &str) -> Vec<serenity::CreateActionRow> {
    let dependency_id = d.id;
    let button = |id: CustomId, label: &'static str, style| {
        serenity::CreateButton::new(id.encode())
            .label(tr(locale, label, None))
            .style(style)
    };
    let mut buttons = Vec::new();
    match d.stage {
        Stage::Review => {
            for (review, pass_label, reject_label) in [
                (
                    Review::Security,
                    msg!("dependency-button-security-pass"),
                    msg!("dependency-button-security-reject"),
                ),
                (
                    Review::License,
                    msg!("dependency-button-license-pass"),
                    msg!("dependency-button-license-reject"),
                ),
            ] {
                if d.review(review).verdict != Verdict::Pending {
                    continue;
                }
                for (pass, label, style) in [
                    (true, pass_label, serenity::ButtonStyle::Success),
                    (false, reject_label, serenity::ButtonStyle::Danger),
                ] {
                    let id = CustomId::DependencyReview {
                        dependency_id,
                        review,
                        pass,
                    };
                    buttons.push(button(id, label, style));
                }
            }
        }
        Stage::AwaitingApproval => {
            for (approve, label, style) in [
                (
                    true,
                    msg!("dependency-button-approve"),
                    serenity::ButtonStyle::Success,
                ),
                (
                    false,
                    msg!("dependency-button-reject"),
                    serenity::ButtonStyle::Danger,
                ),
            ] {
                let id = CustomId::DependencyDecision {
                    dependency_id,
                    approve,
                };
                buttons.push(button(id, label, style));
            }
        }
        Stage::Draft | Stage::Approved | Stage::Rejected => {}
    }
    if buttons.is_empty() {
        Vec::new()
    } else {
        vec![serenity::CreateActionRow::Buttons(buttons)]
    }
}

/// `/dependency list`: the approved list, then the proposals under way.
pub fn list_text(approved: &[Dependency], proposals: &[Dependency], locale: &str) -> String {
    let mut lines = vec![tr(locale, msg!("dependency-list-header"), None)];
    if approved.is_empty() {
        lines.push(tr(locale, msg!("dependency-list-empty"), None));
    }
    for d in approved {
        lines.push(tr(
            locale,
            msg!("dependency-list-line"),
            Some(&args([
                ("name", crate::discord::text::plain(&heading(d)).into()),
                (
                    "approved",
                    d.decided_at
                        .map(|t| format!("<t:{}:D>", t.timestamp()))
                        .unwrap_or_default()
                        .into(),
                ),
            ])),
        ));
    }
    if !proposals.is_empty() {
        lines.push(tr(locale, msg!("dependency-list-proposals"), None));
        for d in proposals {
            lines.push(tr(
                locale,
                msg!("dependency-list-proposal-line"),
                Some(&args([
                    ("name", crate::discord::text::plain(&heading(d)).into()),
                    ("stage", stage_text(locale, d).into()),
                    ("id", d.id.into()),
                ])),
            ));
        }
    }
    truncate(&lines.join("\n"), MESSAGE_MAX)
}
