//! `app` + `store` on a real SQLite file with an injected clock: nominations from the form to
//! the role, the nominee's answer and its deadline, the TSC's secret ballot, and the races and
//! refusals around them.

mod app_support;

use std::ops::Deref;

use app_support::*;
use chrono::Duration;
use steward::app::AppError;
use steward::app::delivery::DeliveryError;
use steward::app::guild::setup::Setup;
use steward::app::nomination::propose::{BallotTexts, NewNomination, NomineeInput};
use steward::app::outbox::Notice;
use steward::app::succession::roster::DiscordMember;
use steward::governance::ballot::{Choice, Subject};
use steward::governance::nomination::{Note, Office, State};
use steward::governance::roles::{GovRole, RoleSet};
use steward::store::decision_log::Filter;
use steward::store::nomination::Nomination;

// alice, bob, carol, dave and erin are the TSC; frank is a maintainer; grace and heidi are
// contributors.
const GRACE: u64 = 17;
const HEIDI: u64 = 18;
const CONTRIBUTOR_ROLE: u64 = 3_003;
/// The private thread the publisher would create in the TSC channel.
const THREAD: u64 = 2_100;
const STATEMENT: &str = "Grace has reviewed most runtime changes for two years.";

fn member(id: u64, name: &str, roles: &[u64]) -> DiscordMember {
    DiscordMember {
        member_id: id,
        username: name.into(),
        display_name: name.to_uppercase(),
        role_ids: roles.to_vec(),
        bot: false,
    }
}

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

impl World {
    async fn new(discord: FakeDiscord) -> Self {
        Self::with_tsc_channel(discord, Some(TSC_CHANNEL)).await
    }

    async fn with_tsc_channel(discord: FakeDiscord, tsc_channel: Option<u64>) -> Self {
        let world = app_support::World::with_setup(Setup {
            roles: vec![
                (GovRole::Tsc, TSC_ROLE),
                (GovRole::Maintainer, MAINTAINER_ROLE),
                (GovRole::Contributor, CONTRIBUTOR_ROLE),
            ],
            announce_channel_id: ANNOUNCE,
            tsc_channel_id: tsc_channel,
            wg_category_id: None,
            channels: vec![],
            locale: "en-US".into(),
        })
        .await;
        let mut members: Vec<DiscordMember> = TSC
            .iter()
            .map(|id| member(*id, &format!("tsc{id}"), &[TSC_ROLE]))
            .collect();
        members.push(member(FRANK, "frank", &[MAINTAINER_ROLE]));
        members.push(member(GRACE, "grace", &[CONTRIBUTOR_ROLE]));
        members.push(member(HEIDI, "heidi", &[CONTRIBUTOR_ROLE]));
        world.app.sync_roster(GUILD, &members).await.unwrap();
        let world = Self { world, discord };
        world.pass().await;
        world
    }

    /// Runs due jobs and delivers the outbox (twice: deliveries may queue more); returns what
    /// was delivered.
    async fn pass(&self) -> Vec<Notice> {
        self.app.run_due_jobs().await.unwrap();
        self.app.deliver_outbox(&self.discord).await.unwrap();
        self.app.deliver_outbox(&self.discord).await.unwrap();
        self.discord.take()
    }

    async fn advance(&self, by: Duration) -> Vec<Notice> {
        self.clock.advance(by);
        self.pass().await
    }

    /// `/nominate member` by `by`, for grace unless told otherwise; returns the draft's id.
    async fn draft(&self, by: u64, nominee: u64, office: Office) -> Result<i64, AppError> {
        let roles = match nominee {
            GRACE | HEIDI => vec![GovRole::Contributor],
            FRANK => vec![GovRole::Maintainer],
            _ => vec![GovRole::Tsc],
        };
        self.app
            .draft_nomination(
                &actor(by, &standing_of(by)),
                NewNomination {
                    nominee: NomineeInput {
                        member_id: nominee,
                        username: "grace".into(),
                        display_name: "Grace".into(),
                        bot: false,
                        roles: RoleSet::new(roles),
                    },
                    office,
                    area: Some("Runtime".into()),
                },
            )
            .await
    }

