//! The annual review's form: the five parts of the document the summary cannot compute.

use poise::serenity_prelude as serenity;

use crate::discord::custom_id::CustomId;
use crate::discord::form_inputs::REVIEW_INPUTS;
use crate::governance::annual_review::{SECTION_MAX, Sections};
use crate::i18n::tr;
use crate::msg;

/// The form, prefilled with the last review's sections when there is one.
pub fn review_form(previous: Option<&Sections>, locale: &str) -> serenity::CreateModal {
    let labels = [
        msg!("review-section-progress"),
        msg!("review-section-community"),
        msg!("review-section-debt"),
        msg!("review-section-roadmap"),
        msg!("review-section-governance"),
    ];
    let values = previous.map(|s| {
        [
            s.progress.clone(),
            s.community_health.clone(),
            s.technical_debt.clone(),
            s.roadmap.clone(),
            s.governance.clone(),
        ]
    });
    let rows = labels
        .iter()
        .zip(REVIEW_INPUTS)
        .enumerate()
        .map(|(i, (label, id))| {
            let mut input = serenity::CreateInputText::new(
                serenity::InputTextStyle::Paragraph,
                tr(locale, label, None),
                id,
            )
            .min_length(1)
            .max_length(SECTION_MAX as u16)
            .required(true);
            if let Some(values) = &values {
                input = input.value(values[i].clone());
            }
            serenity::CreateActionRow::InputText(input)
        })
        .collect();
    serenity::CreateModal::new(
        CustomId::ReviewForm.encode(),
        tr(locale, msg!("review-form-title"), None),
    )
    .components(rows)
}
