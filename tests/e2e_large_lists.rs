//! Lists longer than one Discord message, end to end: a ballot reminder to 124 TSC members who
//! have not voted and `/roster show` of 124 TSC members and 300 maintainers. Split across
//! messages and fields, never cut: every message within Discord's limits (the simulator refuses
//! any other), every member mentioned exactly once, and a reminder pings only its own members.

mod support;

use std::collections::HashMap;

use chrono::Duration;
use serde_json::json;
use support::bot::Harness;
use support::sim::{Fixture, FxMember, SimMessage};

const TSC: u64 = 120;
const MAINTAINERS: u64 = 300;

/// The standard fixture with 120 more TSC members and 300 maintainers; returns their ids.
fn crowded() -> (Fixture, Vec<u64>, Vec<u64>) {
    let mut fx = Fixture::standard();
    let joined = fx.members[0].joined_at.clone();
    let first = fx.members.iter().map(|m| m.id).max().unwrap() + 1;
    let (tsc_role, maintainers_role) = (fx.tsc_role, fx.maintainers_role);
    let member = |n: u64, role: u64| FxMember {
        id: first + n,
        username: format!("member{n}"),
        global_name: Some(format!("Member Number {n}")),
        nick: None,
        bot: false,
        roles: vec![role],
        locale: "en-US".into(),
        joined_at: joined.clone(),
    };
    let tsc: Vec<FxMember> = (0..TSC).map(|n| member(n, tsc_role)).collect();
    let maintainers: Vec<FxMember> = (TSC..TSC + MAINTAINERS)
        .map(|n| member(n, maintainers_role))
        .collect();
    let ids = |m: &[FxMember]| m.iter().map(|m| m.id).collect::<Vec<_>>();
    let (tsc_ids, maintainer_ids) = (ids(&tsc), ids(&maintainers));
    fx.members.extend(tsc);
    fx.members.extend(maintainers);
    (fx, tsc_ids, maintainer_ids)
}

