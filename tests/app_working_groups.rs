//! Working groups through `app` + `store` on a real SQLite file, with an injected clock: from
//! the charter proposal to the archive, as a community lives through it.

mod app_support;

use app_support::*;
use chrono::{Duration, TimeZone, Utc};
use steward::app::outbox::Notice;
use steward::app::working_group::proposal::{CreateGroup, GroupBallot};
use steward::governance::ballot::{Choice, Outcome};
use steward::governance::roles::GovRole;
use steward::governance::working_group::{Charter, Status};

const GRACE: u64 = 17;

fn maintainer(user: u64) -> steward::app::Actor {
    actor(user, &[GovRole::Maintainer])
}

fn charter() -> Charter {
    Charter {
        scope: "Design WASI preview 2 support".into(),
        deliverables: "An RFC and a prototype".into(),
        timeline: "Until the end of the year".into(),
        resources: "CI minutes on arm64".into(),
        reporting: "Every four weeks to the TSC".into(),
    }
}

fn create(name: &str) -> CreateGroup {
    CreateGroup {
        name: name.into(),
        focus: "WASI".into(),
        chair_id: FRANK,
        chair_is_bot: false,
        members: vec![GRACE, FRANK],
        report_every: Some("4w".into()),
        ends_on: Some("2026-09-01".into()),
    }
}

/// When the group's pending report falls due, as its reminder carries it.
async fn due_ms(w: &World, wg: i64) -> i64 {
    let view = w.app.group_by_id(wg).await.unwrap();
    view.group.next_report_due.unwrap().timestamp_millis()
}

fn group_ballot(title: &str) -> GroupBallot {
    GroupBallot {
        title: title.into(),
        description: String::new(),
        channel_id: GENERAL,
        electorate: TSC.to_vec(),
    }
}

/// Drafts and proposes a group as frank (a maintainer); returns (wg id, ballot id).
async fn propose(w: &World, name: &str) -> (i64, i64) {
    let draft = w
        .app
        .draft_working_group(&maintainer(FRANK), create(name))
        .await
        .unwrap();
    let (group, ballot) = w
        .app
        .propose_working_group(&maintainer(FRANK), draft, &charter(), group_ballot(name))
        .await
        .unwrap();
    (group.id, ballot.id)
}

async fn vote_all(w: &World, ballot: i64, choice: Choice) {
    for member in [ALICE, BOB, CAROL] {
        let concern = (choice == Choice::No).then_some("Not now");
        w.app
            .cast_vote(&tsc(member), ballot, choice, concern)
            .await
            .unwrap();
    }
}

/// Lets the ballot's deadline pass and runs due jobs.
async fn decide(w: &World) {
    w.clock.advance(Duration::days(7));
    w.app.run_due_jobs().await.unwrap();
}

async fn deliver(w: &World) -> Vec<Notice> {
    let discord = FakeDiscord::default();
    // Twice: notices queued by a delivery (the announcement after provisioning) go out too.
    w.app.deliver_outbox(&discord).await.unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    discord.delivered()
}

/// Proposes, approves and provisions a group; returns its id.
async fn active_group(w: &World, name: &str) -> i64 {
    let (wg, ballot) = propose(w, name).await;
    vote_all(w, ballot, Choice::Yes).await;
    decide(w).await;
    deliver(w).await;
    wg
}

#[tokio::test]
async fn an_approved_charter_makes_an_active_group_that_is_provisioned_and_announced() {
    let w = World::new().await;
    let (wg, ballot) = propose(&w, "WASI Preview 2").await;
    let view = w.app.ballot_view(ballot).await.unwrap();
    assert_eq!(
        view.group.as_ref().unwrap().charter,
        Some(charter()),
        "the ballot shows the charter"
    );
    assert_eq!(
        w.app
            .working_group(GUILD, "wasi-preview-2")
            .await
            .unwrap()
            .group
            .status,
        Status::Proposed
    );

    vote_all(&w, ballot, Choice::Yes).await;
    decide(&w).await;
    let view = w.app.working_group(GUILD, "WASI Preview 2").await.unwrap();
    assert_eq!(view.group.status, Status::Active);
    assert_eq!(
        view.members,
        vec![FRANK, GRACE],
        "the chair and the founding member"
    );
    assert_eq!(
        view.group.next_report_due,
        Some(w.clock_now() + Duration::days(28))
    );

    let delivered = deliver(&w).await;
    let provision = delivered
        .iter()
        .position(|n| *n == Notice::WgProvision { wg_id: wg });
    let announce = delivered
        .iter()
        .position(|n| *n == Notice::WgAnnounced { wg_id: wg });
    assert!(provision.is_some() && announce > provision, "{delivered:?}");
    // Provisioning again (a retry) announces nothing more.
    assert!(deliver(&w).await.is_empty());
}

