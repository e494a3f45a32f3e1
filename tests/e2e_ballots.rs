//! End to end: the real bot (same wiring as `main`) against the Discord simulator on 127.0.0.1.
//! Time moves through the injected clock; nothing sleeps for a deadline.

mod support;

use chrono::Duration;
use serde_json::{Value, json};
use steward::clock::Clock;
use support::bot::{Harness, ballot_id, custom_ids};

#[tokio::test]
async fn startup_registers_localized_commands_and_answers_setup() {
    let h = Harness::start().await;
    let commands = h.sim.commands();
    let names: Vec<&str> = commands.iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            // The foundation.
            vec!["govern", "vote", "wg", "roster", "review"],
            // RFCs and amendments.
            vec!["rfc", "amend", "decisions"],
            // Nominations.
            vec!["nominate"],
            // Releases and dependencies.
            vec!["release", "dependency"],
            // Cases, the annual review's publication, dissolution.
            // (`/report` works in DMs: registered globally, so listed after the guild's.)
            vec!["conflict", "Report to the TSC", "report"],
        ]
        .concat()
    );
    let vote = h.sim.command("vote").unwrap();
    assert_eq!(vote["name_localizations"]["de"], "abstimmung");
    assert_eq!(vote["description"], "Formal TSC ballots");
    let start = vote["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "start")
        .unwrap();
    assert_eq!(start["name_localizations"]["de"], "starten");
    let options: Vec<&str> = start["options"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    assert_eq!(options, vec!["title", "description", "duration", "secret"]);
    let title = &start["options"][0];
    assert_eq!(title["required"], true);
    assert_eq!(title["max_length"], 200);
    assert_eq!(title["name_localizations"]["de"], "titel");
    assert!(
        title["description_localizations"]["de"]
            .as_str()
            .unwrap()
            .contains("Frage")
    );

    h.setup().await;
    let show = h.sim.slash(h.sim.fx().bob, "govern show", json!({})).await;
    assert!(
        show.text()
            .contains(&format!("<@&{}>", h.sim.fx().tsc_role)),
        "{}",
        show.text()
    );
}

#[tokio::test]
async fn a_ballot_from_start_to_announced_result() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Adopt RFC 7").await;
    let id = ballot_id(&ballot);
    assert_eq!(
        custom_ids(&ballot),
        vec![
            format!("v2:ballot:{id}:vote:+1"),
            format!("v2:ballot:{id}:vote:0"),
            format!("v2:ballot:{id}:vote:-1"),
            format!("v2:ballot:{id}:withdraw"),
        ]
    );
    assert!(
        ballot.embed_text().contains("0 of 4 voted"),
        "{}",
        ballot.embed_text()
    );

    let r = h
        .sim
        .click(fx.alice, &ballot, &format!("v2:ballot:{id}:vote:+1"))
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("Recorded your vote +1"), "{}", r.text());
    h.sim
        .click(fx.bob, &ballot, &format!("v2:ballot:{id}:vote:+1"))
        .await;

    // A -1 asks for the concern first; nothing is recorded until it is given.
    let modal = h
        .sim
        .click(fx.carol, &ballot, &format!("v2:ballot:{id}:vote:-1"))
        .await;
    assert_eq!(
        modal.modal.as_ref().unwrap().custom_id,
        format!("v2:ballot:{id}:concern")
    );
    assert_eq!(h.count("votes").await, 2);
    let r = h
        .sim
        .submit_modal(
            fx.carol,
            fx.general,
            &format!("v2:ballot:{id}:concern"),
            &[("concern", "No migration guide")],
        )
        .await;
    assert!(r.text().contains("Recorded your vote -1"), "{}", r.text());

    let live = h
        .sim
        .wait_for_edit(ballot.id, |m| m.embed_text().contains("3 of 4 voted"))
        .await;
    assert!(live.embed_text().contains("No migration guide"));

    h.advance(Duration::hours(72));
    let result = h
        .sim
        .wait_for_message(fx.announcements, |m| m.embed_text().contains("Adopt RFC 7"))
        .await;
    let text = result.embed_text();
    assert!(text.contains("approved"), "{text}");
    assert!(text.contains("+1: **2** · 0: **0** · -1: **1**"), "{text}");
    assert!(text.contains("No migration guide"), "{text}");
    // The ballot message loses its buttons; nothing more is announced.
    h.sim
        .wait_for_edit(ballot.id, |m| m.buttons().is_empty())
        .await;
    h.advance_settled(Duration::hours(1)).await;
    assert_eq!(h.announcements().len(), 1);
}