    async fn submit(&self, by: u64, draft: i64) -> Result<Nomination, AppError> {
        self.app
            .submit_nomination(
                &actor(by, &standing_of(by)),
                draft,
                STATEMENT,
                "https://example.org/pulls?author=grace",
                |n| BallotTexts {
                    title: format!("Nomination #{}", n.id),
                    description: "Secret ballot".into(),
                },
            )
            .await
    }

    /// frank nominates grace as maintainer; the consent DM is delivered.
    async fn nominated(&self) -> Nomination {
        let draft = self.draft(FRANK, GRACE, Office::Maintainer).await.unwrap();
        let n = self.submit(FRANK, draft).await.unwrap();
        let sent = self.pass().await;
        assert_eq!(
            sent,
            vec![Notice::NominationInvite {
                nomination_id: n.id
            }]
        );
        n
    }

    /// grace accepts; the publisher makes the private thread and posts the card; the secret
    /// ballot opens there. Returns the ballot's id.
    async fn voting(&self) -> (Nomination, i64) {
        let n = self.nominated().await;
        let accepted = self.app.answer_nomination(GRACE, n.id, true).await.unwrap();
        assert_eq!(accepted.state, State::Accepted);
        self.app
            .record_nomination_place(n.id, THREAD)
            .await
            .unwrap();
        let sent = self.pass().await;
        assert!(sent.contains(&Notice::NominationCardPosted {
            nomination_id: n.id
        }));
        assert!(sent.contains(&Notice::NominationNominatorNote {
            nomination_id: n.id,
            note: Note::Accepted
        }));
        let n = self.app.nomination(n.id).await.unwrap();
        assert_eq!(n.state, State::Voting);
        let ballot_id = n.ballot_id.expect("the ballot opened");
        let view = self.app.ballot_view(ballot_id).await.unwrap();
        assert!(view.ballot.secret, "the TSC votes in secret");
        assert_eq!(view.ballot.channel_id, THREAD, "in the private thread");
        assert_eq!(
            view.ballot.subject,
            Subject::Nomination {
                nomination_id: n.id
            }
        );
        assert!(view.ballot.subject.is_private());
        assert_eq!(view.electorate, TSC.to_vec());
        (n, ballot_id)
    }

    async fn vote(&self, voters: &[u64], choice: Choice) {
        for voter in voters {
            let concern = (choice == Choice::No).then(|| format!("Concern of {voter}"));
            self.app
                .cast_vote(
                    &tsc(*voter),
                    self.ballot_of(GRACE).await,
                    choice,
                    concern.as_deref(),
                )
                .await
                .unwrap();
        }
    }

    async fn ballot_of(&self, _nominee: u64) -> i64 {
        sqlx::query_scalar("SELECT ballot_id FROM nominations WHERE ballot_id IS NOT NULL")
            .fetch_one(self.app.db())
            .await
            .unwrap()
    }
}

fn standing_of(user: u64) -> Vec<GovRole> {
    if TSC.contains(&user) {
        vec![GovRole::Tsc]
    } else if user == FRANK {
        vec![GovRole::Maintainer]
    } else {
        vec![GovRole::Contributor]
    }
}

fn refused(result: Result<impl std::fmt::Debug, AppError>) -> &'static str {
    match result {
        Err(e) => e.user().expect("a refusal the member reads").id,
        Ok(v) => panic!("not refused: {v:?}"),
    }
}

