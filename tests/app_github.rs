//! `app` + `store` on a real SQLite file with the manual clock, reading a GitHub API simulator
//! on 127.0.0.1: linking logins, naming the project's organisation, the daily read of activity
//! and what succession planning makes of it.

mod app_support;

use std::ops::Deref;

use app_support::*;
use chrono::{DateTime, Duration, Months, Utc};
use github_sim::GithubSim;
use steward::app::AppError;
use steward::app::github::sources::SourcesChange;
use steward::app::guild::setup::Setup;
use steward::app::outbox::Notice;
use steward::app::succession::roster::DiscordMember;
use steward::github::{GithubClient, GithubSettings};
use steward::governance::activity::{LastActivity, Source};
use steward::governance::roles::GovRole;

const TOKEN: &str = "t0ken";
const ORG: &str = "wasm-sandbox";
const CORE: &str = "wasm-sandbox/core";

fn months(n: u32) -> DateTime<Utc> {
    start_time().checked_add_months(Months::new(n)).unwrap()
}

fn member(id: u64, name: &str, role: u64) -> DiscordMember {
    DiscordMember {
        member_id: id,
        username: name.into(),
        display_name: name.to_uppercase(),
        role_ids: vec![role],
        bot: false,
    }
}

/// alice, bob, carol and dave are the TSC (busy on Discord); erin and frank are maintainers,
/// with GitHub accounts `erin-gh` and `frank-gh`.
struct World {
    world: app_support::World,
    gh: GithubSim,
    discord: FakeDiscord,
}

impl Deref for World {
    type Target = app_support::World;
    fn deref(&self) -> &Self::Target {
        &self.world
    }
}

impl World {
    async fn new() -> Self {
        let mut world = app_support::World::with_setup(Setup {
            roles: vec![
                (GovRole::Tsc, TSC_ROLE),
                (GovRole::Maintainer, MAINTAINER_ROLE),
            ],
            announce_channel_id: ANNOUNCE,
            tsc_channel_id: Some(TSC_CHANNEL),
            wg_category_id: None,
            channels: vec![],
            locale: "en-US".into(),
        })
        .await;
        let gh = GithubSim::start().await;
        let clock = world.clock.clone();
        gh.use_clock(move || steward::clock::Clock::now(clock.as_ref()));
        gh.require_token(TOKEN);
        gh.add_org(ORG);
        gh.add_repo(CORE);
        for login in ["erin-gh", "frank-gh", "someone"] {
            gh.add_user(login);
        }
        let settings = GithubSettings {
            api_url: gh.api_url(),
            token: Some(TOKEN.into()),
        };
        world.app = world.app.clone().with_github(GithubClient::new(&settings));
        let members = [
            member(ALICE, "alice", TSC_ROLE),
            member(BOB, "bob", TSC_ROLE),
            member(CAROL, "carol", TSC_ROLE),
            member(DAVE, "dave", TSC_ROLE),
            member(ERIN, "erin", MAINTAINER_ROLE),
            member(FRANK, "frank", MAINTAINER_ROLE),
        ];
        world.app.sync_roster(GUILD, &members).await.unwrap();
        Self {
            world,
            gh,
            discord: FakeDiscord::default(),
        }
    }

    /// Links both maintainers' logins and names the organisation.
    async fn linked() -> Self {
        let w = Self::new().await;
        w.link(ERIN, ERIN, "erin-gh").await.unwrap();
        w.link(FRANK, FRANK, "frank-gh").await.unwrap();
        w.set_sources(ORG).await.unwrap();
        w
    }

    async fn link(&self, by: u64, member: u64, login: &str) -> Result<String, AppError> {
        let role = if TSC.contains(&by) {
            GovRole::Tsc
        } else {
            GovRole::Maintainer
        };
        self.app
            .link_github(&actor(by, &[role]), member, login)
            .await
    }

    async fn set_sources(&self, text: &str) -> Result<(), AppError> {
        let change = self.app.check_github_sources(&admin(), text).await?;
        self.app.save_github_sources(&admin(), &change).await
    }

    async fn pass(&self) -> Vec<Notice> {
        self.app.run_due_jobs().await.unwrap();
        self.app.deliver_outbox(&self.discord).await.unwrap();
        self.discord.take()
    }

