//! Which activity counts for succession planning ("if a maintainer or TSC member becomes
//! inactive"): Discord, GitHub or both, as the policy's `activity_sources` says, and what a
//! member's last activity is when the two disagree or GitHub's data is missing.
//!
//! Two promises shape the rules: a member without a linked GitHub account (or a bot without
//! GitHub polling) is judged on Discord alone, whatever the policy says; and a failed or late
//! poll never makes anyone look inactive: a member whose GitHub data is not current is not
//! judged at all until it is.

use chrono::{DateTime, Duration, Utc};

use super::policy::ActivitySources;

/// GitHub data older than this is not current: the daily poll missed more than a day.
pub const FRESH_FOR: Duration = Duration::days(2);

/// Where a member's last activity was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Discord,
    Github,
}

/// What is known of a member's GitHub activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Github {
    /// Their latest public activity in the project's repositories, if any was ever seen.
    pub at: Option<DateTime<Utc>>,
    /// When a poll last read their activity successfully.
    pub checked_at: Option<DateTime<Utc>>,
}

/// A member's activity as succession planning reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastActivity {
    /// The latest counted activity and where it was seen; `None`: none seen yet (the quiet
    /// period runs from when they took office).
    Known(Option<(DateTime<Utc>, Source)>),
    /// GitHub counts for this member but its data is not current (just linked, or polling
    /// fails): no step is taken until it is.
    AwaitingGithub,
}

impl LastActivity {
    /// The time of the last counted activity, if known.
    pub fn at(&self) -> Option<DateTime<Utc>> {
        match self {
            Self::Known(known) => known.map(|(at, _)| at),
            Self::AwaitingGithub => None,
        }
    }
}

/// The last activity that counts. `github` is `None` for a member with no linked login;
/// `polling` is whether the bot reads GitHub for this server (a token and repositories set).
pub fn last_activity(
    sources: ActivitySources,
    discord: Option<DateTime<Utc>>,
    github: Option<Github>,
    polling: bool,
    now: DateTime<Utc>,
) -> LastActivity {
    let github = github.filter(|_| sources.github);
    let Some(github) = github else {
        // No link, or GitHub does not count: Discord alone.
        return LastActivity::Known(discord.map(|at| (at, Source::Discord)));
    };
    let fresh = github.checked_at.is_some_and(|c| now - c < FRESH_FOR);
    if polling && !fresh {
        return LastActivity::AwaitingGithub;
    }
    // Without polling, Discord is the fallback whatever the policy; activity GitHub showed
    // before polling stopped still happened, so it still counts.
    let discord = discord.filter(|_| sources.discord || !polling);
    let candidates = [
        discord.map(|at| (at, Source::Discord)),
        github.at.map(|at| (at, Source::Github)),
    ];
    LastActivity::Known(candidates.into_iter().flatten().max_by_key(|(at, _)| *at))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, d, 12, 0, 0).unwrap()
    }

    const BOTH: ActivitySources = ActivitySources {
        discord: true,
        github: true,
    };
    const DISCORD: ActivitySources = ActivitySources {
        discord: true,
        github: false,
    };
    const GITHUB: ActivitySources = ActivitySources {
        discord: false,
        github: true,
    };

    fn gh(at: Option<DateTime<Utc>>, checked: DateTime<Utc>) -> Option<Github> {
        Some(Github {
            at,
            checked_at: Some(checked),
        })
    }

    #[test]
    fn the_latest_of_the_counted_sources_wins() {
        use LastActivity::{AwaitingGithub, Known};
        use Source::{Discord, Github as Gh};
        let now = at(6, 1);
        let fresh = at(5, 31);
        let stale = at(5, 20);
        // (what, policy, discord, github, polling, expected)
        let cases = [
            // "Most maintainers of an open-source project work on GitHub."
            (
                "silent on Discord, reviewing on GitHub",
                BOTH,
                Some(at(1, 1)),
                gh(Some(at(5, 28)), fresh),
                true,
                Known(Some((at(5, 28), Gh))),
            ),
            (
                "chatting on Discord, GitHub older",
                BOTH,
                Some(at(5, 30)),
                gh(Some(at(2, 1)), fresh),
                true,
                Known(Some((at(5, 30), Discord))),
            ),
            (
                "GitHub only: a single hi does not reset the clock",
                GITHUB,
                Some(at(5, 30)),
                gh(Some(at(1, 1)), fresh),
                true,
                Known(Some((at(1, 1), Gh))),
            ),
            (
                "Discord only: GitHub is ignored",
                DISCORD,
                Some(at(1, 1)),
                gh(Some(at(5, 28)), fresh),
                true,
                Known(Some((at(1, 1), Discord))),
            ),
            (
                "no link: Discord alone, even when the policy says GitHub only",
                GITHUB,
                Some(at(3, 1)),
                None,
                true,
                Known(Some((at(3, 1), Discord))),
            ),
            (
                "no polling: Discord counts, and GitHub seen before still does",
                GITHUB,
                Some(at(3, 1)),
                gh(Some(at(4, 1)), stale),
                false,
                Known(Some((at(4, 1), Gh))),
            ),
            (
                "polling failed for days: not judged",
                BOTH,
                Some(at(1, 1)),
                gh(Some(at(1, 2)), stale),
                true,
                AwaitingGithub,
            ),
            (
                "just linked, never polled: not judged",
                BOTH,
                None,
                Some(Github {
                    at: None,
                    checked_at: None,
                }),
                true,
                AwaitingGithub,
            ),
            (
                "nothing anywhere",
                BOTH,
                None,
                gh(None, fresh),
                true,
                Known(None),
            ),
        ];
        for (what, policy, discord, github, polling, expected) in cases {
            assert_eq!(
                last_activity(policy, discord, github, polling, now),
                expected,
                "{what}"
            );
        }
    }

    #[test]
    fn data_is_current_for_two_days() {
        let now = at(6, 3);
        let two_days = now - FRESH_FOR;
        let github = gh(Some(at(6, 1)), two_days + Duration::seconds(1));
        assert!(matches!(
            last_activity(BOTH, None, github, true, now),
            LastActivity::Known(Some(_))
        ));
        let github = gh(Some(at(6, 1)), two_days);
        assert_eq!(
            last_activity(BOTH, None, github, true, now),
            LastActivity::AwaitingGithub
        );
    }
}
