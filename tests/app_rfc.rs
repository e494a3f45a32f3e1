//! RFCs and amendments through `app` + `store` on a real SQLite file, with the manual clock:
//! from the proposal to the TSC's decision, and what each step refuses.

mod app_support;

use app_support::*;
use chrono::Duration;
use steward::app::Actor;
use steward::app::guild::setup::Setup;
use steward::app::outbox::Notice;
use steward::app::rfc::decide::RfcBallot;
use steward::governance::ballot::{Choice, Outcome};
use steward::governance::decision::DecisionKind;
use steward::governance::policy::PolicyKey;
use steward::governance::rfc::{Kind, Place, Stance, Status, Summary};
use steward::governance::roles::GovRole;
use steward::store::decision_log::Filter;
use steward::store::guild::ChannelPurpose;

const RFC_CHANNEL: u64 = 2_010;
const CONTRIBUTOR_ROLE: u64 = 3_005;
const GRACE: u64 = 17;
const LINK: &str = "https://github.com/wasm-sandbox/rfcs/pull/12";

fn setup(contributors: bool, rfc_channel: bool) -> Setup {
    let mut roles = vec![
        (GovRole::Tsc, TSC_ROLE),
        (GovRole::Maintainer, MAINTAINER_ROLE),
    ];
    if contributors {
        roles.push((GovRole::Contributor, CONTRIBUTOR_ROLE));
    }
    Setup {
        roles,
        announce_channel_id: ANNOUNCE,
        tsc_channel_id: Some(TSC_CHANNEL),
        wg_category_id: None,
        channels: if rfc_channel {
            vec![(ChannelPurpose::Rfc, RFC_CHANNEL)]
        } else {
            vec![]
        },
        locale: "en-US".into(),
    }
}

async fn world() -> World {
    World::with_setup(setup(true, true)).await
}

fn contributor(user: u64) -> Actor {
    actor(user, &[GovRole::Contributor])
}

fn summary() -> Summary {
    Summary {
        motivation: "Sandboxes share one memory pool".into(),
        proposal: "Give every sandbox its own pool".into(),
        alternatives: Some("A global allocator lock".into()),
    }
}

fn ballot() -> RfcBallot {
    RfcBallot {
        title: "RFC 1: Per-sandbox memory pools".into(),
        description: "The five criteria".into(),
        channel_id: GENERAL,
        electorate: TSC.to_vec(),
    }
}

/// GRACE (a contributor) opens an RFC; returns its number.
async fn open(w: &World) -> i64 {
    let author = contributor(GRACE);
    let draft = w
        .app
        .draft_rfc(&author, "Per-sandbox memory pools", LINK)
        .await
        .unwrap();
    let rfc = w.app.open_rfc(&author, draft, &summary()).await.unwrap();
    rfc.number.unwrap()
}

async fn status(w: &World, kind: Kind, number: i64) -> Status {
    w.app.rfc(GUILD, kind, number).await.unwrap().rfc.status
}

fn user_error(e: steward::app::AppError) -> &'static str {
    e.user().expect("a member's error").id
}

