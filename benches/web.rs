//! The transparency page's Decisions page for a server with 1,000 decisions, read from SQLite
//! and rendered (target: under 5 ms), against the JSON of the same rows measured in the same
//! run (the machine is shared and noisy: compare ratios, not absolute figures).
//!
//! `cargo bench --bench web`.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{Duration as Days, TimeZone, Utc};
use criterion::Criterion;
use serde_json::json;
use steward::app::decision_log::record::{Entry, record};
use steward::app::guild::setup::Setup;
use steward::app::web::view::{DecisionQuery, Site};
use steward::app::{Actor, App};
use steward::clock::ManualClock;
use steward::governance::decision::DecisionKind;
use steward::governance::roles::{GovRole, RoleSet, Standing};
use steward::store;

/// The time per iteration of every sample each benchmark took, by name.
static MEASURED: Mutex<BTreeMap<&'static str, Vec<Duration>>> = Mutex::new(BTreeMap::new());

fn record_time(name: &'static str, total: Duration, iters: u64) -> Duration {
    let per = total / u32::try_from(iters.max(1)).unwrap_or(u32::MAX);
    MEASURED.lock().unwrap().entry(name).or_default().push(per);
    total
}

/// The median time per iteration over a benchmark's samples.
fn measured(name: &str) -> Duration {
    let mut samples = MEASURED.lock().unwrap()[name].clone();
    samples.sort();
    samples[samples.len() / 2]
}

const GUILD: u64 = 1;

/// A published server whose log holds 1,000 decisions over three years, a tenth of them
/// ballots with their totals and a tenth private.
async fn server(dir: &tempfile::TempDir) -> (App, Site) {
    let url = format!("sqlite://{}", dir.path().join("steward.db").display());
    let start = Utc.with_ymd_and_hms(2024, 1, 1, 9, 0, 0).unwrap();
    let clock = Arc::new(ManualClock::new(start));
    let app = App::new(store::connect(&url).await.unwrap(), clock);
    let tsc = Actor {
        guild_id: GUILD,
        user_id: 10,
        standing: Standing {
            roles: RoleSet::new([GovRole::Tsc]),
            manages_guild: true,
        },
    };
    app.setup_guild(
        &tsc,
        Setup {
            roles: vec![(GovRole::Tsc, 100)],
            announce_channel_id: 200,
            tsc_channel_id: None,
            wg_category_id: None,
            channels: vec![],
            locale: "en-US".into(),
        },
    )
    .await
    .unwrap();
    let mut tx = app.write_tx().await.unwrap();
    for i in 0..1_000i64 {
        let kind = DecisionKind::ALL[(i as usize) % DecisionKind::ALL.len()];
        let entry = Entry {
            kind,
            subject_ref: format!("{}:{i}", kind.key()),
            title: format!("Decision {i}: adopt <the> plan & ship it"),
            outcome: if kind == DecisionKind::Ballot {
                "approved"
            } else {
                "accepted"
            }
            .into(),
            link: (i % 3 == 0).then(|| format!("https://github.com/example/rfcs/pull/{i}")),
            details: json!({"secret": i % 20 == 0, "electorate": 5, "yes": 3, "no": 1, "abstain": 1}),
            private: i % 10 == 7,
            decided_by: Some(10),
        };
        record(&mut tx, GUILD, &entry, start + Days::hours(26 * i))
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    app.enable_web_page(&tsc, "bench").await.unwrap();
    let site = app.web_site("bench").await.unwrap().unwrap();
    (app, site)
}

fn decisions_page(c: &mut Criterion, rt: &tokio::runtime::Runtime) {
    let dir = tempfile::tempdir().unwrap();
    let (app, site) = rt.block_on(server(&dir));
    let query = DecisionQuery::default();
    let page = rt.block_on(async {
        let rows = app.web_decisions(site.guild_id, query).await.unwrap();
        let years = app.web_decision_years(site.guild_id).await.unwrap();
        steward::web::decisions::page(&site, query, &years, &rows).into_string()
    });
    assert_eq!(
        page.matches("<li id=\"d-").count(),
        901,
        "the public decisions, and the page's own publication"
    );
    c.bench_function("decisions_page_1k", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            rt.block_on(async {
                for _ in 0..iters {
                    let rows = app.web_decisions(site.guild_id, query).await.unwrap();
                    let years = app.web_decision_years(site.guild_id).await.unwrap();
                    let page = steward::web::decisions::page(&site, query, &years, &rows);
                    std::hint::black_box(page.into_string());
                }
            });
            record_time("decisions_page_1k", start.elapsed(), iters)
        })
    });
    c.bench_function("decisions_json_1k", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            rt.block_on(async {
                for _ in 0..iters {
                    let rows = app.web_decisions(site.guild_id, query).await.unwrap();
                    std::hint::black_box(serde_json::to_string(&rows).unwrap());
                }
            });
            record_time("decisions_json_1k", start.elapsed(), iters)
        })
    });
    rt.block_on(app.close());
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut c = Criterion::default()
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    decisions_page(&mut c, &rt);
    c.final_summary();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let have = |name: &str| MEASURED.lock().unwrap().contains_key(name);
    if have("decisions_page_1k") && have("decisions_json_1k") {
        let (page, json) = (measured("decisions_page_1k"), measured("decisions_json_1k"));
        println!(
            "Decisions page of 1,000 decisions from SQLite: {:.2} ms (target < 5 ms); the JSON of the same rows: {:.2} ms ({:.2}x)",
            ms(page),
            ms(json),
            page.as_secs_f64() / json.as_secs_f64()
        );
    }
}
