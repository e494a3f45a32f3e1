//! Shared by the transparency page's tests: a guild with a roster, public and private
//! decisions made through the real use cases, its page published, and the server on
//! 127.0.0.1 (port 0).
#![allow(
    dead_code,
    reason = "each test binary uses the part of the shared world it needs"
)]

use std::net::SocketAddr;

use chrono::Duration;
use serde_json::json;
use steward::app::case::conduct::ConductReport;
use steward::app::decision_log::record::{Entry, record};
use steward::app::delivery::{DeliveryError, OutboxItem, Publisher};
use steward::app::dependency::proposal::ProposeDependency;
use steward::app::guild::setup::Setup;
use steward::app::nomination::propose::{BallotTexts, NewNomination, NomineeInput};
use steward::app::release::proposal::ReleaseBallot;
use steward::app::succession::roster::DiscordMember;
use steward::app::working_group::proposal::{CreateGroup, GroupBallot};
use steward::governance::ballot::Choice;
use steward::governance::decision::DecisionKind;
use steward::governance::dependency::Review;
use steward::governance::nomination::Office;
use steward::governance::rfc::Summary;
use steward::governance::roles::{GovRole, RoleSet};
use steward::governance::working_group::Charter;
use steward::store::guild::ChannelPurpose;
use tokio::sync::watch;

use crate::app_support::*;

pub const SLUG: &str = "wasm-sandbox";
pub const SECURITY_ROLE: u64 = 3_003;
pub const CONTRIBUTOR_ROLE: u64 = 3_004;
pub const GRACE: u64 = 17;
pub const IVAN: u64 = 19;
pub const NOMINATION_THREAD: u64 = 2_100;

/// A title a member could type: must show as text, never run.
pub const SCRIPT_TITLE: &str = "<script>alert('x')</script> & \"friends\"";
/// Texts that must never reach a page.
pub const SECRETS: &[&str] = &[
    "OPEN-SECRET-BALLOT-TITLE",
    "OPEN-SECRET-BALLOT-DESCRIPTION",
    "CONDUCT-REPORT-TEXT",
    "PRIVATE-DECISION-TITLE",
    "NOMINATION-STATEMENT-TEXT",
    "NOMINATION-AREA-TEXT",
    "NOMINATION-CONCERN",
    "OPEN-SECRET-CONCERN",
    "Too soon",
    "WG-REPORT-BODY-TEXT",
    "RFC-FEEDBACK-TEXT",
];

fn member(id: u64, name: &str, roles: &[u64]) -> DiscordMember {
    DiscordMember {
        member_id: id,
        username: name.to_lowercase(),
        display_name: name.into(),
        role_ids: roles.to_vec(),
        bot: false,
    }
}

/// Delivers everything and remembers nothing.
pub struct Discord;

impl Publisher for Discord {
    async fn deliver(&self, item: &OutboxItem) -> Result<Option<u64>, DeliveryError> {
        Ok(Some(900_000 + item.id as u64))
    }
}

pub async fn pass(w: &World) {
    w.app.run_due_jobs().await.unwrap();
    w.app.deliver_outbox(&Discord).await.unwrap();
    w.app.deliver_outbox(&Discord).await.unwrap();
}

/// The guild: alice..erin the TSC (carol shown as a `<b>` name), frank a maintainer with an
/// area, ivan the security team, grace a contributor; its page not yet published.
pub async fn guild() -> World {
    let w = World::with_setup(Setup {
        roles: vec![
            (GovRole::Tsc, TSC_ROLE),
            (GovRole::Maintainer, MAINTAINER_ROLE),
            (GovRole::SecurityTeam, SECURITY_ROLE),
            (GovRole::Contributor, CONTRIBUTOR_ROLE),
            (GovRole::Emeritus, EMERITUS_ROLE),
        ],
        announce_channel_id: ANNOUNCE,
        tsc_channel_id: Some(TSC_CHANNEL),
        wg_category_id: None,
        channels: vec![
            (ChannelPurpose::Rfc, 2_005),
            (ChannelPurpose::Releases, 2_006),
        ],
        locale: "en-US".into(),
    })
    .await;
    let members = vec![
        member(ALICE, "Alice", &[TSC_ROLE]),
        member(BOB, "Bob", &[TSC_ROLE]),
        member(CAROL, "<b>Carol</b>", &[TSC_ROLE]),
        member(DAVE, "Dave", &[TSC_ROLE]),
        member(ERIN, "Erin", &[TSC_ROLE, MAINTAINER_ROLE]),
        member(FRANK, "Frank", &[MAINTAINER_ROLE]),
        member(IVAN, "Ivan", &[SECURITY_ROLE]),
        member(GRACE, "Grace", &[CONTRIBUTOR_ROLE]),
        member(99, "Oscar", &[EMERITUS_ROLE]),
    ];
    w.app.sync_roster(GUILD, &members).await.unwrap();
    w.app
        .set_area(&tsc(ALICE), FRANK, "Runtime & <i>sandbox</i>")
        .await
        .unwrap();
    pass(&w).await;
    w
}

