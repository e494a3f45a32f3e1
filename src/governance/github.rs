//! GitHub identities and activity as pure rules: which logins GitHub accepts, which
//! organisation and repositories a project names, which public events count as work on the
//! project, and when a rate-limited poll may resume. The HTTP lives in `crate::github`.

use chrono::{DateTime, Duration, TimeZone, Utc};

/// The longest GitHub login.
pub const LOGIN_MAX: usize = 39;
/// The longest text `/govern setup github:` takes (an organisation and some repositories).
pub const SOURCES_MAX: usize = 400;
/// At most this many repositories are named (one request each to check them at set-up).
pub const REPOS_MAX: usize = 20;
/// Reads that failed on this many days in a row are "polling has failed for 3 days": the TSC
/// is told, once per run of failures.
pub const FAILING_DAYS: i64 = 3;

/// Why a login or a repository list was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GithubInputError {
    #[error("not a GitHub username")]
    BadLogin,
    #[error("nothing named")]
    Empty,
    #[error("not an organisation or repository name: {0}")]
    BadName(String),
    #[error("two organisations named")]
    TwoOrganisations,
    #[error("repository outside the organisation: {0}")]
    OutsideOrganisation(String),
    #[error("too many repositories")]
    TooMany,
}

/// GitHub's username rules: 1 to 39 characters, ASCII letters, digits and single hyphens, not
/// starting or ending with a hyphen. Returns the login trimmed (an `@` in front is dropped, as
/// members often type it).
pub fn login(text: &str) -> Result<String, GithubInputError> {
    let login = text.trim();
    let login = login.strip_prefix('@').unwrap_or(login);
    let ok = (1..=LOGIN_MAX).contains(&login.len())
        && login.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !login.starts_with('-')
        && !login.ends_with('-')
        && !login.contains("--");
    ok.then(|| login.to_owned())
        .ok_or(GithubInputError::BadLogin)
}

/// A repository name: 1 to 100 of ASCII letters, digits, `.`, `-`, `_`; not `.` or `..`.
fn repo_name(name: &str) -> bool {
    (1..=100).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        && name != "."
        && name != ".."
}

/// Where a project's GitHub activity is read: its organisation (or user account), and
/// optionally only some of its repositories.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sources {
    pub owner: String,
    /// `owner/name` of each repository read; empty: every repository of the owner.
    pub repos: Vec<String>,
}

impl Sources {
    /// Parses `org`, `org/repo, org/other` or both, separated by commas or spaces
    /// (`https://github.com/` in front of a name is dropped). Every repository must belong to
    /// the one organisation: the project's GitHub is one place.
    pub fn parse(text: &str) -> Result<Self, GithubInputError> {
        let mut owner: Option<String> = None;
        let mut repos: Vec<String> = Vec::new();
        let names = text
            .split(|c: char| c == ',' || c.is_whitespace())
            .map(|n| n.trim().trim_start_matches("https://github.com/"))
            .map(|n| n.trim_end_matches('/'))
            .filter(|n| !n.is_empty());
        for name in names {
            match name.split_once('/') {
                None => {
                    let org = login(name).map_err(|_| GithubInputError::BadName(name.into()))?;
                    match &owner {
                        Some(o) if !o.eq_ignore_ascii_case(&org) => {
                            return Err(GithubInputError::TwoOrganisations);
                        }
                        _ => owner = Some(org),
                    }
                }
                Some((org, repo)) => {
                    if login(org).is_err() || !repo_name(repo) {
                        return Err(GithubInputError::BadName(name.into()));
                    }
                    if !repos.iter().any(|r| r.eq_ignore_ascii_case(name)) {
                        repos.push(name.to_owned());
                    }
                }
            }
        }
        let owner = match (owner, repos.first()) {
            (Some(owner), _) => owner,
            (None, Some(first)) => first
                .split_once('/')
                .map(|(o, _)| o.to_owned())
                .unwrap_or_default(),
            (None, None) => return Err(GithubInputError::Empty),
        };
        if let Some(outside) = repos.iter().find(|r| {
            r.split_once('/')
                .is_none_or(|(o, _)| !o.eq_ignore_ascii_case(&owner))
        }) {
            return Err(GithubInputError::OutsideOrganisation(outside.clone()));
        }
        if repos.len() > REPOS_MAX {
            return Err(GithubInputError::TooMany);
        }
        Ok(Self { owner, repos })
    }

    /// Whether work in `repo` (`owner/name`, as GitHub's events name it) is work on the project.
    pub fn covers(&self, repo: &str) -> bool {
        if self.repos.is_empty() {
            repo.split_once('/')
                .is_some_and(|(o, _)| o.eq_ignore_ascii_case(&self.owner))
        } else {
            self.repos.iter().any(|r| r.eq_ignore_ascii_case(repo))
        }
    }

    /// As members type it back (`/govern show`).
    pub fn show(&self) -> String {
        if self.repos.is_empty() {
            self.owner.clone()
        } else {
            self.repos.join(", ")
        }
    }
}

/// One public event of a member, as GitHub lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// GitHub's event type (`PushEvent`, `PullRequestReviewEvent`, ...).
    pub kind: String,
    /// `owner/name`.
    pub repo: String,
    pub at: DateTime<Utc>,
}

/// The event types that are work on the project: pushes, pull requests opened, reviewed and
/// merged (and review comments), issues and their comments. Stars, forks and watching are not.
pub const COUNTED: [&str; 6] = [
    "PushEvent",
    "PullRequestEvent",
    "PullRequestReviewEvent",
    "PullRequestReviewCommentEvent",
    "IssueCommentEvent",
    "IssuesEvent",
];

/// The latest counted event in the project's repositories; only its time is kept.
pub fn latest_activity(sources: &Sources, events: &[Event]) -> Option<DateTime<Utc>> {
    events
        .iter()
        .filter(|e| COUNTED.contains(&e.kind.as_str()) && sources.covers(&e.repo))
        .map(|e| e.at)
        .max()
}

/// Whether a run of failed reads that began at `since` has now lasted [`FAILING_DAYS`] days
/// (counted as calendar days, today included: failed on Monday, Tuesday and Wednesday).
pub fn failing_long_enough(since: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    (now.date_naive() - since.date_naive()).num_days() + 1 >= FAILING_DAYS
}

/// What GitHub's rate-limit headers said about a response.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateHeaders {
    /// `X-RateLimit-Remaining`.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`, in seconds since the epoch.
    pub reset: Option<i64>,
    /// `Retry-After`, in seconds (secondary limits).
    pub retry_after: Option<u64>,
}

impl RateHeaders {
    /// Whether another request now would be refused: the primary budget is spent until reset.
    pub fn exhausted(&self) -> bool {
        self.remaining == Some(0)
    }

    /// When to ask again after a refusal or a spent budget. GitHub's advice: wait `Retry-After`
    /// if given; else until `X-RateLimit-Reset` if the budget is spent; else at least a minute.
    /// Never before `now`.
    pub fn resume_at(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let minute = now + Duration::minutes(1);
        if let Some(secs) = self.retry_after {
            return now + Duration::seconds(i64::try_from(secs).unwrap_or(i64::MAX / 2_000));
        }
        match (self.exhausted(), self.reset) {
            (true, Some(reset)) => Utc
                .timestamp_opt(reset, 0)
                .single()
                .map_or(minute, |at| at.max(now)),
            _ => minute,
        }
    }
}

#[cfg(test)]
#[path = "github_tests.rs"]
mod tests;