#[tokio::test]
async fn a_rejected_charter_creates_nothing() {
    let w = World::new().await;
    let (wg, ballot) = propose(&w, "Docs").await;
    vote_all(&w, ballot, Choice::No).await;
    decide(&w).await;
    let group = w.app.group_by_id(wg).await.unwrap().group;
    assert_eq!(group.status, Status::Rejected);
    let delivered = deliver(&w).await;
    assert!(
        !delivered
            .iter()
            .any(|n| matches!(n, Notice::WgProvision { .. })),
        "{delivered:?}"
    );
    assert!(delivered.contains(&Notice::BallotResult { ballot_id: ballot }));
    // The name is free again.
    propose(&w, "Docs").await;
}

#[tokio::test]
async fn proposals_are_checked_before_anything_is_stored() {
    let w = World::new().await;
    let err = w
        .app
        .draft_working_group(&actor(GRACE, &[GovRole::Contributor]), create("Docs"))
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-not-allowed-to-propose");
    let bad_cadence = CreateGroup {
        report_every: Some("12h".into()),
        ..create("Docs")
    };
    let err = w
        .app
        .draft_working_group(&maintainer(FRANK), bad_cadence)
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-cadence");
    let past = CreateGroup {
        ends_on: Some("2020-01-01".into()),
        ..create("Docs")
    };
    assert_eq!(
        w.app
            .draft_working_group(&maintainer(FRANK), past)
            .await
            .unwrap_err()
            .user()
            .unwrap()
            .id,
        "wg-error-end-date"
    );
    assert_eq!(w.count("SELECT COUNT(*) FROM working_groups").await, 0);

    let draft = w
        .app
        .draft_working_group(&maintainer(FRANK), create("Docs"))
        .await
        .unwrap();
    let empty = Charter {
        resources: " ".into(),
        ..charter()
    };
    let err = w
        .app
        .propose_working_group(&maintainer(FRANK), draft, &empty, group_ballot("Docs"))
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-charter-empty");
    assert_eq!(w.count("SELECT COUNT(*) FROM ballots").await, 0);
    // Someone else cannot submit frank's draft.
    let err = w
        .app
        .propose_working_group(&maintainer(GRACE), draft, &charter(), group_ballot("Docs"))
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-not-found");

    propose(&w, "Docs").await;
    let err = w
        .app
        .draft_working_group(&maintainer(FRANK), create("docs!"))
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-name-taken");
}

#[tokio::test]
async fn joining_needs_the_chair_and_keeps_the_role_in_sync() {
    let w = World::new().await;
    let wg = active_group(&w, "Docs").await;
    let henry = 18;
    w.app
        .request_to_join(&actor(henry, &[]), "Docs")
        .await
        .unwrap();
    let err = w
        .app
        .request_to_join(&actor(henry, &[]), "Docs")
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-request-pending");
    let delivered = deliver(&w).await;
    let Some(Notice::WgJoinRequested { request_id }) = delivered.first().cloned() else {
        panic!("{delivered:?}")
    };

    let err = w
        .app
        .decide_join(&actor(GRACE, &[]), request_id, true)
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-not-chair");
    w.app
        .decide_join(&maintainer(FRANK), request_id, true)
        .await
        .unwrap();
    let err = w
        .app
        .decide_join(&maintainer(FRANK), request_id, false)
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-request-decided");
    assert!(w.app.group_members(wg).await.unwrap().contains(&henry));
    assert_eq!(
        deliver(&w).await,
        vec![Notice::WgMemberRole {
            wg_id: wg,
            user_id: henry,
            add: true
        }]
    );

    w.app
        .leave_working_group(&actor(henry, &[]), "Docs")
        .await
        .unwrap();
    assert!(!w.app.group_members(wg).await.unwrap().contains(&henry));
    assert_eq!(
        deliver(&w).await,
        vec![Notice::WgMemberRole {
            wg_id: wg,
            user_id: henry,
            add: false
        }]
    );
    let err = w
        .app
        .leave_working_group(&maintainer(FRANK), "Docs")
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-chair-cannot-leave");

    let err = w
        .app
        .remove_from_working_group(&actor(GRACE, &[]), "Docs", FRANK)
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-not-chair");
    w.app
        .remove_from_working_group(&tsc(ALICE), "Docs", GRACE)
        .await
        .unwrap();
    assert_eq!(w.app.group_members(wg).await.unwrap(), vec![FRANK]);
}

