//! The working-group forms: the charter a proposal asks for, and the chair's report.

use poise::serenity_prelude as serenity;

use crate::discord::custom_id::CustomId;
use crate::discord::form_inputs::{CHARTER_INPUTS, REPORT_INPUT};
use crate::discord::text::truncate;
use crate::governance::working_group::{CHARTER_FIELD_MAX, REPORT_MAX};
use crate::i18n::{args, tr};
use crate::msg;

/// A text field of a form.
fn input(label: String, id: &str, max: usize) -> serenity::CreateActionRow {
    serenity::CreateActionRow::InputText(
        serenity::CreateInputText::new(serenity::InputTextStyle::Paragraph, label, id)
            .min_length(1)
            .max_length(max as u16)
            .required(true),
    )
}

/// The charter form of a draft: the five parts the document requires.
pub fn charter_form(draft_id: i64, locale: &str) -> serenity::CreateModal {
    let labels = [
        msg!("wg-charter-scope"),
        msg!("wg-charter-deliverables"),
        msg!("wg-charter-timeline"),
        msg!("wg-charter-resources"),
        msg!("wg-charter-reporting"),
    ];
    let rows = labels
        .iter()
        .zip(CHARTER_INPUTS)
        .map(|(label, id)| input(tr(locale, label, None), id, CHARTER_FIELD_MAX))
        .collect();
    serenity::CreateModal::new(
        CustomId::WgCharter { draft_id }.encode(),
        tr(locale, msg!("wg-charter-form-title"), None),
    )
    .components(rows)
}

/// The report form of a group.
pub fn report_form(wg_id: i64, name: &str, locale: &str) -> serenity::CreateModal {
    let title = truncate(
        &tr(
            locale,
            msg!("wg-report-form-title"),
            Some(&args([("name", name.into())])),
        ),
        45,
    );
    serenity::CreateModal::new(CustomId::WgReport { wg_id }.encode(), title).components(vec![
        input(
            tr(locale, msg!("wg-report-form-label"), None),
            REPORT_INPUT,
            REPORT_MAX,
        ),
    ])
}