    /// Moves the clock a day at a time to `to`, the TSC chatting weekly on Discord and `each`
    /// run every day before the pass; returns every notice delivered.
    async fn days_until(&self, to: DateTime<Utc>, each: impl Fn(DateTime<Utc>)) -> Vec<Notice> {
        let mut sent = Vec::new();
        let mut now = self.clock_now();
        while now < to {
            now = (now + Duration::days(1)).min(to);
            self.clock.set(now);
            each(now);
            if (now - start_time()).num_days() % 7 == 0 {
                for who in [ALICE, BOB, CAROL, DAVE] {
                    self.app.record_activity(GUILD, who, now).await.unwrap();
                }
            }
            sent.extend(self.pass().await);
        }
        sent
    }

    async fn activity(&self, member: u64) -> LastActivity {
        self.app.roster(GUILD).await.unwrap().activity[&member]
    }

    async fn github_activity(&self, member: u64) -> Option<i64> {
        sqlx::query_scalar("SELECT last_activity_at FROM github_links WHERE member_id = ?")
            .bind(member as i64)
            .fetch_one(self.app.db())
            .await
            .unwrap()
    }
}

fn contacted(notices: &[Notice]) -> Vec<u64> {
    notices
        .iter()
        .filter_map(|n| match n {
            Notice::InactivityContact { member_id, .. } => Some(*member_id),
            _ => None,
        })
        .collect()
}

fn error_id(result: Result<impl std::fmt::Debug, AppError>) -> &'static str {
    result.unwrap_err().user().expect("a member's error").id
}

#[tokio::test]
async fn reviewing_on_github_weekly_is_never_contacted_and_silent_on_both_is() {
    let w = World::linked().await;
    // erin reviews a pull request every week and never writes on Discord; frank does nothing.
    let gh = &w.gh;
    let sent = w
        .days_until(months(7), |now| {
            if (now - start_time()).num_days() % 7 == 3 {
                gh.push_event("erin-gh", "PullRequestReviewEvent", CORE, now);
            }
        })
        .await;
    assert_eq!(contacted(&sent), vec![FRANK], "frank once, erin never");
    let reviews = sent
        .iter()
        .filter(|n| matches!(n, Notice::BallotPosted { .. }))
        .count();
    assert_eq!(
        reviews, 1,
        "frank's status is reviewed at 6 months; erin's is not"
    );
    match w.activity(ERIN).await {
        LastActivity::Known(Some((at, Source::Github))) => {
            assert!(w.clock_now() - at < Duration::days(8), "{at}")
        }
        other => panic!("erin: {other:?}"),
    }
    assert_eq!(w.activity(FRANK).await, LastActivity::Known(None));
    assert!(matches!(
        w.activity(ALICE).await,
        LastActivity::Known(Some((_, Source::Discord)))
    ));
    // One read a day per member, all with the token; never a request for anything but events
    // and the accounts checked when linking.
    assert!(w.gh.all_authorized(TOKEN));
    assert!(
        w.gh.requests()
            .iter()
            .all(|r| r.starts_with("/users/") || r == &format!("/repos/{CORE}")),
        "{:?}",
        w.gh.requests()
    );
}

