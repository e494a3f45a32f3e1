//! The decision log exported as Markdown, CSV and JSON, compared with fixtures: a log holding
//! every kind of decision, made by the real use cases where the bot has them (set-up, policy,
//! ballots, a secret one, an RFC, an amendment) and recorded directly for the others.
//! `UPDATE_FIXTURES=1 cargo test --test app_decision_log` rewrites the fixtures.

mod app_support;

use app_support::*;
use chrono::Duration;
use serde_json::json;
use steward::app::decision_log::record::{Entry, record};
use steward::app::guild::setup::Setup;
use steward::app::rfc::decide::RfcBallot;
use steward::discord::decision_log::export::{Format, export};
use steward::governance::ballot::Choice;
use steward::governance::decision::DecisionKind;
use steward::governance::policy::PolicyKey;
use steward::governance::rfc::{Kind, Summary};
use steward::governance::roles::GovRole;
use steward::store::decision_log::{Decision, Filter};
use steward::store::guild::ChannelPurpose;

const LINK: &str = "https://github.com/wasm-sandbox/rfcs/pull/12";

fn summary() -> Summary {
    Summary {
        motivation: "Sandboxes share one memory pool".into(),
        proposal: "Give every sandbox its own pool".into(),
        alternatives: None,
    }
}

async fn decide_by_ballot(w: &World, kind: Kind, number: i64) {
    let ballot = RfcBallot {
        title: format!("{} {number}", kind.key()),
        description: String::new(),
        channel_id: GENERAL,
        electorate: TSC.to_vec(),
    };
    let (_, b) = w
        .app
        .decide_rfc(&tsc(ALICE), kind, number, ballot)
        .await
        .unwrap();
    for member in [ALICE, BOB, CAROL] {
        w.app
            .cast_vote(&tsc(member), b.id, Choice::Yes, None)
            .await
            .unwrap();
    }
    w.clock.advance(Duration::days(7));
    w.app.close_ballot(b.id).await.unwrap();
}

/// Records a decision of a kind no process of this version makes yet.
async fn direct(w: &World, kind: DecisionKind, title: &str, outcome: &str, private: bool) {
    let entry = Entry {
        kind,
        subject_ref: format!("{}:1", kind.key()),
        title: title.into(),
        outcome: outcome.into(),
        link: None,
        details: json!({ "note": "recorded by the test" }),
        private,
        decided_by: Some(ALICE),
    };
    let mut tx = w.app.write_tx().await.unwrap();
    record(&mut tx, GUILD, &entry, w.clock_now()).await.unwrap();
    tx.commit().await.unwrap();
    w.clock.advance(Duration::hours(1));
}

