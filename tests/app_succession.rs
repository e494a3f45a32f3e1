//! `app` + `store` on a real SQLite file with an injected clock: the roster kept from Discord's
//! member lists, and succession planning stepped through 3 and 6 months, across restarts.

mod app_support;

use std::ops::{Deref, DerefMut};

use app_support::*;
use chrono::{DateTime, Duration, Months, TimeZone, Utc};
use steward::app::guild::setup::Setup;
use steward::app::outbox::Notice;
use steward::app::succession::contact::ContactAnswer;
use steward::app::succession::roster::DiscordMember;
use steward::governance::ballot::{Choice, Outcome, Subject};
use steward::governance::policy::PolicyKey;
use steward::governance::roles::GovRole;
use steward::governance::succession::Step;

// alice, bob, carol and dave are the TSC; erin and frank are maintainers.

fn months(n: u32) -> DateTime<Utc> {
    start_time().checked_add_months(Months::new(n)).unwrap()
}

fn member(id: u64, name: &str, roles: &[u64]) -> DiscordMember {
    DiscordMember {
        member_id: id,
        username: name.into(),
        display_name: name.to_uppercase(),
        role_ids: roles.to_vec(),
        bot: false,
    }
}

fn discord_members() -> Vec<DiscordMember> {
    vec![
        member(ALICE, "alice", &[TSC_ROLE]),
        member(BOB, "bob", &[TSC_ROLE]),
        member(CAROL, "carol", &[TSC_ROLE]),
        member(DAVE, "dave", &[TSC_ROLE]),
        member(ERIN, "erin", &[MAINTAINER_ROLE]),
        member(FRANK, "frank", &[MAINTAINER_ROLE]),
    ]
}

/// The shared world, set up with the TSC, maintainer and emeritus roles and a TSC channel, the
/// roster synced, and a fake Discord that may refuse DMs.
struct World {
    world: app_support::World,
    discord: FakeDiscord,
}

impl Deref for World {
    type Target = app_support::World;
    fn deref(&self) -> &Self::Target {
        &self.world
    }
}

impl DerefMut for World {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.world
    }
}

impl World {
    async fn new(discord: FakeDiscord) -> Self {
        let world = app_support::World::with_setup(Setup {
            roles: vec![
                (GovRole::Tsc, TSC_ROLE),
                (GovRole::Maintainer, MAINTAINER_ROLE),
                (GovRole::Emeritus, EMERITUS_ROLE),
            ],
            announce_channel_id: ANNOUNCE,
            tsc_channel_id: Some(TSC_CHANNEL),
            wg_category_id: None,
            channels: vec![],
            locale: "en-US".into(),
        })
        .await;
        world
            .app
            .set_policy(&tsc(ALICE), PolicyKey::MinMaintainers, "2")
            .await
            .unwrap();
        world
            .app
            .sync_roster(GUILD, &discord_members())
            .await
            .unwrap();
        let world = Self { world, discord };
        // The first pass runs at once and finds nobody quiet.
        assert!(world.pass().await.iter().all(|n| matches!(
            n,
            Notice::PolicyChanged { .. } | Notice::SetupChanged { .. }
        )));
        world
    }

    /// Moves the clock to `at`, runs due jobs and delivers the outbox; returns what was sent.
    async fn at(&self, at: DateTime<Utc>) -> Vec<Notice> {
        self.clock.set(at);
        self.pass().await
    }

    async fn pass(&self) -> Vec<Notice> {
        self.app.run_due_jobs().await.unwrap();
        self.app.deliver_outbox(&self.discord).await.unwrap();
        // Abandoned items may queue notes for the TSC; deliver those too.
        self.app.deliver_outbox(&self.discord).await.unwrap();
        self.discord.take()
    }

    /// The active members (everyone but dave and erin) post every month up to `month`.
    async fn busy_until(&self, month: u32) {
        for m in 1..=month {
            for who in [ALICE, BOB, CAROL, FRANK] {
                self.app
                    .record_activity(GUILD, who, months(m) - Duration::days(1))
                    .await
                    .unwrap();
            }
        }
    }
}

