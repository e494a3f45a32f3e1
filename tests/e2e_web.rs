//! The transparency page through the real bot: a TSC member publishes it with `/govern web
//! enable` in Discord, anyone reads it over HTTP, `/govern web disable` withdraws it; a member
//! outside the TSC can do neither.

mod support;

use serde_json::json;
use support::bot::Harness;
use support::sim::Fixture;

/// GET `path` on the page's address: the status and the body.
async fn get(h: &Harness, path: &str) -> (u16, String) {
    let addr = h.bot().web_addr().expect("the page is served");
    let response = reqwest::get(format!("http://{addr}{path}")).await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

async fn start() -> Harness {
    let h = Harness::start_configured(Fixture::standard(), |s| {
        s.web_addr = Some("127.0.0.1:0".parse().unwrap());
    })
    .await;
    h.setup().await;
    h
}

#[tokio::test]
async fn the_tsc_publishes_the_page_and_withdraws_it() {
    let h = start().await;
    let fx = h.sim.fx().clone();
    // Not published yet: nothing under the slug.
    assert_eq!(get(&h, "/wasm-sandbox/leadership").await.0, 404);

    let r = h
        .sim
        .slash(fx.bob, "govern web enable", json!({"slug": "wasm-sandbox"}))
        .await;
    assert!(r.is_ephemeral());
    assert!(
        r.text()
            .contains("The transparency page is published under `wasm-sandbox`"),
        "{}",
        r.text()
    );
    let (status, body) = get(&h, "/wasm-sandbox/leadership").await;
    assert_eq!(status, 200);
    for tsc in ["alice", "bob", "carol", "dave"] {
        assert!(body.to_lowercase().contains(tsc), "{tsc} missing: {body}");
    }
    // The publication is a decision of the log, on the page itself.
    let (_, decisions) = get(&h, "/wasm-sandbox/decisions").await;
    assert!(decisions.contains("wasm-sandbox"), "{decisions}");

    let r = h.sim.slash(fx.bob, "govern web disable", json!({})).await;
    assert!(r.is_ephemeral());
    assert_eq!(get(&h, "/wasm-sandbox/leadership").await.0, 404);
    assert_eq!(get(&h, "/api/wasm-sandbox/decisions").await.0, 404);
}

#[tokio::test]
async fn a_member_outside_the_tsc_cannot_publish_or_withdraw_it() {
    let h = start().await;
    let fx = h.sim.fx().clone();
    // erin is a maintainer, frank holds no role.
    for member in [fx.erin, fx.frank] {
        let r = h
            .sim
            .slash(member, "govern web enable", json!({"slug": "sneaky"}))
            .await;
        assert!(r.is_ephemeral());
        assert_eq!(r.text(), "Only members of the TSC can do that.");
    }
    assert_eq!(get(&h, "/sneaky/leadership").await.0, 404);

    h.sim
        .slash(
            fx.alice,
            "govern web enable",
            json!({"slug": "wasm-sandbox"}),
        )
        .await;
    assert_eq!(get(&h, "/wasm-sandbox/leadership").await.0, 200);
    let r = h.sim.slash(fx.frank, "govern web disable", json!({})).await;
    assert!(r.is_ephemeral());
    assert_eq!(r.text(), "Only members of the TSC can do that.");
    // Still published.
    assert_eq!(get(&h, "/wasm-sandbox/leadership").await.0, 200);
}
