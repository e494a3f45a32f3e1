//! Releases end to end: the real bot against the Discord simulator, through the document's
//! seven steps, with a blocking issue that holds back the final approval until it is resolved.

mod support;

use chrono::Duration;
use serde_json::json;
use support::bot::{Harness, ballot_id};
use support::sim::{Fixture, SimMessage, SimThread};

const CHANGELOG: &str = "- Faster start-up\n- WASI preview 2 support";

struct People {
    releases: u64,
    /// A member of the community without a governance role.
    grace: u64,
    /// A second maintainer (erin, the proposer, is the first).
    heidi: u64,
}

async fn start() -> (Harness, People) {
    let mut fx = Fixture::standard();
    let people = People {
        releases: fx.add_text_channel("releases", None),
        grace: fx.add_member("grace", &[]),
        heidi: fx.add_member("heidi", &[fx.maintainers_role]),
    };
    let h = Harness::start_with(fx).await;
    h.setup_with(json!({"releases-channel": people.releases}))
        .await;
    (h, people)
}

/// alice, bob and carol vote +1 on the ballot message, and its deadline passes.
async fn approve_ballot(h: &Harness, ballot: &SimMessage) {
    let fx = h.sim.fx().clone();
    let id = ballot_id(ballot);
    for user in [fx.alice, fx.bob, fx.carol] {
        let r = h
            .sim
            .click(user, ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
        assert!(r.is_ephemeral(), "{}", r.text());
    }
    h.advance(Duration::hours(72));
}

/// The release's public thread, started from its card in the releases channel.
async fn release_thread(h: &Harness, releases: u64, name: &str) -> SimThread {
    let thread = h.sim.wait_for_thread(releases, |t| t.name == name).await;
    assert!(!thread.is_private(), "everyone may give feedback");
    thread
}

async fn card_at_step(h: &Harness, card: u64, step: u8) -> SimMessage {
    h.sim
        .wait_for_edit(card, |m| m.embed_text().contains(&format!("▶️ **{step}.")))
        .await
}

#[tokio::test]
async fn a_release_walks_the_seven_steps_and_a_blocker_holds_back_the_final_approval() {
    let (h, p) = start().await;
    let fx = h.sim.fx().clone();

    // Step 1: erin (a maintainer) proposes v1.4.0 with a changelog.
    let refused = h
        .sim
        .slash(p.grace, "release propose", json!({"version": "1.4.0"}))
        .await;
    assert!(refused.is_ephemeral());
    assert!(
        refused.text().contains("Only maintainers"),
        "{}",
        refused.text()
    );
    let bad = h
        .sim
        .slash(fx.erin, "release propose", json!({"version": "1.4"}))
        .await;
    assert!(bad.is_ephemeral());
    assert!(bad.text().contains("semantic version"), "{}", bad.text());
    let r = h
        .sim
        .slash(fx.erin, "release propose", json!({"version": "v1.4.0"}))
        .await;
    let form = r.modal().custom_id.clone();
    assert_eq!(form, "v2:release:1:plan");
    let r = h
        .sim
        .submit_modal(
            fx.erin,
            fx.general,
            &form,
            &[("changelog", CHANGELOG), ("planned", "2026-05-20")],
        )
        .await;
    assert!(r.text().contains("is before the TSC"), "{}", r.text());
    let card = h
        .sim
        .wait_for_message(p.releases, |m| m.embed_text().contains("Release v1.4.0"))
        .await;
    assert!(
        card.embed_text().contains("WASI preview 2 support"),
        "the changelog"
    );
    assert!(
        card.embed_text().contains("▶️ **2."),
        "{}",
        card.embed_text()
    );
    assert!(card.pinged_users().is_empty());

    // Step 3 before step 2 is refused.
    let early = h
        .sim
        .slash(
            fx.erin,
            "release rc",
            json!({"version": "1.4.0", "link": "https://example.org/v1.4.0-rc.1"}),
        )
        .await;
    assert!(early.is_ephemeral());
    assert!(
        early.text().contains("has not approved the release plan"),
        "{}",
        early.text()
    );

    // Step 2: the TSC approves the plan (its ballot is in #releases).
    let plan = h
        .sim
        .wait_for_message(p.releases, |m| {
            m.embed_text().contains("Release plan: v1.4.0") && !m.buttons().is_empty()
        })
        .await;
    approve_ballot(&h, &plan).await;
    card_at_step(&h, card.id, 3).await;

    // Step 3: rc1 opens the thread and the feedback window.
    let r = h
        .sim
        .slash(
            fx.erin,
            "release rc",
            json!({"version": "1.4.0", "link": "https://example.org/v1.4.0-rc.1"}),
        )
        .await;
    assert!(
        r.text().contains("rc1 of v1.4.0 is recorded"),
        "{}",
        r.text()
    );
    let card = card_at_step(&h, card.id, 4).await;
    let thread = release_thread(&h, p.releases, "Release v1.4.0").await;
    assert_eq!(
        thread.starter_message,
        Some(card.id),
        "started from the card"
    );

    // Step 4: the community's feedback, from the card's buttons.
    let works = h.sim.click(p.grace, &card, "v2:release:1:works").await;
    assert!(works.text().contains("is counted"), "{}", works.text());
    let form = h.sim.click(p.grace, &card, "v2:release:1:blocker").await;
    assert_eq!(form.modal().custom_id, "v2:release:1:blocker");
    let not_a_link = h
        .sim
        .submit_modal(
            p.grace,
            p.releases,
            "v2:release:1:blocker",
            &[("link", "issue 7"), ("reason", "Crashes on start")],
        )
        .await;
    assert!(not_a_link.is_ephemeral());
    assert!(
        not_a_link.text().contains("http:// or https://"),
        "{}",
        not_a_link.text()
    );
    let r = h
        .sim
        .submit_modal(
            p.grace,
            p.releases,
            "v2:release:1:blocker",
            &[
                ("link", "https://example.org/issues/7"),
                ("reason", "Crashes on start on arm64"),
            ],
        )
        .await;
    assert!(r.text().contains("Blocking issue #1"), "{}", r.text());
    let report = h
        .sim
        .wait_for_message(thread.id, |m| {
            m.embed_text().contains("Crashes on start on arm64")
        })
        .await;
    assert_eq!(
        report.pinged_users(),
        vec![fx.erin],
        "the proposer is asked to act"
    );
    let running = h
        .sim
        .slash(fx.erin, "release approve", json!({"version": "1.4.0"}))
        .await;
    assert!(running.is_ephemeral());
    assert!(
        running.text().contains("feedback window is still open"),
        "{}",
        running.text()
    );

    // Step 5: the window ends with the blocker open; the final approval waits for it.
    h.advance(Duration::days(7));
    card_at_step(&h, card.id, 5).await;
    let blocked = h
        .sim
        .slash(fx.erin, "release approve", json!({"version": "1.4.0"}))
        .await;
    assert!(blocked.is_ephemeral());
    assert!(
        blocked.text().contains("blocking issue is still open"),
        "{}",
        blocked.text()
    );
    let resolved = "v2:release:blocker:1:resolved";
    let not_allowed = h.sim.click(p.grace, &report, resolved).await;
    assert!(not_allowed.is_ephemeral());
    assert!(
        not_allowed.text().contains("Only maintainers"),
        "{}",
        not_allowed.text()
    );
    let form = h.sim.click(p.heidi, &report, resolved).await;
    assert_eq!(form.modal().custom_id, resolved);
    let r = h
        .sim
        .submit_modal(
            p.heidi,
            thread.id,
            resolved,
            &[("link", "https://example.org/pull/8")],
        )
        .await;
    assert!(r.text().contains("marked resolved"), "{}", r.text());
    let told = h
        .sim
        .wait_for_dm(p.grace, |m| m.content().contains("was marked resolved"))
        .await;
    assert!(
        told.content().contains("https://example.org/pull/8"),
        "{}",
        told.content()
    );
    card_at_step(&h, card.id, 6).await;

    // Step 6: the TSC approves the final release; it is published.
    let r = h
        .sim
        .slash(fx.erin, "release approve", json!({"version": "1.4.0"}))
        .await;
    assert!(
        r.text()
            .contains("final approval of v1.4.0 is before the TSC"),
        "{}",
        r.text()
    );
    let final_ballot = h
        .sim
        .wait_for_message(p.releases, |m| {
            m.embed_text().contains("Final release: v1.4.0") && !m.buttons().is_empty()
        })
        .await;
    let early = h
        .sim
        .slash(
            fx.erin,
            "release published",
            json!({"version": "1.4.0", "link": "https://example.org/v1.4.0"}),
        )
        .await;
    assert!(early.is_ephemeral());
    assert!(
        early.text().contains("not approved yet"),
        "{}",
        early.text()
    );
    approve_ballot(&h, &final_ballot).await;
    h.sim
        .wait_for_edit(card.id, |m| {
            m.embed_text().contains("waiting for the publication")
        })
        .await;
    let r = h
        .sim
        .slash(
            fx.erin,
            "release published",
            json!({"version": "1.4.0", "link": "https://example.org/v1.4.0"}),
        )
        .await;
    assert!(r.text().contains("recorded as published"), "{}", r.text());

    // Step 7: announced to the community once, with the changelog and links.
    let announcement = h
        .sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("v1.4.0 is released")
        })
        .await;
    assert!(announcement.content().contains("WASI preview 2 support"));
    assert!(
        announcement
            .content()
            .contains("https://example.org/v1.4.0")
    );
    assert!(announcement.pinged_users().is_empty());
    let card = h
        .sim
        .wait_for_edit(card.id, |m| {
            m.embed_text().contains("published and announced")
        })
        .await;
    let text = card.embed_text();
    assert!(text.contains("✅ 7. Announcement"), "{text}");
    assert!(
        !text.contains("▶️") && !text.contains("▫️"),
        "every step done: {text}"
    );
    assert!(
        text.contains("✅ #1 https://example.org/issues/7"),
        "{text}"
    );
    assert!(card.buttons().is_empty(), "feedback is closed");
    h.advance_settled(Duration::hours(1)).await;
    let announcements = h
        .sim
        .channel_messages(fx.announcements)
        .into_iter()
        .filter(|m| m.content().contains("is released"))
        .count();
    assert_eq!(announcements, 1, "announced exactly once");
    // One card for the release, edited through all seven steps, never reposted.
    let cards = h
        .sim
        .channel_messages(p.releases)
        .into_iter()
        .filter(|m| m.embed_text().contains("Release v1.4.0"))
        .count();
    assert_eq!(cards, 1, "the card is edited, never reposted");
    // A forged button for a release that does not exist changes nothing.
    let forged = h
        .sim
        .forge_click(p.grace, &card, "v2:release:9:works")
        .await;
    assert!(forged.is_ephemeral());
    assert!(
        forged.text().contains("no such release"),
        "{}",
        forged.text()
    );
    let info = h.sim.slash(p.grace, "release list", json!({})).await;
    assert!(
        info.text().contains("v1.4.0: published and announced"),
        "{}",
        info.text()
    );
}

