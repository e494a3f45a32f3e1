//! RFCs end to end: the real bot against the Discord simulator, from `/rfc open` to the TSC's
//! decision, with time moved on the injected clock. The discussion place is a forum post in a
//! server whose RFC channel is a forum, a thread in one whose RFC channel is a text channel; in
//! both, one card is pinned and edited as the RFC moves, never posted again.

#[allow(
    dead_code,
    reason = "each RFC test file uses a different part of the steps"
)]
mod rfc_steps;
mod support;

use chrono::Duration;
use rfc_steps::{LINK, TITLE, button, card_shows, cards_in, open, place, set_up, vote};
use serde_json::json;
use steward::clock::Clock;
use support::bot::Harness;
use support::sim::{Fixture, perms};

const CONCERN: &str = "Pools double the memory of idle sandboxes";

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

    // `/rfc list` by status, the status offered as the member types it.
    let statuses = h
        .sim
        .autocomplete(fx.frank, fx.general, "rfc list", "status", "acc", json!({}))
        .await;
    assert_eq!(statuses, vec![("accepted".to_owned(), json!("accepted"))]);
    let r = h
        .sim
        .slash(fx.frank, "rfc list", json!({"status": "accepted"}))
        .await;
    assert!(
        r.text().contains(&format!("**RFC 1** {TITLE} (accepted)")),
        "{}",
        r.text()
    );
    let r = h
        .sim
        .slash(fx.frank, "rfc list", json!({"status": "discussion"}))
        .await;
    assert!(
        r.text()
            .contains("No RFC has the status “open for discussion”"),
        "{}",
        r.text()
    );
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

    // The TSC sets it aside, with a reason shown on the card and announced.
    let r = h
        .sim
        .slash(
            fx.bob,
            "rfc postpone",
            json!({"rfc": 1, "reason": "Wait for the allocator rewrite"}),
        )
        .await;
    assert!(r.text().contains("RFC 1 is postponed"), "{}", r.text());
    let postponed = card_shows(&h, &card, "Postponed because").await;
    assert!(
        postponed
            .embed_text()
            .contains("Wait for the allocator rewrite"),
        "{}",
        postponed.embed_text()
    );
    h.sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("was postponed by")
                && m.content().contains("Wait for the allocator rewrite")
        })
        .await;
    let r = h
        .sim
        .slash(fx.bob, "rfc postpone", json!({"rfc": 1, "reason": "Again"}))
        .await;
    assert!(r.text().contains("It is already postponed"), "{}", r.text());

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
async fn without_the_thread_permission_the_server_is_told_and_the_rfc_waits_for_it() {
    // Neither the bot's role nor @everyone may create public threads.
    let mut fx = Fixture::standard();
    fx.set_bot_permissions(perms::BOT & !perms::CREATE_PUBLIC_THREADS);
    let everyone = fx.everyone_role;
    fx.set_role_permissions(everyone, perms::EVERYONE & !perms::CREATE_PUBLIC_THREADS);
    let h = Harness::start_with(fx).await;
    let fx = h.sim.fx().clone();
    set_up(&h, fx.general).await;
    let answer = open(&h, fx.erin, TITLE).await;
    assert!(answer.contains("RFC 1 is open"), "{answer}");
    let told = h
        .sim
        .wait_for_message(fx.announcements, |m| m.content().contains("for lack of"))
        .await;
    assert!(
        told.content()
            .contains("create an RFC's thread and pin its card"),
        "{}",
        told.content()
    );
    assert!(h.sim.threads_of(fx.general).is_empty());
    // Nothing is announced before there is a place to discuss it.
    assert!(
        !h.announcements()
            .iter()
            .any(|m| m.content().contains("New RFC"))
    );

    // Granted, the retry makes the thread and the card, and the RFC is announced once.
    h.sim.set_role_permissions(fx.bot_role, perms::BOT);
    h.advance(Duration::hours(1));
    let (thread, card) = place(&h, fx.general, 1).await;
    assert!(card.embed_text().contains(&format!("RFC 1: {TITLE}")));
    h.sim
        .wait_for_message(fx.announcements, |m| m.content().contains("New RFC"))
        .await;
    h.advance(Duration::hours(1));
    let announced = h
        .announcements()
        .iter()
        .filter(|m| m.content().contains("New RFC"))
        .count();
    assert_eq!(announced, 1);
    assert_eq!(h.sim.threads_of(fx.general).len(), 1);
    assert_eq!(h.sim.thread(thread.id).unwrap().starter_message, None);
    let warnings = h
        .announcements()
        .iter()
        .filter(|m| m.content().contains("for lack of"))
        .count();
    assert_eq!(warnings, 1, "told once");
}