#[tokio::test]
async fn an_approved_nomination_grants_the_role_records_the_area_and_welcomes_publicly() {
    let w = World::new(FakeDiscord::default()).await;
    let (n, _) = w.voting().await;
    w.vote(&[ALICE, BOB, CAROL, DAVE], Choice::Yes).await;
    let sent = w.advance(Duration::days(7)).await;

    let n = w.app.nomination(n.id).await.unwrap();
    assert_eq!(n.state, State::Approved);
    assert!(sent.iter().any(|s| matches!(
        s,
        Notice::RoleChange {
            member_id: GRACE,
            role_id: MAINTAINER_ROLE,
            add: true,
            ..
        }
    )));
    assert!(sent.contains(&Notice::NominationWelcome {
        nomination_id: n.id
    }));
    assert!(sent.contains(&Notice::NominationOutcome {
        nomination_id: n.id
    }));
    // The roster shows the decision at once, with the area of focus.
    let roster = w.app.roster(GUILD).await.unwrap();
    let grace = roster
        .maintainers
        .iter()
        .find(|e| e.member_id == GRACE)
        .expect("grace is a maintainer in the roster");
    assert_eq!(grace.area.as_deref(), Some("Runtime"));
    // Public in the decision log; the statement is forgotten.
    let public = w
        .app
        .decisions(&actor(HEIDI, &[]), Filter::default())
        .await
        .unwrap();
    assert!(
        public
            .iter()
            .any(|d| d.subject_ref == format!("nomination:{}", n.id) && d.outcome == "approved")
    );
    assert_eq!((n.statement, n.links), (None, None));
}

#[tokio::test]
async fn a_rejection_is_private_and_keeps_the_concerns_without_authors_until_told() {
    let w = World::new(FakeDiscord::default()).await;
    let (n, _) = w.voting().await;
    w.vote(&[ALICE, BOB], Choice::No).await;
    w.vote(&[CAROL], Choice::Yes).await;
    w.clock.advance(Duration::days(7));
    w.app.run_due_jobs().await.unwrap();

    let decided = w.app.nomination(n.id).await.unwrap();
    assert_eq!(decided.state, State::Rejected);
    assert_eq!(
        decided.concerns,
        vec![format!("Concern of {ALICE}"), format!("Concern of {BOB}")]
    );
    let sent = w.pass().await;
    assert!(!sent.iter().any(|s| matches!(
        s,
        Notice::NominationWelcome { .. } | Notice::RoleChange { .. }
    )));
    assert!(sent.contains(&Notice::NominationOutcome {
        nomination_id: n.id
    }));
    assert!(sent.contains(&Notice::NominationTscNote {
        nomination_id: n.id,
        note: Note::Decided
    }));
    // Told: the concerns are gone from the database too.
    let told = w.app.nomination(n.id).await.unwrap();
    assert!(told.concerns.is_empty());
    assert_eq!(told.statement, None);
    // The decision log keeps it for the TSC only.
    let public = w
        .app
        .decisions(&actor(HEIDI, &[]), Filter::default())
        .await
        .unwrap();
    assert!(
        !public
            .iter()
            .any(|d| d.subject_ref.starts_with("nomination:"))
    );
    let tsc_view = w
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
    assert!(
        tsc_view
            .iter()
            .any(|d| d.subject_ref == format!("nomination:{}", n.id) && d.private)
    );
    // And grace waits before she can be nominated again.
    assert_eq!(
        refused(w.draft(FRANK, GRACE, Office::Maintainer).await),
        "nomination-error-too-soon"
    );
    w.clock.advance(Duration::days(90));
    assert!(w.draft(FRANK, GRACE, Office::Maintainer).await.is_ok());
}

#[tokio::test]
async fn two_maintainers_nominating_the_same_member_at_once_open_one_nomination() {
    let w = World::new(FakeDiscord::default()).await;
    let first = w.draft(FRANK, GRACE, Office::Maintainer).await.unwrap();
    let second = w.draft(ALICE, GRACE, Office::Maintainer).await.unwrap();
    let (a, b) = tokio::join!(w.submit(FRANK, first), w.submit(ALICE, second));
    let outcomes = [a.is_ok(), b.is_ok()];
    assert_eq!(outcomes.iter().filter(|ok| **ok).count(), 1, "{outcomes:?}");
    let loser = if a.is_ok() { b } else { a };
    assert_eq!(refused(loser), "nomination-error-already-open");
    assert_eq!(
        w.count("SELECT COUNT(*) FROM nominations WHERE state = 'awaiting_consent'")
            .await,
        1
    );
    let invites = w
        .pass()
        .await
        .into_iter()
        .filter(|n| matches!(n, Notice::NominationInvite { .. }))
        .count();
    assert_eq!(invites, 1, "one DM to the nominee");
}

