//! What members type about a release, checked: the version, the changelog, the planned date,
//! links and reasons.

use chrono::{DateTime, NaiveDate, Utc};

use super::{CHANGELOG_MAX, LINK_MAX, REASON_MAX, VERSION_MAX};
use crate::governance::text::{self, TextError};

/// Why member input was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("not a semantic version")]
    BadVersion,
    #[error("this version was released or is in flight")]
    VersionTaken,
    #[error("the changelog is empty")]
    ChangelogEmpty,
    #[error("the changelog is too long")]
    ChangelogTooLong,
    #[error("the planned date is not a date from today on (YYYY-MM-DD)")]
    BadPlannedDate,
    #[error("not an http(s) link")]
    BadLink,
    #[error("the reason is empty or too long")]
    BadReason,
}

/// A semantic version as typed (`1.4.0`, `v2.0.0-rc.1`), in its canonical form (without `v`).
pub fn validate_version(text: &str) -> Result<String, InputError> {
    let text = text.trim();
    let bare = text
        .strip_prefix('v')
        .or_else(|| text.strip_prefix('V'))
        .unwrap_or(text);
    if bare.chars().count() > VERSION_MAX {
        return Err(InputError::BadVersion);
    }
    if is_semver(bare) {
        Ok(bare.to_string())
    } else {
        Err(InputError::BadVersion)
    }
}

/// The grammar of Semantic Versioning 2.0.0: `MAJOR.MINOR.PATCH`, then an optional
/// `-pre.release` and `+build.metadata`, each a dot-separated list of non-empty identifiers of
/// ASCII letters, digits and hyphens; numbers (the core's, and numeric pre-release identifiers)
/// without leading zeros.
fn is_semver(text: &str) -> bool {
    let (rest, build) = match text.split_once('+') {
        Some((rest, build)) => (rest, Some(build)),
        None => (text, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (rest, None),
    };
    let identifiers = |list: &str, numbers_canonical: bool| {
        list.split('.').all(|id| {
            !id.is_empty()
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && (!numbers_canonical || !id.bytes().all(|b| b.is_ascii_digit()) || number(id))
        })
    };
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|n| number(n))
        && pre.is_none_or(|pre| identifiers(pre, true))
        && build.is_none_or(|build| identifiers(build, false))
}

/// A version number: digits without a leading zero, within what a u64 holds.
fn number(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'))
        && text.parse::<u64>().is_ok()
}

/// The changelog: visible text within [`CHANGELOG_MAX`].
pub fn validate_changelog(text: &str) -> Result<String, InputError> {
    text::visible(text, CHANGELOG_MAX).map_err(|e| match e {
        TextError::Empty => InputError::ChangelogEmpty,
        TextError::TooLong => InputError::ChangelogTooLong,
    })
}

/// The planned date (`2026-07-01`): today or later, UTC.
pub fn planned_date(text: &str, now: DateTime<Utc>) -> Result<NaiveDate, InputError> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| InputError::BadPlannedDate)?;
    if date < now.date_naive() {
        return Err(InputError::BadPlannedDate);
    }
    Ok(date)
}

/// An `http://` or `https://` link with a host, without spaces, within [`LINK_MAX`].
pub fn validate_link(text: &str) -> Result<String, InputError> {
    let link = text.trim();
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"))
        .ok_or(InputError::BadLink)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        && host.chars().any(|c| c.is_ascii_alphanumeric());
    if !host_ok
        || link.chars().count() > LINK_MAX
        || link.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(InputError::BadLink);
    }
    Ok(link.to_owned())
}

/// A reason (why an issue blocks, why it does not, why the release is withdrawn).
pub fn validate_reason(text: &str) -> Result<String, InputError> {
    text::visible(text, REASON_MAX).map_err(|_| InputError::BadReason)
}

#[cfg(test)]
#[path = "release_input_tests.rs"]
mod tests;
