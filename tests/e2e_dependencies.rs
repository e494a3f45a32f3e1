//! Dependencies end to end: the real bot against the Discord simulator, from `/dependency
//! propose` through both reviews and a maintainer's approval to the approved list.

mod support;

use serde_json::json;
use support::bot::Harness;
use support::sim::{Fixture, SimMessage};

struct People {
    releases: u64,
    /// A contributor.
    grace: u64,
    /// The security team.
    ivan: u64,
    /// A second maintainer (erin is the first).
    heidi: u64,
}

async fn start() -> (Harness, People) {
    let mut fx = Fixture::standard();
    let releases = fx.add_text_channel("releases", None);
    let people = People {
        releases,
        grace: fx.add_member("grace", &[fx.contributors_role]),
        ivan: fx.add_member("ivan", &[fx.security_role]),
        heidi: fx.add_member("heidi", &[fx.maintainers_role]),
    };
    let h = Harness::start_with(fx).await;
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(
            fx.alice,
            "govern setup",
            json!({
                "tsc": fx.tsc_role,
                "announcements": fx.announcements,
                "maintainers": fx.maintainers_role,
                "contributors": fx.contributors_role,
                "security": fx.security_role,
                "releases-channel": releases,
            }),
        )
        .await;
    assert!(r.text().contains("Steward is set up"), "{}", r.text());
    (h, people)
}

/// Clicks a card's button and submits the form it opens.
async fn through_form(h: &Harness, user: u64, card: &SimMessage, id: &str, note: &str) -> String {
    let form = h.sim.click(user, card, id).await;
    assert_eq!(form.modal().custom_id, id, "{}", form.text());
    let channel = card.channel_id;
    h.sim
        .submit_modal(user, channel, id, &[("note", note)])
        .await
        .text()
}

#[tokio::test]
async fn a_dependency_is_proposed_reviewed_and_approved_by_the_right_members() {
    let (h, p) = start().await;
    let fx = h.sim.fx().clone();

    // Someone without a role cannot propose.
    let r = h
        .sim
        .slash(fx.frank, "dependency propose", json!({"name": "serde"}))
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("Only contributors"), "{}", r.text());

    let r = h
        .sim
        .slash(
            p.grace,
            "dependency propose",
            json!({"name": "serde", "version": "1.0", "ecosystem": "cargo"}),
        )
        .await;
    let form = r.modal().custom_id.clone();
    assert_eq!(form, "v2:dependency:1:proposal");
    // An invisible need is no need: nothing is proposed.
    let r = h
        .sim
        .submit_modal(
            p.grace,
            fx.general,
            &form,
            &[("need", "\u{200B}"), ("alternatives", "Hand-written")],
        )
        .await;
    assert!(r.text().contains("Describe the need"), "{}", r.text());
    let r = h
        .sim
        .submit_modal(
            p.grace,
            fx.general,
            &form,
            &[
                ("need", "Serialising the configuration"),
                ("alternatives", "A hand-written parser; miniserde"),
            ],
        )
        .await;
    assert!(
        r.text().contains("serde 1.0 (cargo) is proposed"),
        "{}",
        r.text()
    );
    let card = h
        .sim
        .wait_for_message(p.releases, |m| {
            m.embed_text()
                .contains("Dependency proposal: serde 1.0 (cargo)")
        })
        .await;
    assert!(card.embed_text().contains("A hand-written parser"));
    assert_eq!(card.buttons().len(), 4, "two reviews, pass or reject");

    // The proposer cannot review; a maintainer cannot review security where a team exists.
    let security_pass = "v2:dependency:1:security:pass";
    let refused = through_form(&h, fx.erin, &card, security_pass, "Looks fine").await;
    assert!(refused.contains("Only the security team"), "{refused}");
    let text = through_form(&h, p.ivan, &card, security_pass, "No advisories").await;
    assert!(text.contains("Review recorded"), "{text}");
    let card = h
        .sim
        .wait_for_edit(card.id, |m| m.embed_text().contains("No advisories"))
        .await;
    assert_eq!(card.buttons().len(), 2, "only the license review is left");
    let text = through_form(
        &h,
        fx.erin,
        &card,
        "v2:dependency:1:license:pass",
        "MIT OR Apache-2.0",
    )
    .await;
    assert!(text.contains("waiting for a maintainer"), "{text}");
    let card = h
        .sim
        .wait_for_edit(card.id, |m| {
            m.custom_ids().contains(&"v2:dependency:1:approve".into())
        })
        .await;

    // Maintainer approval: not by a contributor.
    let refused = through_form(&h, p.grace, &card, "v2:dependency:1:approve", "Mine").await;
    assert!(
        refused.contains("Only a maintainer other than the proposer"),
        "{refused}"
    );
    let text = through_form(&h, p.heidi, &card, "v2:dependency:1:approve", "Approved").await;
    assert!(text.contains("approved"), "{text}");
    let card = h
        .sim
        .wait_for_edit(card.id, |m| m.buttons().is_empty())
        .await;
    assert!(
        card.embed_text()
            .contains(&format!("<@{}>: Approved", p.heidi))
    );

    let list = h.sim.slash(fx.frank, "dependency list", json!({})).await;
    assert!(
        list.text().contains("- serde 1.0 (cargo), approved"),
        "{}",
        list.text()
    );
    let again = h
        .sim
        .slash(
            p.grace,
            "dependency propose",
            json!({"name": "Serde", "ecosystem": "cargo"}),
        )
        .await;
    assert!(
        again.text().contains("already approved or proposed"),
        "{}",
        again.text()
    );
    // Nobody was pinged by the card.
    assert!(card.pinged_users().is_empty());
}

#[tokio::test]
async fn removing_a_dependency_that_is_not_approved_is_refused() {
    let (h, p) = start().await;
    let fx = h.sim.fx().clone();
    let refused = h
        .sim
        .slash(
            fx.erin,
            "dependency remove",
            json!({"name": "left-pad", "reason": "Unused"}),
        )
        .await;
    assert!(
        refused.text().contains("not on the approved list"),
        "{}",
        refused.text()
    );
    assert!(h.sim.channel_messages(p.releases).is_empty());
}
