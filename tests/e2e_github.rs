//! GitHub identities and activity end to end: the real bot against the Discord simulator and a
//! GitHub API simulator, both on 127.0.0.1. Time moves through the injected clock.

mod support;

use chrono::{DateTime, Duration, Months, Utc};
use github_sim::GithubSim;
use serde_json::json;
use steward::clock::Clock;
use steward::github::GithubSettings;
use support::bot::{Harness, ballot_id};
use support::sim::Fixture;

const TOKEN: &str = "t0ken";
const CORE: &str = "wasm-sandbox/core";

/// The bot reading `gh` with a token, the server set up with the organisation `wasm-sandbox`.
async fn started(fx: Fixture, gh: &GithubSim) -> Harness {
    gh.require_token(TOKEN);
    gh.add_org("wasm-sandbox");
    gh.add_repo(CORE);
    for login in ["erin-gh", "bob-gh", "frank-gh"] {
        gh.add_user(login);
    }
    let api_url = gh.api_url();
    let h = Harness::start_configured(fx, |s| {
        s.github = GithubSettings {
            api_url,
            token: Some(TOKEN.into()),
        }
    })
    .await;
    let clock = h.clock.clone();
    gh.use_clock(move || clock.now());
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(
            fx.alice,
            "govern setup",
            json!({
                "tsc": fx.tsc_role,
                "announcements": fx.announcements,
                "maintainers": fx.maintainers_role,
                "security": fx.security_role,
                "emeritus": fx.emeritus_role,
                "tsc-channel": fx.tsc_private,
                "wg-category": fx.governance_category,
                "github": "wasm-sandbox",
            }),
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("GitHub: wasm-sandbox"), "{}", r.text());
    // The roster is read again in the background after set-up.
    wait_scalar(&h, "SELECT COUNT(*) >= 5 FROM roster_roles", 1).await;
    wait_scalar(
        &h,
        "SELECT COUNT(*) FROM jobs WHERE dedupe_key LIKE 'succession:%' AND done_at IS NOT NULL",
        1,
    )
    .await;
    h
}

async fn scalar(h: &Harness, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(h.bot().app().db())
        .await
        .unwrap()
}

