use chrono::{Duration, TimeZone};

use super::*;

const A: u64 = 1;
const B: u64 = 2;
const M: u64 = 3;
const T: u64 = 4;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap()
}

fn case(step: Step) -> Conflict {
    Conflict {
        parties: [A, B],
        opened_at: t0(),
        step,
    }
}

fn direct() -> Step {
    Step::Direct {
        escalation_asked_by: None,
    }
}

fn mediation(mediator: Option<u64>) -> Step {
    Step::Mediation {
        since: t0() + Duration::days(8),
        mediator,
    }
}

fn tsc(deciding: bool) -> Step {
    Step::Tsc {
        since: t0() + Duration::days(20),
        deciding,
    }
}

fn day(n: i64) -> DateTime<Utc> {
    t0() + Duration::days(n)
}

type Expected = Result<(Step, Vec<Effect>), CaseError>;

fn check(cases: Vec<(Step, Event, &Policy, DateTime<Utc>, Expected)>) {
    for (step, event, policy, now, expected) in cases {
        assert_eq!(
            transition(&case(step), event, policy, now),
            expected,
            "{step:?} {event:?} at {now}"
        );
    }
}

/// "1. Parties attempt to resolve the issue directly": for `conflict_direct_days` (7), unless
/// both agree to move on sooner.
#[test]
fn step_one_parties_try_directly_first() {
    let p = Policy::default();
    let to_mediation = |now| {
        Ok((
            Step::Mediation {
                since: now,
                mediator: None,
            },
            vec![Effect::MediatorWanted],
        ))
    };
    let asked = |by| Step::Direct {
        escalation_asked_by: Some(by),
    };
    check(vec![
        // Too early: the first party's request asks the other to agree.
        (
            direct(),
            Event::Escalate { by: A },
            &p,
            day(1),
            Ok((asked(A), vec![Effect::AskedToEscalate { by: A, other: B }])),
        ),
        (
            direct(),
            Event::Escalate { by: B },
            &p,
            day(1),
            Ok((asked(B), vec![Effect::AskedToEscalate { by: B, other: A }])),
        ),
        // Asking twice is not agreeing.
        (
            asked(A),
            Event::Escalate { by: A },
            &p,
            day(2),
            Err(CaseError::AlreadyAsked),
        ),
        // "At once by agreement".
        (
            asked(A),
            Event::Escalate { by: B },
            &p,
            day(2),
            to_mediation(day(2)),
        ),
        // After the period either party moves it alone.
        (
            direct(),
            Event::Escalate { by: B },
            &p,
            day(7),
            to_mediation(day(7)),
        ),
        (
            asked(A),
            Event::Escalate { by: A },
            &p,
            day(9),
            to_mediation(day(9)),
        ),
        // Either party may mark it resolved.
        (
            direct(),
            Event::Resolve { by: B },
            &p,
            day(1),
            Ok((
                Step::Resolved { by_tsc: false },
                vec![Effect::Resolved { by_tsc: false }],
            )),
        ),
        // Nothing to mediate or decide yet.
        (
            direct(),
            Event::Mediate { by: M },
            &p,
            day(1),
            Err(CaseError::NoMediationWanted),
        ),
        (
            direct(),
            Event::Decide { by: T },
            &p,
            day(1),
            Err(CaseError::NotWithTsc),
        ),
    ]);
    let short = Policy {
        conflict_direct_days: 2,
        ..Policy::default()
    };
    assert!(matches!(
        transition(&case(direct()), Event::Escalate { by: A }, &short, day(2)),
        Ok((Step::Mediation { .. }, _))
    ));
}

