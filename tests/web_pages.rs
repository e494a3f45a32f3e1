//! The transparency page over HTTP on 127.0.0.1, from a database seeded through the real use
//! cases: what each page and endpoint shows, that member text is escaped, that nothing private
//! ever appears, and which addresses answer 404.

mod app_support;
mod web_support;

use app_support::*;
use steward::governance::roles::GovRole;
use web_support::*;

/// Every page and endpoint of a published server.
const PAGES: &[&str] = &[
    "/wasm-sandbox",
    "/wasm-sandbox/",
    "/wasm-sandbox/leadership",
    "/wasm-sandbox/decisions",
    "/wasm-sandbox/decisions?kind=ballot",
    "/wasm-sandbox/decisions?year=2026",
    "/wasm-sandbox/decisions.atom",
    "/api/wasm-sandbox/leadership",
    "/api/wasm-sandbox/decisions",
    "/wasm-sandbox/working-groups",
    "/wasm-sandbox/rfcs",
    "/wasm-sandbox/releases",
    "/wasm-sandbox/dependencies",
    "/api/wasm-sandbox/working-groups",
    "/api/wasm-sandbox/rfcs",
    "/api/wasm-sandbox/releases",
    "/api/wasm-sandbox/dependencies",
];

#[tokio::test]
async fn leadership_lists_the_roles_as_the_roster_shows_them() {
    let w = seeded().await;
    let (base, _stop) = serve(&w).await;
    let (status, kind, body) = get(&base, "/wasm-sandbox/leadership").await;
    assert_eq!(status, 200);
    assert_eq!(kind, "text/html; charset=utf-8");
    assert!(body.starts_with("<!DOCTYPE html><html lang=\"en-US\">"));
    assert!(body.contains("<h1>Current project leadership</h1>"));
    for section in [
        "Technical Steering Committee",
        "Maintainers",
        "Security response team",
        "Emeritus",
    ] {
        assert!(body.contains(&format!("<h2>{section}</h2>")), "{section}");
    }
    for name in ["Alice", "Bob", "Dave", "Erin", "Frank", "Ivan", "Oscar"] {
        assert!(body.contains(name), "{name}");
    }
    // A contributor is not leadership.
    assert!(!body.contains("Grace"));
    // Names and areas are member text: shown, escaped.
    assert!(body.contains("&lt;b&gt;Carol&lt;/b&gt;"));
    assert!(!body.contains("<b>Carol"));
    assert!(body.contains("Runtime &amp; &lt;i&gt;sandbox&lt;/i&gt;"));
    assert!(body.contains("<time datetime=\"2026-03-02T09:00:00Z\">2026-03-02</time>"));
    assert!(!body.contains("<script"), "no JavaScript");
    assert!(body.contains("name=\"viewport\""));

    let (status, kind, json) = get(&base, "/api/wasm-sandbox/leadership").await;
    assert_eq!((status, kind.as_str()), (200, "application/json"));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let names = |key: &str| -> Vec<String> {
        json[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names("tsc"),
        ["<b>Carol</b>", "Alice", "Bob", "Dave", "Erin"]
            .map(String::from)
            .to_vec()
            .into_iter()
            .collect::<Vec<_>>()
            .tap_sort()
    );
    assert_eq!(names("maintainers"), ["Erin", "Frank"]);
    assert_eq!(names("security_team"), ["Ivan"]);
    assert_eq!(names("emeritus"), ["Oscar"]);
    assert_eq!(json["maintainers"][1]["area"], "Runtime & <i>sandbox</i>");
}

trait TapSort {
    fn tap_sort(self) -> Self;
}

impl TapSort for Vec<String> {
    /// As the roster orders them: by name, case-insensitively.
    fn tap_sort(mut self) -> Self {
        self.sort_by_key(|n| n.to_lowercase());
        self
    }
}

#[tokio::test]
async fn decisions_show_results_and_totals_newest_first_with_titles_escaped() {
    let w = seeded().await;
    let (base, _stop) = serve(&w).await;
    let (status, _, body) = get(&base, "/wasm-sandbox/decisions").await;
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Decisions</h1>"));
    assert!(body.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;friends&quot;"));
    assert!(!body.contains("<script"));
    assert!(body.contains("Yes 3, no 1, abstain 0, of 5 voters."));
    assert!(body.contains("Closed secret ballot"));
    assert!(body.contains("Secret ballot, totals only: yes 3, no 0, abstain 0, of 5 voters."));
    assert!(
        body.contains("Set-up"),
        "the page's own publication is a public decision"
    );
    let newest_first = body.find("Closed secret ballot").unwrap() < body.find("alert").unwrap();
    assert!(newest_first);
    assert!(body.contains("href=\"/wasm-sandbox/decisions.atom\""));

    // Filters: by kind, by year; an unknown kind or a bad year is a clear 400.
    let (_, _, ballots) = get(&base, "/wasm-sandbox/decisions?kind=ballot").await;
    assert!(ballots.contains("Closed secret ballot"));
    assert!(!ballots.contains("Set-up:"));
    assert!(ballots.contains("<option value=\"ballot\" selected>"));
    let (_, _, none) = get(&base, "/wasm-sandbox/decisions?year=2025").await;
    assert!(none.contains("No decisions recorded."));
    let (_, _, this_year) = get(&base, "/wasm-sandbox/decisions?year=2026&kind=").await;
    assert!(this_year.contains("Closed secret ballot"));
    for bad in ["?kind=bogus", "?year=twenty", "?kind=<script>"] {
        let (status, _, body) = get(&base, &format!("/wasm-sandbox/decisions{bad}")).await;
        assert_eq!(status, 400, "{bad}");
        assert!(body.contains("That filter is not one this page knows."));
        assert!(!body.contains("<script>"));
    }

    let (status, kind, json) = get(&base, "/api/wasm-sandbox/decisions").await;
    assert_eq!((status, kind.as_str()), (200, "application/json"));
    let json: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let ballot = json.iter().find(|d| d["title"] == SCRIPT_TITLE).unwrap();
    assert_eq!(ballot["kind"], "ballot");
    assert_eq!(ballot["outcome"], "approved");
    assert_eq!(
        ballot["tally"],
        serde_json::json!({"secret": false, "electorate": 5, "yes": 3, "abstain": 0, "no": 1})
    );
    assert!(
        json.iter().all(|d| d.get("decided_by").is_none()),
        "no Discord ids"
    );
}

#[tokio::test]
async fn the_atom_feed_lists_the_decisions_as_escaped_xml() {
    let w = seeded().await;
    let (base, _stop) = serve(&w).await;
    let (status, kind, body) = get(&base, "/wasm-sandbox/decisions.atom").await;
    assert_eq!(status, 200);
    assert_eq!(kind, "application/atom+xml; charset=utf-8");
    assert!(body.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
    ));
    assert!(body.contains("<id>tag:steward,wasm-sandbox:decisions</id>"));
    assert!(body.contains(
        "Ballot: &lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;friends&quot; — approved"
    ));
    assert!(!body.contains("<script"));
    assert_eq!(
        body.matches("<entry>").count(),
        body.matches("</entry>").count()
    );
    assert!(body.contains("<updated>2026-"));
}

#[tokio::test]
async fn nothing_private_reaches_any_page_or_endpoint() {
    let w = seeded().await;
    let (base, _stop) = serve(&w).await;
    // The seeded secrets are in the database: the search below could find them.
    let in_db: i64 =
        sqlx::query_scalar("SELECT count(*) FROM decisions WHERE title = 'PRIVATE-DECISION-TITLE'")
            .fetch_one(w.app.db())
            .await
            .unwrap();
    assert_eq!(in_db, 1);
    for path in PAGES {
        let (status, _, body) = get(&base, path).await;
        assert_eq!(status, 200, "{path}");
        for secret in SECRETS {
            assert!(!body.contains(secret), "{secret} on {path}");
        }
        // Nor Discord ids: no field holds one, and the guild's, channels' and roles' ids
        // appear nowhere.
        for id in [
            "_id\"",
            "decided_by",
            "proposer",
            "author_",
            "1000",
            "2000",
            "2002",
            "3000",
            "3003",
        ] {
            assert!(!body.contains(id), "{id} on {path}: {body}");
        }
        // Nor the nomination's ballot, nor the case.
        assert!(!body.contains("Nomination #"), "{path}");
        assert!(!body.contains("Grace"), "{path}");
    }
}

#[tokio::test]
async fn unknown_and_withdrawn_pages_are_404_and_slugs_are_checked() {
    let w = seeded().await;
    let (base, _stop) = serve(&w).await;
    for path in [
        "/nope",
        "/nope/decisions",
        "/api/nope/decisions",
        "/",
        "/wasm-sandbox/secret",
    ] {
        let (status, _, body) = get(&base, path).await;
        assert_eq!(status, 404, "{path}");
        assert!(body.contains("Page not found"));
    }
    // Only the TSC publishes; a slug is checked and unique across servers.
    let maintainer = actor(FRANK, &[GovRole::Maintainer]);
    let refused = |r: Result<String, steward::app::AppError>| r.unwrap_err().user().unwrap().id;
    assert_eq!(
        refused(w.app.enable_web_page(&maintainer, "other").await),
        "error-needs-tsc"
    );
    assert_eq!(
        refused(w.app.enable_web_page(&admin(), "other").await),
        "error-needs-tsc"
    );
    assert_eq!(
        refused(w.app.enable_web_page(&tsc(ALICE), "Bad Slug").await),
        "web-error-slug-characters"
    );
    assert_eq!(
        refused(w.app.enable_web_page(&tsc(ALICE), "api").await),
        "web-error-slug-reserved"
    );
    assert_eq!(
        refused(w.app.disable_web_page(&maintainer).await),
        "error-needs-tsc"
    );
    let (status, _, _) = get(&base, "/wasm-sandbox/leadership").await;
    assert_eq!(status, 200, "the refusals changed nothing");

    // Withdrawn: every address is 404, and the withdrawal is a public decision.
    assert_eq!(w.app.disable_web_page(&tsc(BOB)).await.unwrap(), SLUG);
    for path in PAGES {
        let (status, _, _) = get(&base, path).await;
        assert_eq!(status, 404, "{path}");
    }
    assert_eq!(
        refused(w.app.disable_web_page(&tsc(BOB)).await),
        "web-error-not-enabled"
    );
    // Published again under another slug: the old one stays 404.
    w.app
        .enable_web_page(&tsc(BOB), "  sandbox-2 ")
        .await
        .unwrap();
    assert_eq!(get(&base, "/sandbox-2/leadership").await.0, 200);
    assert_eq!(get(&base, "/wasm-sandbox/leadership").await.0, 404);
    let (_, _, log) = get(&base, "/api/sandbox-2/decisions?kind=setup").await;
    let log: Vec<serde_json::Value> = serde_json::from_str(&log).unwrap();
    let outcomes: Vec<&str> = log.iter().map(|d| d["outcome"].as_str().unwrap()).collect();
    assert!(
        outcomes.starts_with(&["web_enabled", "web_disabled", "web_enabled"]),
        "{outcomes:?}"
    );
}

#[tokio::test]
async fn a_slug_is_unique_across_servers() {
    let w = seeded().await;
    // A second server in the same database.
    let mut other = tsc(ALICE);
    other.guild_id = GUILD + 1;
    let mut admin2 = admin();
    admin2.guild_id = GUILD + 1;
    w.app
        .setup_guild(
            &admin2,
            steward::app::guild::setup::Setup {
                roles: vec![(GovRole::Tsc, TSC_ROLE)],
                announce_channel_id: ANNOUNCE,
                tsc_channel_id: None,
                wg_category_id: None,
                channels: vec![],
                locale: "de".into(),
            },
        )
        .await
        .unwrap();
    let taken = w.app.enable_web_page(&other, SLUG).await.unwrap_err();
    assert_eq!(taken.user().unwrap().id, "web-error-slug-taken");
    w.app.enable_web_page(&other, "zweites").await.unwrap();
    let (base, _stop) = serve(&w).await;
    // Each page in its server's language; the first server's decisions are not the second's.
    let (_, _, de) = get(&base, "/zweites/decisions").await;
    assert!(de.starts_with("<!DOCTYPE html><html lang=\"de\">"));
    assert!(de.contains("<h1>Entscheidungen</h1>"));
    assert!(!de.contains("alert"));
    let (_, _, de) = get(&base, "/zweites/leadership").await;
    assert!(de.contains("Technischer Lenkungsausschuss (TSC)"));
    assert!(de.contains("Derzeit niemand."));
}

#[tokio::test]
async fn the_server_stops_when_told() {
    let w = guild().await;
    w.app.enable_web_page(&tsc(ALICE), SLUG).await.unwrap();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let (addr, task) = steward::web::serve(w.app.clone(), "127.0.0.1:0".parse().unwrap(), stopped)
        .await
        .unwrap();
    let base = format!("http://{addr}");
    assert_eq!(get(&base, "/wasm-sandbox/leadership").await.0, 200);
    stop.send(true).unwrap();
    task.await.unwrap();
    assert!(
        reqwest::get(format!("{base}/wasm-sandbox/leadership"))
            .await
            .is_err()
    );
}

#[tokio::test]
async fn the_processes_pages_show_groups_rfcs_releases_and_dependencies() {
    let w = seeded().await;
    let (base, _stop) = serve(&w).await;
    let (status, _, wg) = get(&base, "/wasm-sandbox/working-groups").await;
    assert_eq!(status, 200);
    assert!(wg.contains("<h2>Docs</h2>"));
    assert!(wg.contains("Documentation &lt;everywhere&gt;"));
    assert!(wg.contains("active"));
    assert!(wg.contains("Chair: Frank"));
    assert!(wg.contains("2 members"));
    assert!(wg.contains("Write &lt;script&gt;the&lt;/script&gt; book"));
    assert!(wg.contains("Scope and objectives"));
    assert!(
        wg.contains("1 report filed to the TSC"),
        "the count, not the text"
    );
    let (_, _, json) = get(&base, "/api/wasm-sandbox/working-groups").await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json[0]["name"], "Docs");
    assert_eq!(json[0]["chair"], "Frank");
    assert_eq!(json[0]["reports"], 1);

    let (status, _, rfcs) = get(&base, "/wasm-sandbox/rfcs").await;
    assert_eq!(status, 200);
    assert!(rfcs.contains(
        "RFC 1: <a href=\"https://github.com/wasm-sandbox/rfcs/pull/12\">Per-sandbox &lt;pools&gt;</a>"
    ));
    assert!(rfcs.contains("open for discussion"));
    assert!(rfcs.contains("Discussion period:"));
    assert!(rfcs.contains("Pools are capped"));
    let (_, _, json) = get(&base, "/api/wasm-sandbox/rfcs").await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json[0]["status"], "discussion");
    assert_eq!(json[0]["revisions"][0]["what_changed"], "Pools are capped");

    let (status, _, releases) = get(&base, "/wasm-sandbox/releases").await;
    assert_eq!(status, 200);
    assert!(releases.contains("<h2>1.4.0</h2>") || releases.contains("<h2>v1.4.0</h2>"));
    assert!(releases.contains("plan approved; waiting for the first candidate"));
    assert!(releases.contains("✓ Proposal with a changelog"));
    assert!(releases.contains("<strong>Release candidate</strong>"));
    assert!(releases.contains("Faster &lt;startup&gt;"));
    assert!(releases.contains("<time datetime=\"2026-12-20\">"));
    let (_, _, json) = get(&base, "/api/wasm-sandbox/releases").await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json[0]["stage"], "awaiting_candidate");

    let (status, _, deps) = get(&base, "/wasm-sandbox/dependencies").await;
    assert_eq!(status, 200);
    assert!(
        deps.contains("<strong>serde</strong> 1.0 · cargo"),
        "{deps}"
    );
    assert!(deps.contains("Serialising the config"));
    let (_, _, json) = get(&base, "/api/wasm-sandbox/dependencies").await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json[0]["name"], "serde");

    // Every page links every other.
    for page in [
        "leadership",
        "working-groups",
        "decisions",
        "rfcs",
        "releases",
        "dependencies",
    ] {
        assert!(wg.contains(&format!("/wasm-sandbox/{page}")) || page == "working-groups");
    }
}
