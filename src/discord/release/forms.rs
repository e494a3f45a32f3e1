//! The release forms: the changelog and planned date of a proposal, a blocking issue, and a
//! maintainer's decision on one.

use poise::serenity_prelude as serenity;

use crate::discord::custom_id::CustomId;
use crate::governance::release::{CHANGELOG_MAX, LINK_MAX, REASON_MAX};
use crate::i18n::tr;
use crate::msg;

/// The text inputs of the forms.
pub const CHANGELOG_INPUT: &str = "changelog";
pub const PLANNED_INPUT: &str = "planned";
pub const LINK_INPUT: &str = "link";
pub const REASON_INPUT: &str = "reason";

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

/// The proposal's form: "a new release with a changelog", and its planned date.
pub fn plan_form(draft_id: i64, locale: &str) -> serenity::CreateModal {
    serenity::CreateModal::new(
        CustomId::ReleasePlan { draft_id }.encode(),
        tr(locale, msg!("release-form-plan-title"), None),
    )
    .components(vec![
        input(
            serenity::InputTextStyle::Paragraph,
            tr(locale, msg!("release-form-changelog"), None),
            CHANGELOG_INPUT,
            CHANGELOG_MAX,
        ),
        input(
            serenity::InputTextStyle::Short,
            tr(locale, msg!("release-form-planned"), None),
            PLANNED_INPUT,
            10,
        ),
    ])
}

/// A blocking issue: its link, and why it blocks.
pub fn blocker_form(release_id: i64, locale: &str) -> serenity::CreateModal {
    serenity::CreateModal::new(
        CustomId::ReleaseBlocker { release_id }.encode(),
        tr(locale, msg!("release-form-blocker-title"), None),
    )
    .components(vec![
        input(
            serenity::InputTextStyle::Short,
            tr(locale, msg!("release-form-issue-link"), None),
            LINK_INPUT,
            LINK_MAX,
        ),
        input(
            serenity::InputTextStyle::Paragraph,
            tr(locale, msg!("release-form-why-blocks"), None),
            REASON_INPUT,
            REASON_MAX,
        ),
    ])
}

/// A maintainer's decision on a blocking issue: the fix's link, or why it does not block.
pub fn decision_form(blocker_id: i64, resolved: bool, locale: &str) -> serenity::CreateModal {
    let (title, row) = if resolved {
        (
            msg!("release-form-resolved-title"),
            input(
                serenity::InputTextStyle::Short,
                tr(locale, msg!("release-form-fix-link"), None),
                LINK_INPUT,
                LINK_MAX,
            ),
        )
    } else {
        (
            msg!("release-form-not-blocking-title"),
            input(
                serenity::InputTextStyle::Paragraph,
                tr(locale, msg!("release-form-why-not-blocking"), None),
                REASON_INPUT,
                REASON_MAX,
            ),
        )
    };
    serenity::CreateModal::new(
        CustomId::ReleaseBlockerDecision {
            blocker_id,
            resolved,
        }
        .encode(),
        tr(locale, title, None),
    )
    .components(vec![row])
}

#[cfg(test)]
mod tests {
    #[test]
    fn form_and_button_texts_fit_discords_limits() {
        // Modal titles and input labels hold 45 characters, button labels 80.
        let forms = [
            "release-form-plan-title",
            "release-form-changelog",
            "release-form-planned",
            "release-form-blocker-title",
            "release-form-issue-link",
            "release-form-why-blocks",
            "release-form-resolved-title",
            "release-form-fix-link",
            "release-form-not-blocking-title",
            "release-form-why-not-blocking",
            "dependency-form-proposal-title",
            "dependency-form-need",
            "dependency-form-alternatives",
            "dependency-form-security-pass",
            "dependency-form-security-reject",
            "dependency-form-license-pass",
            "dependency-form-license-reject",
            "dependency-form-approve",
            "dependency-form-reject",
            "dependency-form-note",
            "dependency-form-reason",
        ];
        let buttons = [
            "release-button-works",
            "release-button-blocker",
            "release-button-resolved",
            "release-button-not-blocking",
            "dependency-button-security-pass",
            "dependency-button-security-reject",
            "dependency-button-license-pass",
            "dependency-button-license-reject",
            "dependency-button-approve",
            "dependency-button-reject",
        ];
        crate::discord::form_inputs::assert_texts_fit(&forms, &buttons);
    }
}
