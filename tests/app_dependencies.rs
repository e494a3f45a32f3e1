//! Dependencies through `app` + `store` on a real SQLite file: a proposal with its need and
//! alternatives, the security and license reviews (never by the proposer), the maintainer's
//! approval, the approved list, and removal as a proposal of its own.

mod app_support;

use app_support::*;
use steward::app::Actor;
use steward::app::dependency::proposal::ProposeDependency;
use steward::app::guild::setup::Setup;
use steward::app::outbox::Notice;
use steward::governance::decision::DecisionKind;
use steward::governance::dependency::{Review, Stage, Verdict};
use steward::governance::roles::GovRole;
use steward::store::decision_log::Filter;

const SECURITY_ROLE: u64 = 3_003;
const GRACE: u64 = 17;
const HEIDI: u64 = 18;
const IVAN: u64 = 19;

fn maintainer(user: u64) -> Actor {
    actor(user, &[GovRole::Maintainer])
}

fn security(user: u64) -> Actor {
    actor(user, &[GovRole::SecurityTeam])
}

fn contributor(user: u64) -> Actor {
    actor(user, &[GovRole::Contributor])
}

async fn world(security_team: bool) -> World {
    let mut roles = vec![
        (GovRole::Tsc, TSC_ROLE),
        (GovRole::Maintainer, MAINTAINER_ROLE),
    ];
    if security_team {
        roles.push((GovRole::SecurityTeam, SECURITY_ROLE));
    }
    World::with_setup(Setup {
        roles,
        announce_channel_id: ANNOUNCE,
        tsc_channel_id: None,
        wg_category_id: None,
        channels: vec![],
        locale: "en-US".into(),
    })
    .await
}

fn serde() -> ProposeDependency {
    ProposeDependency {
        name: "serde".into(),
        version: Some("1.0".into()),
        ecosystem: Some("Cargo".into()),
    }
}

/// grace (a contributor) proposes serde; returns its id.
async fn propose(w: &World) -> i64 {
    let draft = w
        .app
        .draft_dependency(&contributor(GRACE), serde())
        .await
        .unwrap();
    w.app
        .propose_dependency(
            &contributor(GRACE),
            draft,
            "Serialising the config",
            "Hand-written parsing",
        )
        .await
        .unwrap()
        .id
}

fn refused(result: Result<impl std::fmt::Debug, steward::app::AppError>) -> &'static str {
    result.unwrap_err().user().expect("a member's error").id
}

#[tokio::test]
async fn a_dependency_is_proposed_reviewed_twice_and_approved() {
    let w = world(true).await;
    let id = propose(&w).await;
    let d = w.app.dependency_by_id(id).await.unwrap();
    assert_eq!(d.stage, Stage::Review);
    assert_eq!(d.ecosystem.as_deref(), Some("cargo"));
    assert_eq!(
        d.channel_id, ANNOUNCE,
        "no releases channel: the announcements"
    );

    // Approval before the reviews is refused.
    let early = w
        .app
        .decide_dependency(&maintainer(HEIDI), id, true, "ok")
        .await;
    assert_eq!(refused(early), "dependency-error-reviews-pending");
    // The proposer never reviews; a maintainer does not review security where a team exists.
    let own = w
        .app
        .review_dependency(
            &actor(GRACE, &[GovRole::Contributor, GovRole::SecurityTeam]),
            id,
            Review::Security,
            true,
            "fine",
        )
        .await;
    assert_eq!(refused(own), "dependency-error-security-review");
    let not_team = w
        .app
        .review_dependency(&maintainer(HEIDI), id, Review::Security, true, "fine")
        .await;
    assert_eq!(refused(not_team), "dependency-error-security-review");
    let no_note = w
        .app
        .review_dependency(&security(IVAN), id, Review::Security, true, "\u{200B}")
        .await;
    assert_eq!(refused(no_note), "dependency-error-note");

    let d = w
        .app
        .review_dependency(
            &security(IVAN),
            id,
            Review::Security,
            true,
            "No advisories; audited",
        )
        .await
        .unwrap();
    assert_eq!(d.security.verdict, Verdict::Passed);
    assert_eq!(d.security.by, Some(IVAN));
    assert_eq!(d.stage, Stage::Review);
    let twice = w
        .app
        .review_dependency(
            &security(IVAN),
            id,
            Review::Security,
            false,
            "changed my mind",
        )
        .await;
    assert_eq!(refused(twice), "dependency-error-already-reviewed");
    let d = w
        .app
        .review_dependency(
            &maintainer(HEIDI),
            id,
            Review::License,
            true,
            "MIT OR Apache-2.0",
        )
        .await
        .unwrap();
    assert_eq!(d.stage, Stage::AwaitingApproval);

    // Step 3: a maintainer other than the proposer approves.
    let own = w
        .app
        .decide_dependency(&actor(GRACE, &[GovRole::Maintainer]), id, true, "mine")
        .await;
    assert_eq!(refused(own), "dependency-error-approve-not-allowed");
    let d = w
        .app
        .decide_dependency(&maintainer(FRANK), id, true, "Approved")
        .await
        .unwrap();
    assert_eq!(d.stage, Stage::Approved);
    assert_eq!(d.decided_by, Some(FRANK));

    let approved = w.app.approved_dependencies(GUILD).await.unwrap();
    assert_eq!(approved.len(), 1);
    assert_eq!(approved[0].name, "serde");
    // The same dependency cannot be proposed again.
    let again = w
        .app
        .draft_dependency(
            &contributor(BOB),
            ProposeDependency {
                name: "SERDE".into(),
                version: None,
                ecosystem: Some("cargo".into()),
            },
        )
        .await;
    assert_eq!(refused(again), "dependency-error-duplicate");

    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert!(
        discord
            .delivered()
            .contains(&Notice::DependencyCardPosted { dependency_id: id })
    );
    assert!(
        w.app
            .dependency_by_id(id)
            .await
            .unwrap()
            .card_message_id
            .is_some()
    );

    let outcomes: Vec<String> = w
        .app
        .decisions(
            &tsc(ALICE),
            Filter {
                kind: Some(DecisionKind::Dependency),
                ..Filter::default()
            },
        )
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.outcome)
        .collect();
    assert_eq!(
        outcomes,
        ["proposed", "security_passed", "license_passed", "approved"]
    );
}

