//! `steward demo`: the walk-through runs in-process and shows what each step should, and the
//! binary runs it and exits 0 (in German, with `--locale de`).
#![cfg(feature = "demo")]

use steward::demo::{self, DemoOptions};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_transcript_shows_the_ballot_the_charter_and_the_succession_contact() {
    let mut out = Vec::new();
    demo::run(&DemoOptions::default(), &mut out)
        .await
        .expect("the demo runs through");
    let t = String::from_utf8(out).unwrap();
    // Each step's outcome, as members would read it.
    let step = |from: &str, to: &str| {
        let start = t
            .find(from)
            .unwrap_or_else(|| panic!("no {from:?} in\n{t}"));
        let end = t[start..].find(to).map_or(t.len(), |e| start + e);
        t[start..end].to_owned()
    };
    let ballot = step("=== 2.", "=== 3.");
    assert!(
        ballot.contains("Steward posts in #announcements:")
            && ballot.contains("Adopt the 2026 release schedule")
            && ballot.contains("approved"),
        "the ballot's result:\n{ballot}"
    );
    assert!(
        ballot.contains("Steward, to Frank only:") && ballot.contains("non-binding"),
        "a contributor's vote is non-binding, and only they are told:\n{ballot}"
    );
    let group = step("=== 3.", "=== 4.");
    assert!(
        group.contains("New working group") && group.contains("#release-tooling"),
        "the approved charter and the group's channel:\n{group}"
    );
    let succession = step("=== 4.", "=== The end");
    assert!(
        succession.contains("Steward sends Dave a direct message:")
            && succession.contains("still active"),
        "the succession contact DM:\n{succession}"
    );
    assert!(
        succession.contains("Dave confirmed they are still active"),
        "the TSC hears Dave's answer:\n{succession}"
    );
    // Three months pass without a report: each period's reminder and overdue note name that
    // period's due date, even though all are delivered after the jump (never the next one's).
    let dates = |marker: &str| -> Vec<String> {
        succession
            .lines()
            .filter_map(|l| l.split_once(marker))
            .map(|(_, rest)| rest.split(" 2026").next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        dates("is due "),
        ["9 April", "7 May"],
        "reminders:\n{succession}"
    );
    assert_eq!(
        dates("was due "),
        ["9 April", "7 May"],
        "overdue notes:\n{succession}"
    );
    // Readable: names, not mentions' ids or debug dumps (a link to the server keeps its id).
    assert!(
        !t.contains("<@") && !t.contains("<#"),
        "raw mentions in\n{t}"
    );
    let without_links = t.replace("https://discord.com/channels/1200000000000000001", "");
    assert!(
        !without_links.contains("1200000000000000"),
        "raw ids in\n{t}"
    );
}

#[test]
fn the_binary_runs_the_demo_in_german_and_exits_0() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_steward"))
        .args(["demo", "--locale", "de"])
        .env_remove("RUST_LOG")
        .env_remove("DISCORD_TOKEN")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "exit {:?}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Steward sends Dave a direct message:"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Abstimmung"),
        "the bot answers in German:\n{stdout}"
    );
}
