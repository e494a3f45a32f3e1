//! Third-party dependencies: "The project maintains a list of approved third-party dependencies.
//! Adding new dependencies requires: 1. A proposal documenting the need and alternatives
//! considered 2. Security and license compatibility review 3. Maintainer approval." As one pure
//! state machine per proposal (an addition, or the removal of an approved dependency), and the
//! checks of what members type.

use serde::{Deserialize, Serialize};

use super::text::{self, TextError};

/// Longest dependency name, in characters.
pub const NAME_MAX: usize = 100;
/// Longest version (or version requirement), in characters.
pub const VERSION_MAX: usize = 50;
/// Longest ecosystem name (`cargo`, `npm`, …), in characters.
pub const ECOSYSTEM_MAX: usize = 30;
/// Longest need, alternatives, note or reason, in characters.
pub const TEXT_MAX: usize = 1000;

/// What a proposal asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Add a dependency to the approved list.
    Addition,
    /// Take an approved dependency off the list.
    Removal,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Self::Addition => "addition",
            Self::Removal => "removal",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Addition, Self::Removal]
            .into_iter()
            .find(|k| k.key() == key)
    }
}

/// Where a proposal stands. Stored by [`Stage::key`]: add, never rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// `/dependency propose` ran; the form has not been submitted yet.
    Draft,
    /// Step 2: the security and license reviews are under way.
    Review,
    /// Step 3: both reviews passed (or, for a removal, none is needed); a maintainer decides.
    AwaitingApproval,
    Approved,
    Rejected,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Self::Draft,
        Self::Review,
        Self::AwaitingApproval,
        Self::Approved,
        Self::Rejected,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Review => "review",
            Self::AwaitingApproval => "awaiting_approval",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// A proposal still being decided.
    pub fn in_flight(self) -> bool {
        matches!(self, Self::Review | Self::AwaitingApproval)
    }
}

/// The two reviews of step 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    Security,
    License,
}

impl Review {
    pub fn key(self) -> &'static str {
        match self {
            Self::Security => "security",
            Self::License => "license",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Security, Self::License]
            .into_iter()
            .find(|r| r.key() == key)
    }
}

/// Where one review stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Pending,
    Passed,
    Rejected,
}

impl Verdict {
    pub fn key(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Passed => "passed",
            Self::Rejected => "rejected",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Pending, Self::Passed, Self::Rejected]
            .into_iter()
            .find(|v| v.key() == key)
    }
}

/// What the rules need to know of a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub kind: Kind,
    pub stage: Stage,
    pub security: Verdict,
    pub license: Verdict,
}

impl Facts {
    pub fn verdict(&self, review: Review) -> Verdict {
        match review {
            Review::Security => self.security,
            Review::License => self.license,
        }
    }
}

/// Something that happens to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The form was submitted (step 1 done).
    Submit,
    /// A review was signed off (`pass`) or rejected.
    Reviewed { review: Review, pass: bool },
    /// A maintainer approved or rejected the proposal.
    Decided { approve: bool },
}

/// Why a step was refused; each is a message the member reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("this review was already given")]
    AlreadyReviewed,
    #[error("a removal needs no review")]
    NoReviewForRemoval,
    #[error("the reviews are not both passed yet")]
    ReviewsPending,
    #[error("the proposal was already decided")]
    Decided,
    #[error("the form was not submitted")]
    NotSubmitted,
}

/// The proposal after a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Next {
    pub stage: Stage,
    pub security: Verdict,
    pub license: Verdict,
}

