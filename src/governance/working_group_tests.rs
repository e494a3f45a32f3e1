use chrono::TimeZone;

use super::*;
fn charter() -> Charter {
    Charter {
        scope: "WASI preview 2".into(),
        deliverables: "A design doc".into(),
        timeline: "Six months".into(),
        resources: "CI minutes".into(),
        reporting: "Every four weeks".into(),
    }
}

#[test]
fn slugs_are_what_discord_keeps_of_a_channel_name() {
    assert_eq!(slug("WASI Preview 2"), "wasi-preview-2");
    assert_eq!(slug("  Docs & Website!! "), "docs-website");
    assert_eq!(slug("Über--Sicherheit"), "über-sicherheit");
    assert_eq!(slug("!!!"), "");
    assert_eq!(validate_name("!!!"), Err(WgError::BadName));
    assert_eq!(
        validate_name(&"x".repeat(NAME_MAX + 1)),
        Err(WgError::NameTooLong)
    );
    assert_eq!(validate_name(" Docs "), Ok("Docs".into()));
}

#[test]
fn a_charter_needs_all_five_fields_within_limits() {
    assert_eq!(charter().validated(), Ok(charter()));
    let missing = Charter {
        resources: "  ".into(),
        ..charter()
    };
    assert_eq!(missing.validated(), Err(WgError::CharterFieldEmpty));
    let long = Charter {
        scope: "s".repeat(CHARTER_FIELD_MAX + 1),
        ..charter()
    };
    assert_eq!(long.validated(), Err(WgError::CharterFieldTooLong));
}

#[test]
fn reporting_cadence_is_whole_days() {
    assert_eq!(report_cadence(None), Ok(28));
    assert_eq!(report_cadence(Some("2w")), Ok(14));
    assert_eq!(report_cadence(Some("30d")), Ok(30));
    for bad in ["12h", "0d", "400d", "often", "1d 3h"] {
        assert_eq!(report_cadence(Some(bad)), Err(WgError::BadCadence), "{bad}");
    }
}

#[test]
fn end_dates_lie_in_the_future() {
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
    assert_eq!(end_date(None, now), Ok(None));
    assert_eq!(
        end_date(Some("2026-12-31"), now),
        Ok(Some(Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap()))
    );
    assert_eq!(end_date(Some("2026-06-01"), now), Err(WgError::BadEndDate));
    assert_eq!(end_date(Some("31.12.2026"), now), Err(WgError::BadEndDate));
}

#[test]
fn founding_members_drop_the_chair_and_duplicates() {
    assert_eq!(
        founding_members(&[11, 12, 13, 11, 10], 10),
        Ok(vec![11, 12, 13])
    );
    assert_eq!(founding_members(&[], 10), Ok(vec![]));
    let many: Vec<u64> = (1..=FOUNDING_MAX as u64 + 1).collect();
    assert_eq!(founding_members(&many, 0), Err(WgError::TooManyMembers));
}

#[test]
fn report_deadlines_and_reminders() {
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let due = next_report_due(start, 28);
    assert_eq!(due, Utc.with_ymd_and_hms(2026, 1, 29, 0, 0, 0).unwrap());
    assert_eq!(
        overdue_flag_at(due, 7),
        Utc.with_ymd_and_hms(2026, 2, 5, 0, 0, 0).unwrap()
    );
    let ends = Utc.with_ymd_and_hms(2026, 6, 30, 0, 0, 0).unwrap();
    assert_eq!(
        end_reminder_at(ends, 14, start),
        Some(Utc.with_ymd_and_hms(2026, 6, 16, 0, 0, 0).unwrap())
    );
    assert_eq!(end_reminder_at(ends, 14, ends - Duration::days(3)), None);
    assert_eq!(validate_report("  "), Err(WgError::BadReport));
}

#[test]
fn status_keys_round_trip() {
    for s in [
        Status::Draft,
        Status::Proposed,
        Status::Active,
        Status::Rejected,
        Status::Closed,
    ] {
        assert_eq!(Status::from_key(s.key()), Some(s));
    }
}

/// One pending request at a time, and after a decline a cool-down of `wg_join_cooldown_days`.
#[test]
fn a_join_request_waits_for_the_pending_one_and_the_cool_down() {
    let now = Utc.with_ymd_and_hms(2026, 5, 10, 12, 0, 0).unwrap();
    let day = Duration::days(1);
    assert_eq!(check_join_request(None, None, 7, now), Ok(()));
    assert_eq!(
        check_join_request(Some(now - day), None, 7, now),
        Err(WgError::JoinPending {
            asked_at: now - day
        }),
        "a second request while one waits"
    );
    assert_eq!(
        check_join_request(None, Some(now - day * 6), 7, now),
        Err(WgError::JoinTooSoon { until: now + day }),
        "declined six days ago, the cool-down is seven"
    );
    assert_eq!(
        check_join_request(None, Some(now - day * 7), 7, now),
        Ok(())
    );
    assert_eq!(check_join_request(None, Some(now - day), 1, now), Ok(()));
}

mod properties {
    use chrono::{Duration, TimeZone, Utc};
    use proptest::prelude::*;

    use super::super::*;

    proptest! {
        /// A channel name Discord keeps as is: lowercase letters and digits joined by single
        /// dashes, bounded, the same when slugged again.
        #[test]
        fn slugs_are_what_discord_keeps(name in "\\PC{0,150}") {
            let s = slug(&name);
            prop_assert!(s.chars().count() <= NAME_MAX);
            prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"));
            prop_assert!(s.chars().all(|c| c == '-'
                || (c.is_alphanumeric() && c.to_lowercase().eq(std::iter::once(c)))));
            prop_assert_eq!(slug(&s), s.clone());
        }

        #[test]
        fn a_valid_name_always_has_a_channel(name in "\\PC{0,150}") {
            if let Ok(kept) = validate_name(&name) {
                prop_assert!(!slug(&kept).is_empty());
                prop_assert_eq!(kept.as_str(), name.trim());
            }
        }

        /// Reports fall due a cadence after the last, are flagged a grace period later, and a
        /// charter's end reminder never lies in the past nor after the end.
        #[test]
        fn report_and_charter_dates_keep_their_order(
            start in 0i64..4_000_000_000,
            cadence in 1u32..=365,
            grace in 0u32..=366,
            before in 0u32..=366,
            ends_in in 1i64..800,
        ) {
            let since = Utc.timestamp_opt(start, 0).unwrap();
            let due = next_report_due(since, cadence);
            prop_assert_eq!(due - since, Duration::days(i64::from(cadence)));
            prop_assert!(overdue_flag_at(due, grace) >= due);
            let ends = since + Duration::days(ends_in);
            match end_reminder_at(ends, before, since) {
                Some(at) => prop_assert!(at > since && at <= ends),
                None => prop_assert!(i64::from(before) >= ends_in),
            }
        }

        #[test]
        fn founding_members_never_hold_the_chair_or_a_duplicate(
            ids in prop::collection::vec(1u64..30, 0..40),
            chair in 1u64..30,
        ) {
            if let Ok(members) = founding_members(&ids, chair) {
                prop_assert!(!members.contains(&chair));
                let mut unique = members.clone();
                unique.sort_unstable();
                unique.dedup();
                prop_assert_eq!(unique.len(), members.len());
                prop_assert!(ids.iter().all(|id| *id == chair || members.contains(id)));
            }
        }
    }
}