#[tokio::test]
async fn a_missed_report_is_reminded_then_flagged_and_a_filed_one_resets_the_clock() {
    let w = World::new().await;
    let wg = active_group(&w, "Docs").await;
    // Due 28 days after activation: the chair is reminded.
    w.clock.advance(Duration::days(28));
    w.app.run_due_jobs().await.unwrap();
    assert_eq!(
        deliver(&w).await,
        vec![Notice::WgReportReminder {
            wg_id: wg,
            due_ms: due_ms(&w, wg).await
        }]
    );
    // A week later, still nothing: the TSC is told.
    w.clock.advance(Duration::days(7));
    w.app.run_due_jobs().await.unwrap();
    let delivered = deliver(&w).await;
    assert!(
        matches!(delivered.as_slice(), [Notice::WgReportOverdue { wg_id, .. }] if *wg_id == wg),
        "{delivered:?}"
    );

    // Only the chair reports; the next report is due a cadence later and nothing is flagged.
    let err = w
        .app
        .submit_report(&tsc(ALICE), wg, "Progress")
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-only-chair-reports");
    w.app
        .submit_report(&maintainer(FRANK), wg, "RFC drafted; prototype next")
        .await
        .unwrap();
    let view = w.app.group_by_id(wg).await.unwrap();
    assert_eq!(view.reports, 1, "the chair's report is counted");
    let due = view.group.next_report_due.unwrap();
    assert_eq!(due, w.clock_now() + Duration::days(28));
    assert!(matches!(
        deliver(&w).await.as_slice(),
        [Notice::WgReportPosted { .. }]
    ));
    // The cycle that was running before the report (due 56 days in) stays silent.
    w.clock.advance(Duration::days(27));
    w.app.run_due_jobs().await.unwrap();
    assert!(deliver(&w).await.is_empty());
}

#[tokio::test]
async fn the_end_of_the_charter_is_announced_and_a_closing_ballot_archives_the_group() {
    let w = World::new().await;
    let wg = active_group(&w, "Docs").await;
    // Ends 2026-09-01; reminded 14 days before, told at the end.
    w.clock
        .set(Utc.with_ymd_and_hms(2026, 8, 18, 0, 0, 0).unwrap());
    w.app.run_due_jobs().await.unwrap();
    let delivered = deliver(&w).await;
    assert!(
        delivered.contains(&Notice::WgEndingSoon {
            wg_id: wg,
            to_tsc: false
        }) && delivered.contains(&Notice::WgEndingSoon {
            wg_id: wg,
            to_tsc: true
        }),
        "{delivered:?}"
    );
    w.clock
        .set(Utc.with_ymd_and_hms(2026, 9, 1, 0, 0, 0).unwrap());
    w.app.run_due_jobs().await.unwrap();
    assert!(
        deliver(&w)
            .await
            .contains(&Notice::WgEndReached { wg_id: wg })
    );

    let err = w
        .app
        .propose_close(&maintainer(FRANK), wg, group_ballot("Close"))
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-needs-tsc");
    let ballot = w
        .app
        .propose_close(&tsc(ALICE), wg, group_ballot("Close"))
        .await
        .unwrap();
    let err = w
        .app
        .propose_close(&tsc(BOB), wg, group_ballot("Close"))
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-ballot-open");
    vote_all(&w, ballot.id, Choice::Yes).await;
    decide(&w).await;
    assert_eq!(
        w.app.group_by_id(wg).await.unwrap().group.status,
        Status::Closed
    );
    let delivered = deliver(&w).await;
    let archive = delivered
        .iter()
        .position(|n| *n == Notice::WgArchive { wg_id: wg });
    let closed = delivered
        .iter()
        .position(|n| *n == Notice::WgClosedAnnounced { wg_id: wg });
    assert!(archive.is_some() && closed > archive, "{delivered:?}");
    // A closed group takes no members and no reports.
    let err = w
        .app
        .request_to_join(&actor(18, &[]), "Docs")
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-not-active");
}

