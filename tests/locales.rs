//! Every message id the code uses, and every command name, option and description, exists in
//! every shipped locale; and the shipped locales have the same messages.

use std::collections::BTreeSet;
use std::path::Path;

use steward::discord::commands::{context_menu_ids, required_ids};
use steward::i18n;

/// Ids written as `msg!("…")` anywhere under src/.
fn ids_in_code() -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for piece in text.split("msg!(\"").skip(1) {
                    let id = piece.split('"').next().unwrap();
                    out.insert(id.to_owned());
                }
            }
        }
    }
    let mut ids = BTreeSet::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut ids);
    ids
}

#[test]
fn the_scan_finds_the_ids_the_code_uses() {
    let ids = ids_in_code();
    // A scan that finds nothing would pass every check below.
    assert!(ids.len() > 50, "only {} ids found", ids.len());
    assert!(ids.contains("vote-recorded"));
    assert!(ids.contains("error-needs-tsc"));
}

#[test]
fn every_message_id_in_the_code_exists_in_every_locale() {
    let mut missing = Vec::new();
    for locale in i18n::locales() {
        for id in ids_in_code() {
            if i18n::exact(locale, &id).is_none() {
                missing.push(format!("{locale}: {id}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing messages:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_command_and_option_is_localized_in_every_locale() {
    let mut missing = Vec::new();
    let menus = context_menu_ids();
    for locale in i18n::locales() {
        for (id, attribute) in required_ids() {
            let found = match &attribute {
                None => i18n::exact(locale, &id),
                Some(a) => i18n::attribute(locale, &id, a),
            };
            match found {
                None => missing.push(format!(
                    "{locale}: {id}{}",
                    attribute.map(|a| format!(".{a}")).unwrap_or_default()
                )),
                Some(text) => {
                    // Discord's rules: names lowercase without spaces (1-32), descriptions 1-100.
                    let is_name = attribute.as_deref().is_none_or(|a| a.ends_with("-name"));
                    let ok = if is_name && attribute.is_none() && menus.contains(&id) {
                        // A context menu's name may have capitals and spaces.
                        (1..=32).contains(&text.chars().count())
                    } else if is_name {
                        (1..=32).contains(&text.chars().count())
                            && !text.contains(' ')
                            && text.to_lowercase() == text
                    } else {
                        (1..=100).contains(&text.chars().count())
                    };
                    assert!(
                        ok,
                        "{locale}: {id} {attribute:?} breaks Discord's limits: {text:?}"
                    );
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing command localizations:\n{}",
        missing.join("\n")
    );
}

fn message_ids(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split(" =").next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn shipped_locales_have_the_same_messages() {
    let reference = message_ids(&i18n::source(i18n::FALLBACK).unwrap());
    assert!(reference.len() > 50);
    for locale in i18n::locales() {
        let ids = message_ids(&i18n::source(locale).unwrap());
        let missing: Vec<_> = reference.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&reference).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{locale}: missing {missing:?}, extra {extra:?}"
        );
    }
}

#[test]
fn form_labels_and_titles_fit_discords_limits() {
    // Discord refuses a modal whose title or input labels exceed 45 characters.
    let modal_texts = [
        "concern-modal-title",
        "concern-modal-label",
        "wg-charter-form-title",
        "wg-charter-scope",
        "wg-charter-deliverables",
        "wg-charter-timeline",
        "wg-charter-resources",
        "wg-charter-reporting",
        "wg-report-form-label",
    ];
    // Button labels hold at most 80.
    let buttons = [
        "choice-yes",
        "choice-abstain",
        "choice-no",
        "button-withdraw",
        "wg-button-approve",
        "wg-button-decline",
        "wg-button-report",
        "wg-button-propose-close",
    ];
    for locale in i18n::locales() {
        for (ids, max) in [(&modal_texts[..], 45), (&buttons[..], 80)] {
            for id in ids {
                let text =
                    i18n::exact(locale, id).unwrap_or_else(|| panic!("{locale}: {id} missing"));
                // A placeholder (shown unfilled, as `{$id}`) may grow by a few characters.
                let limit = if text.contains('{') { max - 6 } else { max };
                assert!(
                    text.chars().count() <= limit,
                    "{locale}: {id} is too long for Discord: {text:?}"
                );
            }
        }
    }
}
