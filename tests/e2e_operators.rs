//! `/govern check` and `/govern status` through the simulator: a server with each problem an
//! admin can make gets a line naming it, the fix and what it breaks; the set-up shows the
//! problems at once; only the TSC or Manage Server may ask; the TSC sees the bot's health.

mod support;

use serde_json::json;
use support::bot::Harness;
use support::sim::{Fixture, perms};

/// The bot's managed role, denied `deny` in channel `channel` by an overwrite.
fn deny_in(fx: &mut Fixture, channel: u64, deny: u64) {
    let bot_role = fx.bot_role;
    let c = fx.channels.iter_mut().find(|c| c.id == channel).unwrap();
    c.permission_overwrites.push(json!({
        "id": bot_role.to_string(), "type": 0, "allow": "0", "deny": deny.to_string()
    }));
}

async fn check_as(h: &Harness, user: u64) -> String {
    let r = h.sim.slash(user, "govern check", json!({})).await;
    assert!(r.is_ephemeral(), "{}", r.text());
    r.text()
}

/// The report's line about `what` (the line and the two under it for a problem).
fn line_about<'a>(report: &'a str, what: &str) -> &'a str {
    let start = report
        .find(what)
        .unwrap_or_else(|| panic!("no line about {what}:\n{report}"));
    let line_start = report[..start].rfind('\n').map_or(0, |i| i + 1);
    let rest = &report[line_start..];
    // A problem line is followed by its "↳" lines.
    let mut end = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if i > 0 && !line.trim_start().starts_with('↳') {
            break;
        }
        end += line.len();
    }
    &rest[..end]
}

#[tokio::test(flavor = "multi_thread")]
async fn a_healthy_server_is_all_ok() {
    let h = Harness::start().await;
    h.setup().await;
    let report = check_as(&h, h.sim.fx().alice).await;
    assert!(
        report.contains("What Steward needs in this server"),
        "{report}"
    );
    assert!(!report.contains('❌'), "{report}");
    assert!(
        report.contains("Everything Steward needs is in place."),
        "{report}"
    );
    assert!(line_about(&report, "Server Members intent").starts_with('✅'));
    assert!(line_about(&report, "Announcements channel").starts_with('✅'));
    assert!(line_about(&report, "TSC role").starts_with('✅'));
}

#[tokio::test(flavor = "multi_thread")]
async fn each_problem_is_named_with_its_fix_and_what_it_breaks() {
    let mut fx = Fixture::standard();
    // The Server Members intent off in the developer portal.
    fx.app_flags = 0;
    // The TSC role dragged above Steward's role (at 8).
    fx.roles
        .iter_mut()
        .find(|r| r.id == fx.tsc_role)
        .unwrap()
        .position = 9;
    // No Manage Messages (pins) in the server.
    fx.set_bot_permissions(perms::BOT & !perms::MANAGE_MESSAGES);
    // Cannot send or embed in the announcement channel.
    let announcements = fx.announcements;
    deny_in(
        &mut fx,
        announcements,
        perms::SEND_MESSAGES | perms::EMBED_LINKS,
    );
    // Cannot create channels in the working-group category.
    let category = fx.governance_category;
    deny_in(&mut fx, category, perms::MANAGE_CHANNELS);
    let h = Harness::start_with(fx).await;
    h.setup().await;
    let fx = h.sim.fx();
    let report = check_as(&h, fx.alice).await;

    let intent = line_about(&report, "Server Members intent");
    assert!(intent.starts_with('❌'), "{intent}");
    assert!(intent.contains("Privileged Gateway Intents"), "{intent}");
    assert!(intent.contains("ballots"), "{intent}");

    let channel = line_about(&report, "Announcements channel");
    assert!(channel.starts_with('❌'), "{channel}");
    assert!(channel.contains("Send Messages, Embed Links"), "{channel}");
    assert!(!channel.contains("View Channel"), "{channel}");
    assert!(channel.contains("announcements"), "{channel}");

    let tsc_role = line_about(&report, "TSC role");
    assert!(tsc_role.starts_with('❌'), "{tsc_role}");
    assert!(
        tsc_role.contains("drag the Steward role above"),
        "{tsc_role}"
    );
    assert!(tsc_role.contains("emeritus"), "{tsc_role}");
    // The other roles are still below Steward's.
    assert!(line_about(&report, "emeritus role").starts_with('✅'));
    assert!(line_about(&report, "maintainers' role").starts_with('✅'));

    let category_line = line_about(&report, "Working-group category");
    assert!(category_line.contains("Manage Channels"), "{category_line}");
    assert!(category_line.contains("working groups"), "{category_line}");

    let pins = line_about(&report, "Manage Messages (pins)");
    assert!(pins.starts_with('❌'), "{pins}");
    assert!(pins.contains("Server Settings → Roles → Steward"), "{pins}");

    assert!(line_about(&report, "Manage Roles permission").starts_with('✅'));
    assert!(report.contains("5 things need fixing."), "{report}");
}