/// The guild with public decisions (a ballot titled with a script, passed; a secret ballot,
/// closed) and private matters (an open secret ballot, a conduct report, a private log entry,
/// a rejected nomination), its page published under [`SLUG`].
pub async fn seeded() -> World {
    let w = guild().await;
    // A public ballot, passed.
    let public = w.start(SCRIPT_TITLE).await;
    for m in [ALICE, BOB, CAROL] {
        w.app
            .cast_vote(&tsc(m), public, Choice::Yes, None)
            .await
            .unwrap();
    }
    w.app
        .cast_vote(&tsc(DAVE), public, Choice::No, Some("Too soon"))
        .await
        .unwrap();
    w.clock.advance(Duration::days(8));
    pass(&w).await;
    // A secret ballot, closed: its totals are public, who voted what never was.
    let mut secret = ballot("Closed secret ballot");
    secret.secret = true;
    let closed = w.app.start_ballot(&tsc(ALICE), secret).await.unwrap().id;
    for m in [ALICE, BOB, CAROL] {
        w.app
            .cast_vote(&tsc(m), closed, Choice::Yes, None)
            .await
            .unwrap();
    }
    w.clock.advance(Duration::days(8));
    pass(&w).await;
    // A conduct report.
    w.app
        .report_conduct(
            &actor(GRACE, &[GovRole::Contributor]),
            ConductReport {
                reported: Some(FRANK),
                reported_is_bot: false,
                text: "CONDUCT-REPORT-TEXT".into(),
                message_link: None,
            },
        )
        .await
        .unwrap();
    // A private entry of the log (a member's status, say).
    let entry = Entry {
        kind: DecisionKind::Case,
        subject_ref: "case:1".into(),
        title: "PRIVATE-DECISION-TITLE".into(),
        outcome: "resolved".into(),
        link: None,
        details: json!({}),
        private: true,
        decided_by: Some(ALICE),
    };
    let mut tx = w.app.write_tx().await.unwrap();
    record(&mut tx, GUILD, &entry, w.clock_now()).await.unwrap();
    tx.commit().await.unwrap();
    rejected_nomination(&w).await;
    pass(&w).await;
    processes(&w).await;
    // An open secret ballot, open while the pages are read.
    let mut open = ballot("OPEN-SECRET-BALLOT-TITLE");
    open.secret = true;
    open.description = "OPEN-SECRET-BALLOT-DESCRIPTION".into();
    let open = w.app.start_ballot(&tsc(ALICE), open).await.unwrap().id;
    w.app
        .cast_vote(&tsc(BOB), open, Choice::No, Some("OPEN-SECRET-CONCERN"))
        .await
        .unwrap();
    w.app.enable_web_page(&tsc(ALICE), SLUG).await.unwrap();
    w
}

/// frank nominates grace; she accepts; the TSC rejects her in its secret ballot.
async fn rejected_nomination(w: &World) {
    let frank = actor(FRANK, &[GovRole::Maintainer]);
    let draft = w
        .app
        .draft_nomination(
            &frank,
            NewNomination {
                nominee: NomineeInput {
                    member_id: GRACE,
                    username: "grace".into(),
                    display_name: "Grace".into(),
                    bot: false,
                    roles: RoleSet::new([GovRole::Contributor]),
                },
                office: Office::Maintainer,
                area: Some("NOMINATION-AREA-TEXT".into()),
            },
        )
        .await
        .unwrap();
    let n = w
        .app
        .submit_nomination(
            &frank,
            draft,
            "NOMINATION-STATEMENT-TEXT",
            "https://example.org/pulls?author=grace",
            |n| BallotTexts {
                title: format!("Nomination #{}", n.id),
                description: "Secret ballot".into(),
            },
        )
        .await
        .unwrap();
    pass(w).await;
    w.app.answer_nomination(GRACE, n.id, true).await.unwrap();
    w.app
        .record_nomination_place(n.id, NOMINATION_THREAD)
        .await
        .unwrap();
    pass(w).await;
    let ballot_id = w.app.nomination(n.id).await.unwrap().ballot_id.unwrap();
    for m in [ALICE, BOB, CAROL] {
        w.app
            .cast_vote(&tsc(m), ballot_id, Choice::No, Some("NOMINATION-CONCERN"))
            .await
            .unwrap();
    }
    w.clock.advance(Duration::days(8));
    pass(w).await;
}

