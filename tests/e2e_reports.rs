//! Reports end to end, with the real bot against the simulator: a conduct report from a
//! message's context menu (the TSC's response reaching the reporter, the timeout applied), one
//! filed by DM, and a security report reminded after 48 hours and acknowledged. Nothing of a
//! report reaches anyone but those who handle it.

mod e2e_cases_support;
mod support;

use chrono::Duration;
use e2e_cases_support::{channels_with, erased_from_disk, replies_with, requests_with, start};
use serde_json::json;
use steward::clock::Clock;

const REPORT: &str = "He keeps insulting newcomers in the help channel";
const VULN: &str = "The sandbox escapes through a crafted import table";

#[tokio::test]
async fn a_conduct_report_from_a_message_reaches_the_tsc_and_its_response_the_reporter() {
    let c = start().await;
    let h = &c.h;
    let fx = h.sim.fx().clone();
    // Dave (a TSC member) writes something; Frank reports it from the message's menu.
    let offending = h
        .sim
        .post_message(fx.dave, fx.general, "read the docs, idiot");
    let r = h
        .sim
        .context_menu(fx.frank, fx.general, "Report to the TSC", &offending)
        .await;
    let form = r.modal().custom_id.clone();
    // An empty report is refused, and files nothing.
    let r = h
        .sim
        .submit_modal(fx.frank, fx.general, &form, &[("report", "   ")])
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("visible character"), "{}", r.text());
    assert_eq!(h.count("cases").await, 0);
    let r = h
        .sim
        .submit_modal(fx.frank, fx.general, &form, &[("report", REPORT)])
        .await;
    assert!(r.is_ephemeral());
    assert!(
        r.text().contains("reached the TSC privately"),
        "{}",
        r.text()
    );

    // A private thread in the TSC's channel, without the member reported.
    let thread = h
        .sim
        .wait_for_thread(fx.tsc_private, |t| t.is_private())
        .await;
    let card = h
        .sim
        .wait_for_message(thread.id, |m| !m.buttons().is_empty())
        .await;
    assert!(card.embed_text().contains(REPORT), "{}", card.embed_text());
    let link = format!("/{}/{}", fx.general, offending.id);
    assert!(
        card.text().contains(&link),
        "the message is linked: {}",
        card.text()
    );
    for tsc in [fx.alice, fx.bob, fx.carol] {
        assert!(h.sim.can_see(tsc, thread.id), "{tsc}");
    }
    for outsider in [fx.dave, fx.frank, fx.erin] {
        assert!(
            !h.sim.can_see(outsider, thread.id),
            "{outsider} sees the report"
        );
    }
    // The member reported, or the reporter, cannot respond, even with a forged button.
    let timeout = card
        .custom_ids()
        .into_iter()
        .find(|id| id.ends_with(":timeout"))
        .unwrap();
    for who in [fx.dave, fx.frank] {
        let r = h.sim.forge_click(who, &card, &timeout).await;
        assert!(r.text().contains("Only a TSC member"), "{}", r.text());
    }
    // The TSC records a one-day timeout; the bot applies it (it has Moderate Members).
    let r = h.sim.click(fx.bob, &card, &timeout).await;
    let form = r.modal().custom_id.clone();
    let r = h
        .sim
        .submit_modal(fx.bob, thread.id, &form, &[("duration", "forever")])
        .await;
    assert!(r.text().contains("one minute to 28 days"), "{}", r.text());
    h.sim
        .submit_modal(fx.bob, thread.id, &form, &[("duration", "1d")])
        .await;
    let handled = h
        .sim
        .wait_for_dm(fx.frank, |m| m.content().contains("was handled"))
        .await;
    assert!(!handled.content().contains(REPORT));
    let member = format!("/members/{}", fx.dave);
    h.sim
        .wait_until("the timeout", |v| {
            v.requests()
                .iter()
                .any(|r| r.method == "PATCH" && r.path.ends_with(&member))
                .then_some(())
        })
        .await;
    h.sim
        .wait_for_message(thread.id, |m| {
            m.content().contains("recorded the TSC's response")
        })
        .await;
    assert!(h.sim.is_timed_out(fx.dave));
    let until = h.sim.timeouts().last().and_then(|t| t.until).unwrap();
    assert_eq!(until, h.clock.now() + Duration::days(1));
    h.sim
        .wait_for_edit(card.id, |m| m.custom_ids().is_empty())
        .await;
    // The reporter sees it handled; the member reported sees no report of theirs.
    let r = h.sim.slash(fx.frank, "report status", json!({})).await;
    assert!(r.text().contains("handled"), "{}", r.text());
    let r = h.sim.slash(fx.dave, "report status", json!({})).await;
    assert!(r.text().contains("no conflicts or reports"), "{}", r.text());

    // Nothing of it outside its thread: no request, message, edit or answer.
    for request in requests_with(h, REPORT) {
        assert!(request.contains(&thread.id.to_string()), "{request}");
    }
    assert_eq!(channels_with(h, REPORT), vec![thread.id.to_string()]);
    assert_eq!(replies_with(h, REPORT), 0);
    erased_from_disk(h, 1, &[REPORT]).await;
}