#[tokio::test]
async fn a_rate_limited_poll_resumes_after_the_reset() {
    let w = World::new().await;
    w.link(ERIN, ERIN, "erin-gh").await.unwrap();
    w.link(FRANK, FRANK, "frank-gh").await.unwrap();
    let now = w.clock_now();
    w.gh.push_event("erin-gh", "PushEvent", CORE, now - Duration::hours(5));
    w.gh.push_event(
        "frank-gh",
        "IssueCommentEvent",
        CORE,
        now - Duration::hours(3),
    );
    let reset = now + Duration::minutes(40);
    // One request left before the reset: the organisation's check spends it... so two.
    w.gh.set_rate_limit(60, 2, reset);
    w.set_sources(ORG).await.unwrap();
    w.pass().await;
    let events = |login: &str| {
        w.gh.requests()
            .iter()
            .filter(|r| r.starts_with(&format!("/users/{login}/events")))
            .count()
    };
    assert_eq!(events("erin-gh"), 1);
    assert_eq!(events("frank-gh"), 0, "the spent budget is not asked again");
    assert!(w.github_activity(ERIN).await.is_some());
    assert_eq!(w.github_activity(FRANK).await, None);
    assert_eq!(w.activity(FRANK).await, LastActivity::AwaitingGithub);
    // A minute before the reset nothing is asked; at the reset the read resumes.
    w.clock.set(reset - Duration::minutes(1));
    w.pass().await;
    assert_eq!(events("frank-gh"), 0);
    w.clock.set(reset);
    w.pass().await;
    assert_eq!(events("frank-gh"), 1);
    assert_eq!(events("erin-gh"), 1, "erin was read today already");
    assert!(matches!(
        w.activity(FRANK).await,
        LastActivity::Known(Some((_, Source::Github)))
    ));
    // A secondary limit: resumed after Retry-After, not before.
    let tomorrow = now + Duration::days(1);
    w.clock.set(tomorrow);
    w.gh.secondary_limit_next(120);
    w.pass().await;
    assert_eq!(events("erin-gh"), 2, "asked, and refused");
    assert_eq!(events("frank-gh"), 1);
    w.clock.set(tomorrow + Duration::seconds(119));
    w.pass().await;
    assert_eq!(events("erin-gh"), 2);
    w.clock.set(tomorrow + Duration::seconds(120));
    w.pass().await;
    assert_eq!(events("erin-gh"), 3);
    assert_eq!(events("frank-gh"), 2);
}

#[tokio::test]
async fn failed_polls_change_nobodys_activity_and_tell_the_tsc_once_after_three_days() {
    let w = World::linked().await;
    let seen = w.clock_now() - Duration::hours(1);
    w.gh.push_event("erin-gh", "PushEvent", CORE, seen);
    w.pass().await;
    let recorded = w.github_activity(ERIN).await.unwrap();
    assert_eq!(recorded, seen.timestamp() * 1000);
    w.gh.fail("/users/", 502, None);
    let sent = w
        .days_until(w.clock_now() + Duration::days(2), |_| {})
        .await;
    assert!(
        sent.is_empty(),
        "two days of failed reads: nothing told yet"
    );
    let sent = w
        .days_until(w.clock_now() + Duration::days(1), |_| {})
        .await;
    let told: Vec<_> = sent
        .iter()
        .filter(|n| matches!(n, Notice::GithubPollFailing { .. }))
        .collect();
    assert_eq!(told.len(), 1, "told after 3 days: {sent:?}");
    let sent = w
        .days_until(w.clock_now() + Duration::days(5), |_| {})
        .await;
    assert!(sent.is_empty(), "told once: {sent:?}");
    assert_eq!(w.github_activity(ERIN).await, Some(recorded));
    assert_eq!(w.activity(ERIN).await, LastActivity::AwaitingGithub);
    // GitHub is back: the data is current again, and a later run of failures is told anew.
    w.gh.clear_failures();
    w.gh.push_event("erin-gh", "PushEvent", "someone/else", w.clock_now());
    w.days_until(w.clock_now() + Duration::days(1), |_| {})
        .await;
    assert_eq!(
        w.github_activity(ERIN).await,
        Some(recorded),
        "other repos do not count"
    );
    assert!(matches!(
        w.activity(ERIN).await,
        LastActivity::Known(Some((_, Source::Github)))
    ));
}

#[tokio::test]
async fn missing_github_data_postpones_steps_until_it_arrives() {
    let w = World::linked().await;
    w.gh.push_event(
        "erin-gh",
        "PushEvent",
        CORE,
        w.clock_now() - Duration::hours(1),
    );
    // From the second month, GitHub cannot be read: erin is not judged on missing data.
    let sent = w.days_until(months(2), |_| {}).await;
    assert_eq!(contacted(&sent), Vec::<u64>::new());
    w.gh.fail("/users/", 500, None);
    let sent = w.days_until(months(4), |_| {}).await;
    assert_eq!(
        contacted(&sent),
        Vec::<u64>::new(),
        "nobody judged on missing data"
    );
    // Once GitHub answers again, their real silence counts.
    w.gh.clear_failures();
    let sent = w.days_until(months(4) + Duration::days(2), |_| {}).await;
    let mut got = contacted(&sent);
    got.sort_unstable();
    assert_eq!(got, vec![ERIN, FRANK], "{sent:?}");
}

