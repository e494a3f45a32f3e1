//! The steps of a nomination, each quoting the document.

use super::*;
use crate::governance::nomination::tests::{facts, now};

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
