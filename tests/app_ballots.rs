//! `app` + `store` on a real SQLite file in a temp dir, with an injected clock: ballots from
//! start to announcement, the way a TSC would live through them.

mod app_support;

use app_support::*;
use chrono::Duration;
use steward::app::Actor;
use steward::app::ballot::open::StartBallot;
use steward::app::delivery::DeliveryError;
use steward::app::guild::setup::Setup;
use steward::app::outbox::Notice;
use steward::governance::ballot::{Choice, Outcome};
use steward::governance::policy::PolicyKey;
use steward::governance::roles::GovRole;
use steward::store;

#[tokio::test]
async fn a_tsc_member_opens_a_ballot_that_is_posted_and_scheduled() {
    let w = World::new().await;
    let b = w
        .app
        .start_ballot(&tsc(ALICE), ballot("Adopt RFC 7"))
        .await
        .unwrap();
    assert!(b.open);
    assert_eq!(b.closes_at, start_time() + Duration::days(7));
    assert_eq!(w.count("SELECT COUNT(*) FROM ballot_electorate").await, 5);
    assert_eq!(
        w.count("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL")
            .await,
        2,
        "close + reminder"
    );

    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(
        discord.delivered(),
        vec![Notice::BallotPosted { ballot_id: b.id }]
    );
    let view = w.app.ballot_view(b.id).await.unwrap();
    assert_eq!(
        view.ballot.message_id,
        Some(900_000 + 1),
        "the message id is recorded on the ballot"
    );
}

#[tokio::test]
async fn only_the_tsc_opens_ballots_and_refusals_change_nothing() {
    let w = World::new().await;
    let err = w
        .app
        .start_ballot(&actor(FRANK, &[GovRole::Maintainer]), ballot("x"))
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-needs-tsc");
    let too_short = StartBallot {
        duration: Some("1h".into()),
        ..ballot("x")
    };
    let err = w
        .app
        .start_ballot(&tsc(ALICE), too_short)
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-duration-too-short");
    let empty = StartBallot {
        electorate: vec![],
        ..ballot("x")
    };
    assert_eq!(
        w.app
            .start_ballot(&tsc(ALICE), empty)
            .await
            .unwrap_err()
            .user()
            .unwrap()
            .id,
        "error-empty-electorate"
    );
    assert_eq!(w.count("SELECT COUNT(*) FROM ballots").await, 0);
    assert_eq!(w.count("SELECT COUNT(*) FROM jobs").await, 0);
    assert_eq!(w.count("SELECT COUNT(*) FROM outbox").await, 0);
}

#[tokio::test]
async fn votes_are_cast_changed_and_withdrawn_with_a_full_history() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    let first = w
        .app
        .cast_vote(&tsc(BOB), id, Choice::Yes, None)
        .await
        .unwrap();
    assert!(first.binding && !first.changed);
    let second = w
        .app
        .cast_vote(&tsc(BOB), id, Choice::Abstain, None)
        .await
        .unwrap();
    assert!(second.changed);
    let count = w.app.ballot_view(id).await.unwrap().count.unwrap();
    assert_eq!((count.binding.yes, count.binding.abstain), (0, 1));

    w.app.withdraw_vote(&tsc(BOB), id).await.unwrap();
    let count = w.app.ballot_view(id).await.unwrap().count.unwrap();
    assert_eq!(count.binding.voters(), 0);
    let mut conn = w.app.db().acquire().await.unwrap();
    assert_eq!(
        store::ballot_votes::history_len(&mut conn, id)
            .await
            .unwrap(),
        3,
        "cast, change, withdrawal"
    );
    drop(conn);

    let err = w.app.withdraw_vote(&tsc(BOB), id).await.unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-no-vote-to-withdraw");
}

#[tokio::test]
async fn a_minus_one_without_a_concern_is_refused_and_with_one_is_listed() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    let err = w
        .app
        .cast_vote(&tsc(CAROL), id, Choice::No, Some("  "))
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-concern-required");
    assert_eq!(w.count("SELECT COUNT(*) FROM votes").await, 0);
    assert_eq!(w.count("SELECT COUNT(*) FROM vote_events").await, 0);

    w.app
        .cast_vote(&tsc(CAROL), id, Choice::No, Some("No migration plan"))
        .await
        .unwrap();
    let view = w.app.ballot_view(id).await.unwrap();
    assert_eq!(
        view.concerns
            .iter()
            .map(|c| (c.author, c.text.as_str()))
            .collect::<Vec<_>>(),
        vec![(Some(CAROL), "No migration plan")]
    );

    // Withdrawing the -1 withdraws its concern.
    w.app.withdraw_vote(&tsc(CAROL), id).await.unwrap();
    assert!(w.app.ballot_view(id).await.unwrap().concerns.is_empty());
}

