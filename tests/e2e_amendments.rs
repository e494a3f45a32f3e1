//! Amendments and the decision log end to end: the real bot against the Discord simulator, from
//! `/amend propose` to the policy in force, `/govern policy-set` before and after the first
//! ballot, and `/decisions export` as members receive it (a file, without what they may not
//! read).

mod support;

use chrono::Duration;
use serde_json::{Value, json};
use support::bot::{Harness, ballot_id};
use support::sim::SimMessage;

const PR: &str = "https://github.com/org/governance/pull/3";

async fn set_up(h: &Harness) {
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
                "tsc-channel": fx.tsc_private,
                "rfc-channel": fx.forum,
            }),
        )
        .await;
    assert!(r.text().contains("Steward is set up"), "{}", r.text());
}

/// frank (no governance role: the server maps no contributor role, so any member may) proposes
/// an amendment with these policy changes.
async fn propose(h: &Harness, title: &str, changes: &str) {
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(
            fx.frank,
            "amend propose",
            json!({"title": title, "link": PR, "changes": changes}),
        )
        .await;
    let modal = r.modal();
    assert_eq!(modal.title, "Your amendment");
    let id = modal.custom_id.clone();
    let r = h
        .sim
        .submit_modal(
            fx.frank,
            fx.general,
            &id,
            &[
                ("motivation", "Five TSC members outvote a quiet majority"),
                ("proposal", "Raise the quorum"),
            ],
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("is open for discussion"), "{}", r.text());
}

/// The amendment's forum post and its pinned card.
async fn card(h: &Harness, number: i64) -> SimMessage {
    let fx = h.sim.fx().clone();
    let prefix = format!("Amendment {number}: ");
    let post = h
        .sim
        .wait_for_thread(fx.forum, |t| t.name.starts_with(&prefix))
        .await;
    h.sim.wait_for_message(post.id, |m| m.pinned()).await
}

/// Opens the TSC's ballot on amendment `number` as alice; returns the ballot message.
async fn decide(h: &Harness, number: i64) -> SimMessage {
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(fx.alice, "amend decide", json!({ "amendment": number }))
        .await;
    assert!(r.text().contains("is open"), "{}", r.text());
    h.sim
        .wait_for_message(fx.general, |m| {
            m.embed_text().contains(&format!("Amendment {number}")) && !m.buttons().is_empty()
        })
        .await
}

async fn vote(h: &Harness, ballot: &SimMessage, choice: &str) {
    let fx = h.sim.fx().clone();
    let id = ballot_id(ballot);
    for user in [fx.alice, fx.bob, fx.carol] {
        h.sim
            .click(user, ballot, &format!("v2:ballot:{id}:vote:{choice}"))
            .await;
        if choice == "-1" {
            h.sim
                .submit_modal(
                    user,
                    fx.general,
                    &format!("v2:ballot:{id}:concern"),
                    &[("concern", "Quorum is fine as it is")],
                )
                .await;
        }
    }
    h.advance(Duration::days(7));
}

async fn policy(h: &Harness) -> String {
    let fx = h.sim.fx().clone();
    h.sim.slash(fx.bob, "govern policy", json!({})).await.text()
}