fn contacts(notices: &[Notice]) -> Vec<(i64, u64)> {
    notices
        .iter()
        .filter_map(|n| match n {
            Notice::InactivityContact { step_id, member_id } => Some((*step_id, *member_id)),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn quiet_members_are_contacted_at_three_months_once_and_the_tsc_is_told() {
    let mut w = World::new(FakeDiscord::default()).await;
    w.busy_until(3).await;
    let before = w.at(months(3) - Duration::days(1)).await;
    assert_eq!(contacts(&before), vec![], "not yet three months");

    let sent = w.at(months(3)).await;
    let contacted: Vec<u64> = contacts(&sent).iter().map(|c| c.1).collect();
    assert_eq!(contacted, vec![DAVE, ERIN]);
    let told: Vec<&Notice> = sent
        .iter()
        .filter(|n| matches!(n, Notice::InactivityReported { .. }))
        .collect();
    assert_eq!(told.len(), 2);
    assert!(
        told.iter()
            .all(|n| matches!(n, Notice::InactivityReported { months: 3, .. }))
    );

    // Every later pass, also after a restart, repeats nothing.
    w.restart().await;
    for day in 1..=5 {
        let again = w.at(months(3) + Duration::days(day)).await;
        assert_eq!(again, vec![], "day {day}");
    }
}

#[tokio::test]
async fn still_active_resets_the_clock_and_tells_the_tsc() {
    let w = World::new(FakeDiscord::default()).await;
    w.busy_until(6).await;
    let sent = w.at(months(3)).await;
    let (erin_step, _) = contacts(&sent)
        .into_iter()
        .find(|(_, m)| *m == ERIN)
        .unwrap();

    // Only the member contacted may answer.
    let forged = w
        .app
        .answer_contact(BOB, erin_step, ContactAnswer::Emeritus)
        .await
        .unwrap_err();
    assert_eq!(forged.user().unwrap().id, "error-unknown-action");

    w.clock.set(months(3) + Duration::days(2));
    w.app
        .answer_contact(ERIN, erin_step, ContactAnswer::StillActive)
        .await
        .unwrap();
    let told = w.pass().await;
    assert!(told.iter().any(|n| matches!(
        n,
        Notice::InactivityAnswered {
            member_id: ERIN,
            ..
        }
    )));

    // At six months dave is reviewed; erin is not, her clock restarted when she answered.
    let six = w.at(months(6)).await;
    assert!(contacts(&six).is_empty());
    let (subjects, _): (Vec<_>, Vec<_>) = open_reviews(&w).await.into_iter().unzip();
    assert_eq!(subjects, vec![DAVE]);
    // Three months after her answer, erin is asked again: a new quiet period.
    let later = w.at(months(6) + Duration::days(2)).await;
    assert_eq!(
        contacts(&later).iter().map(|c| c.1).collect::<Vec<_>>(),
        vec![ERIN]
    );
}

/// (member under review, ballot id) of every open review ballot.
async fn open_reviews(w: &World) -> Vec<(u64, i64)> {
    w.app
        .open_ballots(GUILD)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|v| match v.ballot.subject {
            Subject::Emeritus { member_id } => Some((member_id, v.ballot.id)),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn an_approved_review_moves_the_member_to_emeritus_once() {
    let mut w = World::new(FakeDiscord::default()).await;
    w.busy_until(7).await;
    w.at(months(3)).await;
    w.at(months(6) - Duration::days(1)).await;
    assert!(open_reviews(&w).await.is_empty(), "not before six months");
    w.at(months(6)).await;
    let reviews = open_reviews(&w).await;
    assert_eq!(reviews.len(), 2, "dave and erin: {reviews:?}");
    let (_, ballot_id) = *reviews.iter().find(|(m, _)| *m == DAVE).unwrap();
    let view = w.app.ballot_view(ballot_id).await.unwrap();
    assert_eq!(view.ballot.channel_id, TSC_CHANNEL);
    assert_eq!(
        view.electorate,
        vec![ALICE, BOB, CAROL],
        "the TSC without dave"
    );
    assert!(view.ballot.title.contains("DAVE"), "{}", view.ballot.title);

    for who in [ALICE, BOB, CAROL] {
        w.app
            .cast_vote(&actor(who, &[GovRole::Tsc]), ballot_id, Choice::Yes, None)
            .await
            .unwrap();
    }
    w.restart().await;
    let closed = w.at(months(6) + Duration::days(8)).await;
    assert_eq!(
        w.app.ballot_view(ballot_id).await.unwrap().ballot.outcome,
        Some(Outcome::Approved)
    );
    let role_changes: Vec<(u64, u64, bool)> = closed
        .iter()
        .filter_map(|n| match n {
            Notice::RoleChange {
                member_id,
                role_id,
                add,
                ..
            } if *member_id == DAVE => Some((*member_id, *role_id, *add)),
            _ => None,
        })
        .collect();
    assert_eq!(
        role_changes,
        vec![(DAVE, TSC_ROLE, false), (DAVE, EMERITUS_ROLE, true),]
    );
    let thanks = |n: &&Notice| {
        matches!(
            n,
            Notice::EmeritusAnnounced {
                channel_id: ANNOUNCE,
                member_id: DAVE,
                ..
            }
        )
    };
    assert_eq!(closed.iter().filter(thanks).count(), 1);
    // Erin's review had no votes: no quorum, she keeps her role.
    let erin = w.app.roster(GUILD).await.unwrap();
    assert!(erin.maintainers.iter().any(|e| e.member_id == ERIN));
    assert!(!erin.tsc.iter().any(|e| e.member_id == DAVE));

    // Discord confirms the swap; later passes and restarts announce nothing again.
    let mut members = discord_members();
    members[3].role_ids = vec![EMERITUS_ROLE];
    w.app.sync_roster(GUILD, &members).await.unwrap();
    w.restart().await;
    for day in 9..=12 {
        let again = w.at(months(6) + Duration::days(day)).await;
        assert_eq!(again.iter().filter(thanks).count(), 0, "day {day}");
    }
    let roster = w.app.roster(GUILD).await.unwrap();
    assert_eq!(
        roster
            .emeritus
            .iter()
            .map(|e| e.member_id)
            .collect::<Vec<_>>(),
        vec![DAVE]
    );
}

#[tokio::test]
async fn the_member_may_choose_emeritus_from_the_dm() {
    let w = World::new(FakeDiscord::default()).await;
    w.busy_until(3).await;
    let sent = w.at(months(3)).await;
    let (dave_step, _) = contacts(&sent)
        .into_iter()
        .find(|(_, m)| *m == DAVE)
        .unwrap();
    w.app
        .answer_contact(DAVE, dave_step, ContactAnswer::Emeritus)
        .await
        .unwrap();
    let moved = w.pass().await;
    assert!(moved.iter().any(|n| matches!(
        n,
        Notice::RoleChange {
            member_id: DAVE,
            role_id: TSC_ROLE,
            add: false,
            ..
        }
    )));
    assert!(moved.iter().any(|n| matches!(
        n,
        Notice::EmeritusAnnounced {
            channel_id: ANNOUNCE,
            member_id: DAVE,
            ..
        }
    )));
    // A second click changes nothing and says why.
    let again = w
        .app
        .answer_contact(DAVE, dave_step, ContactAnswer::Emeritus)
        .await
        .unwrap_err();
    assert_eq!(again.user().unwrap().id, "error-succession-no-office");
    assert_eq!(w.pass().await, vec![]);
    // No review ever opens for someone who stepped down.
    w.at(months(7)).await;
    assert!(open_reviews(&w).await.iter().all(|(m, _)| *m != DAVE));
}

#[tokio::test]
async fn a_closed_dm_is_recorded_and_the_tsc_is_told_instead() {
    let w = World::new(FakeDiscord::with_closed_dms([DAVE])).await;
    w.busy_until(3).await;
    let sent = w.at(months(3)).await;
    assert_eq!(
        contacts(&sent).iter().map(|c| c.1).collect::<Vec<_>>(),
        vec![ERIN]
    );
    assert!(sent.iter().any(|n| matches!(
        n,
        Notice::InactivityDmUndeliverable {
            member_id: DAVE,
            ..
        }
    )));
    let failed: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM succession_steps WHERE member_id = ? AND dm_failed_at IS NOT NULL",
    )
    .bind(DAVE as i64)
    .fetch_one(w.app.db())
    .await
    .unwrap();
    assert_eq!(failed, 1);
    assert_eq!(
        w.at(months(3) + Duration::days(1)).await,
        vec![],
        "told once"
    );
}

#[tokio::test]
async fn a_member_who_left_is_never_contacted_and_leaves_the_roster() {
    let w = World::new(FakeDiscord::default()).await;
    w.busy_until(3).await;
    w.app.member_left(GUILD, DAVE).await.unwrap();
    let sent = w.at(months(3)).await;
    assert_eq!(
        contacts(&sent).iter().map(|c| c.1).collect::<Vec<_>>(),
        vec![ERIN]
    );
    let roster = w.app.roster(GUILD).await.unwrap();
    assert!(!roster.tsc.iter().any(|e| e.member_id == DAVE));
    // A full sync that no longer lists erin marks her as gone too.
    let members: Vec<_> = discord_members()
        .into_iter()
        .filter(|m| m.member_id != ERIN)
        .collect();
    w.app.sync_roster(GUILD, &members).await.unwrap();
    let roster = w.app.roster(GUILD).await.unwrap();
    assert_eq!(
        roster
            .maintainers
            .iter()
            .map(|e| e.member_id)
            .collect::<Vec<_>>(),
        vec![FRANK]
    );
}

#[tokio::test]
async fn the_tsc_is_prompted_once_per_dip_below_the_minimum() {
    let w = World::new(FakeDiscord::default()).await;
    // (office, members, minimum) of each prompt.
    let nominations = |n: &[Notice]| {
        n.iter()
            .filter_map(|n| match n {
                Notice::NominationsNeeded {
                    role, count, min, ..
                } => Some((*role, *count, *min)),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    w.app.member_left(GUILD, FRANK).await.unwrap();
    let sent = w.at(start_time() + Duration::days(1)).await;
    assert_eq!(nominations(&sent), vec![(GovRole::Maintainer, 1, 2)]);
    assert_eq!(
        nominations(&w.at(start_time() + Duration::days(2)).await),
        vec![]
    );
    // Back to two, then down again: a new dip, a new prompt.
    w.app
        .sync_member(GUILD, &member(FRANK, "frank", &[MAINTAINER_ROLE]))
        .await
        .unwrap();
    assert_eq!(
        nominations(&w.at(start_time() + Duration::days(3)).await),
        vec![]
    );
    w.app
        .sync_member(GUILD, &member(FRANK, "frank", &[]))
        .await
        .unwrap();
    assert_eq!(
        nominations(&w.at(start_time() + Duration::days(4)).await).len(),
        1
    );
}

#[tokio::test]
async fn the_annual_review_is_posted_on_the_policy_date_and_summarises_the_year() {
    let w = World::new(FakeDiscord::default()).await;
    w.busy_until(11).await;
    w.at(months(3)).await;
    w.at(months(6)).await;
    w.at(months(6) + Duration::days(8)).await;
    // Default date: 15 January. The first due one is 15 January 2027.
    let review_day = Utc.with_ymd_and_hms(2027, 1, 15, 9, 0, 0).unwrap();
    let before = w.at(review_day - Duration::hours(1)).await;
    assert!(
        !before
            .iter()
            .any(|n| matches!(n, Notice::AnnualReview { .. }))
    );
    let sent = w.at(review_day).await;
    let reviews: Vec<&Notice> = sent
        .iter()
        .filter(|n| matches!(n, Notice::AnnualReview { .. }))
        .collect();
    assert_eq!(reviews.len(), 1);
    let Notice::AnnualReview { to, .. } = reviews[0] else {
        unreachable!()
    };
    let summary = w.app.review_summary(GUILD, *to).await.unwrap();
    // dave and erin were contacted, then reviewed; their review ballots closed without quorum,
    // so each was reviewed again (once, at the one pass before the review day).
    let kinds = |step| summary.steps.iter().filter(|s| s.step == step).count();
    assert_eq!(kinds(Step::Contact), 2, "{:?}", summary.steps);
    assert_eq!(kinds(Step::Review), 4, "{:?}", summary.steps);
    assert_eq!(summary.ballots.len(), 2);
    assert!(
        summary
            .ballots
            .iter()
            .all(|b| b.outcome == Some(Outcome::NoQuorum))
    );
    // The roster as first read from Discord counts as the roles gained that day.
    assert_eq!(summary.role_changes.len(), 6, "{:?}", summary.role_changes);
    assert!(
        summary
            .role_changes
            .iter()
            .all(|e| e.gained && e.at == start_time())
    );
    // The TSC may ask for it any day.
    let tsc = actor(ALICE, &[GovRole::Tsc]);
    assert_eq!(
        w.app.review_now(&tsc).await.unwrap().steps.len(),
        summary.steps.len()
    );
    let refused = w
        .app
        .review_now(&actor(ERIN, &[GovRole::Maintainer]))
        .await
        .unwrap_err();
    assert_eq!(refused.user().unwrap().id, "error-needs-tsc");
    // Next year's is scheduled, once.
    let next = w.at(review_day + Duration::days(365)).await;
    assert_eq!(
        next.iter()
            .filter(|n| matches!(n, Notice::AnnualReview { .. }))
            .count(),
        1
    );
}

#[tokio::test]
async fn areas_of_focus_are_set_by_the_maintainer_or_the_tsc() {
    let w = World::new(FakeDiscord::default()).await;
    let erin = actor(ERIN, &[GovRole::Maintainer]);
    w.app
        .set_area(&erin, ERIN, "  Documentation ")
        .await
        .unwrap();
    w.app
        .set_area(&actor(ALICE, &[GovRole::Tsc]), FRANK, "Runtime")
        .await
        .unwrap();
    let refused = w.app.set_area(&erin, FRANK, "Docs").await.unwrap_err();
    assert_eq!(refused.user().unwrap().id, "error-area-not-allowed");
    let not_maintainer = w
        .app
        .set_area(&actor(ALICE, &[GovRole::Tsc]), BOB, "Docs")
        .await
        .unwrap_err();
    assert_eq!(
        not_maintainer.user().unwrap().id,
        "error-area-not-maintainer"
    );
    let empty = w.app.set_area(&erin, ERIN, "   ").await.unwrap_err();
    assert_eq!(empty.user().unwrap().id, "error-area-length");
    let roster = w.app.roster(GUILD).await.unwrap();
    let areas: Vec<(u64, Option<String>)> = roster
        .maintainers
        .iter()
        .map(|e| (e.member_id, e.area.clone()))
        .collect();
    assert_eq!(
        areas,
        vec![
            (ERIN, Some("Documentation".into())),
            (FRANK, Some("Runtime".into()))
        ]
    );
}

#[tokio::test]
async fn votes_count_as_activity() {
    let w = World::new(FakeDiscord::default()).await;
    w.busy_until(3).await;
    // Dave votes on a ballot two months in: his clock restarts then.
    w.clock.set(months(2));
    let ballot = w
        .app
        .start_ballot(
            &actor(ALICE, &[GovRole::Tsc]),
            steward::app::ballot::open::StartBallot {
                title: "Adopt RFC 9".into(),
                description: String::new(),
                duration: None,
                secret: false,
                channel_id: ANNOUNCE,
                electorate: vec![ALICE, BOB, CAROL, DAVE],
            },
        )
        .await
        .unwrap();
    w.app
        .cast_vote(
            &actor(DAVE, &[GovRole::Tsc]),
            ballot.id,
            Choice::Abstain,
            None,
        )
        .await
        .unwrap();
    // Erin's vote on a ballot cancelled after a community member's vote had it read (so the
    // refusal comes from the statement that records votes, not from the check before it) is
    // no activity.
    let cancelled = w
        .app
        .start_ballot(
            &actor(ALICE, &[GovRole::Tsc]),
            app_support::ballot("Adopt RFC 10"),
        )
        .await
        .unwrap();
    w.app
        .cast_vote(&actor(5000, &[]), cancelled.id, Choice::Yes, None)
        .await
        .unwrap();
    w.app
        .cancel_ballot(&actor(ALICE, &[GovRole::Tsc]), cancelled.id, "Superseded")
        .await
        .unwrap();
    let refused = w
        .app
        .cast_vote(
            &actor(ERIN, &[GovRole::Maintainer]),
            cancelled.id,
            Choice::Yes,
            None,
        )
        .await;
    assert_eq!(
        refused.unwrap_err().user().unwrap().id,
        "error-ballot-closed"
    );
    let sent = w.at(months(3)).await;
    assert_eq!(
        contacts(&sent).iter().map(|c| c.1).collect::<Vec<_>>(),
        vec![ERIN]
    );
    let later = w.at(months(5)).await;
    assert_eq!(
        contacts(&later).iter().map(|c| c.1).collect::<Vec<_>>(),
        vec![DAVE]
    );
}

#[tokio::test]
async fn answering_still_active_during_a_review_cancels_it() {
    let w = World::new(FakeDiscord::default()).await;
    w.busy_until(7).await;
    let contacted = w.at(months(3)).await;
    let (dave_step, _) = *contacts(&contacted)
        .iter()
        .find(|(_, m)| *m == DAVE)
        .unwrap();
    w.at(months(6)).await;
    let (_, review) = *open_reviews(&w)
        .await
        .iter()
        .find(|(m, _)| *m == DAVE)
        .unwrap();
    // The TSC starts voting; then dave answers the DM after all.
    w.app
        .cast_vote(&actor(ALICE, &[GovRole::Tsc]), review, Choice::Yes, None)
        .await
        .unwrap();
    w.app
        .answer_contact(DAVE, dave_step, ContactAnswer::StillActive)
        .await
        .unwrap();
    let ballot = w.app.ballot_view(review).await.unwrap().ballot;
    assert_eq!(ballot.outcome, Some(Outcome::Cancelled));
    let later = w.at(months(6) + Duration::days(8)).await;
    assert!(
        !later.iter().any(|n| matches!(
            n,
            Notice::RoleChange {
                member_id: DAVE,
                ..
            }
        )),
        "{later:?}"
    );
    assert!(
        w.app
            .roster(GUILD)
            .await
            .unwrap()
            .tsc
            .iter()
            .any(|e| e.member_id == DAVE)
    );
}

#[tokio::test]
async fn an_approved_review_of_a_member_active_again_keeps_them() {
    let w = World::new(FakeDiscord::default()).await;
    w.busy_until(7).await;
    w.at(months(3)).await;
    w.at(months(6)).await;
    let (_, review) = *open_reviews(&w)
        .await
        .iter()
        .find(|(m, _)| *m == DAVE)
        .unwrap();
    for who in [ALICE, BOB, CAROL] {
        w.app
            .cast_vote(&actor(who, &[GovRole::Tsc]), review, Choice::Yes, None)
            .await
            .unwrap();
    }
    // Dave posts in the server while the TSC votes.
    w.app
        .record_activity(GUILD, DAVE, months(6) + Duration::days(2))
        .await
        .unwrap();
    let closed = w.at(months(6) + Duration::days(8)).await;
    assert_eq!(
        w.app.ballot_view(review).await.unwrap().ballot.outcome,
        Some(Outcome::Approved)
    );
    assert!(!closed.iter().any(|n| matches!(
        n,
        Notice::RoleChange {
            member_id: DAVE,
            ..
        }
    )));
}

#[tokio::test]
async fn the_member_under_review_cannot_cancel_it() {
    let w = World::new(FakeDiscord::default()).await;
    w.busy_until(7).await;
    w.at(months(3)).await;
    w.at(months(6)).await;
    let (_, review) = *open_reviews(&w)
        .await
        .iter()
        .find(|(m, _)| *m == DAVE)
        .unwrap();
    let err = w
        .app
        .cancel_ballot(&actor(DAVE, &[GovRole::Tsc]), review, "I am fine")
        .await
        .unwrap_err();
    assert_eq!(err.user().unwrap().id, "error-cancel-not-allowed");
    assert!(w.app.ballot_view(review).await.unwrap().ballot.open);
}
