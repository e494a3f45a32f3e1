//! Working groups end to end: the real bot against the Discord simulator, from `/wg create` to
//! the archived channel.

mod support;

use chrono::Duration;
use serde_json::json;
use support::bot::{Harness, ballot_id};
use support::sim::SimMessage;

const CHARTER: [(&str, &str); 5] = [
    ("scope", "Design WASI preview 2 support"),
    ("deliverables", "An RFC and a prototype"),
    ("timeline", "Six months"),
    ("resources", "CI minutes on arm64"),
    ("reporting", "A report every four weeks"),
];

/// erin (a maintainer) proposes "WASI Preview 2" chaired by herself with frank as founding
/// member; returns the charter ballot's message.
async fn propose(h: &Harness) -> SimMessage {
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(
            fx.erin,
            "wg create",
            json!({"name": "WASI Preview 2", "focus": "WASI", "chair": fx.erin, "members": format!("<@{}>", fx.frank)}),
        )
        .await;
    let modal = r.modal();
    assert_eq!(modal.custom_id, "v2:wg:1:charter");
    let r = h
        .sim
        .submit_modal(fx.erin, fx.general, "v2:wg:1:charter", &CHARTER)
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("is before the TSC"), "{}", r.text());
    h.sim
        .wait_for_message(fx.general, |m| {
            m.embed_text()
                .contains("Establish working group: WASI Preview 2")
        })
        .await
}

async fn vote(h: &Harness, ballot: &SimMessage, choice: &str) {
    let fx = h.sim.fx().clone();
    let id = ballot_id(ballot);
    for user in [fx.alice, fx.bob, fx.carol] {
        if choice == "-1" {
            h.sim
                .click(user, ballot, &format!("v2:ballot:{id}:vote:-1"))
                .await;
            h.sim
                .submit_modal(
                    user,
                    fx.general,
                    &format!("v2:ballot:{id}:concern"),
                    &[("concern", "Scope too wide")],
                )
                .await;
        } else {
            h.sim
                .click(user, ballot, &format!("v2:ballot:{id}:vote:{choice}"))
                .await;
        }
    }
    h.advance(Duration::days(7));
}

/// Proposes and approves the group; returns its channel id once the charter is pinned.
async fn approved_group(h: &Harness) -> u64 {
    let ballot = propose(h).await;
    vote(h, &ballot, "+1").await;
    let fx = h.sim.fx().clone();
    h.sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("New working group")
        })
        .await;
    h.sim
        .channel_by_name("wasi-preview-2")
        .expect("the group's channel")
        .id
}

#[tokio::test]
async fn an_approved_charter_creates_the_channel_role_pinned_charter_and_announcement() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = propose(&h).await;
    let text = ballot.embed_text();
    assert!(
        text.contains("Design WASI preview 2 support"),
        "the ballot shows the charter: {text}"
    );
    vote(&h, &ballot, "+1").await;

    let announcement = h
        .sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("New working group")
        })
        .await;
    let channel = h
        .sim
        .channel_by_name("wasi-preview-2")
        .expect("channel created");
    assert_eq!(channel.parent_id, Some(fx.governance_category));
    assert!(
        announcement
            .content()
            .contains(&format!("<#{}>", channel.id))
    );
    let role = h.sim.role_by_name("WASI Preview 2").expect("role created");
    h.sim.wait_for_role(fx.erin, role.id, true).await;
    h.sim.wait_for_role(fx.frank, role.id, true).await;
    let pins = h.sim.pins(channel.id);
    assert_eq!(pins.len(), 1);
    let charter = h.sim.message(pins[0]).unwrap();
    assert!(
        charter.embed_text().contains("A report every four weeks"),
        "{}",
        charter.embed_text()
    );

    let list = h.sim.slash(fx.frank, "wg list", json!({})).await;
    assert!(
        list.text().contains(&format!(
            "- WASI Preview 2 - WASI - <@{}> (active)",
            fx.erin
        )),
        "{}",
        list.text()
    );
}

#[tokio::test]
async fn a_rejected_charter_is_announced_and_creates_nothing() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = propose(&h).await;
    vote(&h, &ballot, "-1").await;
    let result = h
        .sim
        .wait_for_message(fx.announcements, |m| {
            m.embed_text().contains("WASI Preview 2")
        })
        .await;
    assert!(
        result.embed_text().contains("rejected"),
        "{}",
        result.embed_text()
    );
    h.advance_settled(Duration::minutes(5)).await;
    assert!(h.sim.channel_by_name("wasi-preview-2").is_none());
    assert!(h.sim.role_by_name("WASI Preview 2").is_none());
    assert!(h.sim.requests_to("POST /guilds/{}/roles").is_empty());
}

