//! The buttons with no other end-to-end test: "Withdraw my vote" on a ballot, "Move me to
//! emeritus" in the contact DM, and the end-of-charter button that opens a group's closing
//! ballot.

mod support;

use chrono::{DateTime, Duration, Months, TimeZone, Utc};
use serde_json::json;
use support::bot::{Harness, ballot_id};
use support::groups::{approve, approved_group};

#[tokio::test]
async fn withdraw_my_vote_takes_the_vote_and_its_concern_back() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Adopt RFC 7").await;
    let id = ballot_id(&ballot);
    let withdraw = format!("v2:ballot:{id}:withdraw");
    assert_eq!(
        ballot.button(&withdraw).unwrap().label.as_deref(),
        Some("Withdraw my vote")
    );
    h.sim
        .click(fx.alice, &ballot, &format!("v2:ballot:{id}:vote:+1"))
        .await;
    h.sim
        .click(fx.bob, &ballot, &format!("v2:ballot:{id}:vote:-1"))
        .await;
    h.sim
        .submit_modal(
            fx.bob,
            fx.general,
            &format!("v2:ballot:{id}:concern"),
            &[("concern", "No migration guide")],
        )
        .await;
    h.sim
        .wait_for_edit(ballot.id, |m| {
            m.embed_text().contains("2 of 4 voted") && m.embed_text().contains("No migration guide")
        })
        .await;

    let none = h.sim.click(fx.carol, &ballot, &withdraw).await;
    assert!(none.is_ephemeral());
    assert!(
        none.text().contains("no vote on this ballot to withdraw"),
        "{}",
        none.text()
    );
    let r = h.sim.click(fx.bob, &ballot, &withdraw).await;
    assert!(r.is_ephemeral());
    assert_eq!(
        r.text(),
        format!("Withdrew your vote on ballot #{id} \"Adopt RFC 7\".")
    );
    let edited = h
        .sim
        .wait_for_edit(ballot.id, |m| m.embed_text().contains("1 of 4 voted"))
        .await;
    assert!(
        !edited.embed_text().contains("No migration guide"),
        "the concern goes with the vote: {}",
        edited.embed_text()
    );
    let again = h.sim.click(fx.bob, &ballot, &withdraw).await;
    assert!(
        again.text().contains("no vote on this ballot to withdraw"),
        "{}",
        again.text()
    );
    // Counted at the deadline without it: alice's +1 alone is no quorum of four.
    h.advance(Duration::hours(73));
    let result = h
        .sim
        .wait_for_message(fx.announcements, |m| m.embed_text().contains("Adopt RFC 7"))
        .await;
    let text = result.embed_text();
    assert!(text.contains("no quorum"), "{text}");
    assert!(text.contains("+1: **1** · 0: **0** · -1: **0**"), "{text}");
    assert!(!text.contains("No migration guide"), "{text}");
}

fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap()
}

async fn scalar(h: &Harness, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(h.bot().app().db())
        .await
        .unwrap()
}

/// Waits (bounded) until the query answers `want`.
async fn wait_scalar(h: &Harness, sql: &str, want: i64) {
    for _ in 0..3000 {
        if scalar(h, sql).await == want {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("{sql} never answered {want} (got {})", scalar(h, sql).await);
}

/// Moves the clock to `at` and waits for that day's succession pass and what it queued.
async fn at(h: &Harness, at: DateTime<Utc>) {
    h.clock.set(at);
    h.bot().wake();
    let pass = format!(
        "SELECT COUNT(*) >= 1 FROM jobs WHERE dedupe_key LIKE 'succession:%' AND done_at >= {}",
        at.timestamp_millis()
    );
    wait_scalar(h, &pass, 1).await;
    h.settle().await;
}

#[tokio::test]
async fn move_me_to_emeritus_swaps_the_roles_and_thanks_the_member_once() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    wait_scalar(&h, "SELECT COUNT(*) FROM roster_roles", 5).await;
    at(&h, start_time()).await;
    // alice, bob and carol stay active; dave says nothing for three months.
    let three = start_time().checked_add_months(Months::new(3)).unwrap();
    at(&h, three - Duration::days(1)).await;
    for who in [fx.alice, fx.bob, fx.carol] {
        h.sim.slash(who, "roster show", json!({})).await;
    }
    at(&h, three).await;
    let dm = h
        .sim
        .wait_for_dm(fx.dave, |m| !m.buttons().is_empty())
        .await;
    let emeritus = dm
        .buttons()
        .into_iter()
        .find(|b| b.label.as_deref() == Some("Move me to emeritus"))
        .and_then(|b| b.custom_id)
        .expect("the emeritus button");

    let r = h.sim.click(fx.dave, &dm, &emeritus).await;
    assert!(r.is_ephemeral());
    assert!(
        r.text().contains("Your role is moving to emeritus"),
        "{}",
        r.text()
    );
    h.sim.wait_for_role(fx.dave, fx.tsc_role, false).await;
    h.sim.wait_for_role(fx.dave, fx.emeritus_role, true).await;
    let thanks = h
        .sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("moved to emeritus")
        })
        .await;
    assert_eq!(
        thanks.content(),
        format!(
            "<@{}> has moved to emeritus status. Thank you for your work on the project!",
            fx.dave
        )
    );
    assert!(thanks.pinged_users().is_empty());
    let roster = h.sim.slash(fx.frank, "roster show", json!({})).await;
    let text = roster.text();
    let emeritus_section = text.split("Emeritus").nth(1).unwrap_or_default();
    assert!(
        emeritus_section.contains(&format!("<@{}>", fx.dave)),
        "{text}"
    );

    // A second click changes nothing and thanks nobody again.
    let twice = h.sim.click(fx.dave, &dm, &emeritus).await;
    assert!(twice.is_ephemeral());
    at(&h, three + Duration::days(1)).await;
    let thanked = h
        .announcements()
        .iter()
        .filter(|m| m.content().contains("moved to emeritus"))
        .count();
    assert_eq!(thanked, 1);
    assert!(!h.sim.has_role(fx.dave, fx.tsc_role));
}