/// A guild whose log holds every kind of decision, in a fixed order and at fixed times.
async fn a_year_of_decisions() -> World {
    let w = World::with_setup(Setup {
        roles: vec![
            (GovRole::Tsc, TSC_ROLE),
            (GovRole::Maintainer, MAINTAINER_ROLE),
        ],
        announce_channel_id: ANNOUNCE,
        tsc_channel_id: Some(TSC_CHANNEL),
        wg_category_id: None,
        channels: vec![(ChannelPurpose::Rfc, 2_010)],
        locale: "en-US".into(),
    })
    .await;
    w.clock.advance(Duration::hours(1));
    w.app
        .set_policy(&admin(), PolicyKey::ReminderHours, "36")
        .await
        .unwrap();
    w.clock.advance(Duration::hours(1));
    // A plain ballot, and a secret one that keeps only its totals.
    let plain = w.start("Adopt the new release process").await;
    let mut secret = ballot("Move CI to arm64 | a \"big\" step, finally");
    secret.secret = true;
    let secret = w.app.start_ballot(&tsc(ALICE), secret).await.unwrap().id;
    for (member, choice) in [
        (ALICE, Choice::Yes),
        (BOB, Choice::Yes),
        (CAROL, Choice::No),
    ] {
        let concern = (choice == Choice::No).then_some("Costs");
        for id in [plain, secret] {
            w.app
                .cast_vote(&tsc(member), id, choice, concern)
                .await
                .unwrap();
        }
    }
    w.clock.advance(Duration::days(7));
    w.app.close_ballot(plain).await.unwrap();
    w.app.close_ballot(secret).await.unwrap();
    // An RFC and an amendment, accepted by the TSC.
    let author = tsc(DAVE);
    let draft = w
        .app
        .draft_rfc(&author, "Per-sandbox memory pools", LINK)
        .await
        .unwrap();
    w.app.open_rfc(&author, draft, &summary()).await.unwrap();
    let draft = w
        .app
        .draft_amendment(&author, "A larger quorum", LINK, Some("quorum=3/5"))
        .await
        .unwrap();
    w.app.open_rfc(&author, draft, &summary()).await.unwrap();
    w.clock.advance(Duration::days(14));
    decide_by_ballot(&w, Kind::Rfc, 1).await;
    decide_by_ballot(&w, Kind::Amendment, 1).await;
    // The kinds other processes record.
    direct(
        &w,
        DecisionKind::WorkingGroup,
        "WASI Preview 2",
        "created",
        false,
    )
    .await;
    direct(&w, DecisionKind::Emeritus, "Erin", "emeritus", false).await;
    direct(
        &w,
        DecisionKind::Nomination,
        "Frank as maintainer",
        "approved",
        false,
    )
    .await;
    direct(
        &w,
        DecisionKind::Nomination,
        "Grace as maintainer",
        "rejected",
        true,
    )
    .await;
    direct(&w, DecisionKind::Release, "v2.0.0", "published", false).await;
    direct(&w, DecisionKind::Dependency, "wasmtime", "approved", false).await;
    direct(&w, DecisionKind::Case, "Case 1", "resolved", true).await;
    direct(&w, DecisionKind::AnnualReview, "2026", "published", false).await;
    direct(
        &w,
        DecisionKind::Dissolution,
        "Dissolution",
        "called_off",
        false,
    )
    .await;
    w
}

fn check_fixture(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(actual, expected, "{name} differs from its fixture");
}

#[tokio::test]
async fn exports_of_every_kind_of_decision_match_the_fixtures() {
    let w = a_year_of_decisions().await;
    // The TSC asked explicitly for everything, private entries included.
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
    for kind in DecisionKind::ALL {
        assert!(all.iter().any(|d| d.kind == kind), "no {kind:?} in the log");
    }
    check_fixture("decisions.md", &export(&all, Format::Markdown, "en-US"));
    check_fixture("decisions.csv", &export(&all, Format::Csv, "en-US"));
    check_fixture("decisions.json", &export(&all, Format::Json, "en-US"));
}

fn mentions_private(log: &[Decision]) -> bool {
    log.iter().any(|d| d.private)
}

#[tokio::test]
async fn public_exports_leave_private_decisions_out_and_secret_ballots_show_totals_only() {
    let w = a_year_of_decisions().await;
    // A member outside the TSC asking for private entries gets the public log.
    let outsider = actor(FRANK, &[GovRole::Maintainer]);
    let asked = Filter {
        include_private: true,
        ..Filter::default()
    };
    let public = w.app.decisions(&outsider, asked).await.unwrap();
    assert!(!mentions_private(&public));
    let tsc_default = w
        .app
        .decisions(&tsc(ALICE), Filter::default())
        .await
        .unwrap();
    assert_eq!(tsc_default.len(), public.len(), "private only when asked");
    for format in Format::ALL {
        let text = export(&public, format, "en-US");
        for hidden in ["Grace as maintainer", "Case 1", "set-up"] {
            assert!(!text.contains(hidden), "{format:?} shows {hidden}");
        }
        // The secret ballot's concern is nowhere.
        assert!(!text.contains("Costs"), "{format:?}");
    }
    let secret = public
        .iter()
        .find(|d| d.title.starts_with("Move CI"))
        .unwrap();
    // Nor who voted: the entry holds totals, and no member.
    let entry = export(std::slice::from_ref(secret), Format::Json, "en-US");
    for voter in [ALICE, BOB, CAROL] {
        assert!(!entry.contains(&format!("\"{voter}\"")), "{entry}");
    }
    assert_eq!(secret.details["yes"], 2);
    assert_eq!(secret.details["no"], 1);
}