#[tokio::test]
async fn concerns_are_listed_as_written_binding_first_in_the_order_they_were_cast() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 8").await;
    // Text that a JSON round trip must keep: quotes, a backslash, a line break, non-ASCII, markup.
    let votes = [
        (ERIN, "Say \"no\" \\ to this\nplan — ünïcödé 🚫"),
        (FRANK, "<b>&amp;</b> {\"not\": \"json\"}"),
        (CAROL, "plain"),
    ];
    for (member, text) in votes {
        w.app
            .cast_vote(&tsc(member), id, Choice::No, Some(text))
            .await
            .unwrap();
        w.clock.advance(Duration::minutes(1));
    }
    let view = w.app.ballot_view(id).await.unwrap();
    assert_eq!(
        view.concerns
            .iter()
            .map(|c| (c.author, c.text.as_str(), c.binding))
            .collect::<Vec<_>>(),
        // Binding concerns first (FRANK is outside the frozen electorate), each in cast order.
        vec![
            (Some(ERIN), votes[0].1, true),
            (Some(CAROL), votes[2].1, true),
            (Some(FRANK), votes[1].1, false),
        ]
    );
}

#[tokio::test]
async fn members_outside_the_electorate_vote_non_binding() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    let receipt = w
        .app
        .cast_vote(&actor(FRANK, &[GovRole::Maintainer]), id, Choice::Yes, None)
        .await
        .unwrap();
    assert!(!receipt.binding);
    // Even a member who joins the TSC after the ballot opened is outside its frozen electorate.
    let late = w
        .app
        .cast_vote(&tsc(77), id, Choice::Yes, None)
        .await
        .unwrap();
    assert!(!late.binding);
    let count = w.app.ballot_view(id).await.unwrap().count.unwrap();
    assert_eq!(count.binding.voters(), 0);
    assert_eq!(count.non_binding.yes, 2);

    w.clock.advance(Duration::days(8));
    assert_eq!(
        w.app.close_ballot(id).await.unwrap(),
        Some(Outcome::NoQuorum)
    );
}

#[tokio::test]
async fn votes_after_the_deadline_or_after_close_are_refused() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    w.clock.advance(Duration::days(7));
    let err = w
        .app
        .cast_vote(&tsc(BOB), id, Choice::Yes, None)
        .await
        .unwrap_err();
    assert_eq!(
        err.user().unwrap().id,
        "error-ballot-closed",
        "the deadline passed, job not run yet"
    );
    w.app.run_due_jobs().await.unwrap();
    let err = w
        .app
        .cast_vote(&tsc(BOB), id, Choice::Yes, None)
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-ballot-closed");
    assert_eq!(w.count("SELECT COUNT(*) FROM votes").await, 0);
}

#[tokio::test]
async fn a_ballot_decided_by_the_rule_is_announced_exactly_once() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    w.app
        .cast_vote(&tsc(ALICE), id, Choice::Yes, None)
        .await
        .unwrap();
    w.app
        .cast_vote(&tsc(BOB), id, Choice::Yes, None)
        .await
        .unwrap();
    w.app
        .cast_vote(&tsc(CAROL), id, Choice::No, Some("Needs docs"))
        .await
        .unwrap();
    w.clock.advance(Duration::days(7));
    w.app.run_due_jobs().await.unwrap();
    let view = w.app.ballot_view(id).await.unwrap();
    assert_eq!(
        view.ballot.outcome,
        Some(Outcome::Approved),
        "2 of 3 votes +1, 3 of 5 voted"
    );

    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    // Running the close again (a job retried after a crash) announces nothing more.
    assert_eq!(w.app.close_ballot(id).await.unwrap(), None);
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(discord.results(), vec![id]);
}

