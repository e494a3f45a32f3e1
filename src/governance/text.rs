//! Member text that becomes a governance record (a concern, a title, a reason, a charter, a
//! report): trimmed, bounded, and holding at least one visible character. An invisible concern
//! must not satisfy "every -1 carries specific concerns", nor a blank report count as filed.

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// Why member text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("the text has no visible character")]
    Empty,
    #[error("the text is longer than allowed")]
    TooLong,
}

/// Letters, digits, punctuation and symbols that render as nothing, used to fake a non-empty
/// text (Hangul fillers, the blank Braille pattern).
const BLANK_LOOKALIKES: [char; 5] = ['\u{115F}', '\u{1160}', '\u{3164}', '\u{FFA0}', '\u{2800}'];

/// Whether a character shows something by itself: a letter, number, punctuation mark or symbol.
/// Spaces, control and format characters (U+200B, U+2060, U+FEFF, …), private-use characters
/// and combining marks (which only decorate another character) do not.
pub fn is_visible(c: char) -> bool {
    matches!(
        c.general_category_group(),
        GeneralCategoryGroup::Letter
            | GeneralCategoryGroup::Number
            | GeneralCategoryGroup::Punctuation
            | GeneralCategoryGroup::Symbol
    ) && !BLANK_LOOKALIKES.contains(&c)
}

/// The text trimmed, if it has a visible character and at most `max` characters; `Ok(None)`
/// for text that is empty or invisible where the field is optional is the caller's choice.
pub fn visible(text: &str, max: usize) -> Result<String, TextError> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(TextError::TooLong);
    }
    if !text.chars().any(is_visible) {
        return Err(TextError::Empty);
    }
    Ok(text.to_owned())
}

/// Like [`visible`], but text with nothing visible is no text at all (an optional field).
pub fn optional(text: &str, max: usize) -> Result<Option<String>, TextError> {
    match visible(text, max) {
        Ok(text) => Ok(Some(text)),
        Err(TextError::Empty) => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn invisible_text_is_refused() {
        for invisible in [
            "",
            "   ",
            "\u{200B}",
            "\u{2060}\u{FEFF}",
            "\u{200B} \u{200C}\u{200D}\u{200E}",
            "\u{0301}\u{0308}",
            "\u{3164}",
            "\u{2800}\u{2800}",
            "\u{E000}",
            "\n\t\u{00AD}",
        ] {
            assert_eq!(
                visible(invisible, 100),
                Err(TextError::Empty),
                "{invisible:?}"
            );
        }
    }

    #[test]
    fn visible_text_is_kept_trimmed() {
        for (text, kept) in [
            (" Needs a migration guide ", "Needs a migration guide"),
            ("\u{200B}x", "\u{200B}x"),
            ("é", "é"),
            ("👍", "👍"),
            ("-1", "-1"),
            ("数字", "数字"),
        ] {
            assert_eq!(visible(text, 100).as_deref(), Ok(kept), "{text:?}");
        }
    }

    #[test]
    fn length_is_counted_in_characters() {
        assert_eq!(visible(&"é".repeat(10), 10), Ok("é".repeat(10)));
        assert_eq!(visible(&"é".repeat(11), 10), Err(TextError::TooLong));
    }

    #[test]
    fn an_optional_field_may_be_invisible_but_not_too_long() {
        assert_eq!(optional("\u{200B}", 5), Ok(None));
        assert_eq!(optional(" a ", 5), Ok(Some("a".into())));
        assert_eq!(optional("abcdef", 5), Err(TextError::TooLong));
    }

    proptest! {
        /// Whatever invisible characters surround it, a text with one visible character is
        /// accepted, and one without any is refused.
        #[test]
        fn one_visible_character_is_enough(
            padding in proptest::collection::vec(
                prop::sample::select(vec!['\u{200B}', '\u{2060}', '\u{FEFF}', ' ', '\u{0301}', '\u{3164}']),
                0..20,
            ),
            at in 0usize..20,
            visible_char in prop::sample::select(vec!['a', 'Ж', '7', '!', '€', '字']),
        ) {
            let blank: String = padding.iter().collect();
            prop_assert_eq!(visible(&blank, 100), Err(TextError::Empty));
            let mut chars = padding.clone();
            chars.insert(at.min(chars.len()), visible_char);
            let text: String = chars.iter().collect();
            prop_assert!(visible(&text, 100).is_ok());
        }
    }
}
