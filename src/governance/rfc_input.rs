//! What members type into an RFC or amendment (title, link, summary, revisions, reasons) and
//! the community's feedback, each trimmed, bounded and checked.

use serde::{Deserialize, Serialize};

use super::{
    CONCERN_MAX, LINK_MAX, REASON_MAX, RfcError, SUMMARY_FIELD_MAX, TITLE_MAX, WHAT_CHANGED_MAX,
};
use crate::governance::text::{self, TextError};

/// The title as typed, trimmed and checked.
pub fn validate_title(title: &str) -> Result<String, RfcError> {
    text::visible(title, TITLE_MAX).map_err(|e| match e {
        TextError::Empty => RfcError::TitleEmpty,
        TextError::TooLong => RfcError::TitleTooLong,
    })
}

/// The link to the GitHub issue, pull request or RFC-repository page: an absolute http(s) URL
/// with a host, no spaces, and nothing that could break out of Markdown.
pub fn validate_link(link: &str) -> Result<String, RfcError> {
    let link = link.trim();
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"))
        .ok_or(RfcError::BadLink)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host_name = host.split(':').next().unwrap_or("");
    let host_ok = !host_name.is_empty()
        && host_name.contains('.')
        && !host_name.starts_with('.')
        && !host_name.ends_with('.')
        && host_name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    let chars_ok = link
        .chars()
        .all(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '<' | '>' | '"' | '`'));
    if link.chars().count() > LINK_MAX || !host_ok || !chars_ok {
        return Err(RfcError::BadLink);
    }
    Ok(link.to_owned())
}

/// The summary form: motivation and proposal required, alternatives optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub motivation: String,
    pub proposal: String,
    pub alternatives: Option<String>,
}

impl Summary {
    pub fn validated(&self) -> Result<Summary, RfcError> {
        let field = |text: &str| {
            text::visible(text, SUMMARY_FIELD_MAX).map_err(|e| match e {
                TextError::Empty => RfcError::SummaryEmpty,
                TextError::TooLong => RfcError::SummaryTooLong,
            })
        };
        Ok(Summary {
            motivation: field(&self.motivation)?,
            proposal: field(&self.proposal)?,
            alternatives: text::optional(
                self.alternatives.as_deref().unwrap_or(""),
                SUMMARY_FIELD_MAX,
            )
            .map_err(|_| RfcError::SummaryTooLong)?,
        })
    }
}

/// What a revision changed, as the author tells it.
pub fn validate_what_changed(text: &str) -> Result<String, RfcError> {
    text::visible(text, WHAT_CHANGED_MAX).map_err(|_| RfcError::BadWhatChanged)
}

/// Why the TSC postpones a proposal.
pub fn validate_reason(text: &str) -> Result<String, RfcError> {
    text::visible(text, REASON_MAX).map_err(|_| RfcError::BadReason)
}

/// Community feedback on a proposal: non-binding, one per member, changeable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Support,
    Neutral,
    Concern,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Self::Support, Self::Neutral, Self::Concern];

    pub fn key(self) -> &'static str {
        match self {
            Self::Support => "support",
            Self::Neutral => "neutral",
            Self::Concern => "concern",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A concern carries a short visible text; support and neutral carry none.
pub fn feedback(stance: Stance, concern: Option<&str>) -> Result<Option<String>, RfcError> {
    match stance {
        Stance::Concern => text::visible(concern.unwrap_or(""), CONCERN_MAX)
            .map(Some)
            .map_err(|_| RfcError::BadConcern),
        Stance::Support | Stance::Neutral => Ok(None),
    }
}

/// Counts of community feedback.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackCount {
    pub support: u32,
    pub neutral: u32,
    pub concern: u32,
}

impl FeedbackCount {
    pub fn of(stances: impl IntoIterator<Item = Stance>) -> Self {
        let mut count = Self::default();
        for stance in stances {
            match stance {
                Stance::Support => count.support += 1,
                Stance::Neutral => count.neutral += 1,
                Stance::Concern => count.concern += 1,
            }
        }
        count
    }
}
