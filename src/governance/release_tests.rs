use chrono::TimeZone;

use super::*;
use Stage as S;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap()
}

fn facts(stage: Stage) -> Facts {
    Facts {
        stage,
        open_blockers: 0,
        feedback_ends_at: None,
    }
}

fn step(facts: &Facts, event: Event) -> Result<Next, Refusal> {
    transition(facts, event, &Policy::default(), now())
}

fn to(stage: Stage) -> Result<Next, Refusal> {
    Ok(Next::to(stage))
}

fn to_with(stage: Stage, effects: &[Effect]) -> Result<Next, Refusal> {
    Ok(Next::with(stage, effects.iter().copied()))
}

/// Runs (from, event, expected) cases.
fn table(cases: &[(Facts, Event, Result<Next, Refusal>)]) {
    for (facts, event, expected) in cases {
        assert_eq!(&step(facts, *event), expected, "{facts:?} {event:?}");
    }
}

const ENDED: [Stage; 3] = [S::Announced, S::Rejected, S::Withdrawn];

#[test]
fn step_1_maintainers_propose_a_release_with_a_changelog() {
    // "Maintainers propose a new release with a changelog": the form opens the plan ballot.
    table(&[
        (
            facts(S::Draft),
            Event::Submit,
            to_with(S::PlanVote, &[Effect::OpenPlanBallot { hours: 72 }]),
        ),
        (facts(S::PlanVote), Event::Submit, Err(Refusal::Ended)),
    ]);
}

#[test]
fn step_2_the_tsc_approves_the_release_plan() {
    // "The TSC approves the release plan"; rejected or no quorum ends the release.
    table(&[
        (
            facts(S::PlanVote),
            Event::PlanDecided { approved: true },
            to(S::AwaitingCandidate),
        ),
        (
            facts(S::PlanVote),
            Event::PlanDecided { approved: false },
            to_with(S::Rejected, &[Effect::TellProposer]),
        ),
        // A ballot outcome arriving for a release that moved on changes nothing.
        (
            facts(S::Withdrawn),
            Event::PlanDecided { approved: true },
            Err(Refusal::Ended),
        ),
    ]);
}

#[test]
fn step_3_a_release_candidate_is_created_once_the_plan_is_approved() {
    // "A release candidate is created and tested": never before the plan is approved.
    let window = Effect::StartWindow {
        ends_at: now() + Duration::days(7),
    };
    table(&[
        (
            facts(S::AwaitingCandidate),
            Event::Candidate,
            to_with(S::Feedback, &[Effect::OpenThread, window]),
        ),
        (
            facts(S::Feedback),
            Event::Candidate,
            to_with(S::Feedback, &[window]),
        ),
        (
            facts(S::Blocked),
            Event::Candidate,
            to_with(S::Feedback, &[window]),
        ),
        (
            facts(S::Ready),
            Event::Candidate,
            to_with(S::Feedback, &[window]),
        ),
        (
            facts(S::PlanVote),
            Event::Candidate,
            Err(Refusal::PlanNotApproved),
        ),
        (
            facts(S::Draft),
            Event::Candidate,
            Err(Refusal::NotSubmitted),
        ),
        (
            facts(S::FinalVote),
            Event::Candidate,
            Err(Refusal::FinalUnderway),
        ),
        (
            facts(S::Approved),
            Event::Candidate,
            Err(Refusal::FinalUnderway),
        ),
    ]);
}

#[test]
fn step_4_community_feedback_is_gathered_during_the_window() {
    // "Community feedback is gathered": from the first candidate until the final approval.
    let ends_at = now() - Duration::minutes(1);
    let running = Facts {
        feedback_ends_at: Some(ends_at),
        ..facts(S::Feedback)
    };
    let with_blockers = Facts {
        open_blockers: 2,
        ..running
    };
    table(&[
        (running, Event::WorksForMe, to(S::Feedback)),
        (running, Event::BlockerReported, to(S::Feedback)),
        (facts(S::Ready), Event::WorksForMe, to(S::Ready)),
        (facts(S::Ready), Event::BlockerReported, to(S::Blocked)),
        (facts(S::Blocked), Event::BlockerReported, to(S::Blocked)),
        (
            facts(S::AwaitingCandidate),
            Event::WorksForMe,
            Err(Refusal::NoCandidate),
        ),
        (
            facts(S::PlanVote),
            Event::BlockerReported,
            Err(Refusal::PlanNotApproved),
        ),
        (
            facts(S::FinalVote),
            Event::BlockerReported,
            Err(Refusal::FinalUnderway),
        ),
        (
            facts(S::Approved),
            Event::WorksForMe,
            Err(Refusal::FinalUnderway),
        ),
        // The window ends: with blockers open the release waits for them (step 5).
        (running, Event::WindowEnded { ends_at }, to(S::Ready)),
        (
            with_blockers,
            Event::WindowEnded { ends_at },
            to(S::Blocked),
        ),
        // The job of a window a later candidate restarted changes nothing.
        (
            running,
            Event::WindowEnded {
                ends_at: ends_at - Duration::days(3),
            },
            to(S::Feedback),
        ),
        (
            facts(S::Ready),
            Event::WindowEnded { ends_at },
            to(S::Ready),
        ),
    ]);
    // Nor does a job that runs before the window's end.
    let early = Facts {
        feedback_ends_at: Some(now() + Duration::hours(1)),
        ..facts(S::Feedback)
    };
    assert_eq!(
        step(
            &early,
            Event::WindowEnded {
                ends_at: now() + Duration::hours(1)
            }
        ),
        to(S::Feedback)
    );
}

