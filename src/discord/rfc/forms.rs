//! The RFC forms: the summary a proposal asks for, and the concern given as feedback.

use poise::serenity_prelude as serenity;

use crate::discord::custom_id::CustomId;
use crate::discord::form_inputs::{FEEDBACK_CONCERN_INPUT, SUMMARY_INPUTS};
use crate::governance::rfc::{CONCERN_MAX, Kind, SUMMARY_FIELD_MAX};
use crate::i18n::tr;
use crate::msg;

fn input(label: String, id: &str, max: usize, required: bool) -> serenity::CreateActionRow {
    let mut input = serenity::CreateInputText::new(serenity::InputTextStyle::Paragraph, label, id)
        .max_length(max as u16)
        .required(required);
    if required {
        input = input.min_length(1);
    }
    serenity::CreateActionRow::InputText(input)
}

/// The summary form of a draft: motivation, proposal, alternatives considered.
pub fn summary_form(draft_id: i64, kind: Kind, locale: &str) -> serenity::CreateModal {
    let labels = [
        msg!("rfc-field-motivation"),
        msg!("rfc-field-proposal"),
        msg!("rfc-field-alternatives"),
    ];
    let rows = labels
        .iter()
        .zip(SUMMARY_INPUTS)
        .enumerate()
        .map(|(i, (label, id))| input(tr(locale, label, None), id, SUMMARY_FIELD_MAX, i < 2))
        .collect();
    let title = match kind {
        Kind::Rfc => msg!("rfc-summary-form-title"),
        Kind::Amendment => msg!("amendment-summary-form-title"),
    };
    serenity::CreateModal::new(
        CustomId::RfcSummary { draft_id }.encode(),
        tr(locale, title, None),
    )
    .components(rows)
}

/// The form a "Concern" button opens.
pub fn concern_form(rfc_id: i64, locale: &str) -> serenity::CreateModal {
    serenity::CreateModal::new(
        CustomId::RfcConcern { rfc_id }.encode(),
        tr(locale, msg!("rfc-concern-form-title"), None),
    )
    .components(vec![input(
        tr(locale, msg!("rfc-concern-form-label"), None),
        FEEDBACK_CONCERN_INPUT,
        CONCERN_MAX,
        true,
    )])
}
