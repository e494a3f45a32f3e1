//! Steps the RFC, amendment and decision-log end-to-end tests share: setting up a server with
//! an RFC channel, opening an RFC through its form, finding its discussion place and card,
//! pressing the card's buttons, voting.

use serde_json::json;

use crate::support::bot::{Harness, ballot_id};
use crate::support::sim::{SimMessage, SimThread};

pub const TITLE: &str = "Per-sandbox memory pools";
pub const LINK: &str = "https://github.com/wasm-sandbox/rfcs/pull/12";

/// alice sets the server up with this RFC channel (a forum or a text channel).
pub async fn set_up(h: &Harness, rfc_channel: u64) {
    let fx = h.sim.fx().clone();
    h.setup_with(json!({"tsc-channel": fx.tsc_private, "rfc-channel": rfc_channel}))
        .await;
}

/// `user` opens an RFC and fills in its summary; the bot's answer.
pub async fn open(h: &Harness, user: u64, title: &str) -> String {
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(user, "rfc open", json!({"title": title, "link": LINK}))
        .await;
    let form = r.modal();
    assert_eq!(form.title, "Your RFC");
    assert_eq!(form.input("motivation").unwrap().max_length, Some(1000));
    let id = form.custom_id.clone();
    let r = h
        .sim
        .submit_modal(
            user,
            fx.general,
            &id,
            &[
                ("motivation", "Allocation dominates cold starts"),
                ("proposal", "One memory pool per sandbox"),
                ("alternatives", "A global pool with quotas"),
            ],
        )
        .await;
    assert!(r.is_ephemeral());
    r.text()
}

/// The RFC's discussion place in `parent` once its card is pinned, and the card.
pub async fn place(h: &Harness, parent: u64, number: i64) -> (SimThread, SimMessage) {
    let prefix = format!("RFC {number}: ");
    let thread = h
        .sim
        .wait_for_thread(parent, |t| t.name.starts_with(&prefix))
        .await;
    let card = h.sim.wait_for_message(thread.id, |m| m.pinned()).await;
    assert_eq!(h.sim.pins(thread.id), vec![card.id]);
    (thread, card)
}

/// Waits until the card (the same message) shows `what`.
pub async fn card_shows(h: &Harness, card: &SimMessage, what: &str) -> SimMessage {
    h.sim
        .wait_for_edit(card.id, |m| m.embed_text().contains(what))
        .await
}

/// The messages with an embed in the thread: the card is the only one.
pub fn cards_in(h: &Harness, thread: u64) -> Vec<SimMessage> {
    h.sim
        .channel_messages(thread)
        .into_iter()
        .filter(|m| !m.embeds().is_empty())
        .collect()
}

/// The custom id of the card's feedback button for this stance.
pub fn button(card: &SimMessage, stance: &str) -> String {
    card.custom_ids()
        .into_iter()
        .find(|id| id.ends_with(&format!(":feedback:{stance}")))
        .unwrap_or_else(|| panic!("no {stance} button on {:?}", card.custom_ids()))
}

/// Each voter approves.
pub async fn vote(h: &Harness, ballot: &SimMessage, voters: &[u64]) {
    let id = ballot_id(ballot);
    for voter in voters {
        let r = h
            .sim
            .click(*voter, ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
        assert!(r.is_ephemeral(), "{}", r.text());
    }
}