#[tokio::test]
async fn missing_manage_roles_is_told_to_the_tsc_and_retried_without_duplicates() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let roles = "POST /guilds/{}/roles";
    h.sim.deny(roles, None);
    let ballot = propose(&h).await;
    vote(&h, &ballot, "+1").await;
    let told = h
        .sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("for lack of Manage Roles")
        })
        .await;
    // The refused request names its own permission, not every one the step might need.
    assert!(
        !told.content().contains("Manage Channels") && !told.content().contains("Manage Messages"),
        "{}",
        told.content()
    );
    // Refused again at each retry (backoff doubling from 5 s), and told only once.
    for refused in 2..=4 {
        h.settle().await;
        h.advance(Duration::minutes(5));
        h.sim.wait_for_request(roles, refused).await;
    }
    h.settle().await;

    // The server admin grants the permission; the next retry finishes the job.
    h.sim.allow(roles);
    h.advance(Duration::hours(1));
    h.sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("New working group")
        })
        .await;
    h.settle().await;
    let channels: Vec<_> = h
        .sim
        .channels()
        .into_iter()
        .filter(|c| c.name == "wasi-preview-2")
        .collect();
    assert_eq!(channels.len(), 1, "one channel, however many retries");
    assert_eq!(
        h.sim
            .roles()
            .iter()
            .filter(|r| r.name == "WASI Preview 2")
            .count(),
        1,
        "one role"
    );
    let told_twice = h
        .sim
        .channel_messages(fx.announcements)
        .iter()
        .filter(|m| m.content().contains("for lack of"))
        .count();
    assert_eq!(told_twice, 1, "the TSC is told once");
}

/// A pin refused for Manage Messages is told as exactly that.
#[tokio::test]
async fn a_refused_pin_names_manage_messages() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    h.sim.deny("PUT /channels/{}/pins/{}", None);
    let ballot = propose(&h).await;
    vote(&h, &ballot, "+1").await;
    let told = h
        .sim
        .wait_for_message(fx.announcements, |m| m.content().contains("for lack of"))
        .await;
    assert!(
        told.content().contains("for lack of Manage Messages"),
        "{}",
        told.content()
    );
    assert!(
        !told.content().contains("Manage Roles"),
        "{}",
        told.content()
    );
}

#[tokio::test]
async fn joining_leaving_and_removal_keep_the_role_in_sync() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let channel = approved_group(&h).await;
    let role = h.sim.role_by_name("WASI Preview 2").unwrap().id;

    let r = h
        .sim
        .slash(fx.dave, "wg join", json!({"name": "WASI Preview 2"}))
        .await;
    assert!(r.text().contains("went to its chair"), "{}", r.text());
    let request = h
        .sim
        .wait_for_message(channel, |m| m.content().contains("asks to join"))
        .await;
    assert_eq!(
        request.pinged_users(),
        vec![fx.erin],
        "only the chair is pinged"
    );
    let approve = request
        .custom_ids()
        .into_iter()
        .find(|id| id.ends_with(":approve"))
        .unwrap();
    // Only the chair (or the TSC) decides.
    let refused = h.sim.click(fx.frank, &request, &approve).await;
    assert!(
        refused.text().contains("Only the group's chair"),
        "{}",
        refused.text()
    );
    let decided = h.sim.click(fx.erin, &request, &approve).await;
    assert!(decided.text().contains("joined"), "{}", decided.text());
    h.sim.wait_for_role(fx.dave, role, true).await;

    let r = h
        .sim
        .slash(fx.dave, "wg leave", json!({"name": "WASI Preview 2"}))
        .await;
    assert!(r.text().contains("You left"), "{}", r.text());
    h.sim.wait_for_role(fx.dave, role, false).await;

    let r = h
        .sim
        .slash(
            fx.erin,
            "wg remove",
            json!({"name": "WASI Preview 2", "member": fx.frank}),
        )
        .await;
    assert!(r.text().contains("no longer a member"), "{}", r.text());
    h.sim.wait_for_role(fx.frank, role, false).await;
    assert!(h.sim.has_role(fx.erin, role));
}

