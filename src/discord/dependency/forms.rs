//! The dependency forms: a proposal's need and alternatives, a review's note, a decision's.

use poise::serenity_prelude as serenity;

use crate::discord::custom_id::CustomId;
use crate::governance::dependency::{Review, TEXT_MAX};
use crate::i18n::tr;
use crate::msg;

/// The text inputs of the forms.
pub const NEED_INPUT: &str = "need";
pub const ALTERNATIVES_INPUT: &str = "alternatives";
pub const NOTE_INPUT: &str = "note";

fn paragraph(label: String, id: &str) -> serenity::CreateActionRow {
    serenity::CreateActionRow::InputText(
        serenity::CreateInputText::new(serenity::InputTextStyle::Paragraph, label, id)
            .min_length(1)
            .max_length(TEXT_MAX as u16)
            .required(true),
    )
}

/// "A proposal documenting the need and alternatives considered".
pub fn proposal_form(draft_id: i64, locale: &str) -> serenity::CreateModal {
    serenity::CreateModal::new(
        CustomId::DependencyProposal { draft_id }.encode(),
        tr(locale, msg!("dependency-form-proposal-title"), None),
    )
    .components(vec![
        paragraph(tr(locale, msg!("dependency-form-need"), None), NEED_INPUT),
        paragraph(
            tr(locale, msg!("dependency-form-alternatives"), None),
            ALTERNATIVES_INPUT,
        ),
    ])
}

/// A review's note (passed) or reason (rejected).
pub fn review_form(
    dependency_id: i64,
    review: Review,
    pass: bool,
    locale: &str,
) -> serenity::CreateModal {
    let title = match (review, pass) {
        (Review::Security, true) => msg!("dependency-form-security-pass"),
        (Review::Security, false) => msg!("dependency-form-security-reject"),
        (Review::License, true) => msg!("dependency-form-license-pass"),
        (Review::License, false) => msg!("dependency-form-license-reject"),
    };
    let label = if pass {
        msg!("dependency-form-note")
    } else {
        msg!("dependency-form-reason")
    };
    serenity::CreateModal::new(
        CustomId::DependencyReview {
            dependency_id,
            review,
            pass,
        }
        .encode(),
        tr(locale, title, None),
    )
    .components(vec![paragraph(tr(locale, label, None), NOTE_INPUT)])
}

/// The maintainer's approval (with a note) or rejection (with the reason).
pub fn decision_form(dependency_id: i64, approve: bool, locale: &str) -> serenity::CreateModal {
    let (title, label) = if approve {
        (
            msg!("dependency-form-approve"),
            msg!("dependency-form-note"),
        )
    } else {
        (
            msg!("dependency-form-reject"),
            msg!("dependency-form-reason"),
        )
    };
    serenity::CreateModal::new(
        CustomId::DependencyDecision {
            dependency_id,
            approve,
        }
        .encode(),
        tr(locale, title, None),
    )
    .components(vec![paragraph(tr(locale, label, None), NOTE_INPUT)])
}