#[tokio::test]
async fn a_reporter_with_closed_dms_is_mentioned_in_the_thread() {
    let (h, p) = start().await;
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(fx.erin, "release propose", json!({"version": "2.0.0"}))
        .await;
    let form = r.modal().custom_id.clone();
    h.sim
        .submit_modal(
            fx.erin,
            fx.general,
            &form,
            &[
                ("changelog", "- Breaking: new API"),
                ("planned", "2026-06-01"),
            ],
        )
        .await;
    let plan = h
        .sim
        .wait_for_message(p.releases, |m| {
            m.embed_text().contains("Release plan: v2.0.0") && !m.buttons().is_empty()
        })
        .await;
    approve_ballot(&h, &plan).await;
    let card = h
        .sim
        .wait_for_message(p.releases, |m| m.embed_text().contains("▶️ **3."))
        .await;
    h.sim
        .slash(
            fx.erin,
            "release rc",
            json!({"version": "2.0.0", "link": "https://example.org/rc1"}),
        )
        .await;
    let card = card_at_step(&h, card.id, 4).await;
    h.sim.close_dms(p.grace);
    h.sim.click(p.grace, &card, "v2:release:1:blocker").await;
    h.sim
        .submit_modal(
            p.grace,
            p.releases,
            "v2:release:1:blocker",
            &[
                ("link", "https://example.org/issues/9"),
                ("reason", "Docs are wrong"),
            ],
        )
        .await;
    let thread = release_thread(&h, p.releases, "Release v2.0.0").await;
    let report = h
        .sim
        .wait_for_message(thread.id, |m| m.embed_text().contains("Docs are wrong"))
        .await;
    let not_blocking = "v2:release:blocker:1:not-blocking";
    h.sim.click(p.heidi, &report, not_blocking).await;
    h.sim
        .submit_modal(
            p.heidi,
            thread.id,
            not_blocking,
            &[("reason", "The docs ship separately")],
        )
        .await;
    let told = h
        .sim
        .wait_for_message(thread.id, |m| m.content().contains("judged not blocking"))
        .await;
    assert_eq!(told.pinged_users(), vec![p.grace]);
    assert!(told.content().contains("The docs ship separately"));

    // A German member reads the release in German: where it stands and its blocker, decided.
    h.sim.set_locale(p.grace, "de");
    let info = h
        .sim
        .slash(p.grace, "release info", json!({"version": "2.0.0"}))
        .await;
    assert!(info.is_ephemeral());
    let text = info
        .embeds()
        .iter()
        .map(|e| e.to_string())
        .collect::<String>();
    assert!(text.contains("Feedback der Community"), "{text}");
    assert!(
        text.contains("https://example.org/issues/9: nicht blockierend"),
        "{text}"
    );
    assert!(!text.contains("Community feedback"), "{text}");
    let refused = h
        .sim
        .slash(p.grace, "release approve", json!({"version": "2.0.0"}))
        .await;
    assert!(refused.is_ephemeral());
    assert!(
        refused.text().contains("Nur Maintainer und TSC-Mitglieder"),
        "{}",
        refused.text()
    );
}
