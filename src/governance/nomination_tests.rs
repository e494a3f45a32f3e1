use chrono::TimeZone;

use super::*;

pub(super) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap()
}

pub(super) fn roles(roles: &[GovRole]) -> RoleSet {
    RoleSet::new(roles.iter().copied())
}

fn nominee(r: &[GovRole]) -> Nominee {
    Nominee {
        member_id: 7,
        bot: false,
        roles: roles(r),
    }
}

const FULL: Mapping = Mapping {
    maintainer: true,
    contributor: true,
    private_channel: true,
};

pub(super) fn facts(confirm_by: Option<DateTime<Utc>>) -> Facts {
    Facts {
        office: Office::Maintainer,
        confirm_by,
    }
}

#[test]
fn keys_round_trip() {
    for state in State::ALL {
        assert_eq!(State::from_key(state.key()), Some(state));
    }
    for office in Office::ALL {
        assert_eq!(Office::from_key(office.key()), Some(office));
    }
    assert_eq!(Office::Tsc.role(), GovRole::Tsc);
}

#[test]
fn only_submitted_and_unfinished_nominations_are_open() {
    let open: Vec<State> = State::ALL.into_iter().filter(|s| s.is_open()).collect();
    assert_eq!(
        open,
        [State::AwaitingConsent, State::Accepted, State::Voting]
    );
    assert!(!State::Draft.is_closed());
    assert!(State::Left.is_closed());
}

/// "An existing maintainer nominates a contributor."
#[test]
fn who_may_be_nominated() {
    use GovRole::*;
    let cases = [
        // (what, nominee roles, office, mapping, expected)
        (
            "a contributor for maintainer",
            vec![Contributor],
            Office::Maintainer,
            FULL,
            Ok(()),
        ),
        (
            "not a contributor",
            vec![],
            Office::Maintainer,
            FULL,
            Err(Refusal::NotContributor),
        ),
        (
            "no contributor role mapped: anyone",
            vec![],
            Office::Maintainer,
            Mapping {
                contributor: false,
                ..FULL
            },
            Ok(()),
        ),
        (
            "already a maintainer",
            vec![Maintainer, Contributor],
            Office::Maintainer,
            FULL,
            Err(Refusal::AlreadyHolds(Office::Maintainer)),
        ),
        (
            "TSC members are maintainers too",
            vec![Tsc],
            Office::Maintainer,
            FULL,
            Err(Refusal::AlreadyHolds(Office::Maintainer)),
        ),
        (
            "an emeritus contributor may come back",
            vec![Emeritus, Contributor],
            Office::Maintainer,
            FULL,
            Ok(()),
        ),
        (
            "a maintainer for a TSC seat",
            vec![Maintainer],
            Office::Tsc,
            FULL,
            Ok(()),
        ),
        (
            "a TSC seat is for a maintainer",
            vec![Contributor],
            Office::Tsc,
            FULL,
            Err(Refusal::NotMaintainer),
        ),
        (
            "already on the TSC",
            vec![Tsc, Maintainer],
            Office::Tsc,
            FULL,
            Err(Refusal::AlreadyHolds(Office::Tsc)),
        ),
    ];
    for (what, r, office, mapping, expected) in cases {
        assert_eq!(
            check_nominee(1, &nominee(&r), office, mapping),
            expected,
            "{what}"
        );
    }
}

#[test]
fn nobody_nominates_themselves_or_a_bot() {
    let me = nominee(&[GovRole::Contributor]);
    assert_eq!(
        check_nominee(7, &me, Office::Maintainer, FULL),
        Err(Refusal::SelfNomination)
    );
    let bot = Nominee { bot: true, ..me };
    assert_eq!(
        check_nominee(1, &bot, Office::Maintainer, FULL),
        Err(Refusal::Bot)
    );
}

#[test]
fn a_nomination_needs_a_private_place_and_the_office_role() {
    assert_eq!(check_guild(Office::Maintainer, FULL), Ok(()));
    let public_only = Mapping {
        private_channel: false,
        ..FULL
    };
    assert_eq!(
        check_guild(Office::Tsc, public_only),
        Err(Refusal::NoPrivatePlace)
    );
    let no_maintainers = Mapping {
        maintainer: false,
        ..FULL
    };
    assert_eq!(
        check_guild(Office::Maintainer, no_maintainers),
        Err(Refusal::RoleNotMapped(Office::Maintainer))
    );
    assert_eq!(check_guild(Office::Tsc, no_maintainers), Ok(()));
}

/// "the same member may be nominated again after renomination_days".
#[test]
fn renomination_waits_after_a_no() {
    let p = Policy::default();
    let day = Duration::days(1);
    let cases = [
        // (what, open, last ended, expected)
        ("first nomination", false, None, Ok(())),
        ("one open already", true, None, Err(Refusal::AlreadyOpen)),
        (
            "rejected 89 days ago",
            false,
            Some((State::Rejected, now() - day * 89)),
            Err(Refusal::TooSoon { until: now() + day }),
        ),
        (
            "rejected 90 days ago",
            false,
            Some((State::Rejected, now() - day * 90)),
            Ok(()),
        ),
        (
            "no quorum yesterday",
            false,
            Some((State::NoQuorum, now() - day)),
            Err(Refusal::TooSoon {
                until: now() + day * 89,
            }),
        ),
        (
            "declined yesterday",
            false,
            Some((State::Declined, now() - day)),
            Err(Refusal::TooSoon {
                until: now() + day * 89,
            }),
        ),
        (
            "missed the DM yesterday",
            false,
            Some((State::Expired, now() - day)),
            Ok(()),
        ),
        (
            "the TSC withdrew its ballot",
            false,
            Some((State::Withdrawn, now() - day)),
            Ok(()),
        ),
    ];
    for (what, open, last, expected) in cases {
        assert_eq!(check_timing(open, last, &p, now()), expected, "{what}");
    }
}

#[test]
fn texts_are_visible_and_bounded() {
    assert_eq!(
        validate_statement(" Years of reviews "),
        Ok("Years of reviews".into())
    );
    assert_eq!(validate_statement("\u{200B}"), Err(Refusal::StatementEmpty));
    assert_eq!(
        validate_statement(&"s".repeat(STATEMENT_MAX + 1)),
        Err(Refusal::StatementTooLong)
    );
    assert_eq!(validate_links(" "), Err(Refusal::LinksEmpty));
    assert_eq!(
        validate_links(&"l".repeat(LINKS_MAX + 1)),
        Err(Refusal::LinksTooLong)
    );
    assert_eq!(validate_area(None), Ok(None));
    assert_eq!(validate_area(Some(" \u{200B} ")), Ok(None));
    assert_eq!(validate_area(Some(" Runtime ")), Ok(Some("Runtime".into())));
    assert_eq!(
        validate_area(Some(&"a".repeat(AREA_MAX + 1))),
        Err(Refusal::AreaTooLong)
    );
}
