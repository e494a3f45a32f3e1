//! The names of the text inputs of every form the bot opens: the form's builder and its
//! handler read the same name.

/// The text input of the conduct report form.
pub const CONDUCT_INPUT: &str = "report";
/// The text inputs of the security report form.
pub const SECURITY_INPUTS: [&str; 2] = ["title", "details"];
/// The text input of the timeout form.
pub const TIMEOUT_INPUT: &str = "duration";
/// The text inputs of the annual review's form, in the document's order.
pub const REVIEW_INPUTS: [&str; 5] = ["progress", "community", "debt", "roadmap", "governance"];

/// The text input of the concern form.
pub const CONCERN_INPUT: &str = "concern";
/// The text inputs of the charter form, in order.
pub const CHARTER_INPUTS: [&str; 5] = [
    "scope",
    "deliverables",
    "timeline",
    "resources",
    "reporting",
];
/// The text input of the report form.
pub const REPORT_INPUT: &str = "report";
/// The text inputs of the RFC summary form, in order.
pub const SUMMARY_INPUTS: [&str; 3] = ["motivation", "proposal", "alternatives"];
/// The text input of the feedback concern form.
pub const FEEDBACK_CONCERN_INPUT: &str = "concern";
/// The text inputs of the nomination form.
pub const STATEMENT_INPUT: &str = "statement";
pub const LINKS_INPUT: &str = "links";

/// Discord refuses a form whose title or a label passes 45 characters, and a button whose
/// label passes 80: a test of each feature's forms checks its texts in every locale.
#[cfg(test)]
pub(crate) fn assert_texts_fit(form_texts: &[&str], button_labels: &[&str]) {
    for locale in crate::i18n::locales() {
        for (ids, max) in [(form_texts, 45), (button_labels, 80)] {
            for id in ids {
                let text = crate::i18n::exact(locale, id).expect(id);
                assert!(text.chars().count() <= max, "{locale}: {id}: {text:?}");
            }
        }
    }
}