#[tokio::test]
async fn bad_logins_and_sources_are_refused_and_change_nothing() {
    let w = World::new().await;
    let links = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM github_links")
            .fetch_one(w.app.db())
            .await
            .unwrap()
    };
    assert_eq!(
        error_id(w.link(ERIN, ERIN, "bad_login").await),
        "github-error-login-invalid"
    );
    assert_eq!(
        error_id(w.link(ERIN, ERIN, "ghost").await),
        "github-error-login-unknown"
    );
    assert_eq!(
        error_id(w.link(ERIN, ERIN, ORG).await),
        "github-error-login-organisation"
    );
    assert_eq!(
        error_id(w.link(FRANK, ERIN, "erin-gh").await),
        "github-error-link-not-allowed"
    );
    assert_eq!(links().await, 0);
    // As GitHub spells it, whatever the member typed.
    assert_eq!(w.link(ERIN, ERIN, "@Erin-GH").await.unwrap(), "erin-gh");
    let asked = w.gh.requests().len();
    assert_eq!(
        error_id(w.link(FRANK, FRANK, "ERIN-gh").await),
        "github-error-login-taken"
    );
    assert_eq!(
        w.gh.requests().len(),
        asked,
        "refused without asking GitHub"
    );
    // The TSC links anyone; relinking erin's own login is no conflict.
    assert_eq!(w.link(ALICE, FRANK, "frank-gh").await.unwrap(), "frank-gh");
    assert_eq!(w.link(ERIN, ERIN, "erin-gh").await.unwrap(), "erin-gh");
    w.gh.fail("/users/", 503, Some(1));
    assert_eq!(
        error_id(w.link(ALICE, ALICE, "someone").await),
        "github-error-unavailable"
    );
    assert_eq!(links().await, 2);

    let refusals = [
        ("wasm-sandbox, someone/fork", "github-error-source-outside"),
        (
            "wasm-sandbox/core, other/core",
            "github-error-source-outside",
        ),
        ("wasm-sandbox/missing", "github-error-source-unknown"),
        ("ghost-org", "github-error-source-unknown"),
        ("wasm-sandbox other", "github-error-source-two-orgs"),
        ("wasm_sandbox", "github-error-source-invalid"),
        (" , ", "github-error-source-empty"),
    ];
    for (text, id) in refusals {
        let got = w.app.check_github_sources(&admin(), text).await;
        assert_eq!(error_id(got), id, "{text}");
    }
    assert_eq!(
        error_id(w.app.check_github_sources(&tsc(ALICE), ORG).await),
        "error-needs-manage-server"
    );
    assert_eq!(w.app.github_sources(GUILD).await.unwrap(), None);
    let change = w.app.check_github_sources(&admin(), CORE).await.unwrap();
    assert!(matches!(&change, SourcesChange::Set(s) if s.repos == [CORE]));
    w.app.save_github_sources(&admin(), &change).await.unwrap();
    assert_eq!(
        w.app.github_sources(GUILD).await.unwrap().map(|s| s.show()),
        Some(CORE.to_owned())
    );
    let roster = w.app.roster(GUILD).await.unwrap();
    assert_eq!(
        roster.github.get(&ERIN).map(String::as_str),
        Some("erin-gh")
    );
    assert_eq!(roster.github.get(&DAVE), None);
}

#[tokio::test]
async fn without_a_token_discord_alone_counts() {
    let mut w = World::linked().await;
    let settings = GithubSettings {
        api_url: w.gh.api_url(),
        token: None,
    };
    w.world.app = w.app.clone().with_github(GithubClient::new(&settings));
    let before = w.gh.requests().len();
    w.app
        .record_activity(GUILD, ERIN, w.clock_now())
        .await
        .unwrap();
    w.days_until(w.clock_now() + Duration::days(3), |_| {})
        .await;
    assert_eq!(
        w.gh.requests().len(),
        before,
        "nothing is read without a token"
    );
    assert!(matches!(
        w.activity(ERIN).await,
        LastActivity::Known(Some((_, Source::Discord)))
    ));
}
