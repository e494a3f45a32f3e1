//! `app` + `store` on a real SQLite file: what becomes a governance record. Member text must be
//! visible to count; every decision lands in the decision log (totals only, private subjects
//! kept for the TSC); every set-up change is recorded and told to the TSC.

mod app_support;

use app_support::*;
use chrono::Duration;
use steward::app::guild::setup::Setup;
use steward::app::outbox::Notice;
use steward::governance::ballot::{Choice, Outcome};
use steward::governance::decision::DecisionKind;
use steward::governance::policy::PolicyKey;
use steward::governance::roles::GovRole;
use steward::store::decision_log::Filter;
use steward::store::guild::ChannelPurpose;

/// Text made only of invisible characters: zero-width space, word joiner, BOM, a lone
/// combining mark, the Hangul filler.
const INVISIBLE: &str = "\u{200B}\u{2060}\u{FEFF} \u{0301}\u{3164}";

#[tokio::test]
async fn an_invisible_concern_title_or_reason_is_refused_and_changes_nothing() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    let err = w
        .app
        .cast_vote(&tsc(BOB), id, Choice::No, Some(INVISIBLE))
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-concern-required");
    let err = w
        .app
        .start_ballot(&tsc(ALICE), ballot(INVISIBLE))
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-title-empty");
    let err = w
        .app
        .cancel_ballot(&tsc(ALICE), id, INVISIBLE)
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-reason-required");
    assert_eq!(w.count("SELECT COUNT(*) FROM votes").await, 0);
    assert_eq!(w.count("SELECT COUNT(*) FROM ballots").await, 1);
    assert!(w.app.ballot_view(id).await.unwrap().ballot.open);
    // Visible text around invisible characters is fine.
    w.app
        .cast_vote(
            &tsc(BOB),
            id,
            Choice::No,
            Some("\u{200B}No migration guide"),
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn every_closed_ballot_is_in_the_decision_log_with_totals_only() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    for who in [ALICE, BOB, CAROL] {
        w.app
            .cast_vote(&tsc(who), id, Choice::Yes, None)
            .await
            .unwrap();
    }
    w.app
        .cast_vote(&tsc(DAVE), id, Choice::No, Some("Too early"))
        .await
        .unwrap();
    w.clock.advance(Duration::days(7));
    assert_eq!(
        w.app.close_ballot(id).await.unwrap(),
        Some(Outcome::Approved)
    );
    // Closing again records nothing more.
    assert_eq!(w.app.close_ballot(id).await.unwrap(), None);
    let log = w
        .app
        .decisions(&tsc(ALICE), Filter::default())
        .await
        .unwrap();
    let ballots: Vec<_> = log
        .iter()
        .filter(|d| d.kind == DecisionKind::Ballot)
        .collect();
    assert_eq!(ballots.len(), 1);
    let d = ballots[0];
    assert_eq!(d.subject_ref, format!("ballot:{id}"));
    assert_eq!(d.title, "Adopt RFC 7");
    assert_eq!(d.outcome, "approved");
    assert!(!d.private);
    assert_eq!(d.details["yes"], 3);
    assert_eq!(d.details["no"], 1);
    assert_eq!(d.details["electorate"], 5);
    // Who voted what is not part of the record.
    let text = d.details.to_string();
    for voter in [ALICE, BOB, CAROL, DAVE] {
        assert!(!text.contains(&voter.to_string()), "{text}");
    }
    assert!(!text.contains("Too early"), "{text}");
}

#[tokio::test]
async fn policy_changes_are_logged_with_before_and_after() {
    let w = World::new().await;
    w.app
        .set_policy(&tsc(ALICE), PolicyKey::Approval, "3/4")
        .await
        .unwrap();
    let kinds = Filter {
        kind: Some(DecisionKind::Policy),
        ..Filter::default()
    };
    let log = w.app.decisions(&tsc(BOB), kinds).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].details["before"], "2/3");
    assert_eq!(log[0].details["after"], "3/4");
    assert_eq!(log[0].decided_by, Some(ALICE));
}

fn setup(tsc_role: u64) -> Setup {
    Setup {
        roles: vec![(GovRole::Tsc, tsc_role)],
        announce_channel_id: ANNOUNCE,
        tsc_channel_id: Some(TSC_CHANNEL),
        wg_category_id: None,
        channels: vec![(ChannelPurpose::Rfc, 4_000)],
        locale: "en-US".into(),
    }
}

#[tokio::test]
async fn a_setup_change_is_recorded_and_told_to_the_tsc_and_a_repeat_is_not() {
    let w = World::new().await;
    let discord = FakeDiscord::default();
    w.app.setup_guild(&admin(), setup(TSC_ROLE)).await.unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    discord.take();
    // The TSC role silently remapped: recorded, with who and what, and told in the TSC channel.
    let other_role = 3_999;
    let config = w
        .app
        .setup_guild(&admin(), setup(other_role))
        .await
        .unwrap();
    assert_eq!(config.channel(ChannelPurpose::Rfc), Some(4_000));
    w.app.deliver_outbox(&discord).await.unwrap();
    let told = discord.take();
    assert!(
        matches!(
            told.as_slice(),
            [Notice::SetupChanged { changed_by, before: Some(before), after, .. }]
                if *changed_by == admin().user_id
                    && before.roles == vec![(GovRole::Tsc, TSC_ROLE)]
                    && after.roles == vec![(GovRole::Tsc, other_role)]
        ),
        "{told:?}"
    );
    let log = w.app.decisions(&tsc(ALICE), setup_audit()).await.unwrap();
    assert_eq!(
        log.len(),
        3,
        "the world's first setup, this test's, and the change"
    );
    let change = &log[2];
    assert_eq!(change.decided_by, Some(admin().user_id));
    assert_eq!(
        change.details["before"]["roles"][0][1].as_u64(),
        Some(TSC_ROLE)
    );
    assert_eq!(
        change.details["after"]["roles"][0][1].as_u64(),
        Some(other_role)
    );
    // The audit is the TSC's: a member outside it does not see it.
    let outsider = actor(FRANK, &[GovRole::Maintainer]);
    assert!(
        w.app
            .decisions(&outsider, setup_audit())
            .await
            .unwrap()
            .is_empty()
    );
    // The same setup again changes nothing, so nothing is recorded or told.
    w.clock.advance(Duration::minutes(1));
    w.app
        .setup_guild(&admin(), setup(other_role))
        .await
        .unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert!(discord.take().is_empty());
    assert_eq!(
        w.app
            .decisions(&tsc(ALICE), setup_audit())
            .await
            .unwrap()
            .len(),
        3
    );
}

/// The set-up changes, private ones included.
fn setup_audit() -> Filter {
    Filter {
        kind: Some(DecisionKind::Setup),
        include_private: true,
        ..Filter::default()
    }
}
