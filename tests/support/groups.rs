//! Working groups as the end-to-end tests need them: a proposal through its charter form, the
//! TSC's votes, an approved group with its channel.

use chrono::Duration;
use serde_json::{Value, json};

use super::bot::{Harness, ballot_id};
use super::sim::SimMessage;

pub const CHARTER: [(&str, &str); 5] = [
    ("scope", "Design WASI preview 2 support"),
    ("deliverables", "An RFC and a prototype"),
    ("timeline", "Six months"),
    ("resources", "CI minutes on arm64"),
    ("reporting", "A report every four weeks"),
];

/// erin (a maintainer) proposes "WASI Preview 2", chaired by herself, frank a founding member,
/// with `extra` options (`ends`, `report-every`); returns the charter ballot's message.
pub async fn propose(h: &Harness, extra: Value) -> SimMessage {
    let fx = h.sim.fx().clone();
    let mut options = json!({"name": "WASI Preview 2", "focus": "WASI", "chair": fx.erin,
        "members": format!("<@{}>", fx.frank)});
    for (k, v) in extra.as_object().into_iter().flatten() {
        options[k] = v.clone();
    }
    let r = h.sim.slash(fx.erin, "wg create", options).await;
    let form = r.modal().custom_id.clone();
    let r = h
        .sim
        .submit_modal(fx.erin, fx.general, &form, &CHARTER)
        .await;
    assert!(r.text().contains("is before the TSC"), "{}", r.text());
    h.sim
        .wait_for_message(fx.general, |m| {
            m.embed_text()
                .contains("Establish working group: WASI Preview 2")
        })
        .await
}

/// alice, bob and carol vote +1 on a ballot, then its period passes.
pub async fn approve(h: &Harness, ballot: &SimMessage) {
    let fx = h.sim.fx().clone();
    let id = ballot_id(ballot);
    for user in [fx.alice, fx.bob, fx.carol] {
        let r = h
            .sim
            .click(user, ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
        assert!(r.text().contains("Recorded your vote +1"), "{}", r.text());
    }
    h.advance(Duration::days(7));
}

/// Proposes and approves the group; returns its channel id once it is announced.
pub async fn approved_group(h: &Harness, extra: Value) -> u64 {
    let ballot = propose(h, extra).await;
    approve(h, &ballot).await;
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
