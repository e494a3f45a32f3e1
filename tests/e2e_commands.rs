//! The read and set-up commands end to end, as members use them: `/govern policy`,
//! `/govern policy-set` (before and after the first ballot), `/vote status`, `/vote list`,
//! `/wg info`, `/wg chair`, `/wg report` and `/review now`.

mod support;

use chrono::Duration;
use serde_json::json;
use steward::clock::Clock;
use support::bot::{Harness, ballot_id};
use support::groups::{approve, approved_group};

/// The `setting = value` line `/govern policy` shows for a setting.
fn policy_line(h: &str, setting: &str) -> String {
    h.lines()
        .find(|l| l.starts_with(&format!("`{setting}` =")))
        .unwrap_or_else(|| panic!("no {setting} in {h}"))
        .to_owned()
}

#[tokio::test]
async fn policy_set_changes_the_number_before_the_first_ballot_and_points_to_amend_after() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let shown = h.sim.slash(fx.frank, "govern policy", json!({})).await;
    assert!(shown.is_ephemeral());
    assert_eq!(
        policy_line(&shown.text(), "min_voting_hours"),
        "`min_voting_hours` = `72`"
    );
    assert_eq!(policy_line(&shown.text(), "quorum"), "`quorum` = `1/2`");

    // Not the TSC: refused, nothing changes.
    let set = |who, setting: &str, value: &str| {
        h.sim.slash(
            who,
            "govern policy-set",
            json!({"setting": setting, "value": value}),
        )
    };
    let refused = set(fx.frank, "min_voting_hours", "96").await;
    assert!(refused.is_ephemeral());
    assert!(
        refused.text().contains("Only members of the TSC"),
        "{}",
        refused.text()
    );
    // A value that breaks a bound names it and changes nothing.
    let bound = set(fx.bob, "quorum", "1/1").await;
    assert!(
        bound.text().contains("strictly between 0 and 1"),
        "{}",
        bound.text()
    );

    // Before: a 48-hour ballot is too short (and opens nothing).
    let short = h
        .sim
        .slash(
            fx.alice,
            "vote start",
            json!({"title": "Quick", "duration": "48h"}),
        )
        .await;
    assert!(
        short.text().contains("at least 72 hours"),
        "{}",
        short.text()
    );

    let changed = set(fx.bob, "min_voting_hours", "48").await;
    assert!(changed.is_ephemeral());
    assert!(
        changed.text().contains("`min_voting_hours` is now `48`"),
        "{}",
        changed.text()
    );
    let told = h
        .sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("Governance policy")
        })
        .await;
    assert_eq!(
        told.content(),
        format!(
            "Governance policy: <@{}> set `min_voting_hours` to `48`.",
            fx.bob
        )
    );
    assert!(
        told.pinged_users().is_empty(),
        "the TSC is told, nobody pinged"
    );
    let shown = h.sim.slash(fx.frank, "govern policy", json!({})).await;
    assert_eq!(
        policy_line(&shown.text(), "min_voting_hours"),
        "`min_voting_hours` = `48`"
    );
    assert_eq!(policy_line(&shown.text(), "quorum"), "`quorum` = `1/2`");
    // The number is in force: the 48-hour ballot opens now.
    let opened = h
        .sim
        .slash(
            fx.alice,
            "vote start",
            json!({"title": "Quick", "duration": "48h"}),
        )
        .await;
    assert!(opened.text().contains("is open until"), "{}", opened.text());

    // After the first ballot: a refusal that points to `/amend propose`, nothing changed.
    let late = set(fx.bob, "min_voting_hours", "60").await;
    assert!(late.is_ephemeral());
    assert!(late.text().contains("/amend propose"), "{}", late.text());
    assert!(
        late.text().contains("Nothing was changed"),
        "{}",
        late.text()
    );
    let shown = h.sim.slash(fx.frank, "govern policy", json!({})).await;
    assert_eq!(
        policy_line(&shown.text(), "min_voting_hours"),
        "`min_voting_hours` = `48`"
    );
    h.settle().await;
    let policy_posts = h
        .announcements()
        .iter()
        .filter(|m| m.content().contains("Governance policy"))
        .count();
    assert_eq!(policy_posts, 1, "only the change is announced");
}