#[tokio::test]
async fn buttons_keep_working_and_the_ballot_still_closes_after_a_restart() {
    let mut h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Restart-proof").await;
    let id = ballot_id(&ballot);
    h.sim
        .click(fx.alice, &ballot, &format!("v2:ballot:{id}:vote:+1"))
        .await;

    h.restart().await;
    let r = h
        .sim
        .click(fx.bob, &ballot, &format!("v2:ballot:{id}:vote:+1"))
        .await;
    assert!(r.text().contains("Recorded your vote +1"), "{}", r.text());
    h.sim
        .click(fx.carol, &ballot, &format!("v2:ballot:{id}:vote:0"))
        .await;

    h.advance(Duration::hours(73));
    let result = h
        .sim
        .wait_for_message(fx.announcements, |m| {
            m.embed_text().contains("Restart-proof")
        })
        .await;
    assert!(
        result.embed_text().contains("approved"),
        "{}",
        result.embed_text()
    );
    h.settle().await;
    assert_eq!(h.announcements().len(), 1);
}

#[tokio::test]
async fn an_announcement_failing_three_times_is_posted_once() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Flaky network").await;
    let id = ballot_id(&ballot);
    for user in [fx.alice, fx.bob, fx.carol] {
        h.sim
            .click(user, &ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
    }
    let route = format!("POST /channels/{}/messages", fx.announcements);
    h.sim.fail_next(route.as_str(), 3, 500);
    h.advance(Duration::hours(72));
    // Each failure backs off (5 s, 10 s, 20 s); move the clock past each.
    // Each failure is recorded, then retried after its backoff (5 s, 10 s, 20 s), not before.
    let key = format!("ballot:{id}:result");
    for (failures, wait) in [(1, 5), (2, 10), (3, 20)] {
        let row = h.outbox_row(&key, |r| r.attempts == failures).await;
        assert_eq!(row.next_attempt_at, h.clock.now() + Duration::seconds(wait));
        assert_eq!(h.sim.requests_to(route.as_str()).len(), failures as usize);
        h.advance(Duration::seconds(wait));
    }
    let result = h
        .sim
        .wait_for_message(fx.announcements, |m| {
            m.embed_text().contains("Flaky network")
        })
        .await;
    assert!(result.embed_text().contains("approved"));
    h.advance_settled(Duration::minutes(10)).await;
    assert_eq!(h.announcements().len(), 1);
    assert_eq!(
        h.sim.requests_to(route.as_str()).len(),
        4,
        "three failures, one success"
    );
}

#[tokio::test]
async fn a_rate_limited_announcement_waits_for_retry_after() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Slow down").await;
    let id = ballot_id(&ballot);
    h.sim
        .click(fx.alice, &ballot, &format!("v2:ballot:{id}:vote:+1"))
        .await;
    let route = format!("POST /channels/{}/messages", fx.announcements);
    h.sim.rate_limit_next(route.as_str(), 1, 30.0);
    h.advance(Duration::hours(72));
    h.sim.wait_for_request(route.as_str(), 1).await;
    // The failure is recorded with exactly the wait Discord asked for.
    let failed_at = h.clock.now();
    let row = h
        .outbox_row(&format!("ballot:{id}:result"), |r| r.attempts == 1)
        .await;
    assert_eq!(row.next_attempt_at, failed_at + Duration::seconds(30));
    assert!(row.delivered_at.is_none());
    h.advance_settled(Duration::seconds(29)).await;
    assert_eq!(h.sim.requests_to(route.as_str()).len(), 1);
    h.advance(Duration::seconds(1));
    h.sim
        .wait_for_message(fx.announcements, |m| m.embed_text().contains("Slow down"))
        .await;
    h.settle().await;
    assert_eq!(h.announcements().len(), 1);
    assert_eq!(h.sim.requests_to(route.as_str()).len(), 2);
}

#[tokio::test]
async fn bad_input_gets_a_localized_ephemeral_answer_and_changes_nothing() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Guarded").await;
    let id = ballot_id(&ballot);
    let before = (
        h.count("votes").await,
        h.count("ballots").await,
        h.count("vote_events").await,
    );

    let forged = h.sim.forge_click(fx.bob, &ballot, "ballot:1:vote:+5").await;
    assert!(forged.is_ephemeral());
    assert!(
        forged.text().contains("not one of Steward's"),
        "{}",
        forged.text()
    );
    let unknown = h
        .sim
        .forge_click(fx.bob, &ballot, &format!("v2:ballot:{}:vote:+1", id + 41))
        .await;
    assert!(
        unknown.text().contains("no such ballot"),
        "{}",
        unknown.text()
    );
    let not_tsc = h
        .sim
        .slash(fx.frank, "vote start", json!({"title": "Sneaky"}))
        .await;
    assert!(not_tsc.is_ephemeral());
    assert!(
        not_tsc.text().contains("Only members of the TSC"),
        "{}",
        not_tsc.text()
    );
    let bad_duration = h
        .sim
        .slash(
            fx.alice,
            "vote start",
            json!({"title": "Hasty", "duration": "1h"}),
        )
        .await;
    assert!(
        bad_duration.text().contains("at least 72 hours"),
        "{}",
        bad_duration.text()
    );
    h.sim
        .click(fx.bob, &ballot, &format!("v2:ballot:{id}:vote:-1"))
        .await;
    let no_concern = h
        .sim
        .submit_modal(
            fx.bob,
            fx.general,
            &format!("v2:ballot:{id}:concern"),
            &[("concern", "   ")],
        )
        .await;
    assert!(
        no_concern.text().contains("must carry a specific concern"),
        "{}",
        no_concern.text()
    );

    assert_eq!(
        (
            h.count("votes").await,
            h.count("ballots").await,
            h.count("vote_events").await
        ),
        before
    );
}

