//! In-process benchmarks of the hot paths, each printed with a reference measured in the same
//! run (the machine is shared and noisy: compare ratios, not absolute figures):
//! - `cast_vote` through app and store on a database file, against a raw single-row upsert
//!   loop on SQLite with the same settings, both timed in every sample (target: at least 0.5x
//!   the raw rate);
//! - tallying and rendering a 10,000-vote ballot with concerns (target: under 5 ms), against
//!   serialising the same votes to JSON;
//! - picking the next due job among 100,000 pending (target: under 1 ms), against a primary-key
//!   lookup in the same table;
//! - reading a 10,000-vote ballot's votes from SQLite, as every refresh of its message does,
//!   against the same rows fetched one by one through sqlx.
//!
//! `cargo bench --bench core` (criterion's options follow `--`, e.g. `-- cast_vote`).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use criterion::Criterion;
use sqlx::{Connection, SqliteConnection};
use steward::app::ballot::open::StartBallot;
use steward::app::ballot::view::{BallotView, Concern};
use steward::app::guild::setup::Setup;
use steward::app::{Actor, App};
use steward::clock::ManualClock;
use steward::discord::ballot::{concerns, render};
use steward::governance::ballot::{Choice, Count, Outcome, Subject, decide};
use steward::governance::policy::Policy;
use steward::governance::roles::{GovRole, RoleSet, Standing};
use steward::store::{self, ballot::Ballot, queue::JOBS};

/// The time per iteration of every sample each benchmark took, by name.
static MEASURED: Mutex<BTreeMap<&'static str, Vec<Duration>>> = Mutex::new(BTreeMap::new());

