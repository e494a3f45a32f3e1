//! RFCs end to end: the real bot against the Discord simulator, from `/rfc open` to the TSC's
//! decision, with time moved on the injected clock. The discussion place is a forum post in a
//! server whose RFC channel is a forum, a thread in one whose RFC channel is a text channel; in
//! both, one card is pinned and edited as the RFC moves, never posted again.

mod support;

use chrono::Duration;
use serde_json::json;
use steward::clock::Clock;
use support::bot::{Harness, ballot_id};
use support::sim::{SimMessage, SimThread};

const TITLE: &str = "Per-sandbox memory pools";
const LINK: &str = "https://github.com/wasm-sandbox/rfcs/pull/12";
const CONCERN: &str = "Pools double the memory of idle sandboxes";

async fn set_up(h: &Harness, rfc_channel: u64) {
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
                "rfc-channel": rfc_channel,
            }),
        )
        .await;
    assert!(r.text().contains("Steward is set up"), "{}", r.text());
}

/// `user` opens an RFC and fills in its summary; the bot's answer.
async fn open(h: &Harness, user: u64, title: &str) -> String {
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(user, "rfc open", json!({"title": title, "link": LINK}))
        .await;
    let form = r.modal();
    assert_eq!(form.title, "Your RFC");
    assert_eq!(form.input("motivation").unwrap().max_length, Some(1000));
    let id = form.custom_id.clone();
    let r = h
        .sim
        .submit_modal(
            user,
            fx.general,
            &id,
            &[
                ("motivation", "Allocation dominates cold starts"),
                ("proposal", "One memory pool per sandbox"),
                ("alternatives", "A global pool with quotas"),
            ],
        )
        .await;
    assert!(r.is_ephemeral());
    r.text()
}

/// The RFC's discussion place in `parent` once its card is pinned, and the card.
async fn place(h: &Harness, parent: u64, number: i64) -> (SimThread, SimMessage) {
    let prefix = format!("RFC {number}: ");
    let thread = h
        .sim
        .wait_for_thread(parent, |t| t.name.starts_with(&prefix))
        .await;
    let card = h.sim.wait_for_message(thread.id, |m| m.pinned()).await;
    assert_eq!(h.sim.pins(thread.id), vec![card.id]);
    (thread, card)
}

/// Waits until the card (the same message) shows `what`.
async fn card_shows(h: &Harness, card: &SimMessage, what: &str) -> SimMessage {
    h.sim
        .wait_for_edit(card.id, |m| m.embed_text().contains(what))
        .await
}

/// The messages with an embed in the thread: the card is the only one.
fn cards_in(h: &Harness, thread: u64) -> Vec<SimMessage> {
    h.sim
        .channel_messages(thread)
        .into_iter()
        .filter(|m| !m.embeds().is_empty())
        .collect()
}

fn button(card: &SimMessage, stance: &str) -> String {
    card.custom_ids()
        .into_iter()
        .find(|id| id.ends_with(&format!(":feedback:{stance}")))
        .unwrap_or_else(|| panic!("no {stance} button on {:?}", card.custom_ids()))
}