#[tokio::test]
async fn an_approved_amendment_changes_the_policy_and_a_rejected_one_does_not() {
    let h = Harness::start().await;
    set_up(&h).await;
    let fx = h.sim.fx().clone();

    // A new server's bootstrap: before any ballot, Manage Server sets a number directly, and
    // the change is announced.
    let r = h
        .sim
        .slash(
            fx.alice,
            "govern policy-set",
            json!({"setting": "reminder_hours", "value": "30"}),
        )
        .await;
    assert!(
        r.text().contains("`reminder_hours` is now `30`"),
        "{}",
        r.text()
    );
    h.sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("set `reminder_hours` to `30`")
        })
        .await;

    propose(&h, "A larger quorum", "quorum=3/5 reminder_hours=48").await;
    let card = card(&h, 1).await;
    assert!(
        card.embed_text().contains("`quorum`: `1/2` → `3/5`"),
        "{}",
        card.embed_text()
    );
    h.sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("Proposed amendment to governance")
        })
        .await;

    // "The community discusses for at least two weeks": not a minute less.
    h.advance(Duration::days(13) + Duration::hours(23) + Duration::minutes(59));
    let early = h
        .sim
        .slash(fx.alice, "amend decide", json!({"amendment": 1}))
        .await;
    assert!(early.is_ephemeral());
    assert!(
        early.text().contains("discussion period is not over"),
        "{}",
        early.text()
    );
    h.advance(Duration::minutes(1));
    let ballot = decide(&h, 1).await;
    let text = ballot.embed_text();
    assert!(text.contains("technical merit"), "{text}");
    assert!(text.contains("`quorum`: `1/2` → `3/5`"), "{text}");
    vote(&h, &ballot, "+1").await;
    let accepted = h
        .sim
        .wait_for_message(fx.announcements, |m| m.content().contains("was accepted"))
        .await;
    let content = accepted.content();
    assert!(content.contains("`quorum`: `1/2` → `3/5`"), "{content}");
    assert!(
        content.contains("`reminder_hours`: `30` → `48`"),
        "{content}"
    );
    assert!(content.contains(PR), "{content}");
    assert!(accepted.pinged_users().is_empty() && accepted.pinged_roles().is_empty());
    let now = policy(&h).await;
    assert!(now.contains("`quorum` = `3/5`"), "{now}");
    assert!(now.contains("`reminder_hours` = `48`"), "{now}");
    // The card, edited in place, shows what was applied.
    let shown = h
        .sim
        .wait_for_edit(card.id, |m| m.embed_text().contains("accepted"))
        .await;
    assert!(
        shown.embed_text().contains("`reminder_hours`: `30` → `48`"),
        "{}",
        shown.embed_text()
    );

    // A rejected amendment changes nothing.
    propose(&h, "An even larger quorum", "quorum=2/3").await;
    h.advance(Duration::days(14));
    let ballot = decide(&h, 2).await;
    vote(&h, &ballot, "-1").await;
    h.sim
        .wait_for_message(fx.announcements, |m| m.content().contains("was declined"))
        .await;
    let now = policy(&h).await;
    assert!(now.contains("`quorum` = `3/5`"), "{now}");

    // After the server's first ballot, policy-set changes nothing and says what to do instead.
    let r = h
        .sim
        .slash(
            fx.alice,
            "govern policy-set",
            json!({"setting": "quorum", "value": "1/2"}),
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("/amend propose"), "{}", r.text());
    assert!(policy(&h).await.contains("`quorum` = `3/5`"));
}

#[tokio::test]
async fn bad_amendments_and_links_are_refused_with_a_clear_answer() {
    let h = Harness::start().await;
    set_up(&h).await;
    let fx = h.sim.fx().clone();
    for (options, expected) in [
        (
            json!({"title": "T", "link": "github.com/org/x", "changes": "quorum=3/5"}),
            "must be an http(s) URL",
        ),
        (
            json!({"title": "T", "link": PR, "changes": "speed=3"}),
            "Unknown setting `speed`",
        ),
        (
            json!({"title": "T", "link": PR, "changes": "quorum=1/1"}),
            "Quorum must be a fraction strictly between 0 and 1",
        ),
        (
            json!({"title": "T", "link": PR, "changes": "quorum=3/5 quorum=2/3"}),
            "is changed twice",
        ),
        (
            json!({"title": "T", "link": PR, "changes": "quorum"}),
            "Write each change as setting=value",
        ),
        (
            json!({"title": "T", "link": PR, "changes": "rfc_discussion_days=0"}),
            "rfc_discussion_days",
        ),
    ] {
        let r = h.sim.slash(fx.frank, "amend propose", options).await;
        assert!(r.is_ephemeral());
        assert!(r.modal.is_none(), "no form for a refused proposal");
        assert!(r.text().contains(expected), "{}", r.text());
    }
    let r = h.sim.slash(fx.alice, "rfc decide", json!({"rfc": 7})).await;
    assert!(r.text().contains("no such RFC"), "{}", r.text());
    let r = h
        .sim
        .slash(fx.alice, "amend info", json!({"amendment": 1}))
        .await;
    assert!(r.text().contains("no such amendment"), "{}", r.text());
    assert_eq!(h.count("rfcs").await, 0);
    assert!(h.sim.threads_of(fx.forum).is_empty());
}

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
    set_up(&h).await;
    let fx = h.sim.fx().clone();
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