/// The one transition function. Who may cause each event (the security team or a maintainer,
/// never the proposer) is the permission table's.
pub fn transition(facts: &Facts, event: Event) -> Result<Next, Refusal> {
    let mut next = Next {
        stage: facts.stage,
        security: facts.security,
        license: facts.license,
    };
    match (event, facts.stage) {
        (_, Stage::Approved | Stage::Rejected) => Err(Refusal::Decided),
        (Event::Submit, Stage::Draft) => {
            next.stage = match facts.kind {
                Kind::Addition => Stage::Review,
                // Taking a dependency off the list needs no review, only the approval.
                Kind::Removal => Stage::AwaitingApproval,
            };
            Ok(next)
        }
        (_, Stage::Draft) => Err(Refusal::NotSubmitted),
        (Event::Submit, _) => Err(Refusal::Decided),
        (Event::Reviewed { .. }, _) if facts.kind == Kind::Removal => {
            Err(Refusal::NoReviewForRemoval)
        }
        (Event::Reviewed { review, pass }, Stage::Review) => {
            if facts.verdict(review) != Verdict::Pending {
                return Err(Refusal::AlreadyReviewed);
            }
            let verdict = if pass {
                Verdict::Passed
            } else {
                Verdict::Rejected
            };
            match review {
                Review::Security => next.security = verdict,
                Review::License => next.license = verdict,
            }
            next.stage = if !pass {
                // "Either may reject with a reason": the proposal ends there.
                Stage::Rejected
            } else if next.security == Verdict::Passed && next.license == Verdict::Passed {
                Stage::AwaitingApproval
            } else {
                Stage::Review
            };
            Ok(next)
        }
        (Event::Reviewed { .. }, _) => Err(Refusal::AlreadyReviewed),
        (Event::Decided { approve }, Stage::AwaitingApproval) => {
            next.stage = if approve {
                Stage::Approved
            } else {
                Stage::Rejected
            };
            Ok(next)
        }
        (Event::Decided { .. }, _) => Err(Refusal::ReviewsPending),
    }
}

/// Why member input was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("the name is empty, too long or has spaces")]
    BadName,
    #[error("the version is too long")]
    BadVersion,
    #[error("the ecosystem is too long or has spaces")]
    BadEcosystem,
    #[error("the need is required")]
    NeedRequired,
    #[error("the alternatives considered are required")]
    AlternativesRequired,
    #[error("a note or reason is required")]
    NoteRequired,
    #[error("a text is too long")]
    TooLong,
    #[error("this dependency is already approved or proposed")]
    Duplicate,
    #[error("this dependency is not on the approved list")]
    NotApproved,
}

/// A package name as typed (`serde`, `@types/node`, `golang.org/x/net`): visible, no spaces.
pub fn validate_name(text: &str) -> Result<String, InputError> {
    let name = text::visible(text, NAME_MAX).map_err(|_| InputError::BadName)?;
    if name.chars().any(char::is_whitespace) {
        return Err(InputError::BadName);
    }
    Ok(name)
}

/// An optional version or requirement (`1.0`, `^2.3`).
pub fn validate_version(text: Option<&str>) -> Result<Option<String>, InputError> {
    text::optional(text.unwrap_or(""), VERSION_MAX).map_err(|_| InputError::BadVersion)
}

/// An optional ecosystem, lowercased (`Cargo` and `cargo` are one).
pub fn validate_ecosystem(text: Option<&str>) -> Result<Option<String>, InputError> {
    let ecosystem =
        text::optional(text.unwrap_or(""), ECOSYSTEM_MAX).map_err(|_| InputError::BadEcosystem)?;
    match ecosystem {
        Some(e) if e.chars().any(char::is_whitespace) => Err(InputError::BadEcosystem),
        other => Ok(other.map(|e| e.to_lowercase())),
    }
}

/// What makes two proposals the same dependency: the name without case, and the ecosystem.
pub fn identity(name: &str, ecosystem: Option<&str>) -> String {
    format!("{}:{}", ecosystem.unwrap_or(""), name.to_lowercase())
}

fn required(text: &str, empty: InputError) -> Result<String, InputError> {
    text::visible(text, TEXT_MAX).map_err(|e| match e {
        TextError::Empty => empty,
        TextError::TooLong => InputError::TooLong,
    })
}

/// The proposal's need and the alternatives considered: both required ("a proposal
/// documenting the need and alternatives considered").
pub fn validate_proposal(need: &str, alternatives: &str) -> Result<(String, String), InputError> {
    Ok((
        required(need, InputError::NeedRequired)?,
        required(alternatives, InputError::AlternativesRequired)?,
    ))
}

/// A review's note, a rejection's or a removal's reason.
pub fn validate_note(text: &str) -> Result<String, InputError> {
    required(text, InputError::NoteRequired)
}

#[cfg(test)]
#[path = "dependency_tests.rs"]
mod tests;
