//! The annual review shared with the community, end to end: `/review publish` and its form,
//! the TSC's ballot, and the review posted in the announcement channel.

mod support;

use chrono::Duration;
use serde_json::json;
use support::bot::{Harness, ballot_id};

const SECTIONS: [(&str, &str); 5] = [
    ("progress", "Shipped 1.0 and WASI preview 2"),
    ("community", "Forty new contributors, two new maintainers"),
    ("debt", "The old parser still needs replacing"),
    ("roadmap", "The component model comes next"),
    ("governance", "Every ballot reached quorum"),
];

#[tokio::test]
async fn the_tsc_completes_approves_and_shares_the_annual_review() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let r = h.sim.slash(fx.erin, "review publish", json!({})).await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("Only members of the TSC"), "{}", r.text());
    let r = h.sim.slash(fx.alice, "review publish", json!({})).await;
    let modal = r.modal();
    assert_eq!(modal.custom_id, "v2:review:publish");
    assert_eq!(modal.inputs.len(), 5);
    assert!(modal.inputs.iter().all(|i| i.value.is_none()));
    assert_eq!(
        modal.input("progress").unwrap().label,
        "Progress toward goals"
    );
    // A section with nothing visible is refused and nothing is put to the TSC.
    let mut blank = SECTIONS;
    blank[3].1 = "\u{200B}";
    let r = h
        .sim
        .submit_modal(fx.alice, fx.general, "v2:review:publish", &blank)
        .await;
    assert!(r.text().contains("Every section"), "{}", r.text());
    assert_eq!(h.count("annual_reviews").await, 0);

    let r = h
        .sim
        .submit_modal(fx.alice, fx.general, "v2:review:publish", &SECTIONS)
        .await;
    assert!(r.text().contains("ballot #1"), "{}", r.text());
    let draft = h
        .sim
        .wait_for_message(fx.general, |m| m.content().contains("before the TSC"))
        .await;
    assert!(draft.content().contains("Forty new contributors"));
    let ballot = h
        .sim
        .wait_for_message(fx.general, |m| {
            m.embed_text().contains("Share the annual review")
        })
        .await;
    // While it is before the TSC, a second review waits.
    let r = h.sim.slash(fx.bob, "review publish", json!({})).await;
    let r = h
        .sim
        .submit_modal(fx.bob, fx.general, &r.modal().custom_id, &SECTIONS)
        .await;
    assert!(r.text().contains("already before the TSC"), "{}", r.text());
    let id = ballot_id(&ballot);
    for user in [fx.alice, fx.bob, fx.carol] {
        h.sim
            .click(user, &ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
    }
    h.advance(Duration::days(7));
    let published = h
        .sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("The project's annual review")
        })
        .await;
    let text: String = h
        .announcements()
        .iter()
        .filter(|m| m.id >= published.id)
        .map(|m| m.content())
        .collect::<Vec<_>>()
        .join("\n");
    for (_, section) in SECTIONS {
        assert!(text.contains(section), "{section} missing: {text}");
    }
    assert!(text.contains("The year in numbers"));
    assert!(
        !text.contains("Succession planning"),
        "contacts and reviews of members stay with the TSC: {text}"
    );
    // The next review starts from this one.
    let r = h.sim.slash(fx.alice, "review publish", json!({})).await;
    assert_eq!(
        r.modal().input("roadmap").unwrap().value.as_deref(),
        Some("The component model comes next")
    );
}
