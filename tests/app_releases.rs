//! Releases through `app` + `store` on a real SQLite file, with an injected clock: the
//! document's seven steps as a community lives through them, and every step out of order
//! refused with nothing changed.

mod app_support;

use app_support::*;
use chrono::Duration;
use steward::app::Actor;
use steward::app::guild::setup::Setup;
use steward::app::outbox::Notice;
use steward::app::release::approval::FinalApproval;
use steward::app::release::feedback::BlockerDecision;
use steward::app::release::proposal::ReleaseBallot;
use steward::governance::ballot::Choice;
use steward::governance::decision::DecisionKind;
use steward::governance::policy::PolicyKey;
use steward::governance::release::Stage;
use steward::governance::roles::GovRole;
use steward::store::decision_log::Filter;
use steward::store::guild::ChannelPurpose;

const RELEASES: u64 = 2_003;
/// A member of the community without a governance role.
const GRACE: u64 = 17;
/// A second maintainer.
const HEIDI: u64 = 18;
const CHANGELOG: &str = "- Faster start-up\n- WASI preview 2";

fn maintainer(user: u64) -> Actor {
    actor(user, &[GovRole::Maintainer])
}

fn member(user: u64) -> Actor {
    actor(user, &[])
}

async fn world() -> World {
    world_with(vec![(ChannelPurpose::Releases, RELEASES)]).await
}

async fn world_with(channels: Vec<(ChannelPurpose, u64)>) -> World {
    World::with_setup(Setup {
        roles: vec![
            (GovRole::Tsc, TSC_ROLE),
            (GovRole::Maintainer, MAINTAINER_ROLE),
        ],
        announce_channel_id: ANNOUNCE,
        tsc_channel_id: Some(TSC_CHANNEL),
        wg_category_id: None,
        channels,
        locale: "en-US".into(),
    })
    .await
}

fn ballot(title: &str) -> ReleaseBallot {
    ReleaseBallot {
        title: title.into(),
        description: "The release plan".into(),
        electorate: TSC.to_vec(),
    }
}

/// frank (a maintainer) proposes 1.4.0; returns (release id, plan ballot id).
async fn propose(w: &World) -> (i64, i64) {
    let draft = w
        .app
        .draft_release(&maintainer(FRANK), "v1.4.0")
        .await
        .unwrap();
    let (release, opened) = w
        .app
        .propose_release(
            &maintainer(FRANK),
            draft,
            CHANGELOG,
            "2026-03-20",
            ballot("Release plan: v1.4.0"),
        )
        .await
        .unwrap();
    (release.id, opened.id)
}

async fn vote_all(w: &World, ballot: i64, choice: Choice) {
    for member in [ALICE, BOB, CAROL] {
        let concern = (choice == Choice::No).then_some("Not ready");
        w.app
            .cast_vote(&tsc(member), ballot, choice, concern)
            .await
            .unwrap();
    }
}

async fn advance(w: &World, by: Duration) {
    w.clock.advance(by);
    w.app.run_due_jobs().await.unwrap();
}

async fn stage(w: &World, release: i64) -> Stage {
    w.app.release_by_id(release).await.unwrap().release.stage
}

fn refused(result: Result<impl std::fmt::Debug, steward::app::AppError>) -> &'static str {
    result.unwrap_err().user().expect("a member's error").id
}

/// Proposes and approves the plan; returns the release id.
async fn approved_plan(w: &World) -> i64 {
    let (release, plan) = propose(w).await;
    vote_all(w, plan, Choice::Yes).await;
    advance(w, Duration::hours(72)).await;
    release
}

async fn release_decisions(w: &World) -> Vec<String> {
    let filter = Filter {
        kind: Some(DecisionKind::Release),
        ..Filter::default()
    };
    w.app
        .decisions(&tsc(ALICE), filter)
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.outcome)
        .collect()
}

