//! Tables of GitHub's naming rules, the project's sources and the rate-limit arithmetic.

use chrono::TimeZone;

use super::*;

#[test]
fn logins_follow_githubs_username_rules() {
    // (input, accepted as)
    let cases: [(&str, Option<&str>); 12] = [
        ("octocat", Some("octocat")),
        (" @Mona-Lisa ", Some("Mona-Lisa")),
        ("a", Some("a")),
        (
            "abcdefghijklmnopqrstuvwxyz-0123456789ab",
            Some("abcdefghijklmnopqrstuvwxyz-0123456789ab"),
        ),
        ("", None),
        ("-lead", None),
        ("trail-", None),
        ("dou--ble", None),
        ("under_score", None),
        ("dot.ted", None),
        ("spa ce", None),
        ("ünï", None),
    ];
    for (input, expected) in cases {
        assert_eq!(login(input).ok().as_deref(), expected, "{input:?}");
    }
    assert_eq!(login(&"x".repeat(40)), Err(GithubInputError::BadLogin));
}

#[test]
fn sources_name_one_organisation_and_its_repositories() {
    let org = Sources::parse(" wasm-sandbox ").unwrap();
    assert_eq!(org.owner, "wasm-sandbox");
    assert!(org.repos.is_empty());
    let repos = Sources::parse("wasm-sandbox/core, wasm-sandbox/cli wasm-sandbox/core").unwrap();
    assert_eq!(repos.owner, "wasm-sandbox");
    assert_eq!(repos.repos, ["wasm-sandbox/core", "wasm-sandbox/cli"]);
    let both = Sources::parse("https://github.com/wasm-sandbox/, wasm-sandbox/docs").unwrap();
    assert_eq!(both.owner, "wasm-sandbox");
    assert_eq!(both.repos, ["wasm-sandbox/docs"]);
    assert_eq!(both.show(), "wasm-sandbox/docs");
    assert_eq!(org.show(), "wasm-sandbox");
    // Bad input, each with its reason.
    let refusals = [
        ("", GithubInputError::Empty),
        (" , ", GithubInputError::Empty),
        (
            "wasm-sandbox, someone/fork",
            GithubInputError::OutsideOrganisation("someone/fork".into()),
        ),
        (
            "wasm-sandbox/core, other/core",
            GithubInputError::OutsideOrganisation("other/core".into()),
        ),
        ("one, two", GithubInputError::TwoOrganisations),
        ("bad_org", GithubInputError::BadName("bad_org".into())),
        ("org/..", GithubInputError::BadName("org/..".into())),
        ("org/a/b", GithubInputError::BadName("org/a/b".into())),
    ];
    for (input, expected) in refusals {
        assert_eq!(Sources::parse(input), Err(expected), "{input:?}");
    }
    let many: Vec<String> = (0..=REPOS_MAX).map(|i| format!("o/r{i}")).collect();
    assert_eq!(
        Sources::parse(&many.join(",")),
        Err(GithubInputError::TooMany)
    );
}

#[test]
fn only_work_in_the_projects_repositories_counts() {
    let at = |d: u32| Utc.with_ymd_and_hms(2026, 5, d, 8, 0, 0).unwrap();
    let event = |kind: &str, repo: &str, d: u32| Event {
        kind: kind.into(),
        repo: repo.into(),
        at: at(d),
    };
    let events = [
        event("WatchEvent", "wasm-sandbox/core", 9),
        event("PushEvent", "someone/else", 8),
        event("PullRequestReviewEvent", "wasm-sandbox/core", 5),
        event("IssueCommentEvent", "Wasm-Sandbox/cli", 6),
        event("ForkEvent", "wasm-sandbox/cli", 7),
    ];
    let org = Sources::parse("wasm-sandbox").unwrap();
    assert_eq!(
        latest_activity(&org, &events),
        Some(at(6)),
        "case-insensitive owner"
    );
    let core = Sources::parse("wasm-sandbox/core").unwrap();
    assert_eq!(latest_activity(&core, &events), Some(at(5)));
    assert_eq!(
        latest_activity(&core, &events[..2]),
        None,
        "stars are not work"
    );
}

#[test]
fn a_spent_budget_resumes_at_its_reset_and_a_secondary_limit_after_retry_after() {
    let now = Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap();
    let reset = now + Duration::minutes(40);
    let spent = RateHeaders {
        remaining: Some(0),
        reset: Some(reset.timestamp()),
        retry_after: None,
    };
    assert!(spent.exhausted());
    assert_eq!(spent.resume_at(now), reset);
    let secondary = RateHeaders {
        retry_after: Some(90),
        ..RateHeaders::default()
    };
    assert!(!secondary.exhausted());
    assert_eq!(secondary.resume_at(now), now + Duration::seconds(90));
    // A reset in the past (clocks differ) or no headers at all: never before now, a minute on.
    let past = RateHeaders {
        reset: Some((now - Duration::hours(1)).timestamp()),
        ..spent
    };
    assert_eq!(past.resume_at(now), now);
    assert_eq!(
        RateHeaders::default().resume_at(now),
        now + Duration::minutes(1)
    );
}

#[test]
fn failing_for_three_days_means_three_days_with_failed_reads() {
    let monday = Utc.with_ymd_and_hms(2026, 5, 4, 23, 0, 0).unwrap();
    assert!(!failing_long_enough(monday, monday));
    assert!(
        !failing_long_enough(monday, monday + Duration::hours(2)),
        "Tuesday"
    );
    assert!(
        failing_long_enough(monday, monday + Duration::hours(25)),
        "Wednesday"
    );
    assert!(failing_long_enough(monday, monday + Duration::days(9)));
}