#[tokio::test]
async fn a_deadline_passing_while_the_bot_is_down_closes_at_the_next_start() {
    let mut w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    for member in [ALICE, BOB, CAROL] {
        w.app
            .cast_vote(&tsc(member), id, Choice::Yes, None)
            .await
            .unwrap();
    }
    // Down for ten days.
    w.app.close().await;
    w.clock.advance(Duration::days(10));
    w.restart().await;
    w.app.run_due_jobs().await.unwrap();
    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(discord.results(), vec![id]);
    let view = w.app.ballot_view(id).await.unwrap();
    assert_eq!(view.ballot.outcome, Some(Outcome::Approved));
    assert_eq!(
        view.ballot.closed_at,
        Some(start_time() + Duration::days(10))
    );

    // Another restart repeats nothing.
    w.restart().await;
    w.app.run_due_jobs().await.unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(discord.results(), vec![id]);
}

#[tokio::test]
async fn a_failing_post_is_retried_with_backoff_and_recorded_once() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    let discord =
        FakeDiscord::failing((0..3).map(|i| DeliveryError::Failed(format!("HTTP 500 #{i}"))));
    // First attempt fails: the ballot message is not posted yet.
    w.app.deliver_outbox(&discord).await.unwrap();
    assert!(discord.delivered().is_empty());
    // Nothing happens before the backoff is over.
    w.clock.advance(Duration::seconds(4));
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(*discord.attempts.lock().unwrap(), 1);
    // Backoff 5 s, 10 s, 20 s.
    for wait in [5, 10, 20] {
        w.clock.advance(Duration::seconds(wait));
        w.app.deliver_outbox(&discord).await.unwrap();
    }
    assert_eq!(*discord.attempts.lock().unwrap(), 4);
    assert_eq!(
        discord.delivered(),
        vec![Notice::BallotPosted { ballot_id: id }]
    );
    let mut conn = w.app.db().acquire().await.unwrap();
    let rows = store::outbox::by_key(&mut conn, &format!("ballot:{id}:post"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].attempts, 4);
    assert!(rows[0].delivered_at.is_some());
    assert_eq!(rows[0].message_id, Some(900_000 + rows[0].id as u64));
}

#[tokio::test]
async fn a_rate_limited_post_waits_for_retry_after() {
    let w = World::new().await;
    w.start("Adopt RFC 7").await;
    let discord = FakeDiscord::failing([DeliveryError::RetryAfter(Duration::seconds(30))]);
    w.app.deliver_outbox(&discord).await.unwrap();
    w.clock.advance(Duration::seconds(29));
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(
        *discord.attempts.lock().unwrap(),
        1,
        "not before retry_after"
    );
    w.clock.advance(Duration::seconds(1));
    let next = w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(discord.delivered().len(), 1);
    assert_eq!(next, None, "nothing left to deliver");
}

#[tokio::test]
async fn the_reminder_names_only_those_who_have_not_voted() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    w.app
        .cast_vote(&tsc(ALICE), id, Choice::Yes, None)
        .await
        .unwrap();
    w.app
        .cast_vote(&tsc(BOB), id, Choice::Abstain, None)
        .await
        .unwrap();
    w.app
        .cast_vote(&actor(FRANK, &[]), id, Choice::Yes, None)
        .await
        .unwrap();
    w.clock.advance(Duration::days(6) - Duration::seconds(1));
    w.app.run_due_jobs().await.unwrap();
    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert!(
        !discord
            .delivered()
            .iter()
            .any(|n| matches!(n, Notice::BallotReminder { .. })),
        "not yet"
    );

    w.clock.advance(Duration::seconds(1));
    w.app.run_due_jobs().await.unwrap();
    w.app.deliver_outbox(&discord).await.unwrap();
    let reminders: Vec<_> = discord
        .delivered()
        .into_iter()
        .filter_map(|n| match n {
            Notice::BallotReminder { members, .. } => Some(members),
            _ => None,
        })
        .collect();
    assert_eq!(reminders, vec![vec![CAROL, DAVE, ERIN]]);
}