#[tokio::test]
async fn a_release_walks_the_seven_steps_and_a_blocker_holds_back_the_final_approval() {
    let w = world().await;
    // Step 1: proposed with a changelog; the plan ballot lasts release_voting_hours.
    let (release, plan) = propose(&w).await;
    let view = w.app.release_by_id(release).await.unwrap();
    assert_eq!(view.release.version, "1.4.0");
    assert_eq!(view.release.stage, Stage::PlanVote);
    assert_eq!(
        view.release.channel_id, RELEASES,
        "the card goes to #releases"
    );
    let opened = w.app.ballot_view(plan).await.unwrap().ballot;
    assert_eq!(opened.closes_at - opened.opens_at, Duration::hours(72));
    assert_eq!(opened.channel_id, RELEASES);

    // Step 3 before step 2 is refused.
    let early = w
        .app
        .record_candidate(&maintainer(FRANK), "1.4.0", "https://e.org/rc1")
        .await;
    assert_eq!(refused(early), "release-error-plan-not-approved");

    // Step 2: the TSC approves the plan.
    vote_all(&w, plan, Choice::Yes).await;
    advance(&w, Duration::hours(72)).await;
    assert_eq!(stage(&w, release).await, Stage::AwaitingCandidate);

    // Step 3: rc1 opens the feedback window and the thread.
    let (r, number) = w
        .app
        .record_candidate(&maintainer(FRANK), "1.4.0", "https://e.org/rc1")
        .await
        .unwrap();
    assert_eq!(number, 1);
    assert_eq!(r.stage, Stage::Feedback);
    assert_eq!(r.feedback_ends_at, Some(w.clock_now() + Duration::days(7)));

    // Step 4: feedback.
    let (_, candidate, counted) = w.app.works_for_me(&member(GRACE), release).await.unwrap();
    assert!(counted);
    assert_eq!(candidate, 1);
    let (_, _, again) = w.app.works_for_me(&member(GRACE), release).await.unwrap();
    assert!(!again, "once per member and candidate");
    let (_, blocker) = w
        .app
        .report_blocker(
            &member(GRACE),
            release,
            "https://e.org/issues/7",
            "Crashes on start",
        )
        .await
        .unwrap();
    let running = w
        .app
        .approve_release(&maintainer(HEIDI), "1.4.0", Some(ballot("Final")))
        .await;
    assert_eq!(refused(running), "release-error-window-running");

    // Step 5: the window ends with a blocker open; the final approval waits for it.
    advance(&w, Duration::days(7)).await;
    assert_eq!(stage(&w, release).await, Stage::Blocked);
    let blocked = w
        .app
        .approve_release(&maintainer(HEIDI), "1.4.0", Some(ballot("Final")))
        .await;
    assert_eq!(refused(blocked), "release-error-blockers-open");
    let not_allowed = w
        .app
        .decide_blocker(
            &member(GRACE),
            blocker.id,
            BlockerDecision::Resolved,
            "https://e.org/pr/8",
        )
        .await;
    assert_eq!(refused(not_allowed), "release-error-needs-maintainer");
    let bad_link = w
        .app
        .decide_blocker(
            &maintainer(HEIDI),
            blocker.id,
            BlockerDecision::Resolved,
            "pr 8",
        )
        .await;
    assert_eq!(refused(bad_link), "release-error-link");
    assert_eq!(stage(&w, release).await, Stage::Blocked, "nothing changed");
    let (r, decided) = w
        .app
        .decide_blocker(
            &maintainer(HEIDI),
            blocker.id,
            BlockerDecision::Resolved,
            "https://e.org/pr/8",
        )
        .await
        .unwrap();
    assert_eq!(decided.decided_by, Some(HEIDI));
    assert_eq!(stage(&w, r.id).await, Stage::Ready);
    let twice = w
        .app
        .decide_blocker(
            &maintainer(HEIDI),
            blocker.id,
            BlockerDecision::NotBlocking,
            "no",
        )
        .await;
    assert_eq!(refused(twice), "release-error-blocker-decided");

    // Step 6: the TSC approves the final release, which is then published.
    let (r, approval) = w
        .app
        .approve_release(
            &maintainer(HEIDI),
            "1.4.0",
            Some(ballot("Final release: v1.4.0")),
        )
        .await
        .unwrap();
    let FinalApproval::Ballot(final_ballot) = approval else {
        panic!("the TSC decides by default");
    };
    assert_eq!(r.stage, Stage::FinalVote);
    let late = w
        .app
        .report_blocker(&member(GRACE), release, "https://e.org/9", "x")
        .await;
    assert_eq!(refused(late), "release-error-final-underway");
    let early = w
        .app
        .publish_release(&maintainer(FRANK), "1.4.0", "https://e.org/v1.4.0")
        .await;
    assert_eq!(refused(early), "release-error-not-approved");
    vote_all(&w, final_ballot.id, Choice::Yes).await;
    advance(&w, Duration::hours(72)).await;
    assert_eq!(stage(&w, release).await, Stage::Approved);
    let r = w
        .app
        .publish_release(&maintainer(FRANK), "1.4.0", "https://e.org/v1.4.0")
        .await
        .unwrap();
    assert_eq!(r.stage, Stage::Published);

    // Step 7: announced once, with the card and the reporter told along the way.
    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    let delivered = discord.delivered();
    let announced = delivered
        .iter()
        .filter(|n| matches!(n, Notice::ReleaseAnnounced { .. }))
        .count();
    assert_eq!(announced, 1);
    for expected in [
        Notice::ReleaseCardPosted {
            release_id: release,
        },
        Notice::ReleaseThread {
            release_id: release,
        },
        Notice::ReleaseBlockerReported {
            blocker_id: blocker.id,
        },
        Notice::ReleaseBlockerDecided {
            blocker_id: blocker.id,
        },
    ] {
        assert!(
            delivered.contains(&expected),
            "{expected:?} in {delivered:?}"
        );
    }
    assert_eq!(stage(&w, release).await, Stage::Announced);
    let view = w.app.release_by_id(release).await.unwrap();
    assert!(view.release.card_message_id.is_some());
    assert!(view.release.thread_id.is_some());
    let again = w
        .app
        .publish_release(&maintainer(FRANK), "1.4.0", "https://e.org/x")
        .await;
    assert_eq!(refused(again), "release-error-ended");
    // A released version is not released twice.
    assert_eq!(
        refused(w.app.draft_release(&maintainer(HEIDI), "1.4.0").await),
        "release-error-version-taken"
    );

    assert_eq!(
        release_decisions(&w).await,
        [
            "proposed",
            "plan_approved",
            "candidate",
            "blocker_reported",
            "feedback_closed",
            "blocker_resolved",
            "final_requested",
            "approved",
            "published",
            "announced"
        ]
    );
}

