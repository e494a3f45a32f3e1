//! The simulator answers as GitHub does: accounts, repositories, paginated events, rate-limit
//! headers, a spent budget refilled at its reset (by the injected clock), secondary limits and
//! injected failures.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, TimeZone, Utc};
use github_sim::GithubSim;

async fn get(sim: &GithubSim, path: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(format!("{}{path}", sim.api_url()))
        .header("user-agent", "selftest")
        .header("authorization", "Bearer t0ken")
        .send()
        .await
        .unwrap()
}

fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn accounts_repositories_and_events() {
    let sim = GithubSim::start().await;
    sim.add_user("Octocat");
    sim.add_org("wasm-sandbox");
    sim.add_repo("wasm-sandbox/core");
    let at = |d: u32| Utc.with_ymd_and_hms(2026, 5, d, 9, 0, 0).unwrap();
    for d in 1..=5 {
        sim.push_event("octocat", "PushEvent", "wasm-sandbox/core", at(d));
    }
    let user: serde_json::Value = get(&sim, "/users/octocat").await.json().await.unwrap();
    assert_eq!(user["login"], "Octocat");
    assert_eq!(user["type"], "User");
    let org: serde_json::Value = get(&sim, "/users/wasm-sandbox").await.json().await.unwrap();
    assert_eq!(org["type"], "Organization");
    assert_eq!(get(&sim, "/users/nobody").await.status(), 404);
    assert_eq!(get(&sim, "/repos/wasm-sandbox/core").await.status(), 200);
    assert_eq!(get(&sim, "/repos/wasm-sandbox/none").await.status(), 404);
    let page: Vec<serde_json::Value> = get(&sim, "/users/octocat/events/public?per_page=2&page=1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!(
        page[0]["created_at"], "2026-05-05T09:00:00Z",
        "newest first"
    );
    let last: Vec<serde_json::Value> = get(&sim, "/users/octocat/events/public?per_page=2&page=3")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(last.len(), 1);
    assert_eq!(sim.requests().len(), 7);
    assert!(sim.all_authorized("t0ken"));
}

#[tokio::test]
async fn a_spent_budget_is_refused_until_its_reset() {
    let sim = GithubSim::start().await;
    sim.add_user("octocat");
    let now: Arc<Mutex<DateTime<Utc>>> = Arc::new(Mutex::new(
        Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap(),
    ));
    let clock = now.clone();
    sim.use_clock(move || *clock.lock().unwrap());
    let reset = *now.lock().unwrap() + Duration::minutes(30);
    sim.set_rate_limit(60, 1, reset);
    let ok = get(&sim, "/users/octocat").await;
    assert_eq!(ok.status(), 200);
    assert_eq!(header(&ok, "x-ratelimit-remaining"), "0");
    assert_eq!(
        header(&ok, "x-ratelimit-reset"),
        reset.timestamp().to_string()
    );
    let refused = get(&sim, "/users/octocat").await;
    assert_eq!(refused.status(), 403);
    assert_eq!(header(&refused, "x-ratelimit-remaining"), "0");
    *now.lock().unwrap() = reset;
    let again = get(&sim, "/users/octocat").await;
    assert_eq!(again.status(), 200);
    assert_eq!(header(&again, "x-ratelimit-remaining"), "59");
}

#[tokio::test]
async fn secondary_limits_failures_agents_and_tokens() {
    let sim = GithubSim::start().await;
    sim.add_user("octocat");
    sim.secondary_limit_next(60);
    let limited = get(&sim, "/users/octocat").await;
    assert_eq!(limited.status(), 403);
    assert_eq!(header(&limited, "retry-after"), "60");
    sim.fail("/users/octocat/events", 502, Some(1));
    assert_eq!(
        get(&sim, "/users/octocat/events/public").await.status(),
        502
    );
    assert_eq!(
        get(&sim, "/users/octocat/events/public").await.status(),
        200
    );
    sim.fail("/users", 500, None);
    assert_eq!(get(&sim, "/users/octocat").await.status(), 500);
    sim.clear_failures();
    assert_eq!(get(&sim, "/users/octocat").await.status(), 200);
    let anonymous = reqwest::Client::new()
        .get(format!("{}/users/octocat", sim.api_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 403, "GitHub requires a User-Agent");
    sim.require_token("other");
    assert_eq!(get(&sim, "/users/octocat").await.status(), 401);
}