#[tokio::test]
async fn bad_nominations_are_refused_and_change_nothing() {
    let w = World::new(FakeDiscord::default()).await;
    let cases = [
        (
            HEIDI,
            GRACE,
            Office::Maintainer,
            "nomination-error-not-allowed",
        ),
        (FRANK, GRACE, Office::Tsc, "nomination-error-tsc-only"),
        (ALICE, ALICE, Office::Maintainer, "nomination-error-self"),
        (
            ALICE,
            FRANK,
            Office::Maintainer,
            "nomination-error-already-maintainer",
        ),
        (
            ALICE,
            BOB,
            Office::Maintainer,
            "nomination-error-already-maintainer",
        ),
        (ALICE, BOB, Office::Tsc, "nomination-error-already-tsc"),
        (ALICE, GRACE, Office::Tsc, "nomination-error-not-maintainer"),
    ];
    for (by, nominee, office, expected) in cases {
        assert_eq!(
            refused(w.draft(by, nominee, office).await),
            expected,
            "{by} nominating {nominee} for {office:?}"
        );
    }
    // A bot, and overlong text.
    let bot = w
        .app
        .draft_nomination(
            &actor(FRANK, &[GovRole::Maintainer]),
            NewNomination {
                nominee: NomineeInput {
                    member_id: 99,
                    username: "bot".into(),
                    display_name: "Bot".into(),
                    bot: true,
                    roles: RoleSet::default(),
                },
                office: Office::Maintainer,
                area: None,
            },
        )
        .await;
    assert_eq!(refused(bot), "nomination-error-bot");
    let draft = w.draft(FRANK, GRACE, Office::Maintainer).await.unwrap();
    let long = w
        .app
        .submit_nomination(
            &actor(FRANK, &[GovRole::Maintainer]),
            draft,
            &"s".repeat(2001),
            "links",
            |_| BallotTexts {
                title: "t".into(),
                description: String::new(),
            },
        )
        .await;
    assert_eq!(refused(long), "nomination-error-statement-too-long");
    let blank = w
        .app
        .submit_nomination(
            &actor(FRANK, &[GovRole::Maintainer]),
            draft,
            "\u{200B}",
            "links",
            |_| BallotTexts {
                title: "t".into(),
                description: String::new(),
            },
        )
        .await;
    assert_eq!(refused(blank), "nomination-error-statement-empty");
    // Someone else's draft is not theirs to submit.
    assert_eq!(
        refused(w.submit(ALICE, draft).await),
        "nomination-error-not-found"
    );
    assert_eq!(
        w.count("SELECT COUNT(*) FROM nominations WHERE state <> 'draft'")
            .await,
        0
    );
    assert!(w.pass().await.is_empty(), "nothing was sent");
}

#[tokio::test]
async fn without_a_private_tsc_channel_nobody_is_nominated() {
    let w = World::with_tsc_channel(FakeDiscord::default(), None).await;
    assert_eq!(
        refused(w.draft(FRANK, GRACE, Office::Maintainer).await),
        "nomination-error-no-private-channel"
    );
}

#[tokio::test]
async fn only_the_nominee_answers_and_only_in_time() {
    let w = World::new(FakeDiscord::default()).await;
    let n = w.nominated().await;
    assert_eq!(
        refused(w.app.answer_nomination(HEIDI, n.id, true).await),
        "nomination-error-not-nominee"
    );
    assert_eq!(
        refused(w.app.answer_nomination(GRACE, n.id + 100, true).await),
        "nomination-error-not-found"
    );
    // Silence until the deadline ends it privately; a late answer is refused.
    let sent = w.advance(Duration::days(7)).await;
    let n = w.app.nomination(n.id).await.unwrap();
    assert_eq!(n.state, State::Expired);
    assert_eq!(n.statement, None);
    assert!(sent.contains(&Notice::NominationNominatorNote {
        nomination_id: n.id,
        note: Note::Expired
    }));
    assert!(sent.contains(&Notice::NominationTscNote {
        nomination_id: n.id,
        note: Note::Expired
    }));
    assert_eq!(
        refused(w.app.answer_nomination(GRACE, n.id, true).await),
        "nomination-error-closed"
    );
    // Missing the DM starts no wait.
    assert!(w.draft(FRANK, GRACE, Office::Maintainer).await.is_ok());
}