#[test]
fn step_5_blocking_issues_are_addressed() {
    // "Blocking issues are addressed": the last one decided frees the release.
    let blocked = |open| Facts {
        open_blockers: open,
        ..facts(S::Blocked)
    };
    table(&[
        (blocked(1), Event::BlockerDecided, to(S::Ready)),
        (blocked(2), Event::BlockerDecided, to(S::Blocked)),
        (
            Facts {
                open_blockers: 1,
                ..facts(S::Feedback)
            },
            Event::BlockerDecided,
            to(S::Feedback),
        ),
        (
            facts(S::FinalVote),
            Event::BlockerDecided,
            Err(Refusal::FinalUnderway),
        ),
    ]);
}

#[test]
fn step_6_the_final_release_is_approved_never_over_a_blocker_or_a_running_window() {
    // "The final release is approved and published".
    let ends_at = now() + Duration::days(2);
    let tsc = Policy::default();
    let maintainer = Policy {
        release_final: ReleaseFinal::Maintainer,
        ..Policy::default()
    };
    let ready = facts(S::Ready);
    assert_eq!(
        transition(&ready, Event::RequestApproval, &tsc, now()),
        to_with(S::FinalVote, &[Effect::OpenFinalBallot { hours: 72 }])
    );
    assert_eq!(
        transition(&ready, Event::RequestApproval, &maintainer, now()),
        to(S::Approved)
    );
    table(&[
        (
            Facts {
                feedback_ends_at: Some(ends_at),
                ..facts(S::Feedback)
            },
            Event::RequestApproval,
            Err(Refusal::WindowRunning { ends_at }),
        ),
        (
            Facts {
                open_blockers: 3,
                ..facts(S::Blocked)
            },
            Event::RequestApproval,
            Err(Refusal::BlockersOpen { count: 3 }),
        ),
        (
            facts(S::AwaitingCandidate),
            Event::RequestApproval,
            Err(Refusal::NoCandidate),
        ),
        (
            facts(S::PlanVote),
            Event::RequestApproval,
            Err(Refusal::PlanNotApproved),
        ),
        (
            facts(S::FinalVote),
            Event::RequestApproval,
            Err(Refusal::FinalUnderway),
        ),
        (
            facts(S::FinalVote),
            Event::FinalDecided { approved: true },
            to(S::Approved),
        ),
        (
            facts(S::FinalVote),
            Event::FinalDecided { approved: false },
            to_with(S::Ready, &[Effect::TellProposer]),
        ),
        (
            facts(S::Approved),
            Event::Published,
            to_with(S::Published, &[Effect::Announce]),
        ),
        (facts(S::Ready), Event::Published, Err(Refusal::NotApproved)),
        (
            facts(S::FinalVote),
            Event::Published,
            Err(Refusal::NotApproved),
        ),
        (
            facts(S::Published),
            Event::Published,
            Err(Refusal::AlreadyPublished),
        ),
    ]);
}

#[test]
fn step_7_the_release_is_announced_to_the_community_once() {
    // "The release is announced to the community".
    table(&[
        (facts(S::Published), Event::Announced, to(S::Announced)),
        (facts(S::Announced), Event::Announced, Err(Refusal::Ended)),
    ]);
}

#[test]
fn a_release_may_be_withdrawn_until_it_is_published() {
    table(&[
        (
            facts(S::PlanVote),
            Event::Withdraw,
            to_with(S::Withdrawn, &[Effect::CancelBallot]),
        ),
        (
            facts(S::FinalVote),
            Event::Withdraw,
            to_with(S::Withdrawn, &[Effect::CancelBallot]),
        ),
        (facts(S::Blocked), Event::Withdraw, to(S::Withdrawn)),
        (facts(S::Approved), Event::Withdraw, to(S::Withdrawn)),
        (
            facts(S::Published),
            Event::Withdraw,
            Err(Refusal::AlreadyPublished),
        ),
    ]);
}

#[test]
fn an_ended_release_takes_no_step() {
    let events = [
        Event::Submit,
        Event::Candidate,
        Event::WorksForMe,
        Event::BlockerReported,
        Event::BlockerDecided,
        Event::RequestApproval,
        Event::Published,
        Event::Withdraw,
    ];
    for stage in ENDED {
        for event in events {
            assert_eq!(
                step(&facts(stage), event),
                Err(Refusal::Ended),
                "{stage:?} {event:?}"
            );
        }
    }
}

#[test]
fn every_stage_maps_to_its_step_and_key() {
    assert_eq!(S::Draft.step(), Some(Step::Propose));
    assert_eq!(S::Blocked.step().map(Step::number), Some(5));
    assert_eq!(S::Approved.step(), Some(Step::FinalApproval));
    assert_eq!(S::Published.step().map(Step::number), Some(7));
    for stage in ENDED {
        assert_eq!(stage.step(), None);
    }
    for stage in Stage::ALL {
        assert_eq!(Stage::from_key(stage.key()), Some(stage));
    }
    for step in Step::ALL {
        assert_eq!(Step::from_number(i64::from(step.number())), Some(step));
    }
    assert_eq!(Step::from_number(0), None);
    assert_eq!(Step::from_number(8), None);
}

#[test]
fn the_proposer_is_reminded_only_where_members_must_act() {
    let policy = Policy::default();
    assert_eq!(
        stale_at(S::Ready, now(), &policy),
        Some(now() + Duration::days(14))
    );
    assert_eq!(stale_at(S::Feedback, now(), &policy), None);
    assert_eq!(stale_at(S::PlanVote, now(), &policy), None);
    assert_eq!(stale_at(S::Announced, now(), &policy), None);
}