#[tokio::test]
async fn a_conduct_report_by_dm_reaches_a_reporter_with_closed_dms_through_status() {
    let c = start().await;
    let h = &c.h;
    let fx = h.sim.fx().clone();
    let r = h.sim.slash_dm(c.grace, "report conduct", json!({})).await;
    let form = r.modal().custom_id.clone();
    let dm = h.sim.dm_channel(c.grace);
    let r = h
        .sim
        .submit_modal(c.grace, dm, &form, &[("report", REPORT)])
        .await;
    assert!(
        r.text().contains("reached the TSC privately"),
        "{}",
        r.text()
    );
    let thread = h
        .sim
        .wait_for_thread(fx.tsc_private, |t| t.is_private())
        .await;
    let card = h
        .sim
        .wait_for_message(thread.id, |m| !m.buttons().is_empty())
        .await;
    assert!(card.embed_text().contains(REPORT));
    // Grace closes her DMs; the TSC warns; the thread is told she could not be reached.
    h.sim.close_dms(c.grace);
    let warning = card
        .custom_ids()
        .into_iter()
        .find(|id| id.ends_with(":warning"))
        .unwrap();
    h.sim.click(fx.alice, &card, &warning).await;
    h.sim
        .wait_for_message(thread.id, |m| m.content().contains("could not be reached"))
        .await;
    let r = h.sim.slash_dm(c.grace, "report status", json!({})).await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("handled"), "{}", r.text());
    assert!(r.text().contains("could not DM you"), "{}", r.text());
    assert_eq!(channels_with(h, REPORT), vec![thread.id.to_string()]);
}

#[tokio::test]
async fn a_security_report_is_reminded_after_48_hours_and_acknowledged() {
    let c = start().await;
    let h = &c.h;
    let fx = h.sim.fx().clone();
    let r = h.sim.slash_dm(fx.frank, "report security", json!({})).await;
    let form = r.modal().custom_id.clone();
    let dm = h.sim.dm_channel(fx.frank);
    let r = h
        .sim
        .submit_modal(
            fx.frank,
            dm,
            &form,
            &[("title", "Sandbox escape"), ("details", VULN)],
        )
        .await;
    assert!(r.text().contains("within 48 hours"), "{}", r.text());

    // Only the security response team reads it: not the TSC, not the public.
    let thread = h.sim.wait_for_thread(c.security, |t| t.is_private()).await;
    let card = h
        .sim
        .wait_for_message(thread.id, |m| !m.buttons().is_empty())
        .await;
    assert!(card.embed_text().contains(VULN));
    assert!(h.sim.can_see(c.ivan, thread.id));
    // (Alice administers the server: Discord shows her every thread, but she is not in it.)
    assert!(!h.sim.thread_members(thread.id).contains(&fx.alice));
    for outsider in [fx.bob, fx.carol, fx.frank, fx.erin] {
        assert!(
            !h.sim.can_see(outsider, thread.id),
            "{outsider} sees the report"
        );
    }
    let ack = card
        .custom_ids()
        .into_iter()
        .find(|id| id.ends_with(":ack"))
        .unwrap();
    let r = h.sim.forge_click(fx.alice, &card, &ack).await;
    assert!(
        r.text().contains("Only the security response team"),
        "{}",
        r.text()
    );

    // 48 hours without an acknowledgement: the team is reminded, the reporter told the timeline.
    h.advance(Duration::hours(47));
    h.advance(Duration::hours(1));
    let reminder = h
        .sim
        .wait_for_message(thread.id, |m| {
            m.content().contains("Nobody has acknowledged")
        })
        .await;
    assert_eq!(reminder.pinged_users(), vec![c.ivan]);
    h.sim
        .wait_for_dm(fx.frank, |m| {
            m.content().contains("has not been acknowledged yet")
        })
        .await;
    h.sim.click(c.ivan, &card, &ack).await;
    h.sim
        .wait_for_dm(fx.frank, |m| m.content().contains("was acknowledged"))
        .await;
    let r = h.sim.slash_dm(fx.frank, "report status", json!({})).await;
    assert!(r.text().contains("acknowledged"), "{}", r.text());
    let resolved = h
        .sim
        .wait_for_edit(card.id, |m| {
            m.custom_ids().iter().any(|id| id.ends_with(":resolved"))
        })
        .await;
    let done = resolved
        .custom_ids()
        .into_iter()
        .find(|id| id.ends_with(":resolved"))
        .unwrap();
    h.sim.click(c.ivan, &resolved, &done).await;
    h.sim
        .wait_for_dm(fx.frank, |m| m.content().contains("was resolved"))
        .await;

    // Its text went nowhere else, and is gone from the database a week after.
    for text in [VULN, "Sandbox escape"] {
        for request in requests_with(h, text) {
            assert!(request.contains(&thread.id.to_string()), "{request}");
        }
        assert_eq!(replies_with(h, text), 0);
    }
    assert_eq!(channels_with(h, VULN), vec![thread.id.to_string()]);
    erased_from_disk(h, 1, &[VULN]).await;
}
