//! The decision log end to end: `/decisions export` as members receive it (a file attached to
//! an ephemeral answer, holding only what they may read) and `/decisions list`.

#[allow(
    dead_code,
    reason = "each RFC test file uses a different part of the steps"
)]
mod rfc_steps;
mod support;

use chrono::Duration;
use rfc_steps::set_up;
use serde_json::{Value, json};
use support::bot::{Harness, ballot_id};

/// The file of a `/decisions export` answer, as text.
fn file_of(r: &support::sim::Reply, name: &str) -> String {
    let files = r.attachments();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].0, name);
    String::from_utf8(files[0].1.clone()).unwrap()
}

#[tokio::test]
async fn the_decision_log_is_exported_as_a_file_without_private_entries_for_members() {
    let h = Harness::start().await;
    let fx = h.sim.fx().clone();
    set_up(&h, fx.forum).await;
    // A policy change, an approved ballot, an RFC opened: public decisions.
    h.sim
        .slash(
            fx.alice,
            "govern policy-set",
            json!({"setting": "reminder_hours", "value": "36"}),
        )
        .await;
    let ballot = h.start_ballot("Adopt the release train").await;
    let id = ballot_id(&ballot);
    for voter in [fx.alice, fx.bob, fx.carol] {
        h.sim
            .click(voter, &ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
    }
    h.advance(Duration::hours(72));
    h.sim
        .wait_for_message(fx.announcements, |m| {
            m.embed_text().contains("Adopt the release train")
        })
        .await;
    let r = h
        .sim
        .slash(
            fx.erin,
            "rfc open",
            json!({"title": "Async host calls", "link": "https://github.com/org/rfcs/pull/4"}),
        )
        .await;
    let form = r.modal().custom_id.clone();
    h.sim
        .submit_modal(
            fx.erin,
            fx.general,
            &form,
            &[("motivation", "Blocking"), ("proposal", "Async")],
        )
        .await;
    // A private decision: frank declines his nomination.
    let r = h
        .sim
        .slash(
            fx.erin,
            "nominate member",
            json!({"member": fx.frank, "area": "Runtime"}),
        )
        .await;
    let form = r.modal().custom_id.clone();
    h.sim
        .submit_modal(
            fx.erin,
            fx.general,
            &form,
            &[
                ("statement", "Two years of runtime reviews"),
                ("links", "https://example.org/frank"),
            ],
        )
        .await;
    let dm = h
        .sim
        .wait_for_dm(fx.frank, |m| !m.buttons().is_empty())
        .await;
    let decline = dm
        .custom_ids()
        .into_iter()
        .find(|id| id.ends_with(":decline"))
        .unwrap();
    h.sim.click(fx.frank, &dm, &decline).await;
    h.sim
        .wait_for_message(fx.tsc_private, |m| {
            m.content().contains("declined nomination")
        })
        .await;

    // A member's export: a GOVERNANCE-LOG.md attached to an ephemeral answer, with the public
    // decisions only.
    let r = h
        .sim
        .slash(fx.frank, "decisions export", json!({"format": "markdown"}))
        .await;
    assert!(r.is_ephemeral());
    let md = file_of(&r, "GOVERNANCE-LOG.md");
    assert!(
        r.text().contains("The decision log: 3 decisions"),
        "{}\n{md}",
        r.text()
    );
    assert!(md.starts_with("# Governance decision log\n"), "{md}");
    for line in [
        "| Policy | `reminder_hours`: 24 → 36 | changed |",
        "| Ballot | Ballot #1 “Adopt the release train”: approved (+1: 3, 0: 0, -1: 0; electorate 4) | approved |",
        "| RFC | RFC 1 “Async host calls”: opened | opened | <https://github.com/org/rfcs/pull/4> |",
    ] {
        assert!(md.contains(line), "{line} missing:\n{md}");
    }
    // The set-up audit and the nomination are the TSC's.
    for private in ["Set-up", "Nomination", "Frank"] {
        assert!(!md.contains(private), "{private} in:\n{md}");
    }

    // Only the TSC may ask for the private entries; frank asking changes nothing.
    let r = h
        .sim
        .slash(
            fx.frank,
            "decisions export",
            json!({"format": "csv", "private": true}),
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("Only members of the TSC"), "{}", r.text());
    assert!(r.attachments().is_empty());
    let r = h
        .sim
        .slash(fx.frank, "decisions export", json!({"format": "pdf"}))
        .await;
    assert!(
        r.text().contains("Use markdown, csv or json"),
        "{}",
        r.text()
    );

    // The TSC's CSV holds the private decision, marked so; the JSON parses as the list.
    let r = h
        .sim
        .slash(
            fx.alice,
            "decisions export",
            json!({"format": "csv", "private": true}),
        )
        .await;
    let csv = file_of(&r, "decisions.csv");
    let rows: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(
        rows[0],
        "id,decided_at,kind,subject,title,outcome,link,decided_by,private,details"
    );
    assert_eq!(rows.len(), 6, "{csv}");
    let nomination: Vec<&&str> = rows
        .iter()
        .filter(|r| r.contains(",nomination:1,"))
        .collect();
    assert_eq!(nomination.len(), 1, "{csv}");
    assert!(nomination[0].contains(",true,"), "{}", nomination[0]);
    assert!(
        rows[1].contains(",setup,") && rows[1].contains(",true,"),
        "{csv}"
    );
    let r = h
        .sim
        .slash(fx.bob, "decisions export", json!({"format": "json"}))
        .await;
    let list: Vec<Value> = serde_json::from_str(&file_of(&r, "decisions.json")).unwrap();
    let kinds: Vec<&str> = list.iter().map(|d| d["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["policy", "ballot", "rfc"]);
    assert_eq!(list[0]["details"]["setting"], "reminder_hours");
    assert_eq!(list[0]["details"]["after"], "36");

    // `/decisions list` pages through the same log, filtered by kind.
    let r = h
        .sim
        .slash(fx.frank, "decisions list", json!({"kind": "rfc"}))
        .await;
    assert!(r.text().contains("one decision"), "{}", r.text());
    assert!(
        r.text().contains("RFC 1 “Async host calls”: opened"),
        "{}",
        r.text()
    );
    let r = h
        .sim
        .slash(fx.frank, "decisions list", json!({"since": "May 4"}))
        .await;
    assert!(r.text().contains("YYYY-MM-DD"), "{}", r.text());
}
