use super::*;
use Verdict::{Passed, Pending};

fn addition(stage: Stage, security: Verdict, license: Verdict) -> Facts {
    Facts {
        kind: Kind::Addition,
        stage,
        security,
        license,
    }
}

fn removal(stage: Stage) -> Facts {
    Facts {
        kind: Kind::Removal,
        stage,
        security: Pending,
        license: Pending,
    }
}

fn next(stage: Stage, security: Verdict, license: Verdict) -> Result<Next, Refusal> {
    Ok(Next {
        stage,
        security,
        license,
    })
}

const fn reviewed(review: Review, pass: bool) -> Event {
    Event::Reviewed { review, pass }
}

fn table(cases: &[(Facts, Event, Result<Next, Refusal>)]) {
    for (facts, event, expected) in cases {
        assert_eq!(&transition(facts, *event), expected, "{facts:?} {event:?}");
    }
}

#[test]
fn step_1_a_proposal_documents_the_need_and_the_alternatives() {
    // "A proposal documenting the need and alternatives considered".
    table(&[
        (
            addition(Stage::Draft, Pending, Pending),
            Event::Submit,
            next(Stage::Review, Pending, Pending),
        ),
        (
            removal(Stage::Draft),
            Event::Submit,
            next(Stage::AwaitingApproval, Pending, Pending),
        ),
        (
            addition(Stage::Draft, Pending, Pending),
            reviewed(Review::Security, true),
            Err(Refusal::NotSubmitted),
        ),
        (
            addition(Stage::Review, Pending, Pending),
            Event::Submit,
            Err(Refusal::Decided),
        ),
    ]);
    assert_eq!(
        validate_proposal(" To parse TOML ", "Hand-written parser"),
        Ok(("To parse TOML".into(), "Hand-written parser".into()))
    );
    assert_eq!(
        validate_proposal("\u{200B}", "x"),
        Err(InputError::NeedRequired)
    );
    assert_eq!(
        validate_proposal("x", "  "),
        Err(InputError::AlternativesRequired)
    );
    assert_eq!(
        validate_proposal(&"x".repeat(TEXT_MAX + 1), "y"),
        Err(InputError::TooLong)
    );
}

#[test]
fn step_2_security_and_license_compatibility_review() {
    // "Security and license compatibility review": both must pass, either may reject.
    table(&[
        (
            addition(Stage::Review, Pending, Pending),
            reviewed(Review::Security, true),
            next(Stage::Review, Passed, Pending),
        ),
        (
            addition(Stage::Review, Pending, Pending),
            reviewed(Review::License, true),
            next(Stage::Review, Pending, Passed),
        ),
        (
            addition(Stage::Review, Passed, Pending),
            reviewed(Review::License, true),
            next(Stage::AwaitingApproval, Passed, Passed),
        ),
        (
            addition(Stage::Review, Pending, Passed),
            reviewed(Review::Security, true),
            next(Stage::AwaitingApproval, Passed, Passed),
        ),
        (
            addition(Stage::Review, Pending, Passed),
            reviewed(Review::Security, false),
            next(Stage::Rejected, Verdict::Rejected, Passed),
        ),
        (
            addition(Stage::Review, Pending, Pending),
            reviewed(Review::License, false),
            next(Stage::Rejected, Pending, Verdict::Rejected),
        ),
        (
            addition(Stage::Review, Passed, Pending),
            reviewed(Review::Security, true),
            Err(Refusal::AlreadyReviewed),
        ),
        (
            addition(Stage::AwaitingApproval, Passed, Passed),
            reviewed(Review::License, false),
            Err(Refusal::AlreadyReviewed),
        ),
        (
            removal(Stage::AwaitingApproval),
            reviewed(Review::Security, true),
            Err(Refusal::NoReviewForRemoval),
        ),
    ]);
}

#[test]
fn step_3_maintainer_approval_once_both_reviews_pass() {
    // "Maintainer approval".
    table(&[
        (
            addition(Stage::AwaitingApproval, Passed, Passed),
            Event::Decided { approve: true },
            next(Stage::Approved, Passed, Passed),
        ),
        (
            addition(Stage::AwaitingApproval, Passed, Passed),
            Event::Decided { approve: false },
            next(Stage::Rejected, Passed, Passed),
        ),
        (
            addition(Stage::Review, Passed, Pending),
            Event::Decided { approve: true },
            Err(Refusal::ReviewsPending),
        ),
        (
            removal(Stage::AwaitingApproval),
            Event::Decided { approve: true },
            next(Stage::Approved, Pending, Pending),
        ),
    ]);
}

#[test]
fn a_decided_proposal_takes_no_step() {
    for stage in [Stage::Approved, Stage::Rejected] {
        for event in [
            Event::Submit,
            reviewed(Review::Security, true),
            Event::Decided { approve: true },
        ] {
            assert_eq!(
                transition(&addition(stage, Passed, Passed), event),
                Err(Refusal::Decided)
            );
        }
    }
}

#[test]
fn names_versions_and_ecosystems_are_checked() {
    assert_eq!(validate_name(" @types/node "), Ok("@types/node".into()));
    for bad in ["", "\u{200B}", "two words", &"x".repeat(NAME_MAX + 1)] {
        assert_eq!(validate_name(bad), Err(InputError::BadName), "{bad:?}");
    }
    assert_eq!(validate_version(None), Ok(None));
    assert_eq!(
        validate_version(Some(">= 1.2, < 2")),
        Ok(Some(">= 1.2, < 2".into()))
    );
    assert_eq!(
        validate_version(Some(&"1".repeat(VERSION_MAX + 1))),
        Err(InputError::BadVersion)
    );
    assert_eq!(
        validate_ecosystem(Some(" Cargo ")),
        Ok(Some("cargo".into()))
    );
    assert_eq!(validate_ecosystem(Some("  ")), Ok(None));
    assert_eq!(
        validate_ecosystem(Some("c argo")),
        Err(InputError::BadEcosystem)
    );
    assert_eq!(
        identity("Serde", Some("cargo")),
        identity("serde", Some("cargo"))
    );
    assert_ne!(
        identity("serde", Some("cargo")),
        identity("serde", Some("npm"))
    );
    assert_eq!(validate_note(" "), Err(InputError::NoteRequired));
}

#[test]
fn keys_round_trip() {
    for stage in Stage::ALL {
        assert_eq!(Stage::from_key(stage.key()), Some(stage));
    }
    for kind in [Kind::Addition, Kind::Removal] {
        assert_eq!(Kind::from_key(kind.key()), Some(kind));
    }
    for review in [Review::Security, Review::License] {
        assert_eq!(Review::from_key(review.key()), Some(review));
    }
    for verdict in [Pending, Passed, Verdict::Rejected] {
        assert_eq!(Verdict::from_key(verdict.key()), Some(verdict));
    }
    assert!(Stage::Review.in_flight());
    assert!(!Stage::Approved.in_flight());
}
