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
    h.setup_with(json!({
        "contributors": fx.contributors_role,
        "security": fx.security_role,
        "releases-channel": releases,
    }))
    .await;
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

#[tokio::test]
async fn the_proposer_never_reviews_their_own_proposal_and_the_list_is_exported() {
    let (h, p) = start().await;
    let fx = h.sim.fx().clone();

    // erin, a maintainer, proposes tokio.
    let r = h
        .sim
        .slash(fx.erin, "dependency propose", json!({"name": "tokio"}))
        .await;
    let form = r.modal().custom_id.clone();
    h.sim
        .submit_modal(
            fx.erin,
            fx.general,
            &form,
            &[
                ("need", "An async runtime"),
                ("alternatives", "async-std; smol"),
            ],
        )
        .await;
    let card = h
        .sim
        .wait_for_message(p.releases, |m| {
            m.embed_text().contains("Dependency proposal: tokio")
        })
        .await;

    // Out of order: a maintainer's approval before both reviews passed (a forged button).
    let approve = "v2:dependency:1:approve";
    let form = h.sim.forge_click(p.heidi, &card, approve).await;
    assert_eq!(form.modal().custom_id, approve);
    let early = h
        .sim
        .submit_modal(p.heidi, p.releases, approve, &[("note", "Fine")])
        .await;
    assert!(early.is_ephemeral());
    assert!(
        early.text().contains("Both reviews must pass"),
        "{}",
        early.text()
    );

    // The proposer, though a maintainer, cannot review license compatibility.
    let license = "v2:dependency:1:license:pass";
    let own = through_form(&h, fx.erin, &card, license, "MIT").await;
    assert!(
        own.contains("Only a maintainer other than the proposer reviews license"),
        "{own}"
    );
    h.settle().await;
    let unchanged = h.sim.message(card.id).expect("the card");
    assert_eq!(unchanged.embed_text(), card.embed_text(), "nothing changed");
    assert_eq!(unchanged.buttons().len(), 4, "both reviews still open");

    let text = through_form(&h, p.heidi, &card, license, "MIT").await;
    assert!(text.contains("Review recorded"), "{text}");
    let text = through_form(
        &h,
        p.ivan,
        &card,
        "v2:dependency:1:security:pass",
        "No advisories",
    )
    .await;
    assert!(text.contains("waiting for a maintainer"), "{text}");
    let card = h
        .sim
        .wait_for_edit(card.id, |m| m.custom_ids().contains(&approve.into()))
        .await;
    // Nor does the proposer approve it.
    let own = through_form(&h, fx.erin, &card, approve, "Mine").await;
    assert!(
        own.contains("Only a maintainer other than the proposer approves"),
        "{own}"
    );
    let text = through_form(&h, p.heidi, &card, approve, "Approved").await;
    assert!(text.contains("approved"), "{text}");
    h.sim
        .wait_for_edit(card.id, |m| m.buttons().is_empty())
        .await;
    // One card per proposal, edited as it moved.
    let cards = h
        .sim
        .channel_messages(p.releases)
        .into_iter()
        .filter(|m| m.embed_text().contains("Dependency proposal: tokio"))
        .count();
    assert_eq!(cards, 1, "the card is edited, never reposted");

    // Anyone exports the approved list: a Markdown table and JSON, in their language.
    h.sim.set_locale(fx.frank, "de");
    let export = h.sim.slash(fx.frank, "dependency export", json!({})).await;
    assert!(export.is_ephemeral());
    assert!(
        export.text().contains("Eine genehmigte Abhängigkeit"),
        "{}",
        export.text()
    );
    let files = export.attachments();
    let file = |name: &str| {
        let (_, bytes) = files
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no {name} in {files:?}"));
        String::from_utf8(bytes.clone()).unwrap()
    };
    let table = file("DEPENDENCIES.md");
    assert!(table.contains("| Name | Version | Ökosystem |"), "{table}");
    assert!(table.contains("| tokio |  |  |"), "{table}");
    assert!(table.contains("An async runtime"), "{table}");
    let json: serde_json::Value = serde_json::from_str(&file("dependencies.json")).unwrap();
    assert_eq!(json[0]["name"], "tokio", "{json}");
    assert_eq!(json.as_array().unwrap().len(), 1, "{json}");
}