async fn vote(h: &Harness, ballot: &SimMessage, voters: &[u64]) {
    let id = ballot_id(ballot);
    for voter in voters {
        let r = h
            .sim
            .click(*voter, ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
        assert!(r.is_ephemeral(), "{}", r.text());
    }
}

#[tokio::test]
async fn an_rfc_in_a_forum_is_a_post_whose_card_moves_with_it_to_acceptance() {
    let h = Harness::start().await;
    let fx = h.sim.fx().clone();
    set_up(&h, fx.forum).await;
    let answer = open(&h, fx.frank, TITLE).await;
    assert!(
        answer.contains("RFC 1 is open for discussion until <t:"),
        "{answer}"
    );

    // A forum post whose first message is the card, pinned: number, title, author, link,
    // status, the countdown, the summary.
    let (post, card) = place(&h, fx.forum, 1).await;
    assert_eq!(post.name, format!("RFC 1: {TITLE}"));
    assert_eq!(post.starter_message, Some(card.id));
    let opened_at = h.clock.now();
    let ends = (opened_at + Duration::days(14)).timestamp();
    let text = card.embed_text();
    for part in [
        &format!("RFC 1: {TITLE}"),
        &format!("<@{}>", fx.frank),
        LINK,
        "open for discussion",
        &format!("Ends <t:{ends}:F> (<t:{ends}:R>)"),
        "One memory pool per sandbox",
        "A global pool with quotas",
        "0 support · 0 neutral · 0 concerns",
    ] {
        assert!(text.contains(part), "{part} missing from the card:\n{text}");
    }
    assert_eq!(card.buttons().len(), 3);
    assert!(card.pinged_users().is_empty() && card.pinged_roles().is_empty());
    let announced = h
        .sim
        .wait_for_message(fx.announcements, |m| m.content().contains("New RFC"))
        .await;
    assert!(
        announced.content().contains(&format!("<#{}>", post.id)),
        "{}",
        announced.content()
    );
    assert!(announced.pinged_users().is_empty());

    // Community feedback: counts and concerns on the card. carol presses twice: her feedback
    // changes, the count does not grow.
    let r = h.sim.click(fx.bob, &card, &button(&card, "support")).await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("is recorded: Support"), "{}", r.text());
    h.sim
        .click(fx.carol, &card, &button(&card, "support"))
        .await;
    card_shows(&h, &card, "2 support · 0 neutral").await;
    let r = h
        .sim
        .click(fx.carol, &card, &button(&card, "neutral"))
        .await;
    assert!(r.text().contains("is changed to: Neutral"), "{}", r.text());
    let r = h.sim.click(fx.bob, &card, &button(&card, "support")).await;
    assert!(r.text().contains("is changed to: Support"), "{}", r.text());
    let r = h.sim.click(fx.erin, &card, &button(&card, "concern")).await;
    let form = r.modal().custom_id.clone();
    assert_eq!(r.modal().input("concern").unwrap().max_length, Some(300));
    let r = h
        .sim
        .submit_modal(fx.erin, post.id, &form, &[("concern", CONCERN)])
        .await;
    assert!(r.text().contains("is recorded: Concern"), "{}", r.text());
    let shown = card_shows(&h, &card, "1 support · 1 neutral · 1 concern").await;
    assert!(
        shown
            .embed_text()
            .contains(&format!("<@{}>: {CONCERN}", fx.erin)),
        "{}",
        shown.embed_text()
    );

    // Refinement: a numbered revision on the card and in the thread.
    let r = h
        .sim
        .slash(
            fx.frank,
            "rfc revise",
            json!({"rfc": 1, "what-changed": "Pools shrink when idle", "link": "https://github.com/wasm-sandbox/rfcs/pull/13"}),
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(
        r.text().contains("Revision 1 of RFC 1 is recorded"),
        "{}",
        r.text()
    );
    h.sim
        .wait_for_message(post.id, |m| {
            m.content()
                .contains("recorded revision 1 of RFC 1: Pools shrink when idle")
                && m.content()
                    .contains("<https://github.com/wasm-sandbox/rfcs/pull/13>")
        })
        .await;
    card_shows(&h, &card, "One revision").await;

    // Fourteen days later the period is over: the thread and the TSC are told.
    h.advance(Duration::days(14));
    h.sim
        .wait_for_message(post.id, |m| {
            m.content().contains("discussion period of RFC 1 is over")
        })
        .await;
    let ready = h
        .sim
        .wait_for_message(fx.tsc_private, |m| {
            m.content().contains("ready for a decision")
        })
        .await;
    assert!(
        ready.content().contains("/rfc decide 1"),
        "{}",
        ready.content()
    );
    let waiting = card_shows(&h, &card, "awaiting the TSC's decision").await;
    assert!(
        waiting
            .embed_text()
            .contains(&format!("Ended <t:{ends}:F>"))
    );

    // The TSC decides: the ballot lists the five criteria, the revision and the feedback.
    let r = h
        .sim
        .slash_in(fx.alice, fx.tsc_private, "rfc decide", json!({"rfc": 1}))
        .await;
    assert!(r.is_ephemeral());
    assert!(
        r.text().contains("ballot #1 on RFC 1 is open"),
        "{}",
        r.text()
    );
    let ballot = h
        .sim
        .wait_for_message(fx.tsc_private, |m| !m.buttons().is_empty())
        .await;
    let text = ballot.embed_text();
    for part in [
        "technical merit · alignment with project goals · community feedback · resource constraints · maintenance implications",
        "1 support · 1 neutral · 1 concern",
        "1. Pools shrink when idle",
    ] {
        assert!(
            text.contains(part),
            "{part} missing from the ballot:\n{text}"
        );
    }
    card_shows(&h, &card, "the TSC is voting").await;
    // No revision while the TSC votes.
    let r = h
        .sim
        .slash(
            fx.frank,
            "rfc revise",
            json!({"rfc": 1, "what-changed": "One more thing"}),
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("The TSC is voting on it"), "{}", r.text());

    vote(&h, &ballot, &[fx.alice, fx.bob, fx.carol]).await;
    h.advance(Duration::days(7));
    h.sim
        .wait_for_message(post.id, |m| {
            m.content().contains(&format!(
                "**RFC 1: {TITLE}** was accepted by the TSC (ballot #1)"
            ))
        })
        .await;
    h.sim
        .wait_for_message(fx.announcements, |m| m.content().contains("was accepted"))
        .await;
    let accepted = card_shows(&h, &card, "accepted").await;
    assert!(accepted.buttons().is_empty(), "no feedback once decided");
    assert!(accepted.embed_text().contains("One revision"));

    // One card all along: edited in place, never reposted.
    let cards = cards_in(&h, post.id);
    assert_eq!(cards.len(), 1, "{cards:#?}");
    assert_eq!(cards[0].id, card.id);
    assert!(accepted.edited());
    assert_eq!(h.sim.pins(post.id), vec![card.id]);
    assert!(
        h.sim
            .requests_to("POST /channels/{}/messages")
            .iter()
            .all(|r| {
                !r.body
                    .to_string()
                    .contains("Give your feedback with the buttons")
            })
    );
}

#[tokio::test]
async fn an_rfc_in_a_text_channel_is_a_thread_with_the_pinned_card() {
    let h = Harness::start().await;
    let fx = h.sim.fx().clone();
    set_up(&h, fx.general).await;
    open(&h, fx.erin, TITLE).await;
    let (thread, card) = place(&h, fx.general, 1).await;
    assert_eq!(thread.kind, 11, "a public thread");
    assert!(card.pinned());
    assert_eq!(card.channel_id, thread.id);
    assert!(card.embed_text().contains(&format!("RFC 1: {TITLE}")));
    // Everyone in the server can read and join the discussion.
    assert!(h.sim.can_see(fx.frank, thread.id));

    // The TSC may not decide a minute before fourteen days.
    h.advance(Duration::days(13) + Duration::hours(23) + Duration::minutes(59));
    let early = h.sim.slash(fx.alice, "rfc decide", json!({"rfc": 1})).await;
    assert!(early.is_ephemeral());
    let at = card
        .embed_text()
        .split("Ends ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .to_owned();
    assert!(
        early.text().contains("The discussion period is not over") && early.text().contains(&at),
        "{}",
        early.text()
    );
    assert_eq!(h.count("ballots").await, 0);
    h.advance(Duration::minutes(1));
    card_shows(&h, &card, "awaiting the TSC's decision").await;

    // A ballot without quorum decides nothing: back to awaiting a decision.
    let r = h.sim.slash(fx.alice, "rfc decide", json!({"rfc": 1})).await;
    assert!(r.text().contains("is open"), "{}", r.text());
    let ballot = h
        .sim
        .wait_for_message(fx.general, |m| {
            m.embed_text().contains("RFC 1") && !m.buttons().is_empty()
        })
        .await;
    vote(&h, &ballot, &[fx.alice]).await;
    h.advance(Duration::days(7));
    h.sim
        .wait_for_message(thread.id, |m| m.content().contains("decided nothing"))
        .await;
    card_shows(&h, &card, "awaiting the TSC's decision").await;

    // Only its author withdraws it; then nothing more can be done with it.
    let r = h
        .sim
        .slash(fx.frank, "rfc withdraw", json!({"rfc": 1}))
        .await;
    assert!(r.is_ephemeral());
    assert!(
        r.text().contains("Only its author may withdraw it"),
        "{}",
        r.text()
    );
    let r = h
        .sim
        .slash(fx.erin, "rfc withdraw", json!({"rfc": 1}))
        .await;
    assert!(r.text().contains("RFC 1 is withdrawn"), "{}", r.text());
    let withdrawn = card_shows(&h, &card, "withdrawn").await;
    assert!(withdrawn.buttons().is_empty());
    h.sim
        .wait_for_message(fx.announcements, |m| m.content().contains("was withdrawn"))
        .await;
    let r = h.sim.slash(fx.alice, "rfc decide", json!({"rfc": 1})).await;
    assert!(
        r.text().contains("It was withdrawn by its author"),
        "{}",
        r.text()
    );
    // A click on the card's old button (a stale client) changes nothing.
    let r = h
        .sim
        .forge_click(fx.frank, &card, &button(&card, "support"))
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("It was withdrawn"), "{}", r.text());
    assert_eq!(cards_in(&h, thread.id).len(), 1);
    assert_eq!(h.count("ballots").await, 1);
}

#[tokio::test]
async fn rfc_and_ballot_numbers_autocomplete_from_numbers_and_titles() {
    let h = Harness::start().await;
    let fx = h.sim.fx().clone();
    set_up(&h, fx.forum).await;
    open(&h, fx.frank, TITLE).await;
    open(&h, fx.erin, "Async host calls").await;
    place(&h, fx.forum, 2).await;

    let all = h
        .sim
        .autocomplete(fx.frank, fx.general, "rfc info", "rfc", "", json!({}))
        .await;
    assert_eq!(
        all,
        vec![
            ("RFC 2: Async host calls".to_owned(), json!(2)),
            (format!("RFC 1: {TITLE}"), json!(1)),
        ]
    );
    let by_title = h
        .sim
        .autocomplete(
            fx.frank,
            fx.general,
            "rfc decide",
            "rfc",
            "MEMORY",
            json!({}),
        )
        .await;
    assert_eq!(by_title, vec![(format!("RFC 1: {TITLE}"), json!(1))]);
    let by_number = h
        .sim
        .autocomplete(fx.frank, fx.general, "rfc revise", "rfc", "#2", json!({}))
        .await;
    assert_eq!(
        by_number,
        vec![("RFC 2: Async host calls".to_owned(), json!(2))]
    );
    // Amendments are numbered on their own: none yet.
    let none = h
        .sim
        .autocomplete(
            fx.frank,
            fx.general,
            "amend info",
            "amendment",
            "",
            json!({}),
        )
        .await;
    assert!(none.is_empty(), "{none:?}");

    // The ballot number of `/vote status` and `/vote cancel` autocompletes from its title.
    h.advance(Duration::days(14));
    h.sim.slash(fx.alice, "rfc decide", json!({"rfc": 2})).await;
    let status = h
        .sim
        .autocomplete(
            fx.frank,
            fx.general,
            "vote status",
            "ballot",
            "async",
            json!({}),
        )
        .await;
    assert_eq!(
        status,
        vec![("#1 RFC 2: Async host calls".to_owned(), json!(1))]
    );
    let cancel = h
        .sim
        .autocomplete(
            fx.alice,
            fx.general,
            "vote cancel",
            "ballot",
            "1",
            json!({}),
        )
        .await;
    assert_eq!(cancel.len(), 1, "{cancel:?}");
    let r = h
        .sim
        .slash(fx.frank, "vote status", json!({"ballot": status[0].1}))
        .await;
    assert!(r.text().contains("RFC 2: Async host calls"), "{}", r.text());
}

#[tokio::test]
async fn bad_rfc_input_gets_a_clear_answer_and_changes_nothing() {
    let h = Harness::start().await;
    let fx = h.sim.fx().clone();
    // Without an RFC channel there is nowhere to discuss.
    h.setup().await;
    let r = h
        .sim
        .slash(fx.frank, "rfc open", json!({"title": TITLE, "link": LINK}))
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("No RFC channel is set"), "{}", r.text());
    set_up(&h, fx.forum).await;

    for (options, expected) in [
        (
            json!({"title": TITLE, "link": "github.com/org/x"}),
            "must be an http(s) URL",
        ),
        (
            json!({"title": TITLE, "link": "javascript:alert(1)"}),
            "must be an http(s) URL",
        ),
        (
            json!({"title": "\u{200b} \u{200b}", "link": LINK}),
            "at least one visible character",
        ),
    ] {
        let r = h.sim.slash(fx.frank, "rfc open", options).await;
        assert!(r.is_ephemeral(), "{}", r.text());
        assert!(r.text().contains(expected), "{}", r.text());
    }
    // Discord itself holds the title to the bot's limit.
    let open = h.sim.command("rfc").unwrap()["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "open")
        .cloned()
        .unwrap();
    assert_eq!(open["options"][0]["max_length"], 150);

    // A summary without visible text opens nothing.
    let r = h
        .sim
        .slash(fx.erin, "rfc open", json!({"title": TITLE, "link": LINK}))
        .await;
    let form = r.modal().custom_id.clone();
    let r = h
        .sim
        .submit_modal(
            fx.erin,
            fx.general,
            &form,
            &[("motivation", "   "), ("proposal", "Pools")],
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(
        r.text().contains("motivation and the proposal each need"),
        "{}",
        r.text()
    );
    assert!(h.sim.threads_of(fx.forum).is_empty());

    // The same form again (now fine) opens it once; a second submit is refused.
    let fields = [("motivation", "Cold starts"), ("proposal", "Pools")];
    let r = h
        .sim
        .submit_modal(fx.erin, fx.general, &form, &fields)
        .await;
    assert!(r.text().contains("RFC 1 is open"), "{}", r.text());
    let r = h
        .sim
        .submit_modal(fx.erin, fx.general, &form, &fields)
        .await;
    assert!(r.text().contains("There is no such RFC"), "{}", r.text());
    let (_, card) = place(&h, fx.forum, 1).await;

    // A concern without visible text, a forged button for another RFC, steps by the wrong
    // members: each refused, nothing changed.
    let r = h.sim.click(fx.bob, &card, &button(&card, "concern")).await;
    let concern = r.modal().custom_id.clone();
    let r = h
        .sim
        .submit_modal(
            fx.bob,
            card.channel_id,
            &concern,
            &[("concern", "\u{200b}")],
        )
        .await;
    assert!(
        r.text().contains("A concern needs a short text"),
        "{}",
        r.text()
    );
    let r = h
        .sim
        .forge_click(fx.bob, &card, "v2:rfc:99:feedback:support")
        .await;
    assert!(r.text().contains("There is no such RFC"), "{}", r.text());
    let r = h
        .sim
        .forge_click(fx.bob, &card, "v2:rfc:1:feedback:love")
        .await;
    assert!(r.is_ephemeral());
    for (user, command, options, expected) in [
        (
            fx.frank,
            "rfc decide",
            json!({"rfc": 1}),
            "Only members of the TSC",
        ),
        (
            fx.frank,
            "rfc revise",
            json!({"rfc": 1, "what-changed": "x"}),
            "Only its author, maintainers and the TSC",
        ),
        (
            fx.frank,
            "rfc withdraw",
            json!({"rfc": 1}),
            "Only its author may withdraw it",
        ),
        (
            fx.erin,
            "rfc revise",
            json!({"rfc": 1, "what-changed": "  "}),
            "at least one visible character",
        ),
        (
            fx.erin,
            "rfc revise",
            json!({"rfc": 1, "what-changed": "x", "link": "ftp://x.org"}),
            "must be an http(s) URL",
        ),
        (
            fx.frank,
            "rfc postpone",
            json!({"rfc": 1, "reason": "later"}),
            "Only members of the TSC",
        ),
        (
            fx.alice,
            "rfc postpone",
            json!({"rfc": 1, "reason": "\u{200b}"}),
            "Give a reason",
        ),
        (
            fx.frank,
            "rfc list",
            json!({"status": "lost"}),
            "Unknown status",
        ),
        (
            fx.frank,
            "rfc info",
            json!({"rfc": 2}),
            "There is no such RFC",
        ),
    ] {
        let r = h.sim.slash(user, command, options).await;
        assert!(r.is_ephemeral(), "{command}: {}", r.text());
        assert!(r.text().contains(expected), "{command}: {}", r.text());
    }
    let shown = h.sim.message(card.id).unwrap();
    assert!(
        shown
            .embed_text()
            .contains("0 support · 0 neutral · 0 concerns")
    );
    assert!(!shown.embed_text().contains("revision"));
    assert_eq!(h.count("rfc_revisions").await, 0);
    let list = h.sim.slash(fx.frank, "rfc list", json!({})).await;
    assert!(
        list.text().contains("open for discussion"),
        "{}",
        list.text()
    );
}
