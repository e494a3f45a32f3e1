use chrono::TimeZone;

use super::*;
use crate::governance::ballot::Outcome;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap()
}

fn roles(roles: &[GovRole]) -> RoleSet {
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

fn facts(confirm_by: Option<DateTime<Utc>>) -> Facts {
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

/// "The nominee confirms their interest", within `nomination_confirm_days`.
#[test]
fn submission_asks_the_nominee_until_the_deadline() {
    let p = Policy::default();
    let (state, effects) = transition(State::Draft, Event::Submit, facts(None), &p, now()).unwrap();
    assert_eq!(state, State::AwaitingConsent);
    assert_eq!(
        effects,
        vec![
            Effect::InviteNominee,
            Effect::ScheduleExpiry(now() + Duration::days(7))
        ]
    );
}

#[test]
fn the_nominees_answer() {
    use Effect::*;
    let p = Policy::default();
    let by = Some(now() + Duration::days(1));
    let late = Some(now() - Duration::seconds(1));
    let ended = |note| {
        vec![
            TellNominator(note),
            TellTsc(note),
            Record { public: false },
            Purge,
        ]
    };
    let cases = [
        // (what, event, confirm_by, expected)
        (
            "accepts in time",
            Event::Accept,
            by,
            Ok((
                State::Accepted,
                vec![PreparePlace, TellNominator(Note::Accepted)],
            )),
        ),
        (
            "accepts too late",
            Event::Accept,
            late,
            Err(Refusal::ConsentExpired),
        ),
        (
            "declines: told to the nominator and the TSC, nothing public",
            Event::Decline,
            by,
            Ok((State::Declined, ended(Note::Declined))),
        ),
        (
            "silence until the deadline",
            Event::Expire,
            late,
            Ok((State::Expired, ended(Note::Expired))),
        ),
        (
            "a stale expiry job",
            Event::Expire,
            by,
            Err(Refusal::NotYet),
        ),
        (
            "closed DMs: the TSC and the nominator are told; the nomination waits",
            Event::ConsentDmFailed,
            by,
            Ok((
                State::AwaitingConsent,
                vec![TellTsc(Note::DmClosed), TellNominator(Note::DmClosed)],
            )),
        ),
        (
            "leaves before answering",
            Event::NomineeLeft,
            by,
            Ok((State::Left, ended(Note::Left))),
        ),
    ];
    for (what, event, confirm_by, expected) in cases {
        assert_eq!(
            transition(State::AwaitingConsent, event, facts(confirm_by), &p, now()),
            expected,
            "{what}"
        );
    }
}

/// "TSC members discuss and vote privately. With a supermajority approval, the contributor
/// becomes a maintainer."
#[test]
fn the_tsc_decides() {
    use Effect::*;
    let p = Policy::default();
    let f = facts(None);
    assert_eq!(
        transition(State::Accepted, Event::PlaceReady, f, &p, now()),
        Ok((State::Voting, vec![OpenBallot, RefreshCard]))
    );
    let private_ending = |state| {
        Ok((
            state,
            vec![
                TellNominee,
                RefreshCard,
                TellTsc(Note::Decided),
                Record { public: false },
                Purge,
            ],
        ))
    };
    let cases = [
        (
            Outcome::Approved,
            Ok((
                State::Approved,
                vec![
                    GrantRole(Office::Maintainer),
                    RecordArea,
                    Welcome,
                    TellNominee,
                    RefreshCard,
                    TellTsc(Note::Decided),
                    Record { public: true },
                    Purge,
                ],
            )),
        ),
        (Outcome::Rejected, private_ending(State::Rejected)),
        (Outcome::NoQuorum, private_ending(State::NoQuorum)),
        (Outcome::Cancelled, private_ending(State::Withdrawn)),
    ];
    for (outcome, expected) in cases {
        assert_eq!(
            transition(State::Voting, Event::Decided(outcome), f, &p, now()),
            expected,
            "{outcome:?}"
        );
    }
    let tsc_seat = Facts {
        office: Office::Tsc,
        ..f
    };
    let (_, effects) = transition(
        State::Voting,
        Event::Decided(Outcome::Approved),
        tsc_seat,
        &p,
        now(),
    )
    .unwrap();
    assert_eq!(
        effects[0],
        GrantRole(Office::Tsc),
        "a TSC seat grants the TSC role"
    );
}

#[test]
fn a_nominee_who_leaves_ends_the_nomination_at_any_open_step() {
    use Effect::*;
    let p = Policy::default();
    let f = facts(Some(now() + Duration::days(1)));
    let (state, effects) = transition(State::Voting, Event::NomineeLeft, f, &p, now()).unwrap();
    assert_eq!(state, State::Left);
    assert_eq!(
        &effects[..2],
        &[CloseBallot, RefreshCard],
        "the ballot is withdrawn"
    );
    let (state, effects) = transition(State::Accepted, Event::NomineeLeft, f, &p, now()).unwrap();
    assert_eq!(state, State::Left);
    assert!(!effects.contains(&CloseBallot));
    assert!(effects.contains(&Purge));
}

#[test]
fn steps_out_of_order_are_refused() {
    let p = Policy::default();
    let f = facts(Some(now() + Duration::days(1)));
    let out_of_order = [
        (State::Draft, Event::Accept),
        (State::Accepted, Event::Accept),
        (State::Voting, Event::Decline),
        (State::Declined, Event::Accept),
        (State::Approved, Event::NomineeLeft),
        (State::AwaitingConsent, Event::PlaceReady),
        (State::AwaitingConsent, Event::Decided(Outcome::Approved)),
        (State::Accepted, Event::Submit),
        (State::Expired, Event::Expire),
        (State::Left, Event::ConsentDmFailed),
    ];
    for (state, event) in out_of_order {
        assert_eq!(
            transition(state, event, f, &p, now()),
            Err(Refusal::OutOfOrder),
            "{state:?} {event:?}"
        );
    }
}

#[test]
fn every_ending_forgets_the_member_text_and_is_recorded_once() {
    let p = Policy::default();
    let f = facts(Some(now() - Duration::seconds(1)));
    let endings = [
        (State::AwaitingConsent, Event::Decline),
        (State::AwaitingConsent, Event::Expire),
        (State::AwaitingConsent, Event::NomineeLeft),
        (State::Accepted, Event::NomineeLeft),
        (State::Voting, Event::NomineeLeft),
        (State::Voting, Event::Decided(Outcome::Approved)),
        (State::Voting, Event::Decided(Outcome::Rejected)),
        (State::Voting, Event::Decided(Outcome::NoQuorum)),
        (State::Voting, Event::Decided(Outcome::Cancelled)),
    ];
    for (state, event) in endings {
        let (next, effects) = transition(state, event, f, &p, now()).unwrap();
        assert!(next.is_closed(), "{state:?} {event:?}");
        assert!(effects.contains(&Effect::Purge), "{state:?} {event:?}");
        let records = effects
            .iter()
            .filter(|e| matches!(e, Effect::Record { .. }))
            .count();
        assert_eq!(records, 1, "{state:?} {event:?}");
        let public = effects.contains(&Effect::Record { public: true });
        assert_eq!(
            public,
            next == State::Approved,
            "only an approval is public"
        );
        assert_eq!(
            effects.contains(&Effect::Welcome),
            next == State::Approved,
            "the welcome is the only public trace"
        );
    }
}