async fn vote(w: &World, ballot: i64, voters: &[u64], choice: Choice) {
    for member in voters {
        let concern = (choice == Choice::No).then_some("Not now");
        w.app
            .cast_vote(&tsc(*member), ballot, choice, concern)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn the_tsc_may_decide_at_fourteen_days_and_not_a_minute_before() {
    let w = world().await;
    let number = open(&w).await;
    w.clock
        .advance(Duration::days(13) + Duration::hours(23) + Duration::minutes(59));
    let early = w.app.decidable_rfc(&tsc(ALICE), Kind::Rfc, number).await;
    assert_eq!(user_error(early.unwrap_err()), "rfc-error-too-early");
    let early = w
        .app
        .decide_rfc(&tsc(ALICE), Kind::Rfc, number, ballot())
        .await;
    let error = early.unwrap_err();
    assert_eq!(error.user().unwrap().id, "rfc-error-too-early");
    // The refusal says when it becomes possible.
    let at = (start_time() + Duration::days(14)).timestamp();
    assert!(
        error.user().unwrap().args.iter().any(|(name, value)| *name == "at"
            && matches!(value, steward::app::error::Arg::Text(t) if t.contains(&at.to_string()))),
        "{error:?}"
    );
    assert_eq!(w.count("SELECT COUNT(*) FROM ballots").await, 0);
    assert_eq!(status(&w, Kind::Rfc, number).await, Status::Discussion);

    w.clock.advance(Duration::minutes(1));
    let (_, opened) = w
        .app
        .decide_rfc(&tsc(ALICE), Kind::Rfc, number, ballot())
        .await
        .unwrap();
    assert_eq!(status(&w, Kind::Rfc, number).await, Status::Voting);
    assert_eq!(
        opened.subject,
        steward::governance::ballot::Subject::Rfc { rfc_id: 1 }
    );
    let again = w
        .app
        .decide_rfc(&tsc(BOB), Kind::Rfc, number, ballot())
        .await;
    assert_eq!(user_error(again.unwrap_err()), "rfc-error-ballot-running");
}

#[tokio::test]
async fn an_rfc_from_proposal_to_acceptance() {
    let w = world().await;
    let discord = FakeDiscord::default();
    let number = open(&w).await;
    w.app.deliver_outbox(&discord).await.unwrap();
    let told = discord.take();
    assert!(
        told.contains(&Notice::RfcCardPosted { rfc_id: 1 }),
        "{told:?}"
    );
    // The card's delivery announces the RFC, now that it has a place to link to.
    w.app.deliver_outbox(&discord).await.unwrap();
    assert!(discord.take().contains(&Notice::RfcAnnounced { rfc_id: 1 }));
    let view = w.app.rfc(GUILD, Kind::Rfc, number).await.unwrap();
    assert!(view.rfc.card_message_id.is_some() && view.rfc.provisioned_at.is_some());

    // Community feedback: one per member, changeable; a concern needs its text.
    let frank = actor(FRANK, &[]);
    w.app
        .give_feedback(&frank, 1, Stance::Support, None)
        .await
        .unwrap();
    let changed = w
        .app
        .give_feedback(&frank, 1, Stance::Concern, Some("Pools cost memory"))
        .await
        .unwrap();
    assert!(changed.changed);
    let blank = w
        .app
        .give_feedback(&frank, 1, Stance::Concern, Some(" \u{200B}"))
        .await;
    assert_eq!(user_error(blank.unwrap_err()), "rfc-error-concern");
    w.app
        .give_feedback(&tsc(BOB), 1, Stance::Neutral, None)
        .await
        .unwrap();
    let view = w.app.rfc(GUILD, Kind::Rfc, number).await.unwrap();
    assert_eq!(
        (view.count.support, view.count.neutral, view.count.concern),
        (0, 1, 1)
    );
    assert_eq!(
        view.concerns().collect::<Vec<_>>(),
        vec![(FRANK, "Pools cost memory")]
    );

    // Refinement by the author; a contributor who is not the author may not.
    let (_, revision) = w
        .app
        .revise_rfc(
            &contributor(GRACE),
            Kind::Rfc,
            number,
            "Pools are capped",
            None,
        )
        .await
        .unwrap();
    assert_eq!(revision, 1);
    let other = w
        .app
        .revise_rfc(&contributor(FRANK), Kind::Rfc, number, "Mine", None)
        .await;
    assert_eq!(
        user_error(other.unwrap_err()),
        "rfc-error-not-allowed-to-revise"
    );

    // The period ends: the thread and the TSC are told.
    discord.take();
    w.clock.advance(Duration::days(14));
    w.app.run_due_jobs().await.unwrap();
    assert_eq!(
        status(&w, Kind::Rfc, number).await,
        Status::AwaitingDecision
    );
    w.app.deliver_outbox(&discord).await.unwrap();
    let told = discord.take();
    for place in [Place::Thread, Place::Tsc] {
        assert!(
            told.iter()
                .any(|n| matches!(n, Notice::RfcEvent { place: p, .. } if *p == place)),
            "{told:?}"
        );
    }

    let (_, opened) = w
        .app
        .decide_rfc(&tsc(ALICE), Kind::Rfc, number, ballot())
        .await
        .unwrap();
    // "Refinement" waits while the TSC votes.
    let during = w
        .app
        .revise_rfc(&contributor(GRACE), Kind::Rfc, number, "Late", None)
        .await;
    assert_eq!(user_error(during.unwrap_err()), "rfc-error-ballot-running");
    let withdraw = w
        .app
        .withdraw_rfc(&contributor(GRACE), Kind::Rfc, number)
        .await;
    assert_eq!(
        user_error(withdraw.unwrap_err()),
        "rfc-error-ballot-running"
    );
    vote(&w, opened.id, &[ALICE, BOB, CAROL, DAVE], Choice::Yes).await;
    w.clock.advance(Duration::days(7));
    assert_eq!(
        w.app.close_ballot(opened.id).await.unwrap(),
        Some(Outcome::Approved)
    );
    assert_eq!(status(&w, Kind::Rfc, number).await, Status::Accepted);
    let feedback = w.app.give_feedback(&frank, 1, Stance::Support, None).await;
    assert_eq!(user_error(feedback.unwrap_err()), "rfc-error-decided");

    let log = w
        .app
        .decisions(
            &tsc(ALICE),
            Filter {
                kind: Some(DecisionKind::Rfc),
                ..Filter::default()
            },
        )
        .await
        .unwrap();
    let outcomes: Vec<&str> = log.iter().map(|d| d.outcome.as_str()).collect();
    assert_eq!(outcomes, ["opened", "accepted"]);
    assert_eq!(log[1].subject_ref, "rfc:1");
    assert_eq!(log[1].link.as_deref(), Some(LINK));
}

#[tokio::test]
async fn no_quorum_sends_it_back_and_a_withdrawn_rfc_cannot_be_decided() {
    let w = world().await;
    let number = open(&w).await;
    w.clock.advance(Duration::days(15));
    let (_, opened) = w
        .app
        .decide_rfc(&tsc(ALICE), Kind::Rfc, number, ballot())
        .await
        .unwrap();
    vote(&w, opened.id, &[ALICE], Choice::Yes).await;
    w.clock.advance(Duration::days(7));
    assert_eq!(
        w.app.close_ballot(opened.id).await.unwrap(),
        Some(Outcome::NoQuorum)
    );
    assert_eq!(
        status(&w, Kind::Rfc, number).await,
        Status::AwaitingDecision
    );
    // Only the author withdraws.
    let by_tsc = w.app.withdraw_rfc(&tsc(ALICE), Kind::Rfc, number).await;
    assert_eq!(
        user_error(by_tsc.unwrap_err()),
        "rfc-error-only-author-withdraws"
    );
    w.app
        .withdraw_rfc(&contributor(GRACE), Kind::Rfc, number)
        .await
        .unwrap();
    let decide = w
        .app
        .decide_rfc(&tsc(ALICE), Kind::Rfc, number, ballot())
        .await;
    assert_eq!(user_error(decide.unwrap_err()), "rfc-error-withdrawn");
    assert_eq!(w.count("SELECT COUNT(*) FROM ballots").await, 1);
}

#[tokio::test]
async fn postponed_rfcs_keep_their_reason_and_may_be_decided_later() {
    let w = world().await;
    let number = open(&w).await;
    let by_author = w
        .app
        .postpone_rfc(&contributor(GRACE), Kind::Rfc, number, "Later")
        .await;
    assert_eq!(user_error(by_author.unwrap_err()), "error-needs-tsc");
    let blank = w.app.postpone_rfc(&tsc(BOB), Kind::Rfc, number, "  ").await;
    assert_eq!(user_error(blank.unwrap_err()), "rfc-error-reason");
    w.app
        .postpone_rfc(&tsc(BOB), Kind::Rfc, number, "After the 2.0 release")
        .await
        .unwrap();
    let view = w.app.rfc(GUILD, Kind::Rfc, number).await.unwrap();
    assert_eq!(view.rfc.status, Status::Postponed);
    assert_eq!(
        view.rfc.postpone_reason.as_deref(),
        Some("After the 2.0 release")
    );
    let again = w
        .app
        .postpone_rfc(&tsc(BOB), Kind::Rfc, number, "Again")
        .await;
    assert_eq!(
        user_error(again.unwrap_err()),
        "rfc-error-already-postponed"
    );
    // The TSC may take it up again once the discussion period is over.
    w.clock.advance(Duration::days(14));
    w.app
        .decide_rfc(&tsc(ALICE), Kind::Rfc, number, ballot())
        .await
        .unwrap();
    assert_eq!(status(&w, Kind::Rfc, number).await, Status::Voting);
}

#[tokio::test]
async fn bad_input_is_refused_and_changes_nothing() {
    let w = world().await;
    let outbox = w.count("SELECT COUNT(*) FROM outbox").await;
    let author = contributor(GRACE);
    for (title, link, expected) in [
        ("Pools", "github.com/org/repo/issues/1", "rfc-error-link"),
        ("Pools", "ftp://example.org/rfc", "rfc-error-link"),
        ("\u{200B}\u{3164}", LINK, "rfc-error-title-empty"),
        (&"t".repeat(151), LINK, "rfc-error-title-too-long"),
    ] {
        let refused = w.app.draft_rfc(&author, title, link).await;
        assert_eq!(
            user_error(refused.unwrap_err()),
            expected,
            "{title:?} {link:?}"
        );
    }
    // Who may open one: contributors and above where the guild maps a contributor role.
    let outsider = w.app.draft_rfc(&actor(FRANK, &[]), "Pools", LINK).await;
    assert_eq!(
        user_error(outsider.unwrap_err()),
        "rfc-error-not-allowed-to-open"
    );
    // The summary form: a proposal without visible text, a field over the form's limit.
    let draft = w.app.draft_rfc(&author, "Pools", LINK).await.unwrap();
    for bad in [
        Summary {
            proposal: "\u{200B}".into(),
            ..summary()
        },
        Summary {
            motivation: "m".repeat(1001),
            ..summary()
        },
    ] {
        let refused = w.app.open_rfc(&author, draft, &bad).await;
        assert!(refused.unwrap_err().user().is_some());
    }
    // Someone else's draft is not theirs to submit.
    let stolen = w.app.open_rfc(&contributor(FRANK), draft, &summary()).await;
    assert_eq!(user_error(stolen.unwrap_err()), "rfc-error-not-found");
    assert_eq!(
        w.count("SELECT COUNT(*) FROM rfcs WHERE status <> 'draft'")
            .await,
        0
    );
    assert_eq!(w.count("SELECT COUNT(*) FROM outbox").await, outbox);
    let missing = w.app.rfc(GUILD, Kind::Rfc, 7).await;
    assert_eq!(user_error(missing.unwrap_err()), "rfc-error-not-found");
}

#[tokio::test]
async fn without_a_contributor_role_any_member_may_open_but_only_with_an_rfc_channel() {
    let w = World::with_setup(setup(false, false)).await;
    let refused = w.app.draft_rfc(&actor(FRANK, &[]), "Pools", LINK).await;
    assert_eq!(user_error(refused.unwrap_err()), "rfc-error-no-channel");
    w.app
        .setup_guild(&admin(), setup(false, true))
        .await
        .unwrap();
    w.app
        .draft_rfc(&actor(FRANK, &[]), "Pools", LINK)
        .await
        .unwrap();
}

/// Proposes, opens and decides an amendment with these changes; returns the ballot's outcome.
async fn amendment(w: &World, changes: &str, voters: &[u64], choice: Choice) -> Outcome {
    let author = contributor(GRACE);
    let draft = w
        .app
        .draft_amendment(&author, "Tighter quorum", LINK, Some(changes))
        .await
        .unwrap();
    let opened = w.app.open_rfc(&author, draft, &summary()).await.unwrap();
    let number = opened.number.unwrap();
    w.clock.advance(Duration::days(14));
    let (_, b) = w
        .app
        .decide_rfc(&tsc(ALICE), Kind::Amendment, number, ballot())
        .await
        .unwrap();
    vote(w, b.id, voters, choice).await;
    w.clock.advance(Duration::days(7));
    w.app.close_ballot(b.id).await.unwrap().unwrap()
}

async fn policy_value(w: &World, key: PolicyKey) -> String {
    w.app
        .guild_config(GUILD)
        .await
        .unwrap()
        .policy
        .value_of(key)
}

#[tokio::test]
async fn an_approved_amendment_changes_the_policy_and_a_rejected_one_does_not() {
    let w = world().await;
    let yes = [ALICE, BOB, CAROL, DAVE];
    let outcome = amendment(&w, "quorum=3/5 reminder_hours=48", &yes, Choice::Yes).await;
    assert_eq!(outcome, Outcome::Approved);
    assert_eq!(policy_value(&w, PolicyKey::Quorum).await, "3/5");
    assert_eq!(policy_value(&w, PolicyKey::ReminderHours).await, "48");
    let view = w.app.rfc(GUILD, Kind::Amendment, 1).await.unwrap();
    assert_eq!(view.rfc.status, Status::Accepted);
    assert_eq!(view.changes.applied.as_ref().map(Vec::len), Some(2));
    let policy_log = w
        .app
        .decisions(
            &tsc(ALICE),
            Filter {
                kind: Some(DecisionKind::Policy),
                ..Filter::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(policy_log.len(), 2);
    assert_eq!(policy_log[0].details["before"], "1/2");
    assert_eq!(policy_log[0].details["after"], "3/5");

    let outcome = amendment(&w, "quorum=2/3", &yes, Choice::No).await;
    assert_eq!(outcome, Outcome::Rejected);
    assert_eq!(policy_value(&w, PolicyKey::Quorum).await, "3/5");
    assert_eq!(status(&w, Kind::Amendment, 2).await, Status::Declined);
}

#[tokio::test]
async fn changes_are_validated_when_proposed_and_again_when_applied() {
    let w = world().await;
    let author = contributor(GRACE);
    for (changes, expected) in [
        ("speed=3", "amendment-error-unknown-setting"),
        ("quorum=7/5", "amendment-error-ratio"),
        ("reminder_hours=0", "amendment-error-number"),
        ("quorum", "amendment-error-not-a-pair"),
        ("quorum=1/1", "error-policy-quorum"),
    ] {
        let refused = w
            .app
            .draft_amendment(&author, "Change", LINK, Some(changes))
            .await;
        assert_eq!(user_error(refused.unwrap_err()), expected, "{changes}");
    }
    assert_eq!(w.count("SELECT COUNT(*) FROM amendments").await, 0);

    // Two amendments valid alone, proposed together: the second no longer fits once the first
    // is applied, so it is accepted but changes nothing, and says why.
    let first = w
        .app
        .draft_amendment(&author, "Longer reminder", LINK, Some("reminder_hours=60"))
        .await
        .unwrap();
    let second = w
        .app
        .draft_amendment(&author, "Shorter votes", LINK, Some("min_voting_hours=48"))
        .await
        .unwrap();
    w.app.open_rfc(&author, first, &summary()).await.unwrap();
    w.app.open_rfc(&author, second, &summary()).await.unwrap();
    w.clock.advance(Duration::days(14));
    let mut ballots = Vec::new();
    for number in [1, 2] {
        let (_, b) = w
            .app
            .decide_rfc(&tsc(ALICE), Kind::Amendment, number, ballot())
            .await
            .unwrap();
        vote(&w, b.id, &[ALICE, BOB, CAROL], Choice::Yes).await;
        ballots.push(b.id);
    }
    w.clock.advance(Duration::days(7));
    for b in ballots {
        w.app.close_ballot(b).await.unwrap();
    }
    assert_eq!(policy_value(&w, PolicyKey::ReminderHours).await, "60");
    assert_eq!(policy_value(&w, PolicyKey::MinVotingHours).await, "72");
    let view = w.app.rfc(GUILD, Kind::Amendment, 2).await.unwrap();
    assert_eq!(view.rfc.status, Status::Accepted);
    assert_eq!(view.changes.applied, None);
    assert_eq!(
        view.changes.refused.as_deref(),
        Some("error-policy-voting-periods")
    );
}

#[tokio::test]
async fn policy_set_after_the_first_ballot_changes_nothing() {
    let w = world().await;
    // A new server's bootstrap: Manage Server (or the TSC) sets numbers directly.
    w.app
        .set_policy(&admin(), PolicyKey::Quorum, "2/3")
        .await
        .unwrap();
    assert_eq!(policy_value(&w, PolicyKey::Quorum).await, "2/3");
    w.start("The first ballot").await;
    let before = w.app.guild_config(GUILD).await.unwrap().policy;
    let outbox = w.count("SELECT COUNT(*) FROM outbox").await;
    let decisions = w.count("SELECT COUNT(*) FROM decisions").await;
    for who in [admin(), tsc(ALICE)] {
        let refused = w.app.set_policy(&who, PolicyKey::Quorum, "3/5").await;
        assert_eq!(
            user_error(refused.unwrap_err()),
            "policy-error-amend-instead"
        );
    }
    assert_eq!(w.app.guild_config(GUILD).await.unwrap().policy, before);
    assert_eq!(w.count("SELECT COUNT(*) FROM outbox").await, outbox);
    assert_eq!(w.count("SELECT COUNT(*) FROM decisions").await, decisions);
}