#[tokio::test]
async fn the_end_of_charter_button_opens_the_closing_ballot_that_archives_the_group() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let channel = approved_group(&h, json!({"ends": "2026-07-01"})).await;
    let role = h.sim.role_by_name("WASI Preview 2").unwrap().id;
    let ends = Utc.with_ymd_and_hms(2026, 7, 1, 0, 0, 0).unwrap();

    // Fourteen days before, the chair is reminded in the group's channel.
    h.clock.set(ends - Duration::days(14) - Duration::hours(1));
    h.advance_settled(Duration::hours(2)).await;
    let soon = h
        .sim
        .wait_for_message(channel, |m| m.content().contains("ends <t:"))
        .await;
    assert_eq!(soon.pinged_users(), vec![fx.erin]);
    assert!(
        !h.sim
            .channel_messages(fx.tsc_private)
            .iter()
            .any(|m| !m.buttons().is_empty() && m.content().contains("ended")),
        "no closing button before the end"
    );

    h.advance(Duration::days(14));
    let reached = h
        .sim
        .wait_for_message(fx.tsc_private, |m| {
            m.content().contains("The charter of **WASI Preview 2**")
                && m.content().contains("ended")
        })
        .await;
    let button = reached
        .buttons()
        .into_iter()
        .find(|b| b.label.as_deref() == Some("Open the closing ballot"))
        .and_then(|b| b.custom_id)
        .expect("the closing button");
    let refused = h.sim.click(fx.erin, &reached, &button).await;
    assert!(refused.is_ephemeral());
    assert!(
        refused.text().contains("Only members of the TSC"),
        "{}",
        refused.text()
    );
    assert_eq!(h.count("ballots").await, 1, "only the charter's ballot");

    let r = h.sim.click(fx.alice, &reached, &button).await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("is open"), "{}", r.text());
    let ballot = h
        .sim
        .wait_for_message(fx.tsc_private, |m| {
            m.embed_text()
                .contains("Close working group: WASI Preview 2")
                && !m.buttons().is_empty()
        })
        .await;
    assert!(
        ballot
            .embed_text()
            .contains("The charter's end date has passed."),
        "{}",
        ballot.embed_text()
    );
    // A second click while the ballot runs opens no second one.
    let twice = h.sim.click(fx.bob, &reached, &button).await;
    assert!(twice.text().contains("still open"), "{}", twice.text());
    approve(&h, &ballot).await;

    h.sim
        .wait_for_message(fx.announcements, |m| {
            m.content()
                .contains("Working group **WASI Preview 2** is closed")
        })
        .await;
    h.sim.wait_for_role(fx.erin, role, false).await;
    h.sim.wait_for_role(fx.frank, role, false).await;
    let archived = h
        .sim
        .channels()
        .into_iter()
        .find(|c| c.id == channel)
        .unwrap();
    let everyone = archived
        .permission_overwrites
        .iter()
        .find(|o| o["id"] == fx.guild.to_string().as_str())
        .expect("an @everyone overwrite");
    let denied: u64 = everyone["deny"].as_str().unwrap().parse().unwrap();
    assert_ne!(denied & (1 << 11), 0, "members can no longer send messages");
    let list = h.sim.slash(fx.frank, "wg list", json!({})).await;
    assert!(list.text().contains("(closed)"), "{}", list.text());
}
