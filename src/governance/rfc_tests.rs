use chrono::TimeZone;

use super::*;
use Effect::*;
use Status::*;

fn opened() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn ends() -> DateTime<Utc> {
    discussion_ends(opened(), 14)
}

fn at(status: Status, event: Event, now: DateTime<Utc>) -> Result<(Status, Vec<Effect>), RfcError> {
    transition(status, event, ends(), now)
}

#[test]
fn the_discussion_period_is_at_least_two_weeks() {
    // "The community has at least two weeks to review and comment."
    assert_eq!(ends(), Utc.with_ymd_and_hms(2026, 3, 16, 9, 0, 0).unwrap());
    let early = ends() - Duration::minutes(1);
    assert_eq!(
        at(Discussion, Event::Decide, early),
        Err(RfcError::TooEarly { at: ends() })
    );
    assert_eq!(
        at(Discussion, Event::Decide, ends()).map(|(s, _)| s),
        Ok(Voting)
    );
    // The period's job ends discussion only when it is due.
    assert_eq!(
        at(Discussion, Event::PeriodEnded, early),
        Ok((Discussion, vec![]))
    );
    assert_eq!(
        at(Discussion, Event::PeriodEnded, ends()),
        Ok((
            AwaitingDecision,
            vec![Post(Place::Thread), Post(Place::Tsc), RefreshCard]
        ))
    );
}

/// Every (status, event) pair, as the document reads.
#[test]
fn the_table_as_cases() {
    let later = ends() + Duration::days(1);
    let cases: &[(Status, Event, Result<Status, RfcError>)] = &[
        // "A detailed proposal is created": the form completes the draft.
        (Draft, Event::Open, Ok(Discussion)),
        (Discussion, Event::Open, Err(RfcError::Decided)),
        // "The proposal is updated based on feedback."
        (Discussion, Event::Revise, Ok(Discussion)),
        (AwaitingDecision, Event::Revise, Ok(AwaitingDecision)),
        (Postponed, Event::Revise, Ok(Postponed)),
        (Voting, Event::Revise, Err(RfcError::BallotRunning)),
        (Accepted, Event::Revise, Err(RfcError::Decided)),
        (Withdrawn, Event::Revise, Err(RfcError::Withdrawn)),
        (Draft, Event::Revise, Err(RfcError::NotOpen)),
        // "The TSC makes a final decision."
        (AwaitingDecision, Event::Decide, Ok(Voting)),
        (Postponed, Event::Decide, Ok(Voting)),
        (Voting, Event::Decide, Err(RfcError::BallotRunning)),
        (Declined, Event::Decide, Err(RfcError::Decided)),
        (Withdrawn, Event::Decide, Err(RfcError::Withdrawn)),
        (Voting, Event::BallotClosed(Outcome::Approved), Ok(Accepted)),
        (Voting, Event::BallotClosed(Outcome::Rejected), Ok(Declined)),
        (
            Voting,
            Event::BallotClosed(Outcome::NoQuorum),
            Ok(AwaitingDecision),
        ),
        (
            Voting,
            Event::BallotClosed(Outcome::Cancelled),
            Ok(AwaitingDecision),
        ),
        // A ballot that closes after the proposal moved on changes nothing.
        (
            Withdrawn,
            Event::BallotClosed(Outcome::Approved),
            Ok(Withdrawn),
        ),
        (Discussion, Event::Withdraw, Ok(Withdrawn)),
        (AwaitingDecision, Event::Withdraw, Ok(Withdrawn)),
        (Postponed, Event::Withdraw, Ok(Withdrawn)),
        (Voting, Event::Withdraw, Err(RfcError::BallotRunning)),
        (Withdrawn, Event::Withdraw, Err(RfcError::Withdrawn)),
        (Accepted, Event::Withdraw, Err(RfcError::Decided)),
        (Discussion, Event::Postpone, Ok(Postponed)),
        (AwaitingDecision, Event::Postpone, Ok(Postponed)),
        (Postponed, Event::Postpone, Err(RfcError::AlreadyPostponed)),
        (Voting, Event::Postpone, Err(RfcError::BallotRunning)),
        (Declined, Event::Postpone, Err(RfcError::Decided)),
        // "Community feedback" is weighed until the decision.
        (Discussion, Event::Feedback, Ok(Discussion)),
        (Voting, Event::Feedback, Ok(Voting)),
        (Postponed, Event::Feedback, Ok(Postponed)),
        (Accepted, Event::Feedback, Err(RfcError::Decided)),
        (Withdrawn, Event::Feedback, Err(RfcError::Withdrawn)),
        (AwaitingDecision, Event::PeriodEnded, Ok(AwaitingDecision)),
    ];
    for (status, event, expected) in cases {
        assert_eq!(
            at(*status, *event, later).map(|(s, _)| s),
            *expected,
            "{status:?} {event:?}"
        );
    }
}