#[tokio::test]
async fn bad_versions_and_texts_are_refused_and_change_nothing() {
    let w = world().await;
    for (version, id) in [
        ("1.4", "release-error-version"),
        ("latest", "release-error-version"),
    ] {
        assert_eq!(
            refused(w.app.draft_release(&maintainer(FRANK), version).await),
            id
        );
    }
    let contributor = actor(GRACE, &[GovRole::Contributor]);
    assert_eq!(
        refused(w.app.draft_release(&contributor, "1.4.0").await),
        "release-error-not-allowed-to-propose"
    );
    let draft = w
        .app
        .draft_release(&maintainer(FRANK), "1.4.0")
        .await
        .unwrap();
    for (changelog, planned, id) in [
        ("\u{200B}", "2026-03-20", "release-error-changelog-empty"),
        (CHANGELOG, "2026-03-01", "release-error-planned-date"),
        (CHANGELOG, "soon", "release-error-planned-date"),
    ] {
        let result = w
            .app
            .propose_release(&maintainer(FRANK), draft, changelog, planned, ballot("x"))
            .await;
        assert_eq!(refused(result), id);
    }
    // Someone else cannot submit frank's draft.
    let stolen = w
        .app
        .propose_release(
            &maintainer(HEIDI),
            draft,
            CHANGELOG,
            "2026-03-20",
            ballot("x"),
        )
        .await;
    assert_eq!(refused(stolen), "release-error-not-found");
    assert_eq!(w.count("SELECT COUNT(*) FROM ballots").await, 0);
    assert!(w.app.releases(GUILD).await.unwrap().is_empty());

    // A version in flight cannot be proposed twice.
    w.app
        .propose_release(
            &maintainer(FRANK),
            draft,
            CHANGELOG,
            "2026-03-20",
            ballot("x"),
        )
        .await
        .unwrap();
    assert_eq!(
        refused(w.app.draft_release(&maintainer(HEIDI), "v1.4.0").await),
        "release-error-version-taken"
    );
}

