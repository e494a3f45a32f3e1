//! Release input: semantic versions, changelogs, dates, links and reasons.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::governance::release::Stage as S;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap()
}

#[test]
fn versions_are_semantic_and_canonical() {
    assert_eq!(validate_version(" v1.4.0 "), Ok("1.4.0".into()));
    assert_eq!(validate_version("2.0.0-rc.1"), Ok("2.0.0-rc.1".into()));
    // The standard's own examples.
    for good in [
        "0.0.0",
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-0.3.7",
        "1.0.0-x.7.z.92",
        "1.0.0-x-y-z.--",
        "1.0.0-alpha+001",
        "1.0.0+20130313144700",
        "1.0.0-beta+exp.sha.5114f85",
        "1.0.0+21AF26D3----117B344092BD",
    ] {
        assert_eq!(validate_version(good), Ok(good.into()), "{good}");
    }
    for bad in [
        "1.4",
        "latest",
        "01.2.3",
        "1.2.3 beta",
        "1.2.3.4",
        "1.2.-3",
        "1.2.3-",
        "1.2.3-01",
        "1.2.3-rc..1",
        "1.2.3-rc_1",
        "1.2.3+",
        "1.2.3+a+b",
        "1.2.3-é",
        "99999999999999999999.0.0",
        "",
        "v",
        &"1".repeat(70),
    ] {
        assert_eq!(validate_version(bad), Err(InputError::BadVersion), "{bad}");
    }
    assert!(S::Feedback.holds_version());
    assert!(!S::Rejected.holds_version());
    assert!(!S::Draft.holds_version());
}

#[test]
fn changelogs_dates_links_and_reasons_are_checked() {
    assert_eq!(
        validate_changelog("\u{200B} "),
        Err(InputError::ChangelogEmpty)
    );
    assert_eq!(
        validate_changelog(&"x".repeat(CHANGELOG_MAX + 1)),
        Err(InputError::ChangelogTooLong)
    );
    assert_eq!(
        planned_date("2026-06-01", now()),
        Ok(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap())
    );
    assert_eq!(
        planned_date("2026-05-31", now()),
        Err(InputError::BadPlannedDate)
    );
    assert_eq!(
        planned_date("next week", now()),
        Err(InputError::BadPlannedDate)
    );
    for good in [
        "https://github.com/o/r/releases/tag/v1.4.0-rc.1",
        "http://example.org",
        "https://[::1]:8080/x?y#z",
    ] {
        assert_eq!(validate_link(good), Ok(good.to_owned()), "{good}");
    }
    for bad in [
        "github.com/o/r",
        "ftp://example.org/x",
        "https://",
        "https:///path",
        "https://exa mple.org",
        "javascript:alert(1)",
        "https://<@123>",
    ] {
        assert_eq!(validate_link(bad), Err(InputError::BadLink), "{bad}");
    }
    let long = format!("https://e.org/{}", "a".repeat(LINK_MAX));
    assert_eq!(validate_link(&long), Err(InputError::BadLink));
    assert_eq!(validate_reason("\u{3164}"), Err(InputError::BadReason));
    assert_eq!(
        validate_reason(" Crashes on start "),
        Ok("Crashes on start".into())
    );
}