/// "2. If unresolved, a maintainer mediates."
#[test]
fn step_two_a_maintainer_mediates() {
    let p = Policy::default();
    let to_tsc = |now| {
        Ok((
            Step::Tsc {
                since: now,
                deciding: false,
            },
            vec![Effect::ToTsc],
        ))
    };
    check(vec![
        (
            mediation(None),
            Event::Mediate { by: M },
            &p,
            day(9),
            Ok((
                mediation(Some(M)),
                vec![Effect::MediatorJoined { mediator: M }],
            )),
        ),
        // One mediator per case.
        (
            mediation(Some(M)),
            Event::Mediate { by: T },
            &p,
            day(9),
            Err(CaseError::NoMediationWanted),
        ),
        // "If still unresolved": after mediation, a party or the mediator goes to the TSC.
        (
            mediation(Some(M)),
            Event::Escalate { by: M },
            &p,
            day(10),
            to_tsc(day(10)),
        ),
        (
            mediation(Some(M)),
            Event::Escalate { by: A },
            &p,
            day(10),
            to_tsc(day(10)),
        ),
        // Without a mediator, the parties wait for one for the same period.
        (
            mediation(None),
            Event::Escalate { by: A },
            &p,
            day(10),
            Err(CaseError::WaitingForMediator {
                until_ms: day(15).timestamp_millis(),
            }),
        ),
        (
            mediation(None),
            Event::Escalate { by: B },
            &p,
            day(15),
            to_tsc(day(15)),
        ),
        (
            mediation(Some(M)),
            Event::Resolve { by: A },
            &p,
            day(10),
            Ok((
                Step::Resolved { by_tsc: false },
                vec![Effect::Resolved { by_tsc: false }],
            )),
        ),
    ]);
}

/// "3. If still unresolved, the TSC makes a final decision": a private ballot on a proposed
/// decision, or a TSC member's recorded decision, as the policy says.
#[test]
fn step_three_the_tsc_decides() {
    let ballot = Policy::default();
    let member = Policy {
        conflict_decision: ConflictDecision::TscMember,
        ..Policy::default()
    };
    let resolved_by_tsc = Ok((
        Step::Resolved { by_tsc: true },
        vec![Effect::Resolved { by_tsc: true }],
    ));
    check(vec![
        (
            tsc(false),
            Event::Decide { by: T },
            &ballot,
            day(21),
            Ok((tsc(true), vec![Effect::OpenBallot])),
        ),
        (
            tsc(true),
            Event::Decide { by: T },
            &ballot,
            day(21),
            Err(CaseError::DecisionPending),
        ),
        (
            tsc(true),
            Event::BallotDecided { approved: true },
            &ballot,
            day(28),
            resolved_by_tsc.clone(),
        ),
        (
            tsc(true),
            Event::BallotDecided { approved: false },
            &ballot,
            day(28),
            Ok((tsc(false), vec![Effect::DecisionRejected])),
        ),
        (
            tsc(false),
            Event::Decide { by: T },
            &member,
            day(21),
            resolved_by_tsc,
        ),
        (
            tsc(false),
            Event::Escalate { by: A },
            &ballot,
            day(21),
            Err(CaseError::AlreadyWithTsc),
        ),
        // The parties may still settle it; a pending ballot is withdrawn.
        (
            tsc(true),
            Event::Resolve { by: B },
            &ballot,
            day(22),
            Ok((
                Step::Resolved { by_tsc: false },
                vec![Effect::CancelBallot, Effect::Resolved { by_tsc: false }],
            )),
        ),
    ]);
}

#[test]
fn a_closed_case_takes_no_step_but_a_late_ballot_changes_nothing() {
    let p = Policy::default();
    let closed = Step::Resolved { by_tsc: false };
    for event in [
        Event::Resolve { by: A },
        Event::Escalate { by: A },
        Event::Mediate { by: M },
        Event::Decide { by: T },
    ] {
        assert_eq!(
            transition(&case(closed), event, &p, day(30)),
            Err(CaseError::Closed),
            "{event:?}"
        );
    }
    assert_eq!(
        transition(
            &case(closed),
            Event::BallotDecided { approved: true },
            &p,
            day(30)
        ),
        Ok((closed, vec![]))
    );
}
