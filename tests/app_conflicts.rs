//! Conflicts through `app` + `store` on a real SQLite file with a manual clock: the document's
//! three steps, who may take each, and that nothing of a case reaches a public place.

mod app_support;
mod cases_support;

use app_support::*;
use cases_support::*;
use chrono::Duration;
use steward::app::case::conflict::{Decide, OpenConflict};
use steward::app::case::notes::CaseNote;
use steward::app::outbox::Notice;
use steward::governance::ballot::{Choice, Outcome, Subject};
use steward::governance::case::CaseStep;
use steward::governance::case::conflict::Step;
use steward::governance::decision::DecisionKind;
use steward::governance::policy::PolicyKey;
use steward::store::decision_log::Filter;

const SUMMARY: &str = "Heidi keeps reverting my reviews without discussion";

fn open(with: u64) -> OpenConflict {
    OpenConflict {
        other: with,
        other_is_bot: false,
        summary: SUMMARY.into(),
        channel_id: GENERAL,
    }
}

fn decide(text: &str) -> Decide {
    Decide {
        decision: text.into(),
        ballot_title: "Conflict case: the TSC's final decision".into(),
        ballot_description: String::new(),
    }
}

fn step(case: &steward::store::case::Case) -> Step {
    match case.step {
        CaseStep::Conflict(step) => step,
        other => panic!("not a conflict: {other:?}"),
    }
}

fn notes(notices: &[Notice]) -> Vec<CaseNote> {
    notices
        .iter()
        .filter_map(|n| match n {
            Notice::CaseNoted { note, .. } => Some(*note),
            _ => None,
        })
        .collect()
}

async fn readers(w: &World, case_id: i64) -> Vec<u64> {
    w.app.case_view(case_id).await.unwrap().readers
}

/// A conflict at step 3, mediated by frank; returns its id.
async fn before_the_tsc(w: &World) -> i64 {
    let case = w
        .app
        .open_conflict(&member_actor(GRACE), open(HEIDI))
        .await
        .unwrap();
    w.clock.advance(Duration::days(7));
    w.app
        .escalate_conflict(&member_actor(GRACE), case.id)
        .await
        .unwrap();
    w.app
        .mediate_conflict(&maintainer(FRANK), case.id)
        .await
        .unwrap();
    w.app
        .escalate_conflict(&maintainer(FRANK), case.id)
        .await
        .unwrap();
    case.id
}