/// The harness, set up, once the roster holds every TSC member and maintainer.
async fn started() -> (Harness, Vec<u64>, Vec<u64>) {
    let (fx, tsc, maintainers) = crowded();
    let h = Harness::start_with(fx).await;
    h.setup().await;
    let want = (TSC + MAINTAINERS) as i64;
    for _ in 0..3000 {
        let kept: i64 = sqlx::query_scalar(
            "SELECT COUNT(DISTINCT member_id) FROM roster_roles
             WHERE member_id >= ? AND gov_role IN ('tsc', 'maintainer')",
        )
        .bind(tsc[0] as i64)
        .fetch_one(h.bot().app().db())
        .await
        .unwrap();
        if kept == want {
            return (h, tsc, maintainers);
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("the roster never held the crowd");
}

/// The users mentioned (`<@id>`) in a text, in order.
fn mention_ids(text: &str) -> Vec<u64> {
    text.split("<@")
        .skip(1)
        .filter_map(|rest| rest.split_once('>')?.0.parse().ok())
        .collect()
}

/// How often each user is mentioned in these texts.
fn mentions<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashMap<u64, usize> {
    let mut seen = HashMap::new();
    for id in texts.into_iter().flat_map(mention_ids) {
        *seen.entry(id).or_insert(0) += 1;
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_to_124_members_is_split_and_pings_each_once() {
    let (h, tsc, _) = started().await;
    let fx = h.sim.fx().clone();
    let electorate: Vec<u64> = [fx.alice, fx.bob, fx.carol, fx.dave]
        .into_iter()
        .chain(tsc)
        .collect();
    let ballot = h.start_ballot("Crowded").await;
    // The first reminder message is created but its answer is lost: the retry must not post
    // (or ping) it again.
    h.sim
        .fail_after_handling(("POST", "/channels/{}/messages"), 1, 500);
    // The reminder is due 24 h before the close (72 h): nobody has voted.
    h.advance_settled(Duration::hours(48)).await;
    for _ in 0..10 {
        h.advance_settled(Duration::minutes(10)).await;
    }
    // The lost answer was a reminder's: its retry met the nonce and made no second message.
    let lost = h.sim.requests_to(("POST", "/channels/{}/messages"));
    assert!(
        lost.iter().any(|r| r.status == 500
            && r.body["content"]
                .as_str()
                .is_some_and(|c| c.contains("have not voted yet"))),
        "no reminder was retried"
    );
    let reminders: Vec<SimMessage> = h
        .sim
        .channel_messages(ballot.channel_id)
        .into_iter()
        .filter(|m| m.content().contains("have not voted yet"))
        .collect();
    assert!(
        reminders.len() >= 2,
        "one message cannot hold 124 mentions: {} reminders",
        reminders.len()
    );
    for m in &reminders {
        assert!(
            m.content().chars().count() <= 2000,
            "{} characters",
            m.content().chars().count()
        );
    }
    let mentioned = mentions(reminders.iter().map(|m| m.content()));
    for member in &electorate {
        assert_eq!(mentioned.get(member), Some(&1), "member {member} mentioned");
    }
    assert_eq!(
        mentioned.len(),
        electorate.len(),
        "nobody else is mentioned"
    );
    // Each message pings exactly the members it mentions: nobody twice, nobody left out.
    let mut pinged = HashMap::new();
    for m in &reminders {
        let mut own = m.pinged_users();
        own.sort_unstable();
        let mut listed = mention_ids(m.content());
        listed.sort_unstable();
        assert_eq!(own, listed);
        for id in own {
            *pinged.entry(id).or_insert(0) += 1;
        }
    }
    assert_eq!(pinged.len(), electorate.len());
    assert!(pinged.values().all(|n| *n == 1), "{pinged:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_roster_of_424_members_is_split_across_fields_never_cut() {
    let (h, tsc, maintainers) = started().await;
    let fx = h.sim.fx().clone();
    let r = h.sim.slash(fx.erin, "roster show", json!({})).await;
    let everyone: Vec<u64> = tsc.iter().chain(&maintainers).copied().collect();
    // The answer, then follow-ups until every member is listed.
    let mut messages = Vec::new();
    for _ in 0..3000 {
        let reply = h.sim.reply(r.interaction_id);
        messages = reply.message.into_iter().chain(reply.followups).collect();
        let texts: Vec<String> = messages.iter().map(SimMessage::embed_text).collect();
        let seen = mentions(texts.iter().map(String::as_str));
        if everyone.iter().all(|id| seen.contains_key(id)) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(messages.len() >= 2, "{} messages", messages.len());
    let texts: Vec<String> = messages.iter().map(|m| m.embed_text()).collect();
    let seen = mentions(texts.iter().map(String::as_str));
    for id in &everyone {
        assert_eq!(seen.get(id), Some(&1), "member {id} listed");
    }
    let mut names = Vec::new();
    for m in &messages {
        assert!(m.is_ephemeral());
        let embeds = m.embeds();
        let fields: Vec<&serde_json::Value> = embeds
            .iter()
            .flat_map(|e| e["fields"].as_array().into_iter().flatten())
            .collect();
        assert!(fields.len() <= 25);
        for f in fields {
            let value = f["value"].as_str().unwrap();
            assert!(value.chars().count() <= 1024);
            assert!(!value.ends_with('…'), "a field was cut: {value}");
            names.push(f["name"].as_str().unwrap().to_owned());
        }
    }
    // The maintainers take several fields, numbered; the TSC's follow the same pattern.
    let parts: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("Maintainers ("))
        .collect();
    assert!(parts.len() >= 2, "{names:?}");
    let total = parts.len();
    for (n, name) in parts.iter().enumerate() {
        assert_eq!(**name, format!("Maintainers ({}/{total})", n + 1));
    }
}