#[tokio::test]
async fn a_rejected_plan_ends_the_release_and_tells_the_proposer() {
    let w = world().await;
    let (release, plan) = propose(&w).await;
    vote_all(&w, plan, Choice::No).await;
    advance(&w, Duration::hours(72)).await;
    let view = w.app.release_by_id(release).await.unwrap();
    assert_eq!(view.release.stage, Stage::Rejected);
    assert_eq!(view.release.ended_step.map(|s| s.number()), Some(2));
    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert!(discord.delivered().contains(&Notice::ReleaseNotApproved {
        release_id: release,
        ballot_id: plan
    }));
    let rc = w
        .app
        .record_candidate(&maintainer(FRANK), "1.4.0", "https://e.org/rc1")
        .await;
    assert_eq!(refused(rc), "release-error-ended");
    // The version may be proposed again.
    w.app
        .draft_release(&maintainer(FRANK), "1.4.0")
        .await
        .unwrap();
}

#[tokio::test]
async fn a_maintainer_other_than_the_proposer_signs_off_where_the_policy_says() {
    let w = world().await;
    w.app
        .set_policy(&tsc(ALICE), PolicyKey::ReleaseFinal, "maintainer")
        .await
        .unwrap();
    let release = approved_plan(&w).await;
    w.app
        .record_candidate(&maintainer(FRANK), "1.4.0", "https://e.org/rc1")
        .await
        .unwrap();
    advance(&w, Duration::days(7)).await;
    assert_eq!(stage(&w, release).await, Stage::Ready);
    let own = w
        .app
        .approve_release(&maintainer(FRANK), "1.4.0", None)
        .await;
    assert_eq!(refused(own), "release-error-sign-off-not-allowed");
    let tsc_only = w.app.approve_release(&tsc(ALICE), "1.4.0", None).await;
    assert_eq!(refused(tsc_only), "release-error-sign-off-not-allowed");
    let (r, approval) = w
        .app
        .approve_release(&maintainer(HEIDI), "1.4.0", None)
        .await
        .unwrap();
    assert!(matches!(approval, FinalApproval::SignedOff));
    assert_eq!(r.stage, Stage::Approved);
    assert_eq!(r.signed_off_by, Some(HEIDI));
    assert_eq!(
        w.count("SELECT COUNT(*) FROM ballots").await,
        1,
        "no final ballot"
    );
}

#[tokio::test]
async fn a_later_candidate_restarts_the_window_and_the_old_job_changes_nothing() {
    let mut w = world().await;
    let release = approved_plan(&w).await;
    w.app
        .record_candidate(&maintainer(FRANK), "1.4.0", "https://e.org/rc1")
        .await
        .unwrap();
    advance(&w, Duration::days(5)).await;
    let (r, number) = w
        .app
        .record_candidate(&maintainer(FRANK), "1.4.0", "https://e.org/rc2")
        .await
        .unwrap();
    assert_eq!(number, 2);
    // The restart survives a restart of the bot.
    w.restart().await;
    advance(&w, Duration::days(2)).await;
    assert_eq!(
        stage(&w, release).await,
        Stage::Feedback,
        "rc1's window is gone"
    );
    let (_, candidate, _) = w.app.works_for_me(&member(GRACE), release).await.unwrap();
    assert_eq!(candidate, 2, "feedback is about the latest candidate");
    advance(&w, Duration::days(5)).await;
    assert_eq!(stage(&w, release).await, Stage::Ready);
    assert_eq!(r.feedback_ends_at, Some(w.clock_now()));
}

