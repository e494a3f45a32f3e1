//! The forms of cases: a conduct report, a security report, a timeout's length.

use poise::serenity_prelude as serenity;

use crate::discord::custom_id::CustomId;
use crate::discord::form_inputs::{CONDUCT_INPUT, SECURITY_INPUTS, TIMEOUT_INPUT};
use crate::governance::case::{REPORT_MAX, TITLE_MAX};
use crate::i18n::tr;
use crate::msg;

fn input(
    style: serenity::InputTextStyle,
    label: String,
    id: &str,
    max: usize,
) -> serenity::CreateActionRow {
    serenity::CreateActionRow::InputText(
        serenity::CreateInputText::new(style, label, id)
            .min_length(1)
            .max_length(max as u16)
            .required(true),
    )
}

/// The conduct report form; the member and message reported ride in its id.
pub fn conduct_form(
    reported: Option<u64>,
    message: Option<(u64, u64)>,
    locale: &str,
) -> serenity::CreateModal {
    serenity::CreateModal::new(
        CustomId::ConductForm { reported, message }.encode(),
        tr(locale, msg!("case-conduct-form-title"), None),
    )
    .components(vec![input(
        serenity::InputTextStyle::Paragraph,
        tr(locale, msg!("case-conduct-form-label"), None),
        CONDUCT_INPUT,
        REPORT_MAX,
    )])
}

/// The security report form: a title and the details.
pub fn security_form(locale: &str) -> serenity::CreateModal {
    serenity::CreateModal::new(
        CustomId::SecurityForm.encode(),
        tr(locale, msg!("case-security-form-title"), None),
    )
    .components(vec![
        input(
            serenity::InputTextStyle::Short,
            tr(locale, msg!("case-security-form-summary"), None),
            SECURITY_INPUTS[0],
            TITLE_MAX,
        ),
        input(
            serenity::InputTextStyle::Paragraph,
            tr(locale, msg!("case-security-form-details"), None),
            SECURITY_INPUTS[1],
            REPORT_MAX,
        ),
    ])
}

/// How long a timeout lasts (`1h`, `3d`, at most 28 days).
pub fn timeout_form(case_id: i64, locale: &str) -> serenity::CreateModal {
    serenity::CreateModal::new(
        CustomId::ConductTimeout { case_id }.encode(),
        tr(locale, msg!("case-timeout-form-title"), None),
    )
    .components(vec![input(
        serenity::InputTextStyle::Short,
        tr(locale, msg!("case-timeout-form-label"), None),
        TIMEOUT_INPUT,
        16,
    )])
}

#[cfg(test)]
mod tests {
    #[test]
    fn form_texts_and_button_labels_fit_discord() {
        let forms = [
            "case-conduct-form-title",
            "case-conduct-form-label",
            "case-security-form-title",
            "case-security-form-summary",
            "case-security-form-details",
            "case-timeout-form-title",
            "case-timeout-form-label",
            "review-form-title",
            "review-section-progress",
            "review-section-community",
            "review-section-debt",
            "review-section-roadmap",
            "review-section-governance",
        ];
        let buttons = [
            "case-button-resolve",
            "case-button-escalate",
            "case-button-mediate",
            "case-button-no-action",
            "case-button-warning",
            "case-button-timeout",
            "case-button-ban",
            "case-button-acknowledge",
            "case-button-resolved",
        ];
        crate::discord::form_inputs::assert_texts_fit(&forms, &buttons);
    }
}