#[tokio::test]
async fn a_decline_tells_the_nominator_and_the_tsc_and_nothing_public() {
    let w = World::new(FakeDiscord::default()).await;
    let n = w.nominated().await;
    let declined = w.app.answer_nomination(GRACE, n.id, false).await.unwrap();
    assert_eq!(declined.state, State::Declined);
    let sent = w.pass().await;
    assert_eq!(
        sent,
        vec![
            Notice::NominationNominatorNote {
                nomination_id: n.id,
                note: Note::Declined
            },
            Notice::NominationTscNote {
                nomination_id: n.id,
                note: Note::Declined
            },
        ]
    );
    assert_eq!(
        refused(w.app.answer_nomination(GRACE, n.id, true).await),
        "nomination-error-closed"
    );
}

#[tokio::test]
async fn closed_dms_tell_the_tsc_and_the_nominee_can_answer_in_the_server() {
    let w = World::new(FakeDiscord::default()).await;
    let draft = w.draft(FRANK, GRACE, Office::Maintainer).await.unwrap();
    let n = w.submit(FRANK, draft).await.unwrap();
    // Discord refuses the DM for good, as it does for closed DMs.
    let closed =
        DeliveryError::Rejected("HTTP 403 (50007): Cannot send messages to this user".into());
    let refusing = FakeDiscord::failing([closed]);
    w.app.deliver_outbox(&refusing).await.unwrap();
    assert!(refusing.delivered().is_empty());
    let sent = w.pass().await;
    assert!(sent.contains(&Notice::NominationTscNote {
        nomination_id: n.id,
        note: Note::DmClosed
    }));
    assert!(sent.contains(&Notice::NominationNominatorNote {
        nomination_id: n.id,
        note: Note::DmClosed
    }));
    let waiting = w.app.awaiting_answer(GUILD, GRACE).await.unwrap();
    assert_eq!(waiting.id, n.id);
    assert!(waiting.dm_failed_at.is_some());
    assert_eq!(
        refused(w.app.awaiting_answer(GUILD, HEIDI).await),
        "nomination-error-nothing-to-answer"
    );
    let accepted = w.app.answer_nomination(GRACE, n.id, true).await.unwrap();
    assert_eq!(accepted.state, State::Accepted);
}

#[tokio::test]
async fn a_nominee_who_leaves_ends_the_nomination_and_its_ballot() {
    let w = World::new(FakeDiscord::default()).await;
    let (n, ballot_id) = w.voting().await;
    w.app.member_left(GUILD, GRACE).await.unwrap();
    let n = w.app.nomination(n.id).await.unwrap();
    assert_eq!(n.state, State::Left);
    let ballot = w.app.ballot_view(ballot_id).await.unwrap().ballot;
    assert!(!ballot.open, "the ballot is withdrawn");
    // Its votes were unlinked from the voters: their old pages leave the WAL file next.
    let truncation =
        "SELECT COUNT(*) FROM jobs WHERE dedupe_key = 'wal:truncate' AND done_at IS NULL";
    assert_eq!(w.count(truncation).await, 1);
    let sent = w.pass().await;
    assert_eq!(w.count(truncation).await, 0);
    assert!(sent.contains(&Notice::NominationTscNote {
        nomination_id: n.id,
        note: Note::Left
    }));
    assert!(
        !sent
            .iter()
            .any(|s| matches!(s, Notice::NominationOutcome { .. }))
    );
    // The closing job finds nothing left to decide.
    w.advance(Duration::days(7)).await;
    assert_eq!(w.app.nomination(n.id).await.unwrap().state, State::Left);
}