#[tokio::test]
async fn vote_status_and_list_show_the_open_ballots_and_a_closed_result() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let empty = h.sim.slash(fx.frank, "vote list", json!({})).await;
    assert_eq!(empty.text(), "No ballots are open.");

    let first = h.start_ballot("Adopt RFC 7").await;
    let second = h.start_ballot("Move CI").await;
    let (a, b) = (ballot_id(&first), ballot_id(&second));
    h.sim
        .click(fx.alice, &first, &format!("v2:ballot:{a}:vote:+1"))
        .await;
    h.sim
        .click(fx.bob, &first, &format!("v2:ballot:{a}:vote:-1"))
        .await;
    h.sim
        .submit_modal(
            fx.bob,
            fx.general,
            &format!("v2:ballot:{a}:concern"),
            &[("concern", "No migration guide")],
        )
        .await;

    let list = h.sim.slash(fx.frank, "vote list", json!({})).await;
    assert!(list.is_ephemeral());
    let text = list.text();
    let closes = (h.clock.now() + Duration::hours(72)).timestamp();
    assert!(
        text.contains(&format!(
            "**#{a}** Adopt RFC 7: 2/4 voted, closes <t:{closes}:R>"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("**#{b}** Move CI: 0/4 voted")),
        "{text}"
    );

    let status = h
        .sim
        .slash(fx.frank, "vote status", json!({"ballot": a}))
        .await;
    assert!(status.is_ephemeral());
    let shown = status.text();
    assert!(shown.contains("Adopt RFC 7"), "{shown}");
    assert!(shown.contains("2 of 4 voted"), "{shown}");
    assert!(shown.contains("No migration guide"), "{shown}");
    assert!(!shown.contains("Move CI"), "{shown}");
    let unknown = h
        .sim
        .slash(fx.frank, "vote status", json!({"ballot": b + 40}))
        .await;
    assert!(
        unknown.text().contains("no such ballot"),
        "{}",
        unknown.text()
    );

    // After the deadline: the list empties, the status shows the outcome.
    h.advance(Duration::hours(73));
    h.sim
        .wait_for_edit(first.id, |m| m.buttons().is_empty())
        .await;
    h.sim
        .wait_for_edit(second.id, |m| m.buttons().is_empty())
        .await;
    let list = h.sim.slash(fx.frank, "vote list", json!({})).await;
    assert_eq!(list.text(), "No ballots are open.");
    let status = h
        .sim
        .slash(fx.frank, "vote status", json!({"ballot": b}))
        .await;
    assert!(status.text().contains("no quorum"), "{}", status.text());
}

#[tokio::test]
async fn wg_info_shows_the_charter_chair_members_and_next_report() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    approved_group(&h, json!({"report-every": "2w"})).await;
    let activated = h.clock.now();
    let r = h
        .sim
        .slash(fx.frank, "wg info", json!({"name": "WASI Preview 2"}))
        .await;
    assert!(r.is_ephemeral());
    let text = r.text();
    assert!(text.contains("WASI Preview 2: WASI"), "{text}");
    assert!(text.contains(&format!("Chair\n<@{}>", fx.erin)), "{text}");
    assert!(text.contains("every 14 days"), "{text}");
    let due = (activated + Duration::days(14)).timestamp();
    assert!(
        text.contains(&format!("Next report due\n<t:{due}:D>")),
        "{text}"
    );
    assert!(text.contains("2 members"), "{text}");
    assert!(text.contains(&format!("<@{}>", fx.frank)), "{text}");
    assert!(text.contains("Design WASI preview 2 support"), "{text}");
    assert!(text.contains("A report every four weeks"), "{text}");
    let missing = h
        .sim
        .slash(fx.frank, "wg info", json!({"name": "Nope"}))
        .await;
    assert!(
        missing.text().contains("no such working group"),
        "{}",
        missing.text()
    );
}

#[tokio::test]
async fn wg_chair_opens_a_ballot_and_its_approval_makes_the_new_chair() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    approved_group(&h, json!({})).await;
    let role = h.sim.role_by_name("WASI Preview 2").unwrap().id;

    let refused = h
        .sim
        .slash(
            fx.frank,
            "wg chair",
            json!({"name": "WASI Preview 2", "member": fx.frank}),
        )
        .await;
    assert!(refused.is_ephemeral());
    assert!(
        refused.text().contains("Only the group's chair"),
        "{}",
        refused.text()
    );
    let r = h
        .sim
        .slash(
            fx.erin,
            "wg chair",
            json!({"name": "WASI Preview 2", "member": fx.frank}),
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("is open"), "{}", r.text());
    let ballot = h
        .sim
        .wait_for_message(fx.general, |m| {
            m.embed_text()
                .contains("New chair for working group WASI Preview 2")
                && !m.buttons().is_empty()
        })
        .await;
    let text = ballot.embed_text();
    assert!(
        text.contains(&format!(
            "Appoint <@{}> as chair of WASI Preview 2 (now: <@{}>)",
            fx.frank, fx.erin
        )),
        "{text}"
    );
    assert!(text.contains("0 of 4 voted"), "the TSC decides: {text}");
    approve(&h, &ballot).await;

    let result = h
        .sim
        .wait_for_message(fx.announcements, |m| {
            m.embed_text().contains("New chair for working group")
        })
        .await;
    assert!(
        result.embed_text().contains("approved"),
        "{}",
        result.embed_text()
    );
    let info = h
        .sim
        .slash(fx.frank, "wg info", json!({"name": "WASI Preview 2"}))
        .await;
    assert!(
        info.text().contains(&format!("Chair\n<@{}>", fx.frank)),
        "{}",
        info.text()
    );
    let list = h.sim.slash(fx.dave, "wg list", json!({})).await;
    assert!(
        list.text().contains(&format!(
            "- WASI Preview 2 - WASI - <@{}> (active)",
            fx.frank
        )),
        "{}",
        list.text()
    );
    // The new chair acts as chair; the old one no longer does.
    let r = h
        .sim
        .slash(fx.erin, "wg report", json!({"name": "WASI Preview 2"}))
        .await;
    assert!(
        r.text().contains("Only the group's chair files"),
        "{}",
        r.text()
    );
    let r = h
        .sim
        .slash(fx.frank, "wg report", json!({"name": "WASI Preview 2"}))
        .await;
    assert_eq!(r.modal().custom_id, "v2:wg:1:report");
    assert!(h.sim.has_role(fx.frank, role));
}

