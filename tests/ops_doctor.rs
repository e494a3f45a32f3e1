//! `steward doctor` against the simulator: the token, the intents, the database and each
//! configured server's capabilities, and a non-zero exit when something needs fixing.

mod support;

use std::process::{Command, Stdio};

use steward::ops::doctor::diagnose;
use support::bot::Harness;
use support::sim::{Fixture, perms};

#[tokio::test(flavor = "multi_thread")]
async fn a_healthy_bot_and_server_pass() {
    let h = Harness::start().await;
    h.setup().await;
    let report = diagnose(h.settings()).await;
    let text = report.lines.join("\n");
    assert_eq!(report.problems, 0, "{text}");
    assert!(text.contains("token: accepted, bot Steward"), "{text}");
    assert!(text.contains("Server Members intent: on"), "{text}");
    assert!(text.contains("integrity check passed"), "{text}");
    assert!(
        text.contains(&format!(
            "schema version {}, up to date",
            steward::store::schema::known_version()
        )),
        "{text}"
    );
    assert!(
        text.contains("the bot is running on this database"),
        "{text}"
    );
    assert!(
        text.contains(&format!("== Server {}", h.sim.fx().guild)),
        "{text}"
    );
    assert!(text.contains("✅ Role order: @&"), "{text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn problems_are_reported_and_the_binary_exits_non_zero() {
    let mut fx = Fixture::standard();
    fx.app_flags = 0;
    fx.set_bot_permissions(perms::BOT & !perms::MANAGE_ROLES);
    let h = Harness::start_with(fx).await;
    h.setup().await;
    let report = diagnose(h.settings()).await;
    let text = report.lines.join("\n");
    assert!(text.contains("❌ Server Members intent: off"), "{text}");
    assert!(text.contains("❌ Manage Roles permission"), "{text}");
    // The intent twice (the application, and the server's line) and Manage Roles.
    assert_eq!(report.problems, 3, "{text}");

    let s = h.settings().clone();
    let mut child = Command::new(env!("CARGO_BIN_EXE_steward"))
        .arg("doctor")
        .env_clear()
        .env("DISCORD_TOKEN", &s.token)
        .env("DISCORD_API_BASE", s.api_base.as_deref().unwrap())
        .env("DATABASE_URL", &s.database_url)
        .current_dir(std::env::temp_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Bounded: a doctor that hangs fails the test instead of the suite.
    for _ in 0..300 {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    if child.try_wait().unwrap().is_none() {
        child.kill().unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.contains("3 problem(s) found."), "{stdout}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rejected_token_is_a_problem() {
    let h = Harness::start().await;
    let mut settings = h.settings().clone();
    settings.token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.wrongwrongwrongwrongwrongwrongwrong12".into();
    let report = diagnose(&settings).await;
    let text = report.lines.join("\n");
    assert!(text.contains("❌ Discord rejected DISCORD_TOKEN"), "{text}");
    assert!(report.problems >= 1);
    h.sim.take_problems();
}