/// The page served for the world's app on 127.0.0.1; the sender stops it.
pub async fn serve(w: &World) -> (String, watch::Sender<bool>) {
    let (stop, stopped) = watch::channel(false);
    let addr: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let (local, _task) = steward::web::serve(w.app.clone(), addr, stopped)
        .await
        .unwrap();
    (format!("http://{local}"), stop)
}

/// GET `path`: the status, the content type and the body.
pub async fn get(base: &str, path: &str) -> (u16, String, String) {
    let response = reqwest::get(format!("{base}{path}")).await.unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, kind, response.text().await.unwrap())
}

/// The TSC approves everything put to it (alice, bob, carol vote yes; the deadline passes).
async fn approve(w: &World, ballot: i64) {
    for m in [ALICE, BOB, CAROL] {
        w.app
            .cast_vote(&tsc(m), ballot, Choice::Yes, None)
            .await
            .unwrap();
    }
    w.clock.advance(Duration::days(8));
    pass(w).await;
}

/// A working group with a report, an RFC with a revision and feedback, a release whose plan
/// is approved, an approved dependency.
async fn processes(w: &World) {
    let frank = actor(FRANK, &[GovRole::Maintainer]);
    let draft = w
        .app
        .draft_working_group(
            &frank,
            CreateGroup {
                name: "Docs".into(),
                focus: "Documentation <everywhere>".into(),
                chair_id: FRANK,
                chair_is_bot: false,
                members: vec![FRANK, GRACE],
                report_every: Some("4w".into()),
                ends_on: Some("2027-09-01".into()),
            },
        )
        .await
        .unwrap();
    let charter = Charter {
        scope: "Write <script>the</script> book".into(),
        deliverables: "A book".into(),
        timeline: "A year".into(),
        resources: "Reviewers".into(),
        reporting: "Every four weeks".into(),
    };
    let ballot = GroupBallot {
        title: "Working group: Docs".into(),
        description: String::new(),
        channel_id: GENERAL,
        electorate: TSC.to_vec(),
    };
    let (group, b) = w
        .app
        .propose_working_group(&frank, draft, &charter, ballot)
        .await
        .unwrap();
    approve(w, b.id).await;
    w.app
        .submit_report(&frank, group.id, "WG-REPORT-BODY-TEXT")
        .await
        .unwrap();
    pass(w).await;

    let grace = actor(GRACE, &[GovRole::Contributor]);
    let draft = w
        .app
        .draft_rfc(
            &grace,
            "Per-sandbox <pools>",
            "https://github.com/wasm-sandbox/rfcs/pull/12",
        )
        .await
        .unwrap();
    let summary = Summary {
        motivation: "Sandboxes share one pool".into(),
        proposal: "Give every sandbox its own".into(),
        alternatives: None,
    };
    let rfc = w.app.open_rfc(&grace, draft, &summary).await.unwrap();
    w.app
        .revise_rfc(
            &grace,
            rfc.kind,
            rfc.number.unwrap(),
            "Pools are capped",
            None,
        )
        .await
        .unwrap();
    pass(w).await;

    let draft = w.app.draft_release(&frank, "v1.4.0").await.unwrap();
    let (_, plan) = w
        .app
        .propose_release(
            &frank,
            draft,
            "Faster <startup>",
            "2026-12-20",
            ReleaseBallot {
                title: "Release plan: v1.4.0".into(),
                description: "The release plan".into(),
                electorate: TSC.to_vec(),
            },
        )
        .await
        .unwrap();
    approve(w, plan.id).await;

    let draft = w
        .app
        .draft_dependency(
            &grace,
            ProposeDependency {
                name: "serde".into(),
                version: Some("1.0".into()),
                ecosystem: Some("Cargo".into()),
            },
        )
        .await
        .unwrap();
    let d = w
        .app
        .propose_dependency(
            &grace,
            draft,
            "Serialising the config",
            "Hand-written parsing",
        )
        .await
        .unwrap();
    w.app
        .review_dependency(
            &actor(IVAN, &[GovRole::SecurityTeam]),
            d.id,
            Review::Security,
            true,
            "No advisories",
        )
        .await
        .unwrap();
    w.app
        .review_dependency(&frank, d.id, Review::License, true, "MIT")
        .await
        .unwrap();
    w.app
        .decide_dependency(&actor(ERIN, &[GovRole::Maintainer]), d.id, true, "ok")
        .await
        .unwrap();
    pass(w).await;
}