#[tokio::test]
async fn the_tsc_appoints_a_new_chair_by_ballot() {
    let w = World::new().await;
    let wg = active_group(&w, "Docs").await;
    let err = w
        .app
        .propose_chair(&actor(GRACE, &[]), wg, GRACE, false, group_ballot("Chair"))
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "wg-error-not-chair");
    let henry = 18;
    let ballot = w
        .app
        .propose_chair(&maintainer(FRANK), wg, henry, false, group_ballot("Chair"))
        .await
        .unwrap();
    vote_all(&w, ballot.id, Choice::Yes).await;
    decide(&w).await;
    let view = w.app.group_by_id(wg).await.unwrap();
    assert_eq!(view.group.chair_id, henry);
    assert!(view.members.contains(&henry));
    assert!(deliver(&w).await.contains(&Notice::WgMemberRole {
        wg_id: wg,
        user_id: henry,
        add: true
    }));
    assert_eq!(
        w.app.ballot_view(ballot.id).await.unwrap().ballot.outcome,
        Some(Outcome::Approved)
    );
}

#[tokio::test]
async fn the_lifecycle_survives_a_restart() {
    let mut w = World::new().await;
    let (wg, ballot) = propose(&w, "Docs").await;
    vote_all(&w, ballot, Choice::Yes).await;
    w.restart().await;
    decide(&w).await;
    w.restart().await;
    let delivered = deliver(&w).await;
    assert!(delivered.contains(&Notice::WgAnnounced { wg_id: wg }));
    w.restart().await;
    w.clock.advance(Duration::days(28));
    w.app.run_due_jobs().await.unwrap();
    assert_eq!(
        deliver(&w).await,
        vec![Notice::WgReportReminder {
            wg_id: wg,
            due_ms: due_ms(&w, wg).await
        }]
    );
}

#[tokio::test]
async fn chairs_appear_in_the_roster_and_groups_in_the_annual_review() {
    let w = World::new().await;
    let wg = active_group(&w, "Docs").await;
    let (_, rejected) = propose(&w, "Website").await;
    vote_all(&w, rejected, Choice::No).await;
    decide(&w).await;

    let roster = w.app.roster(GUILD).await.unwrap();
    let listed: Vec<_> = roster
        .working_groups
        .iter()
        .map(|g| (g.name.as_str(), g.chair_id))
        .collect();
    assert_eq!(
        listed,
        vec![("Docs", FRANK)],
        "only active groups, with their chair"
    );

    w.app
        .submit_report(&maintainer(FRANK), wg, "First report")
        .await
        .unwrap();
    w.app
        .submit_report(&maintainer(FRANK), wg, "Second report")
        .await
        .unwrap();
    let summary = w
        .app
        .review_summary(GUILD, w.clock_now() + Duration::days(1))
        .await
        .unwrap();
    let groups: Vec<_> = summary
        .working_groups
        .iter()
        .map(|(g, n)| (g.name.as_str(), *n))
        .collect();
    assert_eq!(groups, vec![("Docs", 2)]);
}

/// Two proposals about the same group at the same moment (two TSC members typing `/wg close`,
/// or a chair and the TSC proposing chairs): exactly one ballot opens, the other is refused
/// naming it. The open-ballot check runs inside the write transaction.
#[tokio::test]
async fn simultaneous_proposals_about_a_group_open_one_ballot() {
    let w = World::new().await;
    let wg = active_group(&w, "Docs").await;
    let open_ballots = "SELECT COUNT(*) FROM ballots WHERE state = 'open'";
    let (alice, bob) = (tsc(ALICE), tsc(BOB));
    let (a, b) = tokio::join!(
        w.app.propose_close(&alice, wg, group_ballot("Close")),
        w.app.propose_close(&bob, wg, group_ballot("Close")),
    );
    assert_eq!(w.count(open_ballots).await, 1);
    let refused = [a.as_ref().err(), b.as_ref().err()]
        .into_iter()
        .flatten()
        .map(|e| e.user().unwrap().id)
        .collect::<Vec<_>>();
    assert_eq!(refused, ["wg-error-ballot-open"]);
    let close = a.or(b).unwrap();
    w.app
        .cancel_ballot(&tsc(close.opened_by), close.id, "Not now")
        .await
        .unwrap();

    let (chair, carol) = (maintainer(FRANK), tsc(CAROL));
    let (a, b) = tokio::join!(
        w.app
            .propose_chair(&chair, wg, 18, false, group_ballot("Chair")),
        w.app
            .propose_chair(&carol, wg, 19, false, group_ballot("Chair")),
    );
    assert_eq!(w.count(open_ballots).await, 1);
    assert_eq!(u8::from(a.is_ok()) + u8::from(b.is_ok()), 1);
}
