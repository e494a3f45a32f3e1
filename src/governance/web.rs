//! The transparency page's one rule: what a public slug may be. It names the server in every
//! address of its page (`/<slug>/decisions`), so it is short, plain and unambiguous.

/// The longest slug.
pub const MAX_SLUG: usize = 40;

/// Words the page's own addresses use (`/api/<slug>/…`), never a server's slug.
const RESERVED: &[&str] = &["api", "static", "health", "robots.txt", "favicon.ico"];

/// Why a slug is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlugError {
    /// Empty or longer than [`MAX_SLUG`].
    Length,
    /// Anything but lowercase letters, digits and single inner dashes.
    Characters,
    /// One of the page's own words.
    Reserved,
}

/// The slug as typed, trimmed, if it is one.
pub fn slug(text: &str) -> Result<&str, SlugError> {
    let slug = text.trim();
    if slug.is_empty() || slug.len() > MAX_SLUG {
        return Err(SlugError::Length);
    }
    let allowed = slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !allowed || slug.starts_with('-') || slug.ends_with('-') || slug.contains("--") {
        return Err(SlugError::Characters);
    }
    if RESERVED.contains(&slug) {
        return Err(SlugError::Reserved);
    }
    Ok(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_letters_digits_and_dashes() {
        let cases: &[(&str, Result<&str, SlugError>)] = &[
            ("steward", Ok("steward")),
            ("  my-project-2 ", Ok("my-project-2")),
            ("", Err(SlugError::Length)),
            ("   ", Err(SlugError::Length)),
            (&"a".repeat(41), Err(SlugError::Length)),
            ("My-Project", Err(SlugError::Characters)),
            ("my_project", Err(SlugError::Characters)),
            ("my project", Err(SlugError::Characters)),
            ("../etc", Err(SlugError::Characters)),
            ("-lead", Err(SlugError::Characters)),
            ("trail-", Err(SlugError::Characters)),
            ("dou--ble", Err(SlugError::Characters)),
            ("prøject", Err(SlugError::Characters)),
            ("api", Err(SlugError::Reserved)),
        ];
        for (text, expected) in cases {
            assert_eq!(slug(text), *expected, "{text:?}");
        }
        assert_eq!(slug(&"a".repeat(40)).map(str::len), Ok(40));
    }
}