#[tokio::test]
async fn the_proposer_is_reminded_of_a_step_that_waits_too_long() {
    let w = world().await;
    let release = approved_plan(&w).await;
    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    discord.take();
    advance(&w, Duration::days(13)).await;
    w.app.deliver_outbox(&discord).await.unwrap();
    assert!(
        !discord
            .take()
            .iter()
            .any(|n| matches!(n, Notice::ReleaseStale { .. })),
        "not before release_stale_days"
    );
    advance(&w, Duration::days(1)).await;
    w.app.deliver_outbox(&discord).await.unwrap();
    let reminders: Vec<Notice> = discord
        .take()
        .into_iter()
        .filter(|n| matches!(n, Notice::ReleaseStale { release_id, .. } if *release_id == release))
        .collect();
    assert_eq!(reminders.len(), 1);
}

#[tokio::test]
async fn a_reporter_with_closed_dms_is_told_in_the_thread() {
    let w = world().await;
    let release = approved_plan(&w).await;
    w.app
        .record_candidate(&maintainer(FRANK), "1.4.0", "https://e.org/rc1")
        .await
        .unwrap();
    let (_, blocker) = w
        .app
        .report_blocker(&member(GRACE), release, "https://e.org/issues/7", "Crashes")
        .await
        .unwrap();
    w.app
        .decide_blocker(
            &maintainer(HEIDI),
            blocker.id,
            BlockerDecision::NotBlocking,
            "Only on a fork",
        )
        .await
        .unwrap();
    let discord = FakeDiscord::with_closed_dms([GRACE]);
    w.app.deliver_outbox(&discord).await.unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    let delivered = discord.delivered();
    assert!(!delivered.contains(&Notice::ReleaseBlockerDecided {
        blocker_id: blocker.id
    }));
    assert!(delivered.contains(&Notice::ReleaseBlockerDecidedInThread {
        blocker_id: blocker.id
    }));
}

#[tokio::test]
async fn withdrawing_during_the_plan_vote_cancels_the_ballot() {
    let w = world().await;
    let (release, plan) = propose(&w).await;
    let stranger = w
        .app
        .withdraw_release(&maintainer(HEIDI), "1.4.0", "Not mine")
        .await;
    assert_eq!(refused(stranger), "release-error-withdraw-not-allowed");
    let empty = w
        .app
        .withdraw_release(&maintainer(FRANK), "1.4.0", " ")
        .await;
    assert_eq!(refused(empty), "release-error-reason");
    let r = w
        .app
        .withdraw_release(&maintainer(FRANK), "1.4.0", "A security fix comes first")
        .await
        .unwrap();
    assert_eq!(r.stage, Stage::Withdrawn);
    assert_eq!(r.ended_step.map(|s| s.number()), Some(2));
    let ballot = w.app.ballot_view(plan).await.unwrap().ballot;
    assert!(!ballot.open);
    assert_eq!(
        ballot.outcome,
        Some(steward::governance::ballot::Outcome::Cancelled)
    );
    // The ballot's deadline job finds it closed and changes nothing.
    advance(&w, Duration::hours(72)).await;
    assert_eq!(stage(&w, release).await, Stage::Withdrawn);
}

#[tokio::test]
async fn no_withdrawal_stops_a_vote_once_the_tsc_has_voted() {
    let w = world().await;
    let (release, plan) = propose(&w).await;
    w.app
        .cast_vote(&tsc(BOB), plan, Choice::Yes, None)
        .await
        .unwrap();
    let stopped = w
        .app
        .withdraw_release(&maintainer(FRANK), "1.4.0", "Changed my mind")
        .await;
    assert_eq!(refused(stopped), "error-cancel-votes-cast");
    assert_eq!(stage(&w, release).await, Stage::PlanVote);
    assert!(w.app.ballot_view(plan).await.unwrap().ballot.open);
}

#[tokio::test]
async fn without_a_releases_channel_the_card_is_in_the_announcement_channel() {
    let w = world_with(Vec::new()).await;
    let (release, _) = propose(&w).await;
    let view = w.app.release_by_id(release).await.unwrap();
    assert_eq!(view.release.channel_id, ANNOUNCE);
    let w = world().await;
    let (release, _) = propose(&w).await;
    let view = w.app.release_by_id(release).await.unwrap();
    assert_eq!(view.release.channel_id, RELEASES);
}
