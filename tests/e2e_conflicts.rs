//! A conflict end to end, through the document's three steps, with the real bot against the
//! simulator: a private thread with the parties, a maintainer's mediation, the TSC's private
//! ballot, the decision told in the thread; and nothing of it anywhere public.

mod e2e_cases_support;
mod support;

use chrono::Duration;
use e2e_cases_support::{channels_with, erased_from_disk, replies_with, requests_with, start};
use serde_json::json;
use support::bot::ballot_id;

const SUMMARY: &str = "Grace keeps reverting my reviews without discussion";
const DECISION: &str = "Both of you review through the queue for three months";

#[tokio::test]
async fn a_conflict_goes_through_all_three_steps_with_nothing_posted_publicly() {
    let c = start().await;
    let h = &c.h;
    let fx = h.sim.fx().clone();
    // A conflict with a bot, or with oneself, is refused and opens nothing.
    let r = h
        .sim
        .slash(
            fx.frank,
            "conflict open",
            json!({"with": fx.frank, "summary": SUMMARY}),
        )
        .await;
    assert!(r.text().contains("another member"), "{}", r.text());
    let r = h
        .sim
        .slash(
            fx.frank,
            "conflict open",
            json!({"with": c.grace, "summary": SUMMARY}),
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("Conflict #1 is open"), "{}", r.text());

    // 1. "Parties attempt to resolve the issue directly": a private thread with the two only.
    let thread = h.sim.wait_for_thread(fx.general, |t| t.is_private()).await;
    let card = h
        .sim
        .wait_for_message(thread.id, |m| !m.buttons().is_empty())
        .await;
    assert!(card.embed_text().contains(SUMMARY));
    assert!(
        card.embed_text().contains("1 of 3"),
        "{}",
        card.embed_text()
    );
    let members = h.sim.thread_members(thread.id);
    assert!(
        members.contains(&fx.frank) && members.contains(&c.grace),
        "{members:?}"
    );
    for outsider in [fx.bob, fx.erin, fx.dave] {
        assert!(
            !h.sim.can_see(outsider, thread.id),
            "{outsider} sees the thread"
        );
    }
    // Someone else cannot act on it, even with a button's id.
    let r = h.sim.click(fx.dave, &card, "v2:case:1:resolve").await;
    assert!(r.text().contains("Only the parties"), "{}", r.text());
    // Before the period ends, one party asks and the other agrees.
    let r = h.sim.click(fx.frank, &card, "v2:case:1:escalate").await;
    assert!(r.is_ephemeral());
    let ask = h
        .sim
        .wait_for_message(thread.id, |m| m.content().contains("to mediation now"))
        .await;
    assert_eq!(ask.pinged_users(), vec![c.grace]);
    let r = h
        .sim
        .slash_in(c.grace, thread.id, "conflict escalate", json!({}))
        .await;
    assert!(r.text().contains("updated"), "{}", r.text());

    // 2. "A maintainer mediates": asked in the maintainers' channel, by number only.
    let request = h
        .sim
        .wait_for_message(c.maintainers, |m| {
            m.content().contains("needs a maintainer")
        })
        .await;
    assert!(!request.text().contains("Grace") && !request.text().contains("Frank"));
    let r = h.sim.click(fx.bob, &request, "v2:case:1:mediate").await;
    assert!(r.text().contains("Only a maintainer"), "{}", r.text());
    h.sim.click(fx.erin, &request, "v2:case:1:mediate").await;
    h.sim
        .wait_for_edit(request.id, |m| m.content().contains("mediates"))
        .await;
    h.sim
        .wait_for_thread(fx.general, |t| t.id == thread.id && t.has_member(fx.erin))
        .await;
    assert!(h.sim.can_see(fx.erin, thread.id));

    // 3. "The TSC makes a final decision": the mediator takes it there; the TSC joins.
    let r = h
        .sim
        .slash_in(fx.erin, thread.id, "conflict escalate", json!({}))
        .await;
    assert!(r.text().contains("updated"), "{}", r.text());
    h.sim
        .wait_for_message(thread.id, |m| m.content().contains("before the TSC"))
        .await;
    assert!(h.sim.can_see(fx.bob, thread.id));
    let r = h
        .sim
        .slash_in(
            fx.frank,
            thread.id,
            "conflict decide",
            json!({"decision": "I win"}),
        )
        .await;
    assert!(r.text().contains("Only a TSC member"), "{}", r.text());
    let r = h
        .sim
        .slash_in(
            fx.bob,
            thread.id,
            "conflict decide",
            json!({"decision": DECISION}),
        )
        .await;
    assert!(r.text().contains("private TSC ballot (#1)"), "{}", r.text());
    let ballot = h
        .sim
        .wait_for_message(fx.tsc_private, |m| {
            m.embed_text()
                .contains("Conflict #1: the TSC's final decision")
                && !m.buttons().is_empty()
        })
        .await;
    h.sim
        .wait_for_message(fx.tsc_private, |m| m.embed_text().contains(DECISION))
        .await;
    let id = ballot_id(&ballot);
    for user in [fx.alice, fx.bob, fx.carol] {
        h.sim
            .click(user, &ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
    }
    h.advance(Duration::days(7));
    let told = h
        .sim
        .wait_for_message(thread.id, |m| m.content().contains("final decision:"))
        .await;
    assert!(told.content().contains(DECISION));
    let mut pinged = told.pinged_users();
    pinged.sort_unstable();
    let mut parties = vec![fx.frank, c.grace];
    parties.sort_unstable();
    assert_eq!(pinged, parties, "the parties are told");
    h.sim
        .wait_for_edit(card.id, |m| m.embed_text().contains("Resolved by the TSC"))
        .await;

    // Nothing of it anywhere but its thread (and the decision in the TSC's own channel).
    for request in requests_with(h, SUMMARY) {
        assert!(request.contains(&thread.id.to_string()), "{request}");
    }
    for request in requests_with(h, DECISION) {
        assert!(
            request.contains(&thread.id.to_string())
                || request.contains(&fx.tsc_private.to_string()),
            "{request}"
        );
    }
    assert_eq!(channels_with(h, SUMMARY), vec![thread.id.to_string()]);
    let mut expected = vec![thread.id.to_string(), fx.tsc_private.to_string()];
    expected.sort();
    let mut found = channels_with(h, DECISION);
    found.sort();
    assert_eq!(found, expected);
    assert!(
        h.announcements()
            .iter()
            .all(|m| !m.text().contains("Conflict")),
        "nothing in the announcement channel"
    );
    assert!(
        h.sim
            .channel_messages(fx.general)
            .iter()
            .all(|m| !m.text().contains("Conflict"))
    );
    // A party sees where it stands.
    let r = h.sim.slash(fx.frank, "report status", json!({})).await;
    assert!(r.text().contains("Conflict #1"), "{}", r.text());
    assert!(r.text().contains("Resolved by the TSC"), "{}", r.text());
    // No answer to a member, ephemeral ones included, repeated the conflict's text.
    assert_eq!(replies_with(h, SUMMARY), 0);
    // The decision log has the case by number only, privately.
    let logged: (String, String, String, bool) = sqlx::query_as(
        "SELECT title, outcome, details, private FROM decisions WHERE subject_ref = 'case:1'",
    )
    .fetch_one(h.bot().app().db())
    .await
    .unwrap();
    assert_eq!(
        logged,
        (
            "conflict".into(),
            "resolved_by_tsc".into(),
            "{}".into(),
            true
        )
    );
    // A week after it closed, no byte of its text is left in the database.
    erased_from_disk(h, 1, &[SUMMARY, DECISION]).await;
}

#[tokio::test]
async fn a_conflict_needs_a_channel_both_parties_can_read() {
    let c = start().await;
    let h = &c.h;
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash_in(
            fx.bob,
            fx.tsc_private,
            "conflict open",
            json!({"with": c.grace, "summary": SUMMARY}),
        )
        .await;
    assert!(
        r.text().contains("cannot read this channel"),
        "{}",
        r.text()
    );
    assert_eq!(h.count("cases").await, 0);
    assert!(h.sim.threads_of(fx.tsc_private).is_empty());
}
