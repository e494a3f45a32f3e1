//! RFCs end to end, the ways members find and misuse them: autocomplete of RFC and ballot
//! numbers (ballots on private subjects offered to the TSC only), and bad input (links,
//! invisible text, forged buttons, the wrong member), each answered ephemerally with nothing
//! changed.

#[allow(
    dead_code,
    reason = "each RFC test file uses a different part of the steps"
)]
mod rfc_steps;
mod support;

use chrono::Duration;
use rfc_steps::{LINK, TITLE, button, open, place, set_up};
use serde_json::json;
use support::bot::Harness;

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
    // The chosen number shows the card, with a link to its post.
    let (post, _) = place(&h, fx.forum, 1).await;
    let thread = post.id;
    let r = h
        .sim
        .slash(fx.frank, "rfc info", json!({"rfc": by_title[0].1}))
        .await;
    assert!(r.is_ephemeral());
    assert_eq!(r.content(), format!("<#{thread}>"));
    assert!(
        r.text().contains("A global pool with quotas"),
        "{}",
        r.text()
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

#[tokio::test]
async fn ballots_on_private_subjects_are_offered_and_shown_to_the_tsc_only() {
    let h = Harness::start().await;
    let fx = h.sim.fx().clone();
    set_up(&h, fx.forum).await;
    // erin nominates frank, who accepts: the TSC's secret ballot opens in its private thread.
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
    let accept = dm
        .custom_ids()
        .into_iter()
        .find(|id| id.ends_with(":accept"))
        .unwrap();
    h.sim.click(fx.frank, &dm, &accept).await;
    let thread = h
        .sim
        .wait_for_thread(fx.tsc_private, |t| t.is_private())
        .await;
    h.sim
        .wait_for_message(thread.id, |m| !m.buttons().is_empty())
        .await;

    // The TSC finds it by number and reads it.
    let offered = h
        .sim
        .autocomplete(fx.alice, fx.general, "vote status", "ballot", "", json!({}))
        .await;
    assert_eq!(offered.len(), 1, "{offered:?}");
    let r = h
        .sim
        .slash(fx.alice, "vote status", json!({"ballot": 1}))
        .await;
    assert!(r.text().contains("Nomination #1"), "{}", r.text());

    // Anyone else, the nominator and the nominee included: no such ballot, anywhere.
    for member in [fx.erin, fx.frank] {
        let offered = h
            .sim
            .autocomplete(member, fx.general, "vote status", "ballot", "", json!({}))
            .await;
        assert!(offered.is_empty(), "{offered:?}");
        let r = h.sim.slash(member, "vote list", json!({})).await;
        assert!(r.text().contains("No ballots are open"), "{}", r.text());
        let r = h
            .sim
            .slash(member, "vote status", json!({"ballot": 1}))
            .await;
        assert!(r.is_ephemeral());
        assert!(r.text().contains("There is no such ballot"), "{}", r.text());
    }
}