async fn wait_scalar(h: &Harness, sql: &str, want: i64) {
    for _ in 0..3000 {
        if scalar(h, sql).await == want {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("{sql} never answered {want} (got {})", scalar(h, sql).await);
}

/// Moves the clock to `at` and waits for that day's succession pass and GitHub read to be done
/// and delivered. The loops are settled first: the checks below alone could pass while the
/// day's read still ran (a claimed job's due time is its lease's end, and a link's own read job
/// finishing under the moved clock counts as a GitHub job done that day).
async fn at(h: &Harness, at: DateTime<Utc>) {
    h.clock.set(at);
    h.settle().await;
    for kind in ["succession", "github"] {
        let sql = format!(
            "SELECT COUNT(*) >= 1 FROM jobs WHERE dedupe_key LIKE '{kind}:%' AND done_at >= {}",
            at.timestamp_millis()
        );
        wait_scalar(h, &sql, 1).await;
    }
    wait_scalar(h, "SELECT COUNT(*) FROM jobs WHERE done_at IS NULL AND due_at <= (SELECT MAX(done_at) FROM jobs)", 0).await;
    wait_scalar(
        h,
        "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL",
        0,
    )
    .await;
}

async fn link(h: &Harness, by: u64, login: &str, member: Option<u64>) -> String {
    let mut options = json!({ "username": login });
    if let Some(member) = member {
        options["member"] = json!(member);
    }
    let r = h.sim.slash(by, "roster github", options).await;
    assert!(r.is_ephemeral(), "{}", r.text());
    r.text()
}

#[tokio::test]
async fn a_maintainer_reviewing_weekly_is_never_contacted_and_one_silent_on_both_is() {
    let gh = GithubSim::start().await;
    let h = started(Fixture::standard(), &gh).await;
    let fx = h.sim.fx().clone();
    h.sim.add_role(fx.frank, fx.maintainers_role);
    wait_scalar(
        &h,
        "SELECT COUNT(*) FROM roster_roles WHERE gov_role = 'maintainer'",
        2,
    )
    .await;
    assert!(
        link(&h, fx.erin, "erin-gh", None)
            .await
            .contains("`erin-gh`")
    );
    assert!(
        link(&h, fx.frank, "frank-gh", None)
            .await
            .contains("`frank-gh`")
    );
    let start = h.clock.now();
    // Four months a week at a time: erin reviews a pull request each week and never writes on
    // Discord; frank does nothing anywhere; alice, bob and carol run a command each week.
    for week in 1..=18 {
        let now = start + Duration::weeks(week);
        gh.push_event(
            "erin-gh",
            "PullRequestReviewEvent",
            CORE,
            now - Duration::hours(2),
        );
        at(&h, now).await;
        for who in [fx.alice, fx.bob, fx.carol] {
            h.sim.slash(who, "roster show", json!({})).await;
        }
    }
    assert!(
        start.checked_add_months(Months::new(4)).unwrap() <= h.clock.now(),
        "four months passed"
    );
    let asked = |who: u64| !h.sim.dm_messages(who).is_empty();
    assert!(!asked(fx.erin), "erin works on GitHub: never contacted");
    assert!(asked(fx.frank), "frank is silent on both: contacted");
    let r = h.sim.slash(fx.alice, "roster show", json!({})).await;
    let text = r.text();
    let erin = text
        .lines()
        .find(|l| l.contains(&format!("<@{}>", fx.erin)))
        .unwrap_or_default();
    assert!(erin.contains("(GitHub: erin-gh)"), "{text}");
    assert!(erin.contains("on GitHub"), "{text}");
    let alice = text
        .lines()
        .find(|l| l.contains(&format!("<@{}>", fx.alice)))
        .unwrap_or_default();
    assert!(alice.contains("on Discord"), "{text}");
    assert!(r.message().pinged_users().is_empty());
}

#[tokio::test]
async fn a_rate_limited_read_is_resumed_after_the_reset() {
    let gh = GithubSim::start().await;
    let h = started(Fixture::standard(), &gh).await;
    let fx = h.sim.fx().clone();
    link(&h, fx.erin, "erin-gh", None).await;
    link(&h, fx.alice, "bob-gh", Some(fx.bob)).await;
    wait_scalar(
        &h,
        "SELECT COUNT(*) FROM github_links WHERE checked_at IS NOT NULL",
        2,
    )
    .await;
    // The links' own read jobs are done before the clock moves (one may have nothing left to
    // read, and would otherwise finish under tomorrow's clock).
    h.settle().await;
    // Tomorrow's read meets a budget with one request left, reset 30 minutes later.
    let tomorrow = h.clock.now() + Duration::days(1);
    let reset = tomorrow + Duration::minutes(30);
    // Members are read in order: bob, then erin, whom the spent budget leaves for later.
    gh.push_event("erin-gh", "PushEvent", CORE, tomorrow - Duration::hours(1));
    gh.set_rate_limit(5000, 1, reset);
    at(&h, tomorrow).await;
    let reads = || {
        gh.requests()
            .iter()
            .filter(|r| r.contains("/events/public"))
            .count()
    };
    assert_eq!(
        reads(),
        3,
        "two reads yesterday, one today before the budget ran out"
    );
    let erin = "SELECT COUNT(*) FROM github_links WHERE login = 'erin-gh' AND last_activity_at IS NOT NULL";
    assert_eq!(scalar(&h, erin).await, 0, "erin was not read yet");
    h.clock.set(reset - Duration::minutes(1));
    h.settle().await;
    assert_eq!(reads(), 3, "nothing asked before the reset");
    h.clock.set(reset);
    h.settle().await;
    assert_eq!(scalar(&h, erin).await, 1, "erin read at the reset");
    assert_eq!(reads(), 4);
}

#[tokio::test]
async fn the_export_uses_github_logins_in_the_documents_format() {
    let gh = GithubSim::start().await;
    let mut fx = Fixture::standard();
    let grace = fx.add_member("grace", &[fx.emeritus_role]);
    let h = started(fx, &gh).await;
    let fx = h.sim.fx().clone();
    h.sim.add_role(fx.frank, fx.security_role);
    wait_scalar(
        &h,
        "SELECT COUNT(*) FROM roster_roles WHERE gov_role = 'security_team'",
        1,
    )
    .await;
    link(&h, fx.erin, "erin-gh", None).await;
    link(&h, fx.alice, "bob-gh", Some(fx.bob)).await;
    link(&h, fx.frank, "frank-gh", None).await;
    h.sim
        .slash(fx.erin, "roster set-area", json!({"area": "Runtime"}))
        .await;
    // A working group, chartered by the TSC.
    let r = h
        .sim
        .slash(
            fx.erin,
            "wg create",
            json!({"name": "WASI Preview 2", "focus": "WASI", "chair": fx.erin}),
        )
        .await;
    let modal = r.modal().custom_id.clone();
    let charter = [
        ("scope", "Design WASI preview 2 support"),
        ("deliverables", "An RFC and a prototype"),
        ("timeline", "Six months"),
        ("resources", "CI minutes on arm64"),
        ("reporting", "A report every four weeks"),
    ];
    h.sim
        .submit_modal(fx.erin, fx.general, &modal, &charter)
        .await;
    let ballot = h
        .sim
        .wait_for_message(fx.general, |m| m.embed_text().contains("WASI Preview 2"))
        .await;
    let id = ballot_id(&ballot);
    for user in [fx.alice, fx.bob, fx.carol] {
        h.sim
            .click(user, &ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
    }
    h.advance(Duration::days(7));
    h.sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("New working group")
        })
        .await;

    let r = h.sim.slash(fx.frank, "roster export", json!({})).await;
    assert!(r.is_ephemeral());
    let content = r.content();
    let body = content
        .strip_prefix("```markdown\n")
        .and_then(|c| c.strip_suffix("\n```"))
        .unwrap_or_else(|| panic!("not a markdown block: {content}"));
    let expected = include_str!("fixtures/roster_export_github.md");
    assert_eq!(body, expected.trim_end());
    assert!(r.message().pinged_users().is_empty());
    assert!(!body.contains(&grace.to_string()));
}

#[tokio::test]
async fn bad_logins_and_repositories_get_a_clear_answer_and_change_nothing() {
    let gh = GithubSim::start().await;
    let h = started(Fixture::standard(), &gh).await;
    let fx = h.sim.fx().clone();
    let links = "SELECT COUNT(*) FROM github_links";
    let text = link(&h, fx.erin, "ghost", None).await;
    assert!(text.contains("GitHub has no user `ghost`"), "{text}");
    let text = link(&h, fx.erin, "-bad-", None).await;
    assert!(text.contains("not a GitHub username"), "{text}");
    let text = link(&h, fx.frank, "frank-gh", Some(fx.erin)).await;
    assert!(text.contains("only a TSC member"), "{text}");
    assert_eq!(scalar(&h, links).await, 0);
    link(&h, fx.erin, "erin-gh", None).await;
    let text = link(&h, fx.frank, "Erin-GH", None).await;
    assert!(text.contains("already linked to another member"), "{text}");
    assert_eq!(scalar(&h, links).await, 1);

    let setup = |github: &str| {
        json!({
            "tsc": fx.tsc_role,
            "announcements": fx.announcements,
            "tsc-channel": fx.tsc_private,
            "github": github,
        })
    };
    let r = h
        .sim
        .slash(
            fx.alice,
            "govern setup",
            setup("wasm-sandbox/core, someone/fork"),
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(
        r.text()
            .contains("`someone/fork` is outside the project's organisation"),
        "{}",
        r.text()
    );
    let r = h
        .sim
        .slash(fx.alice, "govern setup", setup("wasm-sandbox/missing"))
        .await;
    assert!(
        r.text()
            .contains("no organisation or repository `wasm-sandbox/missing`"),
        "{}",
        r.text()
    );
    // Nothing changed: the maintainer role is still mapped, the organisation still read.
    let r = h.sim.slash(fx.alice, "govern show", json!({})).await;
    assert!(r.text().contains("GitHub: wasm-sandbox"), "{}", r.text());
    assert!(
        r.text().contains(&format!("<@&{}>", fx.maintainers_role)),
        "{}",
        r.text()
    );
}