#[tokio::test]
async fn without_a_security_team_a_maintainer_reviews_security() {
    let w = world(false).await;
    let id = propose(&w).await;
    let d = w
        .app
        .review_dependency(
            &maintainer(HEIDI),
            id,
            Review::Security,
            true,
            "No advisories",
        )
        .await
        .unwrap();
    assert_eq!(d.security.verdict, Verdict::Passed);
    let contributor_review = w
        .app
        .review_dependency(&contributor(BOB), id, Review::License, true, "MIT")
        .await;
    assert_eq!(
        refused(contributor_review),
        "dependency-error-license-review"
    );
}

#[tokio::test]
async fn either_review_may_reject_with_a_reason() {
    let w = world(true).await;
    let id = propose(&w).await;
    let d = w
        .app
        .review_dependency(
            &maintainer(HEIDI),
            id,
            Review::License,
            false,
            "GPL-3.0 only",
        )
        .await
        .unwrap();
    assert_eq!(d.stage, Stage::Rejected);
    assert_eq!(d.license.note.as_deref(), Some("GPL-3.0 only"));
    let after = w
        .app
        .review_dependency(&security(IVAN), id, Review::Security, true, "fine")
        .await;
    assert_eq!(refused(after), "dependency-error-decided");
    assert!(w.app.approved_dependencies(GUILD).await.unwrap().is_empty());
    // A rejected dependency may be proposed again.
    w.app
        .draft_dependency(&contributor(GRACE), serde())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_proposal_needs_its_need_and_alternatives() {
    let w = world(true).await;
    let nobody = w.app.draft_dependency(&actor(GRACE, &[]), serde()).await;
    assert_eq!(refused(nobody), "dependency-error-not-allowed-to-propose");
    let spaced = w
        .app
        .draft_dependency(
            &contributor(GRACE),
            ProposeDependency {
                name: "two words".into(),
                ..serde()
            },
        )
        .await;
    assert_eq!(refused(spaced), "dependency-error-name");
    let draft = w
        .app
        .draft_dependency(&contributor(GRACE), serde())
        .await
        .unwrap();
    for (need, alternatives, id) in [
        (" ", "x", "dependency-error-need"),
        ("x", "\u{2060}", "dependency-error-alternatives"),
    ] {
        let result = w
            .app
            .propose_dependency(&contributor(GRACE), draft, need, alternatives)
            .await;
        assert_eq!(refused(result), id);
    }
    assert!(w.app.dependency_proposals(GUILD).await.unwrap().is_empty());
}

#[tokio::test]
async fn removing_an_approved_dependency_is_a_proposal_too() {
    let w = world(true).await;
    let id = propose(&w).await;
    w.app
        .review_dependency(&security(IVAN), id, Review::Security, true, "ok")
        .await
        .unwrap();
    w.app
        .review_dependency(&maintainer(HEIDI), id, Review::License, true, "ok")
        .await
        .unwrap();
    w.app
        .decide_dependency(&maintainer(FRANK), id, true, "ok")
        .await
        .unwrap();

    let unknown = w
        .app
        .propose_dependency_removal(&maintainer(HEIDI), "toml", Some("cargo"), "Unused")
        .await;
    assert_eq!(refused(unknown), "dependency-error-not-approved");
    let contributor_removal = w
        .app
        .propose_dependency_removal(&contributor(GRACE), "serde", Some("cargo"), "Unused")
        .await;
    assert_eq!(
        refused(contributor_removal),
        "dependency-error-needs-maintainer"
    );
    let removal = w
        .app
        .propose_dependency_removal(
            &maintainer(HEIDI),
            "serde",
            Some("cargo"),
            "Replaced by miniserde",
        )
        .await
        .unwrap();
    assert_eq!(removal.stage, Stage::AwaitingApproval);
    let review = w
        .app
        .review_dependency(&security(IVAN), removal.id, Review::Security, true, "ok")
        .await;
    assert_eq!(refused(review), "dependency-error-no-review-for-removal");
    let own = w
        .app
        .decide_dependency(&maintainer(HEIDI), removal.id, true, "mine")
        .await;
    assert_eq!(refused(own), "dependency-error-approve-not-allowed");
    assert_eq!(w.app.approved_dependencies(GUILD).await.unwrap().len(), 1);
    w.app
        .decide_dependency(&maintainer(FRANK), removal.id, true, "Agreed")
        .await
        .unwrap();
    assert!(w.app.approved_dependencies(GUILD).await.unwrap().is_empty());
    // Once removed, it may be proposed again.
    w.app
        .draft_dependency(&contributor(GRACE), serde())
        .await
        .unwrap();
}