#[tokio::test]
async fn a_conflict_goes_through_the_three_steps_and_nothing_reaches_a_public_channel() {
    let w = world().await;
    let discord = Discord::default();
    pass(&w, &discord).await;
    // 1. "Parties attempt to resolve the issue directly": a thread with the two parties only.
    let case = w
        .app
        .open_conflict(&member_actor(GRACE), open(HEIDI))
        .await
        .unwrap();
    assert_eq!(readers(&w, case.id).await, vec![GRACE, HEIDI]);
    assert_eq!(case.parent_channel_id, Some(GENERAL));
    let sent = pass(&w, &discord).await;
    assert!(sent.contains(&Notice::CaseThread { case_id: case.id }));
    // Too early for one party alone: the other is asked to agree, and agreeing moves it.
    w.clock.advance(Duration::days(1));
    w.app
        .escalate_conflict(&member_actor(GRACE), case.id)
        .await
        .unwrap();
    let sent = pass(&w, &discord).await;
    assert_eq!(
        notes(&sent),
        vec![CaseNote::EscalationAsked {
            by: GRACE,
            other: HEIDI
        }]
    );
    let case = w
        .app
        .escalate_conflict(&member_actor(HEIDI), case.id)
        .await
        .unwrap();
    assert!(matches!(
        step(&case),
        Step::Mediation { mediator: None, .. }
    ));
    // 2. "A maintainer mediates": asked in the maintainers' channel, joins the thread.
    let sent = pass(&w, &discord).await;
    assert!(sent.contains(&Notice::ConflictMediatorWanted { case_id: case.id }));
    let case = w
        .app
        .mediate_conflict(&maintainer(FRANK), case.id)
        .await
        .unwrap();
    assert_eq!(case.mediator_id, Some(FRANK));
    assert_eq!(readers(&w, case.id).await, vec![FRANK, GRACE, HEIDI]);
    let sent = pass(&w, &discord).await;
    assert!(
        sent.contains(&Notice::CaseThread { case_id: case.id }),
        "the mediator is added"
    );
    assert_eq!(
        notes(&sent),
        vec![CaseNote::MediatorJoined { mediator: FRANK }]
    );
    // 3. "The TSC makes a final decision": the mediator takes it there; the TSC joins.
    let case = w
        .app
        .escalate_conflict(&maintainer(FRANK), case.id)
        .await
        .unwrap();
    assert!(matches!(
        step(&case),
        Step::Tsc {
            deciding: false,
            ..
        }
    ));
    let mut expected = vec![ALICE, BOB, CAROL, DAVE, ERIN, FRANK, GRACE, HEIDI];
    expected.sort_unstable();
    assert_eq!(readers(&w, case.id).await, expected);
    let (case, ballot) = w
        .app
        .decide_conflict(
            &tsc(ALICE),
            case.id,
            decide("Both review through the queue"),
        )
        .await
        .unwrap();
    let ballot = ballot.expect("the default policy decides by ballot");
    assert!(ballot.secret, "a party on the TSC sees no one's vote");
    assert_eq!(ballot.channel_id, TSC_CHANNEL);
    assert_eq!(
        ballot.subject,
        Subject::ConflictDecision { case_id: case.id }
    );
    assert!(!ballot.title.contains("Heidi") && !ballot.description.contains("Both review"));
    vote_and_close(&w, ballot.id, Choice::Yes).await;
    let case = w.app.case_view(case.id).await.unwrap().case;
    assert_eq!(step(&case), Step::Resolved { by_tsc: true });
    assert!(!case.open);
    let sent = pass(&w, &discord).await;
    assert!(
        notes(&sent).contains(&CaseNote::Decided),
        "the parties are told in their thread"
    );
    assert!(sent.contains(&Notice::BallotResult {
        ballot_id: ballot.id
    }));
    // Nothing was ever posted in the announcement channel.
    let all = w
        .app
        .decisions(
            &tsc(ALICE),
            Filter {
                include_private: true,
                ..Filter::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(public(&w, &discord.history()).await, vec![]);
    // The decision log: "case N resolved by the TSC", private, with no details.
    let entry = all
        .iter()
        .find(|d| d.kind == DecisionKind::Case)
        .expect("the case is recorded");
    assert!(entry.private);
    assert_eq!(entry.subject_ref, format!("case:{}", case.id));
    assert_eq!(entry.outcome, "resolved_by_tsc");
    assert_eq!(entry.details, serde_json::json!({}));
    let public = w
        .app
        .decisions(&member_actor(GRACE), Filter::default())
        .await
        .unwrap();
    assert!(
        public.iter().all(|d| d.kind != DecisionKind::Case),
        "{public:?}"
    );
    assert!(
        public.iter().all(|d| !d.title.contains("Conflict")),
        "{public:?}"
    );
}

#[tokio::test]
async fn only_those_the_case_concerns_may_act_on_it() {
    let w = world().await;
    let case = w
        .app
        .open_conflict(&member_actor(GRACE), open(HEIDI))
        .await
        .unwrap();
    // A member who is not a party can neither resolve nor escalate.
    assert_eq!(
        refusal(w.app.resolve_conflict(&member_actor(JUDY), case.id).await),
        "case-error-not-party"
    );
    assert_eq!(
        refusal(w.app.escalate_conflict(&tsc(ALICE), case.id).await),
        "case-error-not-party"
    );
    // Another guild's member does not find it.
    let stranger = steward::app::Actor {
        guild_id: 77,
        ..member_actor(GRACE)
    };
    assert_eq!(
        refusal(w.app.resolve_conflict(&stranger, case.id).await),
        "case-error-not-found"
    );
    w.clock.advance(Duration::days(7));
    w.app
        .escalate_conflict(&member_actor(HEIDI), case.id)
        .await
        .unwrap();
    // A member who is not a maintainer cannot mediate; nor can a maintainer who is a party.
    assert_eq!(
        refusal(w.app.mediate_conflict(&member_actor(JUDY), case.id).await),
        "case-error-mediate-not-allowed"
    );
    assert_eq!(
        refusal(w.app.mediate_conflict(&maintainer(GRACE), case.id).await),
        "case-error-mediate-not-allowed"
    );
    w.app
        .mediate_conflict(&maintainer(FRANK), case.id)
        .await
        .unwrap();
    assert_eq!(
        refusal(w.app.mediate_conflict(&maintainer(JUDY), case.id).await),
        "case-error-no-mediation"
    );
    // The TSC decides only once the case is before it, and never a TSC member who is a party.
    assert_eq!(
        refusal(
            w.app
                .decide_conflict(&tsc(ALICE), case.id, decide("x"))
                .await
        ),
        "case-error-not-with-tsc"
    );
    w.app
        .escalate_conflict(&maintainer(FRANK), case.id)
        .await
        .unwrap();
    let tsc_party = w.app.open_conflict(&tsc(BOB), open(GRACE)).await.unwrap();
    w.clock.advance(Duration::days(7));
    w.app
        .escalate_conflict(&tsc(BOB), tsc_party.id)
        .await
        .unwrap();
    w.clock.advance(Duration::days(7));
    w.app
        .escalate_conflict(&tsc(BOB), tsc_party.id)
        .await
        .unwrap();
    assert_eq!(
        refusal(
            w.app
                .decide_conflict(&tsc(BOB), tsc_party.id, decide("I win"))
                .await
        ),
        "case-error-decide-not-allowed"
    );
    // Bob is not among the TSC readers of a case he is a party to, twice over.
    let readers = readers(&w, tsc_party.id).await;
    assert_eq!(readers.iter().filter(|m| **m == BOB).count(), 1);
    let (_, ballot) = w
        .app
        .decide_conflict(&tsc(ALICE), tsc_party.id, decide("Apologise"))
        .await
        .unwrap();
    let view = w.app.ballot_view(ballot.unwrap().id).await.unwrap();
    assert!(
        !view.electorate.contains(&BOB),
        "a party does not vote on their own case"
    );
    assert_eq!(view.electorate.len(), 4);
}

#[tokio::test]
async fn steps_wait_for_their_time_and_agreement() {
    let w = world().await;
    let case = w
        .app
        .open_conflict(&member_actor(GRACE), open(HEIDI))
        .await
        .unwrap();
    w.app
        .escalate_conflict(&member_actor(GRACE), case.id)
        .await
        .unwrap();
    assert_eq!(
        refusal(w.app.escalate_conflict(&member_actor(GRACE), case.id).await),
        "case-error-already-asked"
    );
    // After `conflict_direct_days` either party moves it alone.
    w.clock.advance(Duration::days(7));
    let case = w
        .app
        .escalate_conflict(&member_actor(GRACE), case.id)
        .await
        .unwrap();
    assert!(matches!(step(&case), Step::Mediation { .. }));
    // Without a mediator, the parties wait the same period before going to the TSC.
    assert_eq!(
        refusal(w.app.escalate_conflict(&member_actor(HEIDI), case.id).await),
        "case-error-waiting-for-mediator"
    );
    w.clock.advance(Duration::days(7));
    let case = w
        .app
        .escalate_conflict(&member_actor(HEIDI), case.id)
        .await
        .unwrap();
    assert!(matches!(step(&case), Step::Tsc { .. }));
    assert_eq!(
        refusal(w.app.escalate_conflict(&member_actor(HEIDI), case.id).await),
        "case-error-already-with-tsc"
    );
    // A shorter period in the policy applies to new steps.
    w.app
        .set_policy(&tsc(ALICE), PolicyKey::ConflictDirectDays, "1")
        .await
        .unwrap();
    let other = w
        .app
        .open_conflict(&member_actor(GRACE), open(JUDY))
        .await
        .unwrap();
    w.clock.advance(Duration::days(1));
    let other = w
        .app
        .escalate_conflict(&member_actor(JUDY), other.id)
        .await
        .unwrap();
    assert!(matches!(step(&other), Step::Mediation { .. }));
}

#[tokio::test]
async fn the_parties_may_settle_while_the_tsc_votes_and_the_ballot_is_withdrawn() {
    let w = world().await;
    let discord = Discord::default();
    let id = before_the_tsc(&w).await;
    let (_, ballot) = w
        .app
        .decide_conflict(&tsc(ALICE), id, decide("Both apologise"))
        .await
        .unwrap();
    let ballot = ballot.unwrap();
    assert_eq!(
        refusal(
            w.app
                .decide_conflict(&tsc(BOB), id, decide("Another"))
                .await
        ),
        "case-error-decision-pending"
    );
    let case = w
        .app
        .resolve_conflict(&member_actor(HEIDI), id)
        .await
        .unwrap();
    assert_eq!(step(&case), Step::Resolved { by_tsc: false });
    let view = w.app.ballot_view(ballot.id).await.unwrap();
    assert_eq!(view.ballot.outcome, Some(Outcome::Cancelled));
    let sent = pass(&w, &discord).await;
    assert!(notes(&sent).contains(&CaseNote::ResolvedByParty { by: HEIDI }));
    // The parties settled it: no "resolved by the TSC" in the log.
    let log = w
        .app
        .decisions(
            &tsc(ALICE),
            Filter {
                kind: Some(DecisionKind::Case),
                include_private: true,
                ..Filter::default()
            },
        )
        .await
        .unwrap();
    assert!(log.is_empty(), "{log:?}");
    assert_eq!(
        refusal(w.app.escalate_conflict(&member_actor(HEIDI), id).await),
        "case-error-closed"
    );
}

#[tokio::test]
async fn a_rejected_decision_lets_the_tsc_propose_another_and_a_member_may_record_it() {
    let w = world().await;
    let discord = Discord::default();
    let id = before_the_tsc(&w).await;
    let (_, ballot) = w
        .app
        .decide_conflict(&tsc(ALICE), id, decide("Ban both"))
        .await
        .unwrap();
    vote_and_close(&w, ballot.unwrap().id, Choice::No).await;
    let case = w.app.case_view(id).await.unwrap().case;
    assert!(matches!(
        step(&case),
        Step::Tsc {
            deciding: false,
            ..
        }
    ));
    assert!(notes(&pass(&w, &discord).await).contains(&CaseNote::DecisionRejected));
    // Per the policy, a TSC member's recorded decision is final. Since the first ballot the
    // policy changes by amendment only: written here as an approved amendment writes it.
    let policy = w.app.guild_config(GUILD).await.unwrap().policy;
    let policy = policy
        .with(PolicyKey::ConflictDecision, "tsc_member")
        .unwrap();
    let mut tx = w.app.write_tx().await.unwrap();
    steward::store::guild::save_policy(&mut tx, GUILD, &policy, w.clock_now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    w.app.config_cache().clear();
    let (case, ballot) = w
        .app
        .decide_conflict(&tsc(CAROL), id, decide("Both review through the queue"))
        .await
        .unwrap();
    assert!(ballot.is_none());
    assert_eq!(step(&case), Step::Resolved { by_tsc: true });
    assert_eq!(
        case.decision.as_deref(),
        Some("Both review through the queue")
    );
    assert!(notes(&pass(&w, &discord).await).contains(&CaseNote::Decided));
}

#[tokio::test]
async fn a_closed_case_loses_its_text_and_bad_input_changes_nothing() {
    let w = world().await;
    let discord = Discord::default();
    for (input, expected) in [
        (
            OpenConflict {
                summary: "\u{200B} ".into(),
                ..open(HEIDI)
            },
            "case-error-text-empty",
        ),
        (
            OpenConflict {
                summary: "x".repeat(1001),
                ..open(HEIDI)
            },
            "case-error-text-too-long",
        ),
        (open(GRACE), "case-error-same-party"),
        (
            OpenConflict {
                other_is_bot: true,
                ..open(HEIDI)
            },
            "case-error-bot-party",
        ),
    ] {
        assert_eq!(
            refusal(w.app.open_conflict(&member_actor(GRACE), input).await),
            expected
        );
    }
    assert_eq!(w.count("SELECT COUNT(*) FROM cases").await, 0);
    let case = w
        .app
        .open_conflict(&member_actor(GRACE), open(HEIDI))
        .await
        .unwrap();
    w.app
        .resolve_conflict(&member_actor(GRACE), case.id)
        .await
        .unwrap();
    pass(&w, &discord).await;
    assert_eq!(
        w.app.case_view(case.id).await.unwrap().case.body.as_deref(),
        Some(SUMMARY),
        "kept while its last messages go out"
    );
    w.clock.advance(Duration::days(7));
    pass(&w, &discord).await;
    let erased = w.app.case_view(case.id).await.unwrap().case;
    assert_eq!(erased.body, None);
    assert!(erased.erased_at.is_some());
    assert_eq!(
        w.count("SELECT COUNT(*) FROM cases WHERE body LIKE '%reverting%'")
            .await,
        0
    );
}