#[tokio::test]
async fn only_the_opener_withdraws_and_only_before_the_first_binding_vote() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    // Nobody but the opener may stop a vote: not a maintainer, not another TSC member.
    for other in [actor(FRANK, &[GovRole::Maintainer]), tsc(BOB)] {
        let err = w.app.cancel_ballot(&other, id, "no").await.unwrap_err();
        assert_eq!(err.user().unwrap().id, "error-cancel-not-allowed");
    }
    let err = w.app.cancel_ballot(&tsc(ALICE), id, " ").await.unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-reason-required");
    // A non-binding vote does not hold the ballot.
    w.app
        .cast_vote(&actor(FRANK, &[GovRole::Maintainer]), id, Choice::Yes, None)
        .await
        .unwrap();
    assert!(w.app.ballot_view(id).await.unwrap().ballot.open);

    let b = w
        .app
        .cancel_ballot(&tsc(ALICE), id, "Superseded by RFC 8")
        .await
        .unwrap();
    assert_eq!(b.outcome, Some(Outcome::Cancelled));
    assert_eq!(b.cancel_reason.as_deref(), Some("Superseded by RFC 8"));

    // Once a binding vote is cast, the ballot runs to its deadline, the dissenter's included.
    let held = w.start("Adopt RFC 9").await;
    w.app
        .cast_vote(&tsc(BOB), held, Choice::No, Some("Needs a migration guide"))
        .await
        .unwrap();
    let err = w
        .app
        .cancel_ballot(&tsc(ALICE), held, "Changed my mind")
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-cancel-votes-cast");
    assert!(w.app.ballot_view(held).await.unwrap().ballot.open);

    // The deadline job later finds the withdrawn ballot closed and announces nothing more.
    w.clock.advance(Duration::days(7));
    w.app.run_due_jobs().await.unwrap();
    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    let mut results = discord.results();
    results.sort();
    assert_eq!(results, vec![id, held]);
}

#[tokio::test]
async fn ballots_of_another_guild_are_invisible() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    let stranger = Actor {
        guild_id: GUILD + 1,
        ..tsc(BOB)
    };
    let err = w
        .app
        .cast_vote(&stranger, id, Choice::Yes, None)
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-ballot-not-found");
    let err = w
        .app
        .cast_vote(&tsc(BOB), id + 100, Choice::Yes, None)
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-ballot-not-found");
}

#[tokio::test]
async fn the_policy_is_set_before_the_first_ballot_and_running_ballots_keep_theirs() {
    let w = World::new().await;
    let err = w
        .app
        .set_policy(
            &actor(FRANK, &[GovRole::Maintainer]),
            PolicyKey::Approval,
            "3/4",
        )
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-needs-tsc");
    let err = w
        .app
        .set_policy(&tsc(ALICE), PolicyKey::Approval, "5/4")
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-policy-ratio");
    // A new server's bootstrap: numbers set directly, announced.
    let policy = w
        .app
        .set_policy(&tsc(ALICE), PolicyKey::ReminderHours, "36")
        .await
        .unwrap();
    assert_eq!(policy.reminder_hours, 36);
    assert_eq!(w.app.guild_config(GUILD).await.unwrap().policy, policy);

    let id = w.start("Adopt RFC 7").await;
    // After the first ballot, only an amendment changes the policy.
    let err = w
        .app
        .set_policy(&tsc(ALICE), PolicyKey::Approval, "3/4")
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "policy-error-amend-instead");
    // An amendment applied while the ballot runs (as its closing ballot would save it).
    let mut amended = policy.clone();
    amended.approval = steward::governance::policy::Ratio::new(3, 4);
    let mut tx = w.app.write_tx().await.unwrap();
    steward::store::guild::save_policy(&mut tx, GUILD, &amended, w.clock_now())
        .await
        .unwrap();
    tx.commit().await.unwrap();

    // 2 of 3 is enough under the 2/3 the ballot opened with, though not under 3/4.
    for (member, choice) in [(ALICE, Choice::Yes), (BOB, Choice::Yes)] {
        w.app
            .cast_vote(&tsc(member), id, choice, None)
            .await
            .unwrap();
    }
    w.app
        .cast_vote(&tsc(CAROL), id, Choice::No, Some("Too fast"))
        .await
        .unwrap();
    w.clock.advance(Duration::days(7));
    assert_eq!(
        w.app.close_ballot(id).await.unwrap(),
        Some(Outcome::Approved)
    );

    let discord = FakeDiscord::default();
    w.app.deliver_outbox(&discord).await.unwrap();
    assert!(discord.delivered().iter().any(|n| matches!(
        n,
        Notice::PolicyChanged {
            key: PolicyKey::ReminderHours,
            ..
        }
    )));
}