#[tokio::test]
async fn member_text_never_pings_anyone() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let title = format!("@everyone @here <@&{}> look", fx.tsc_role);
    let r = h
        .sim
        .slash(
            fx.alice,
            "vote start",
            json!({"title": title, "duration": "72h"}),
        )
        .await;
    assert!(r.text().contains("is open until"));
    h.sim
        .wait_for_message(fx.general, |m| !m.buttons().is_empty())
        .await;
    let posts: Vec<Value> = h
        .sim
        .requests()
        .into_iter()
        .filter(|r| {
            (r.method == "POST" || r.method == "PATCH")
                && (r.path.contains("/messages")
                    || r.path.contains("/callback")
                    || r.path.starts_with("/webhooks"))
        })
        .map(|r| r.body)
        // A deferred answer ("thinking…") carries no text to ping with.
        .filter(|body| body["type"] != 5)
        .collect();
    assert!(posts.len() >= 3, "{posts:?}");
    for body in posts {
        let mentions = body
            .get("allowed_mentions")
            .or_else(|| body.get("data").and_then(|d| d.get("allowed_mentions")))
            .unwrap_or_else(|| panic!("no allowed_mentions in {body}"));
        assert_eq!(mentions["parse"], json!([]), "{body}");
        assert!(
            mentions.get("roles").is_none_or(|r| r == &json!([])),
            "{body}"
        );
    }
}

#[tokio::test]
async fn german_members_get_german_replies() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    h.sim.set_locale(fx.bob, "de");
    let ballot = h.start_ballot("Sprache").await;
    let id = ballot_id(&ballot);
    let r = h
        .sim
        .click(fx.bob, &ballot, &format!("v2:ballot:{id}:vote:+1"))
        .await;
    assert!(r.text().contains("ist gespeichert"), "{}", r.text());
    let err = h
        .sim
        .slash(
            fx.bob,
            "vote cancel",
            json!({"ballot": id + 7, "reason": "x"}),
        )
        .await;
    assert!(
        err.text().contains("keine solche Abstimmung"),
        "{}",
        err.text()
    );
}

#[tokio::test]
async fn a_member_outside_the_tsc_votes_non_binding_and_never_decides() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Open to all").await;
    let id = ballot_id(&ballot);
    let r = h
        .sim
        .click(fx.frank, &ballot, &format!("v2:ballot:{id}:vote:+1"))
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("non-binding"), "{}", r.text());
    let live = h
        .sim
        .wait_for_edit(ballot.id, |m| m.embed_text().contains("Non-binding votes"))
        .await;
    assert!(
        live.embed_text().contains("0 of 4 voted"),
        "{}",
        live.embed_text()
    );
    h.advance(Duration::hours(72));
    let result = h
        .sim
        .wait_for_message(fx.announcements, |m| m.embed_text().contains("Open to all"))
        .await;
    assert!(
        result.embed_text().contains("no quorum"),
        "{}",
        result.embed_text()
    );
}

#[tokio::test]
async fn a_slow_member_list_still_gets_an_answer_within_discords_three_seconds() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    // Reading who holds the TSC role takes longer than Discord waits for an answer.
    h.sim.delay(
        "GET /guilds/{}/members",
        std::time::Duration::from_millis(3200),
    );
    let r = h
        .sim
        .slash(
            fx.alice,
            "vote start",
            json!({"title": "Patience", "duration": "72h"}),
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("is open until"), "{}", r.text());
    // Measured on the bot's side: from the interaction's arrival to its answer.
    h.assert_answered_in_time(r.interaction_id).await;
    assert_eq!(h.count("ballots").await, 1);
}

/// Discord shows `/govern` to everyone (its default permissions would hide `/govern show` too):
/// the bot itself refuses the set-up to a member without Manage Server, privately, changing
/// nothing.
#[tokio::test]
async fn setup_without_manage_server_is_refused_privately_and_changes_nothing() {
    let h = Harness::start().await;
    let fx = h.sim.fx().clone();
    let govern = h.sim.command("govern").unwrap();
    assert!(govern["default_member_permissions"].is_null());
    let r = h
        .sim
        .slash(
            fx.dave,
            "govern setup",
            json!({"tsc": fx.tsc_role, "announcements": fx.announcements}),
        )
        .await;
    assert!(r.is_ephemeral(), "{}", r.text());
    assert_eq!(
        r.text(),
        "Only members with the Manage Server permission can do that."
    );
    assert_eq!(h.count("guilds").await, 0);
    h.settle().await;
    assert!(h.announcements().is_empty());
}