fn record(name: &'static str, total: Duration, iters: u64) -> Duration {
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

fn actor(user: u64, roles: &[GovRole]) -> Actor {
    Actor {
        guild_id: GUILD,
        user_id: user,
        standing: Standing {
            roles: RoleSet::new(roles.iter().copied()),
            manages_guild: true,
        },
    }
}

/// A configured guild with one open ballot, on a database file.
async fn app_with_ballot(dir: &tempfile::TempDir) -> (App, i64) {
    let url = format!("sqlite://{}", dir.path().join("steward.db").display());
    let start = Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap();
    let app = App::new(
        store::connect(&url).await.unwrap(),
        Arc::new(ManualClock::new(start)),
    );
    let setup = Setup {
        roles: vec![(GovRole::Tsc, 100)],
        announce_channel_id: 200,
        tsc_channel_id: Some(201),
        wg_category_id: None,
        channels: vec![],
        locale: "en-US".into(),
    };
    app.setup_guild(&actor(9, &[]), setup).await.unwrap();
    let ballot = StartBallot {
        title: "Burst".into(),
        description: String::new(),
        duration: None,
        secret: false,
        channel_id: 202,
        electorate: (10..15).collect(),
    };
    let id = app
        .start_ballot(&actor(10, &[GovRole::Tsc]), ballot)
        .await
        .unwrap()
        .id;
    (app, id)
}

/// `cast_vote` and its reference, the same row upserted by hand in its own transaction on a
/// connection with the same settings, measured alternately within each sample: the host's load
/// drifts over the seconds a benchmark runs (measured one after the other, the ratio moved by
/// a fifth between runs of the same code), and a sample now holds both under the same load.
fn cast_vote(c: &mut Criterion, rt: &tokio::runtime::Runtime) {
    let dir = tempfile::tempdir().unwrap();
    let (app, ballot) = rt.block_on(app_with_ballot(&dir));
    let raw_dir = tempfile::tempdir().unwrap();
    let mut conn = rt.block_on(async {
        let url = format!("sqlite://{}", raw_dir.path().join("raw.db").display());
        // Migrated like Steward's, then reopened plainly with the same pragmas.
        drop(store::connect(&url).await.unwrap());
        let mut conn = SqliteConnection::connect(&format!("{url}?mode=rw"))
            .await
            .unwrap();
        let size_limit = format!("PRAGMA journal_size_limit = {}", store::WAL_SIZE_LIMIT);
        for pragma in [
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
            "PRAGMA secure_delete = ON",
            "PRAGMA foreign_keys = OFF",
            &size_limit,
        ] {
            sqlx::raw_sql(sqlx::AssertSqlSafe(pragma))
                .execute(&mut conn)
                .await
                .unwrap();
        }
        conn
    });
    let mut voter = 1_000u64;
    c.bench_function("cast_vote", |b| {
        b.iter_custom(|iters| {
            let (first, mut raw_voter) = (voter, i64::try_from(voter).unwrap());
            let started = Instant::now();
            rt.block_on(async {
                for _ in 0..iters {
                    voter += 1;
                    app.cast_vote(&actor(voter, &[]), ballot, Choice::Yes, None)
                        .await
                        .unwrap();
                }
            });
            let vote = record("cast_vote", started.elapsed(), iters);
            let started = Instant::now();
            rt.block_on(async {
                for _ in first..voter {
                    raw_voter += 1;
                    sqlx::query(
                        "INSERT INTO votes (ballot_id, voter_id, choice, binding, cast_at, updated_at)
                         VALUES (1, ?, 1, 0, 0, 0)
                         ON CONFLICT (ballot_id, voter_id) DO UPDATE SET choice = excluded.choice",
                    )
                    .bind(raw_voter)
                    .execute(&mut conn)
                    .await
                    .unwrap();
                }
            });
            record("raw_upsert", started.elapsed(), iters);
            vote
        })
    });
    rt.block_on(app.close());
}

/// A closed ballot of 10,000 votes, one in ten a -1 with a concern.
fn big_view() -> (BallotView, Vec<(Choice, bool)>) {
    let at = Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap();
    let votes: Vec<(Choice, bool)> = (0..10_000)
        .map(|i| {
            let choice = if i % 10 == 0 { Choice::No } else { Choice::Yes };
            (choice, i < 9)
        })
        .collect();
    let concerns = (0..1_000)
        .map(|i| Concern {
            author: Some(i),
            text: format!("Concern number {i}: the migration guide is missing a step."),
            binding: i < 1,
        })
        .collect();
    let ballot = Ballot {
        id: 1,
        guild_id: GUILD,
        title: "A large community vote".into(),
        description: "Everyone may vote".into(),
        secret: false,
        opened_by: 10,
        opens_at: at,
        closes_at: at,
        policy: Policy::default(),
        channel_id: 202,
        message_id: Some(300),
        open: false,
        outcome: Some(Outcome::Approved),
        closed_at: Some(at),
        cancelled_by: None,
        cancel_reason: None,
        subject: Subject::General,
        final_count: None,
        final_concerns: None,
    };
    let view = BallotView {
        ballot,
        electorate: (10..19).collect(),
        departed: 0,
        voters: (0..10_000).map(|i| (i, i < 9)).collect(),
        count: Some(Count::of(votes.iter().copied())),
        concerns,
        group: None,
    };
    (view, votes)
}

fn tally_and_render(c: &mut Criterion) {
    let (view, votes) = big_view();
    c.bench_function("tally_render_10k", |b| {
        b.iter_custom(|iters| {
            let started = Instant::now();
            for _ in 0..iters {
                let count = Count::of(votes.iter().copied());
                std::hint::black_box(decide(&view.ballot.policy, 9, &count));
                let main = render::ballot_embed(&view, "en-US");
                std::hint::black_box(concerns::pages(&view, "en-US", main));
            }
            record("tally_render_10k", started.elapsed(), iters)
        })
    });
    c.bench_function("json_10k", |b| {
        b.iter_custom(|iters| {
            let started = Instant::now();
            for _ in 0..iters {
                let json: Vec<(bool, bool)> =
                    votes.iter().map(|(c, b)| (*c == Choice::Yes, *b)).collect();
                std::hint::black_box(serde_json::to_string(&json).unwrap());
            }
            record("json_10k", started.elapsed(), iters)
        })
    });
}

/// A ballot's votes read as the store reads them (one JSON array from SQLite), against the same
/// query fetched row by row through sqlx, alternately within each sample.
fn read_votes(c: &mut Criterion, rt: &tokio::runtime::Runtime) {
    let dir = tempfile::tempdir().unwrap();
    let (app, ballot) = rt.block_on(async {
        let (app, ballot) = app_with_ballot(&dir).await;
        let mut tx = app.write_tx().await.unwrap();
        let at = Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap();
        for voter in 0..10_000u64 {
            let concern = (voter % 10 == 0).then_some("The migration guide is missing a step.");
            let choice = if concern.is_some() {
                Choice::No
            } else {
                Choice::Yes
            };
            store::ballot_votes::record_vote(
                &mut tx,
                ballot,
                1_000 + voter,
                (choice, concern),
                voter < 5,
                at,
            )
            .await
            .unwrap()
            .expect("the ballot is open");
        }
        tx.commit().await.unwrap();
        (app, ballot)
    });
    c.bench_function("read_votes_10k", |b| {
        b.iter_custom(|iters| {
            let (read, rows) = rt.block_on(async {
                let mut conn = app.db().acquire().await.unwrap();
                let started = Instant::now();
                for _ in 0..iters {
                    let votes = store::ballot_votes::votes(&mut conn, ballot).await.unwrap();
                    assert_eq!(votes.len(), 10_000);
                }
                let read = started.elapsed();
                let started = Instant::now();
                for _ in 0..iters {
                    let rows: Vec<(i64, i64, bool, Option<String>, i64, i64)> = sqlx::query_as(
                        "SELECT voter_id, choice, binding, concern, cast_at, updated_at FROM votes
                         WHERE ballot_id = ? ORDER BY cast_at, voter_id",
                    )
                    .bind(ballot)
                    .fetch_all(&mut *conn)
                    .await
                    .unwrap();
                    assert_eq!(rows.len(), 10_000);
                }
                (read, started.elapsed())
            });
            record("read_rows_10k", rows, iters);
            record("read_votes_10k", read, iters)
        })
    });
    rt.block_on(app.close());
}

fn due_job(c: &mut Criterion, rt: &tokio::runtime::Runtime) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("jobs.db").display());
    let db = rt.block_on(async {
        let db = store::connect(&url).await.unwrap();
        let mut tx = db.writer.begin().await.unwrap();
        let now = Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap();
        for i in 0..100_000i64 {
            // Due over the next year, in a scattered order.
            let due = now + chrono::Duration::minutes((i * 7919) % 525_600);
            store::jobs::insert(&mut tx, None, &format!("bench:{i}"), "{}", due, now)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
        db
    });
    let now = Utc.with_ymd_and_hms(2026, 5, 4, 10, 30, 0).unwrap();
    c.bench_function("next_due_job_100k", |b| {
        b.iter_custom(|iters| {
            let started = Instant::now();
            rt.block_on(async {
                let mut conn = db.read.acquire().await.unwrap();
                for _ in 0..iters {
                    let next = JOBS.next_due(&mut conn).await.unwrap();
                    std::hint::black_box(next <= Some(now));
                }
            });
            record("next_due_job_100k", started.elapsed(), iters)
        })
    });
    c.bench_function("job_by_id_100k", |b| {
        b.iter_custom(|iters| {
            let started = Instant::now();
            rt.block_on(async {
                let mut conn = db.read.acquire().await.unwrap();
                for i in 0..iters {
                    let id = i64::try_from(i % 100_000).unwrap_or(0) + 1;
                    std::hint::black_box(store::jobs::get_many(&mut conn, &[id]).await.unwrap());
                }
            });
            record("job_by_id_100k", started.elapsed(), iters)
        })
    });
    rt.block_on(db.close());
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut c = Criterion::default()
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    cast_vote(&mut c, &rt);
    tally_and_render(&mut c);
    due_job(&mut c, &rt);
    read_votes(&mut c, &rt);
    c.final_summary();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let have = |name: &str| MEASURED.lock().unwrap().contains_key(name);
    if have("cast_vote") && have("raw_upsert") {
        let (vote, raw) = (measured("cast_vote"), measured("raw_upsert"));
        println!(
            "cast_vote: {:.3} ms per vote, raw upsert {:.3} ms: {:.2}x the raw upsert rate (target >= 0.5x)",
            ms(vote),
            ms(raw),
            raw.as_secs_f64() / vote.as_secs_f64()
        );
    }
    if have("tally_render_10k") && have("json_10k") {
        println!(
            "tally + render of 10,000 votes: {:.2} ms (target < 5 ms); serialising them to JSON: {:.2} ms",
            ms(measured("tally_render_10k")),
            ms(measured("json_10k"))
        );
    }
    if have("read_votes_10k") && have("read_rows_10k") {
        let (read, rows) = (measured("read_votes_10k"), measured("read_rows_10k"));
        println!(
            "reading a 10,000-vote ballot's votes: {:.2} ms; the same rows one by one through sqlx: {:.2} ms ({:.2}x)",
            ms(read),
            ms(rows),
            read.as_secs_f64() / rows.as_secs_f64()
        );
    }
    if have("next_due_job_100k") && have("job_by_id_100k") {
        println!(
            "next due job among 100,000: {:.3} ms (target < 1 ms); a lookup by id: {:.3} ms",
            ms(measured("next_due_job_100k")),
            ms(measured("job_by_id_100k"))
        );
    }
}
