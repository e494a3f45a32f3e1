//! The annual review's publication and dissolution through `app` + `store` on a real SQLite
//! file with a manual clock: TSC ballots, what reaches the community and when.

mod app_support;
mod cases_support;

use app_support::*;
use cases_support::*;
use chrono::{Duration, Months, NaiveDate};
use steward::app::annual_review::publication::ReviewBallot;
use steward::app::case::conduct::ConductReport;
use steward::app::dissolution::proposal::{DissolutionBallot, ProposeDissolution};
use steward::app::outbox::Notice;
use steward::governance::annual_review::{Sections, Status as ReviewStatus};
use steward::governance::ballot::{Choice, Subject};
use steward::governance::case::Kind;
use steward::governance::case::conduct::Response;
use steward::governance::decision::DecisionKind;
use steward::governance::dissolution::{Plan, Status};
use steward::store::decision_log::Filter;

fn sections() -> Sections {
    Sections {
        progress: "Shipped 1.0 and the WASI preview 2 support".into(),
        community_health: "Forty new contributors".into(),
        technical_debt: "The old parser still needs replacing".into(),
        roadmap: "Component model next".into(),
        governance: "Ballots reached quorum every time".into(),
    }
}

fn review_ballot() -> ReviewBallot {
    ReviewBallot {
        title: "Annual review".into(),
        description: String::new(),
        channel_id: TSC_CHANNEL,
        electorate: TSC.to_vec(),
    }
}

fn dissolution_ballot() -> DissolutionBallot {
    DissolutionBallot {
        title: "Dissolve the project".into(),
        description: String::new(),
        channel_id: TSC_CHANNEL,
        electorate: TSC.to_vec(),
    }
}

fn proposal(date: &str) -> ProposeDissolution {
    ProposeDissolution {
        date: date.into(),
        reason: "The maintainers moved on".into(),
        plan: Plan {
            steward: "The Bytecode Alliance takes the domain and CI".into(),
            archive: "https://archive.example.org/wasm-sandbox".into(),
            license: Some("Apache-2.0".into()),
        },
    }
}

async fn public_log(w: &World) -> Vec<steward::store::decision_log::Decision> {
    w.app
        .decisions(&member_actor(GRACE), Filter::default())
        .await
        .unwrap()
}

#[tokio::test]
async fn the_review_is_completed_approved_and_shared_without_private_matters() {
    let w = world().await;
    let discord = Discord::default();
    // A private matter of the year: a conduct report, answered.
    let report = ConductReport {
        text: "spam".into(),
        ..ConductReport::default()
    };
    let case = w
        .app
        .report_conduct(&member_actor(GRACE), report)
        .await
        .unwrap();
    w.app
        .respond_to_conduct(&tsc(ALICE), case.id, Response::Warning)
        .await
        .unwrap();
    let plain = w.start("Adopt the release process").await;
    vote_and_close(&w, plain, Choice::Yes).await;
    pass(&w, &discord).await;
    w.clock.advance(Duration::hours(1));
    // Only the TSC completes it, with all five sections.
    assert_eq!(
        refusal(
            w.app
                .propose_annual_review(&maintainer(FRANK), &sections(), review_ballot())
                .await
        ),
        "error-needs-tsc"
    );
    let blank = Sections {
        roadmap: " ".into(),
        ..sections()
    };
    assert_eq!(
        refusal(
            w.app
                .propose_annual_review(&tsc(ALICE), &blank, review_ballot())
                .await
        ),
        "review-error-section-empty"
    );
    let (review, ballot) = w
        .app
        .propose_annual_review(&tsc(ALICE), &sections(), review_ballot())
        .await
        .unwrap();
    assert_eq!(
        ballot.subject,
        Subject::AnnualReview {
            review_id: review.id
        }
    );
    assert_eq!(review.to, w.clock_now());
    assert_eq!(
        review.from,
        w.clock_now().checked_sub_months(Months::new(12)).unwrap()
    );
    assert_eq!(
        refusal(
            w.app
                .propose_annual_review(&tsc(BOB), &sections(), review_ballot())
                .await
        ),
        "review-error-already-proposed"
    );
    let sent = pass(&w, &discord).await;
    assert!(sent.contains(&Notice::AnnualReviewDraft {
        review_id: review.id,
        channel_id: TSC_CHANNEL
    }));
    vote_and_close(&w, ballot.id, Choice::Yes).await;
    let sent = pass(&w, &discord).await;
    assert!(sent.contains(&Notice::AnnualReviewPublished {
        review_id: review.id
    }));
    assert_eq!(
        w.app.annual_review(review.id).await.unwrap().status,
        ReviewStatus::Published
    );
    let log = public_log(&w).await;
    let entry = log
        .iter()
        .find(|d| d.kind == DecisionKind::AnnualReview)
        .expect("recorded publicly");
    assert_eq!(entry.outcome, "published");
    assert_eq!(entry.details["sections"]["roadmap"], "Component model next");
    // What the community reads counts private matters, never shows them.
    let summary = w
        .app
        .review_summary_between(GUILD, review.from, review.to)
        .await
        .unwrap()
        .public();
    assert!(summary.ballots.iter().any(|b| b.id == plain));
    assert!(summary.ballots.iter().all(|b| !b.subject.is_private()));
    assert!(summary.steps.is_empty());
    assert_eq!(summary.cases, vec![(Kind::Conduct, 1)]);
    // The next review starts from this one's sections.
    assert_eq!(
        w.app.latest_review_sections(GUILD).await.unwrap(),
        Some(sections())
    );
}