#[tokio::test]
async fn wg_report_is_posted_for_the_tsc_and_moves_the_next_due_date() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let channel = approved_group(&h, json!({})).await;
    h.advance_settled(Duration::days(10)).await;

    let refused = h
        .sim
        .slash(fx.frank, "wg report", json!({"name": "WASI Preview 2"}))
        .await;
    assert!(
        refused.text().contains("Only the group's chair files"),
        "{}",
        refused.text()
    );
    let form = h
        .sim
        .slash(fx.erin, "wg report", json!({"name": "WASI Preview 2"}))
        .await;
    assert_eq!(form.modal().custom_id, "v2:wg:1:report");
    let blank = h
        .sim
        .submit_modal(
            fx.erin,
            fx.general,
            "v2:wg:1:report",
            &[("report", "\u{200b}")],
        )
        .await;
    assert!(blank.text().contains("cannot be empty"), "{}", blank.text());
    let r = h
        .sim
        .submit_modal(
            fx.erin,
            fx.general,
            "v2:wg:1:report",
            &[("report", "RFC drafted; prototype next month")],
        )
        .await;
    assert!(r.is_ephemeral());
    // The next report is due one cadence (4 weeks) after this one, not at the old date.
    let next = (h.clock.now() + Duration::days(28)).timestamp();
    assert!(r.text().contains("is filed"), "{}", r.text());
    assert!(r.text().contains(&format!("{next}")), "{}", r.text());
    let posted = h
        .sim
        .wait_for_message(fx.tsc_private, |m| m.embed_text().contains("RFC drafted"))
        .await;
    assert!(posted.embed_text().contains("Report of WASI Preview 2"));
    assert!(
        !h.sim
            .channel_messages(channel)
            .iter()
            .any(|m| m.embed_text().contains("RFC drafted")),
        "the report goes to the TSC, not the group's channel"
    );
    let info = h
        .sim
        .slash(fx.frank, "wg info", json!({"name": "WASI Preview 2"}))
        .await;
    assert!(
        info.text()
            .contains(&format!("Next report due\n<t:{next}:D>")),
        "{}",
        info.text()
    );
    // No reminder at the old due date (28 days after activation): the report covered it.
    h.advance_settled(Duration::days(20)).await;
    assert!(
        !h.sim
            .channel_messages(channel)
            .iter()
            .any(|m| m.content().contains("is due")),
        "no reminder for a filed report"
    );
}

#[tokio::test]
async fn review_now_gives_the_tsc_the_summary_and_refuses_others() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Adopt RFC 7").await;
    let id = ballot_id(&ballot);
    for who in [fx.alice, fx.bob, fx.carol] {
        h.sim
            .click(who, &ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
    }
    h.advance(Duration::hours(73));
    h.sim
        .wait_for_edit(ballot.id, |m| m.buttons().is_empty())
        .await;
    // The review covers the twelve months before now (a half-open period): let time pass.
    h.advance_settled(Duration::hours(1)).await;
    h.start_ballot("Still open").await;

    let refused = h.sim.slash(fx.frank, "review now", json!({})).await;
    assert!(refused.is_ephemeral());
    assert!(
        refused.text().contains("Only members of the TSC"),
        "{}",
        refused.text()
    );
    let r = h.sim.slash(fx.bob, "review now", json!({})).await;
    assert!(r.is_ephemeral());
    let text = r.text();
    assert!(text.contains("**Annual review**"), "{text}");
    assert!(
        text.contains("**Ballots decided: 1** (still open: 1)"),
        "{text}"
    );
    assert!(
        text.contains(&format!("#{id} Adopt RFC 7 — approved")),
        "{text}"
    );
    assert!(
        text.contains("**Now**: 4 TSC members, 1 maintainers"),
        "{text}"
    );
    assert!(r.message().pinged_users().is_empty());
    // Nothing is posted: the summary is for the member who asked.
    h.settle().await;
    assert!(
        !h.sim
            .channel_messages(fx.tsc_private)
            .iter()
            .any(|m| m.text().contains("Annual review"))
    );
}