#[test]
fn effects_of_the_decision() {
    let later = ends() + Duration::days(1);
    let (_, approved) = at(Voting, Event::BallotClosed(Outcome::Approved), later).unwrap();
    // "With approval, the changes are merged and announced."
    assert!(approved.contains(&ApplyChanges));
    assert!(approved.contains(&Post(Place::Announce)));
    assert!(approved.contains(&Record));
    let (_, rejected) = at(Voting, Event::BallotClosed(Outcome::Rejected), later).unwrap();
    assert!(!rejected.contains(&ApplyChanges));
    assert!(rejected.contains(&Record));
    let (_, no_quorum) = at(Voting, Event::BallotClosed(Outcome::NoQuorum), later).unwrap();
    assert!(!no_quorum.contains(&Record), "no decision was taken");
    let (_, decide) = at(AwaitingDecision, Event::Decide, later).unwrap();
    assert_eq!(decide[0], OpenBallot);
    let (_, open) = at(Draft, Event::Open, opened()).unwrap();
    assert_eq!(open, vec![ScheduleEnd, PostCard, Record]);
}

#[test]
fn links_are_http_urls() {
    for good in [
        "https://github.com/org/repo/issues/12",
        "http://rfcs.example.org/0012-sandbox.html#motivation",
        " https://github.com/org/rfcs/pull/7 ",
    ] {
        assert!(validate_link(good).is_ok(), "{good}");
    }
    for bad in [
        "",
        "github.com/org/repo",
        "ftp://example.org/x",
        "https://",
        "https:///path",
        "https://localhost/x",
        "https://exa mple.org",
        "https://example.org/a b",
        "javascript:alert(1)",
        "https://example.org/<script>",
        "https://.example.org",
    ] {
        assert_eq!(validate_link(bad), Err(RfcError::BadLink), "{bad:?}");
    }
    let long = format!("https://example.org/{}", "a".repeat(LINK_MAX));
    assert_eq!(validate_link(&long), Err(RfcError::BadLink));
}

#[test]
fn texts_need_a_visible_character_and_a_bound() {
    assert_eq!(validate_title("\u{200B} "), Err(RfcError::TitleEmpty));
    assert_eq!(
        validate_title(&"t".repeat(TITLE_MAX + 1)),
        Err(RfcError::TitleTooLong)
    );
    let summary = Summary {
        motivation: "Sandboxes leak".into(),
        proposal: "Isolate them".into(),
        alternatives: Some("\u{200B}".into()),
    };
    assert_eq!(
        summary.validated(),
        Ok(Summary {
            alternatives: None,
            ..summary.clone()
        })
    );
    let empty = Summary {
        proposal: " ".into(),
        ..summary.clone()
    };
    assert_eq!(empty.validated(), Err(RfcError::SummaryEmpty));
    let long = Summary {
        motivation: "m".repeat(SUMMARY_FIELD_MAX + 1),
        ..summary
    };
    assert_eq!(long.validated(), Err(RfcError::SummaryTooLong));
    assert_eq!(validate_what_changed(""), Err(RfcError::BadWhatChanged));
    assert_eq!(validate_reason("\u{3164}"), Err(RfcError::BadReason));
    assert_eq!(
        feedback(Stance::Concern, Some(" ")),
        Err(RfcError::BadConcern)
    );
    assert_eq!(feedback(Stance::Support, Some("ignored")), Ok(None));
    assert_eq!(
        feedback(Stance::Concern, Some(" Needs docs ")),
        Ok(Some("Needs docs".into()))
    );
}

#[test]
fn keys_round_trip() {
    for s in Status::ALL {
        assert_eq!(Status::from_key(s.key()), Some(s));
    }
    for s in Stance::ALL {
        assert_eq!(Stance::from_key(s.key()), Some(s));
    }
    for k in [Kind::Rfc, Kind::Amendment] {
        assert_eq!(Kind::from_key(k.key()), Some(k));
    }
    assert_eq!(
        FeedbackCount::of([Stance::Support, Stance::Concern, Stance::Support]),
        FeedbackCount {
            support: 2,
            neutral: 0,
            concern: 1
        }
    );
}