/// One pending request per member and group, and a cool-down after a decline: however often
/// the member types `/wg join`, the chair is pinged once per request the rules let through.
#[tokio::test]
async fn repeated_join_requests_ping_the_chair_once() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let channel = approved_group(&h).await;
    let sim = &h.sim;
    let join = || sim.slash(fx.dave, "wg join", json!({"name": "WASI Preview 2"}));
    // What the chair was sent (the request message is edited once decided).
    let posts = format!("POST /channels/{channel}/messages");
    let asks = || {
        h.sim
            .requests_to(posts.as_str())
            .into_iter()
            .filter(|r| r.status == 200 && r.body["content"].to_string().contains("asks to join"))
            .count()
    };
    assert!(join().await.text().contains("went to its chair"));
    let request = h
        .sim
        .wait_for_message(channel, |m| m.content().contains("asks to join"))
        .await;
    let again = join().await;
    assert!(again.is_ephemeral());
    assert!(
        again
            .text()
            .contains("**WASI Preview 2** is already waiting")
            && again.text().contains(":R>"),
        "{}",
        again.text()
    );

    let decline = request
        .custom_ids()
        .into_iter()
        .find(|id| id.ends_with(":decline"))
        .unwrap();
    h.sim.click(fx.erin, &request, &decline).await;
    let soon = join().await;
    assert!(soon.is_ephemeral());
    assert!(
        soon.text().contains("you can ask again from <t:"),
        "{}",
        soon.text()
    );
    h.advance_settled(Duration::days(1)).await;
    assert_eq!(asks(), 1, "the chair was pinged once");
    assert_eq!(request.pinged_users(), vec![fx.erin]);

    // After the cool-down (7 days by default) the member may ask again.
    h.advance_settled(Duration::days(6)).await;
    assert!(join().await.text().contains("went to its chair"));
    h.sim
        .wait_for_message(channel, |m| {
            m.id != request.id && m.content().contains("asks to join")
        })
        .await;
    assert_eq!(asks(), 2);
}

#[tokio::test]
async fn a_missed_report_is_reminded_and_flagged_to_the_tsc() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let channel = approved_group(&h).await;
    h.advance(Duration::days(28));
    let reminder = h
        .sim
        .wait_for_message(channel, |m| {
            m.content().contains("report of **WASI Preview 2** is due")
        })
        .await;
    assert_eq!(reminder.pinged_users(), vec![fx.erin]);
    h.advance(Duration::days(7));
    let flagged = h
        .sim
        .wait_for_message(fx.tsc_private, |m| {
            m.content().contains("has not been filed")
        })
        .await;
    assert!(flagged.content().contains("WASI Preview 2"));

    // The chair files it from the reminder's button; it is posted for the TSC.
    let form = h.sim.click(fx.erin, &reminder, "v2:wg:1:report").await;
    assert_eq!(form.modal().custom_id, "v2:wg:1:report");
    let r = h
        .sim
        .submit_modal(
            fx.erin,
            channel,
            "v2:wg:1:report",
            &[("report", "RFC drafted; prototype next month")],
        )
        .await;
    assert!(r.text().contains("is filed"), "{}", r.text());
    let posted = h
        .sim
        .wait_for_message(fx.tsc_private, |m| m.embed_text().contains("RFC drafted"))
        .await;
    assert!(posted.embed_text().contains("Report of WASI Preview 2"));
}

#[tokio::test]
async fn closing_archives_the_channel_and_takes_the_role_back() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let channel = approved_group(&h).await;
    let role = h.sim.role_by_name("WASI Preview 2").unwrap().id;

    let refused = h
        .sim
        .slash(
            fx.erin,
            "wg close",
            json!({"name": "WASI Preview 2", "reason": "Done"}),
        )
        .await;
    assert!(
        refused.text().contains("Only members of the TSC"),
        "{}",
        refused.text()
    );
    let r = h
        .sim
        .slash(
            fx.alice,
            "wg close",
            json!({"name": "WASI Preview 2", "reason": "Delivered"}),
        )
        .await;
    assert!(r.text().contains("is open"), "{}", r.text());
    let ballot = h
        .sim
        .wait_for_message(fx.general, |m| {
            m.embed_text()
                .contains("Close working group: WASI Preview 2")
                && !m.buttons().is_empty()
        })
        .await;
    vote(&h, &ballot, "+1").await;

    h.sim
        .wait_for_message(fx.announcements, |m| m.content().contains("is closed"))
        .await;
    h.sim.wait_for_role(fx.erin, role, false).await;
    h.sim.wait_for_role(fx.frank, role, false).await;
    let archived = h
        .sim
        .channels()
        .into_iter()
        .find(|c| c.id == channel)
        .unwrap();
    let everyone_id = fx.guild.to_string();
    let everyone = archived
        .permission_overwrites
        .iter()
        .find(|o| o["id"] == everyone_id.as_str())
        .expect("an @everyone overwrite");
    let denied: u64 = everyone["deny"].as_str().unwrap().parse().unwrap();
    assert_ne!(denied & (1 << 11), 0, "members can no longer send messages");
    assert!(
        h.sim.pins(channel).len() == 1,
        "the history and the charter stay"
    );
}