#[tokio::test]
async fn a_rejected_review_is_not_shared_and_may_be_completed_again() {
    let w = world().await;
    let discord = Discord::default();
    let (review, ballot) = w
        .app
        .propose_annual_review(&tsc(ALICE), &sections(), review_ballot())
        .await
        .unwrap();
    vote_and_close(&w, ballot.id, Choice::No).await;
    let sent = pass(&w, &discord).await;
    assert!(
        sent.iter()
            .all(|n| !matches!(n, Notice::AnnualReviewPublished { .. }))
    );
    assert_eq!(
        w.app.annual_review(review.id).await.unwrap().status,
        ReviewStatus::Rejected
    );
    assert!(
        public_log(&w)
            .await
            .iter()
            .all(|d| d.kind != DecisionKind::AnnualReview)
    );
    w.app
        .propose_annual_review(&tsc(ALICE), &sections(), review_ballot())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_decided_dissolution_is_announced_at_once_monthly_and_a_week_before() {
    let w = world().await;
    let discord = Discord::default();
    pass(&w, &discord).await;
    // Now is 2 March 2026; the vote closes 9 March; three months later is 9 June.
    assert_eq!(
        refusal(
            w.app
                .propose_dissolution(&tsc(ALICE), &proposal("2026-06-08"), dissolution_ballot())
                .await
        ),
        "dissolution-error-too-soon"
    );
    assert_eq!(
        refusal(
            w.app
                .propose_dissolution(
                    &maintainer(FRANK),
                    &proposal("2026-07-31"),
                    dissolution_ballot()
                )
                .await
        ),
        "error-needs-tsc"
    );
    let no_archive = ProposeDissolution {
        plan: Plan {
            archive: "\u{200B}".into(),
            ..proposal("x").plan
        },
        ..proposal("2026-07-31")
    };
    assert_eq!(
        refusal(
            w.app
                .propose_dissolution(&tsc(ALICE), &no_archive, dissolution_ballot())
                .await
        ),
        "dissolution-error-field-empty"
    );
    w.app
        .check_dissolution(&tsc(ALICE), &proposal("2026-07-31"))
        .await
        .unwrap();
    let (d, ballot) = w
        .app
        .propose_dissolution(&tsc(ALICE), &proposal("2026-07-31"), dissolution_ballot())
        .await
        .unwrap();
    assert_eq!(
        d.date.date_naive(),
        NaiveDate::from_ymd_opt(2026, 7, 31).unwrap()
    );
    assert_eq!(
        refusal(
            w.app
                .propose_dissolution(&tsc(BOB), &proposal("2026-08-31"), dissolution_ballot())
                .await
        ),
        "dissolution-error-underway"
    );
    vote_and_close(&w, ballot.id, Choice::Yes).await;
    let decided_at = w.clock_now();
    let notices = |sent: &[Notice]| {
        sent.iter()
            .filter(|n| matches!(n, Notice::DissolutionNotice { .. }))
            .count()
    };
    // At once.
    let sent = pass(&w, &discord).await;
    assert_eq!(notices(&sent), 1);
    let announced = public(&w, &sent).await;
    assert!(
        announced
            .iter()
            .any(|n| matches!(n, Notice::DissolutionNotice { .. }))
    );
    assert_eq!(
        w.app.dissolution(d.id).await.unwrap().status,
        Status::Scheduled
    );
    // Monthly: 10 April, 10 May, 10 June, 10 July; and a week before, 24 July.
    let mut total = 0;
    let mut day = decided_at;
    while day < d.date {
        day += Duration::days(1);
        w.clock.set(day);
        total += notices(&pass(&w, &discord).await);
    }
    assert_eq!(total, 5);
    let log = public_log(&w).await;
    let entry = log
        .iter()
        .find(|e| e.kind == DecisionKind::Dissolution)
        .expect("recorded publicly");
    assert_eq!(entry.outcome, "decided");
    assert_eq!(
        entry.details["archive"],
        "https://archive.example.org/wasm-sandbox"
    );
}

#[tokio::test]
async fn a_dissolution_called_off_by_another_ballot_sends_no_more_notices() {
    let w = world().await;
    let discord = Discord::default();
    assert_eq!(
        refusal(
            w.app
                .propose_dissolution_call_off(
                    &tsc(ALICE),
                    "We found maintainers",
                    dissolution_ballot()
                )
                .await
        ),
        "dissolution-error-nothing-to-call-off"
    );
    let (d, ballot) = w
        .app
        .propose_dissolution(&tsc(ALICE), &proposal("2026-09-30"), dissolution_ballot())
        .await
        .unwrap();
    // Not decided yet: nothing to call off (the proposal's own ballot can be cancelled).
    assert_eq!(
        refusal(w.app.dissolution_to_call_off(&tsc(ALICE)).await),
        "dissolution-error-nothing-to-call-off"
    );
    vote_and_close(&w, ballot.id, Choice::Yes).await;
    pass(&w, &discord).await;
    w.app.dissolution_to_call_off(&tsc(ALICE)).await.unwrap();
    let (_, call_off) = w
        .app
        .propose_dissolution_call_off(&tsc(BOB), "We found maintainers", dissolution_ballot())
        .await
        .unwrap();
    assert_eq!(
        call_off.subject,
        Subject::DissolutionCallOff {
            dissolution_id: d.id
        }
    );
    assert_eq!(
        refusal(
            w.app
                .propose_dissolution_call_off(&tsc(CAROL), "Again", dissolution_ballot())
                .await
        ),
        "dissolution-error-call-off-pending"
    );
    vote_and_close(&w, call_off.id, Choice::Yes).await;
    let sent = pass(&w, &discord).await;
    assert!(sent.contains(&Notice::DissolutionCalledOff {
        dissolution_id: d.id
    }));
    assert_eq!(
        w.app.dissolution(d.id).await.unwrap().status,
        Status::CalledOff
    );
    // The monthly notices still scheduled find nothing to announce.
    w.clock.advance(Duration::days(120));
    let sent = pass(&w, &discord).await;
    assert!(
        sent.iter()
            .all(|n| !matches!(n, Notice::DissolutionNotice { .. }))
    );
    let outcomes: Vec<String> = public_log(&w)
        .await
        .into_iter()
        .filter(|e| e.kind == DecisionKind::Dissolution)
        .map(|e| e.outcome)
        .collect();
    assert_eq!(outcomes, vec!["decided", "called_off"]);
    // A new proposal may follow.
    w.app
        .propose_dissolution(&tsc(ALICE), &proposal("2027-09-30"), dissolution_ballot())
        .await
        .unwrap();
}