#[tokio::test(flavor = "multi_thread")]
async fn without_manage_roles_and_the_setup_shows_problems_at_once() {
    let mut fx = Fixture::standard();
    fx.set_bot_permissions(perms::BOT & !perms::MANAGE_ROLES);
    let h = Harness::start_with(fx).await;
    let fx = h.sim.fx();
    let r = h
        .sim
        .slash(
            fx.alice,
            "govern setup",
            json!({"tsc": fx.tsc_role, "announcements": fx.announcements}),
        )
        .await;
    let text = r.text();
    assert!(text.contains("Steward is set up"), "{text}");
    assert!(text.contains("some things it needs are missing"), "{text}");
    assert!(text.contains("Manage Roles permission"), "{text}");
    // Only the problems: no OK lines at the end of the set-up.
    assert!(!text.contains('✅'), "{text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn only_the_tsc_or_server_managers_may_check_and_it_is_localized() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx();
    for member in [fx.frank, fx.erin] {
        let r = h.sim.slash(member, "govern check", json!({})).await;
        assert!(r.is_ephemeral());
        assert!(
            r.text()
                .contains("Only members of the TSC or with the Manage Server"),
            "{}",
            r.text()
        );
    }
    // bob is TSC without Manage Server.
    assert!(
        check_as(&h, fx.bob)
            .await
            .contains("Everything Steward needs")
    );
    h.sim.set_locale(fx.bob, "de");
    let report = check_as(&h, fx.bob).await;
    assert!(
        report.contains("Was Steward auf diesem Server braucht"),
        "{report}"
    );
    assert!(
        report.contains("Alles, was Steward braucht, ist vorhanden."),
        "{report}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_tsc_sees_the_backlog_failing_deliveries_and_next_jobs() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx();
    // The member list, read after set-up in a task of its own, writes in its own transaction:
    // it is done, then what was queued is delivered, before the backlog is read.
    tokio::time::timeout(std::time::Duration::from_secs(20), async {
        while !h.bot().app().roster_synced(fx.guild) {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    })
    .await
    .expect("the member list was read after set-up");
    h.settle().await;
    let r = h.sim.slash(fx.bob, "govern status", json!({})).await;
    assert!(r.is_ephemeral());
    let text = r.text();
    assert!(text.contains("Steward's health"), "{text}");
    assert!(
        text.contains(&format!("Version {}", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    assert!(text.contains("Outbox: nothing waiting."), "{text}");

    // Discord fails the next posts in the channel the ballot is started in: the ballot waits.
    h.sim.fail_next(
        format!("POST /channels/{}/messages", fx.general).as_str(),
        1000,
        500,
    );
    let r = h
        .sim
        .slash(
            fx.alice,
            "vote start",
            json!({"title": "Adopt RFC 7", "duration": "72h"}),
        )
        .await;
    assert!(r.text().contains("is open until"), "{}", r.text());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let text = loop {
        let text = h.sim.slash(fx.bob, "govern status", json!({})).await.text();
        if text.contains("Failing deliveries:\n") || std::time::Instant::now() > deadline {
            break text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert!(
        text.contains("Outbox: 1 waiting") || text.contains("waiting, the oldest"),
        "{text}"
    );
    assert!(text.contains("Failing deliveries:\n"), "{text}");
    assert!(text.contains("`close_ballot`"), "{text}");
    assert!(text.contains("Last errors:\n"), "{text}");
    // The ballot's title is member text: never in the status.
    assert!(!text.contains("Adopt RFC 7"), "{text}");

    let r = h.sim.slash(fx.erin, "govern status", json!({})).await;
    assert!(
        r.text().contains("Only members of the TSC can do that."),
        "{}",
        r.text()
    );
    h.sim.take_problems();
}