#[tokio::test]
async fn a_nominee_gone_while_the_bot_was_away_is_noticed_at_the_resync() {
    let w = World::new(FakeDiscord::default()).await;
    let n = w.nominated().await;
    let present: Vec<DiscordMember> = TSC
        .iter()
        .map(|id| member(*id, "tsc", &[TSC_ROLE]))
        .chain([member(FRANK, "frank", &[MAINTAINER_ROLE])])
        .collect();
    w.app.sync_roster(GUILD, &present).await.unwrap();
    assert_eq!(w.app.nomination(n.id).await.unwrap().state, State::Left);
}

#[tokio::test]
async fn a_tsc_seat_is_filled_by_a_tsc_nomination_of_a_maintainer() {
    let w = World::new(FakeDiscord::default()).await;
    let draft = w.draft(ALICE, FRANK, Office::Tsc).await.unwrap();
    let n = w.submit(ALICE, draft).await.unwrap();
    w.pass().await;
    w.app.answer_nomination(FRANK, n.id, true).await.unwrap();
    w.app.record_nomination_place(n.id, THREAD).await.unwrap();
    w.pass().await;
    let ballot = w.app.nomination(n.id).await.unwrap().ballot_id.unwrap();
    for voter in TSC {
        w.app
            .cast_vote(&tsc(voter), ballot, Choice::Yes, None)
            .await
            .unwrap();
    }
    let sent = w.advance(Duration::days(7)).await;
    assert!(sent.iter().any(|s| matches!(
        s,
        Notice::RoleChange {
            member_id: FRANK,
            role_id: TSC_ROLE,
            add: true,
            ..
        }
    )));
    let roster = w.app.roster(GUILD).await.unwrap();
    assert!(roster.tsc.iter().any(|e| e.member_id == FRANK));
    assert!(
        roster.maintainers.iter().any(|e| e.member_id == FRANK),
        "a TSC member stays a maintainer"
    );
}

#[tokio::test]
async fn the_tsc_lists_open_nominations_and_no_one_else_does() {
    let w = World::new(FakeDiscord::default()).await;
    let n = w.nominated().await;
    let open = w.app.open_nominations(&tsc(BOB)).await.unwrap();
    assert_eq!(open.iter().map(|o| o.id).collect::<Vec<_>>(), vec![n.id]);
    assert_eq!(
        refused(
            w.app
                .open_nominations(&actor(FRANK, &[GovRole::Maintainer]))
                .await
        ),
        "error-needs-tsc"
    );
}

#[tokio::test]
async fn the_database_itself_holds_one_open_nomination_per_member() {
    use steward::store::nomination::{self as repo, NewDraft};
    let w = World::new(FakeDiscord::default()).await;
    // A write transaction that is never committed: nothing here stays.
    let mut conn = w.app.write_tx().await.unwrap();
    let now = w.clock_now();
    let mut ids = Vec::new();
    for nominator in [FRANK, ALICE] {
        let draft = NewDraft {
            guild_id: GUILD,
            nominee_id: GRACE,
            nominator_id: nominator,
            office: Office::Maintainer,
            nominee_username: "grace",
            nominee_name: "Grace",
            area: None,
        };
        ids.push(repo::insert_draft(&mut conn, &draft, now).await.unwrap());
    }
    // Past every check in `app`, the unique index still lets only one open.
    let opened = [
        steward::store::nomination_history::set_state(
            &mut conn,
            ids[0],
            State::Draft,
            State::AwaitingConsent,
            now,
        )
        .await
        .unwrap(),
        steward::store::nomination_history::set_state(
            &mut conn,
            ids[1],
            State::Draft,
            State::AwaitingConsent,
            now,
        )
        .await
        .unwrap(),
    ];
    assert_eq!(opened, [true, false]);
    let history = steward::store::nomination_history::history(&mut conn, ids[0])
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        steward::store::nomination_history::history(&mut conn, ids[1])
            .await
            .unwrap(),
        vec![]
    );
}