#[tokio::test]
async fn setup_needs_manage_server_and_a_tsc_role() {
    let w = World::new().await;
    let setup = Setup {
        roles: vec![(GovRole::Tsc, 5)],
        announce_channel_id: 6,
        tsc_channel_id: Some(7),
        wg_category_id: None,
        channels: vec![],
        locale: "de".into(),
    };
    let err = w
        .app
        .setup_guild(&tsc(ALICE), setup.clone())
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-needs-manage-server");
    let no_tsc = Setup {
        roles: vec![(GovRole::Maintainer, 5)],
        ..setup.clone()
    };
    assert_eq!(
        w.app
            .setup_guild(&admin(), no_tsc)
            .await
            .unwrap_err()
            .user()
            .unwrap()
            .id,
        "error-tsc-role-required"
    );
    let config = w.app.setup_guild(&admin(), setup).await.unwrap();
    assert_eq!(config.locale, "de");
    assert_eq!(config.role_id(GovRole::Tsc), Some(5));
    assert_eq!(w.app.guild_config(GUILD).await.unwrap(), config);
}

#[tokio::test]
async fn a_missing_permission_is_reported_to_the_tsc_once_and_retried() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    let discord =
        FakeDiscord::failing((0..3).map(|_| DeliveryError::Forbidden("HTTP 403 (50013)".into())));
    // The ballot post is refused three times: the TSC is told once, then it goes through.
    for wait in [0, 5, 10, 20] {
        w.clock.advance(Duration::seconds(wait));
        w.app.deliver_outbox(&discord).await.unwrap();
    }
    let delivered = discord.delivered();
    let reports: Vec<_> = delivered
        .iter()
        .filter(|n| matches!(n, Notice::PermissionMissing { .. }))
        .collect();
    assert_eq!(reports.len(), 1, "{delivered:?}");
    let Notice::PermissionMissing {
        channel_id, failed, ..
    } = reports[0]
    else {
        unreachable!()
    };
    assert_eq!(*channel_id, ANNOUNCE);
    assert_eq!(**failed, Notice::BallotPosted { ballot_id: id });
    assert!(delivered.contains(&Notice::BallotPosted { ballot_id: id }));
}

#[tokio::test]
async fn a_delivery_refused_for_good_is_settled_not_retried() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    let discord = FakeDiscord::failing([DeliveryError::Rejected("HTTP 404 (10003)".into())]);
    let next = w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(next, None, "nothing left to retry");
    w.clock.advance(Duration::hours(2));
    w.app.deliver_outbox(&discord).await.unwrap();
    assert_eq!(*discord.attempts.lock().unwrap(), 1);
    let mut conn = w.app.db().acquire().await.unwrap();
    let rows = store::outbox::by_key(&mut conn, &format!("ballot:{id}:post"))
        .await
        .unwrap();
    assert!(rows[0].delivered_at.is_some());
    assert_eq!(rows[0].message_id, None);
}

#[tokio::test]
async fn a_ballot_past_its_deadline_is_decided_not_cancelled() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 7").await;
    for member in [ALICE, BOB, CAROL] {
        w.app
            .cast_vote(&tsc(member), id, Choice::No, Some("No"))
            .await
            .unwrap();
    }
    // The close job has not run yet, but the deadline has passed.
    w.clock.advance(Duration::days(7));
    let err = w
        .app
        .cancel_ballot(&tsc(ALICE), id, "Losing")
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-ballot-closed");
    w.app.run_due_jobs().await.unwrap();
    assert_eq!(
        w.app.ballot_view(id).await.unwrap().ballot.outcome,
        Some(Outcome::Rejected)
    );
    // Cancelling a closed ballot says so instead of claiming success.
    let err = w
        .app
        .cancel_ballot(&tsc(ALICE), id, "Late")
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-ballot-closed");
}

/// A ballot is read once for a burst of votes; once it is cancelled or closed, a vote on it is
/// still refused (the write decides, not what was read before) and counts nowhere.
#[tokio::test]
async fn a_vote_after_the_ballot_ended_is_refused_even_right_after_voting_on_it() {
    let w = World::new().await;
    let id = w.start("Adopt RFC 10").await;
    // Read (and kept) by a first vote, from a member outside the electorate.
    w.app
        .cast_vote(&actor(FRANK, &[GovRole::Maintainer]), id, Choice::Yes, None)
        .await
        .unwrap();
    w.app
        .cancel_ballot(&tsc(ALICE), id, "Superseded")
        .await
        .unwrap();
    let err = w
        .app
        .cast_vote(&tsc(BOB), id, Choice::Yes, None)
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-ballot-closed");
    let view = w.app.ballot_view(id).await.unwrap();
    assert!(!view.ballot.open);
    assert_eq!(
        view.voters,
        vec![(FRANK, false)],
        "only frank's vote, cast while open"
    );
}
