//! What Discord itself sees of the bot's delivery, through the real bot and the simulator:
//! coalesced ballot edits under a burst of votes, reminder pings, nonce deduplication after a
//! lost answer, member lists longer than a page, and a dropped gateway connection.

mod support;

use std::collections::BTreeSet;

use chrono::Duration;
use serde_json::json;
use steward::clock::Clock;
use support::bot::{Harness, ballot_id};
use support::sim::Fixture;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_votes_costs_a_few_edits_and_the_last_one_shows_the_tally() {
    let h = Harness::start().await;
    h.setup().await;
    let ballot = h.start_ballot("Burst").await;
    let id = ballot_id(&ballot);
    let edits = format!(
        "PATCH /channels/{}/messages/{}",
        ballot.channel_id, ballot.id
    );
    // Each edit takes 100 ms, about Discord's: edits are in flight while votes arrive.
    h.sim
        .delay(edits.as_str(), std::time::Duration::from_millis(100));
    const VOTES: usize = 60;
    let voters: Vec<u64> = (0..VOTES)
        .map(|i| h.sim.add_member(&format!("voter{i}"), &[]))
        .collect();
    let message = h.sim.message(ballot.id).unwrap();
    let mut sent = Vec::new();
    for voter in &voters {
        let click = h
            .sim
            .send_click(*voter, &message, &format!("v2:ballot:{id}:vote:+1"))
            .await
            .unwrap();
        sent.push(click);
    }
    for click in &sent {
        let r = h.sim.wait_reply(*click).await;
        assert!(r.text().contains("non-binding"), "{}", r.text());
        // Discord's 3 s, as the bot measured it: edits in flight never hold up an answer.
        h.assert_answered_in_time(*click).await;
    }
    assert_eq!(h.count("votes").await, VOTES as i64);
    let tally = format!("+1: **{VOTES}**");
    h.sim
        .wait_for_edit(ballot.id, |m| m.embed_text().contains(&tally))
        .await;
    h.settle().await;
    let cost = h.sim.requests_to(edits.as_str()).len();
    assert!(
        (1..=VOTES / 6).contains(&cost),
        "{VOTES} votes cost {cost} edits"
    );
    // The message Discord holds is the latest state, not an older edit that landed late.
    let last = h.sim.message(ballot.id).unwrap();
    assert!(last.embed_text().contains(&tally), "{}", last.embed_text());
}

#[tokio::test]
async fn the_reminder_pings_exactly_the_electorate_members_who_have_not_voted() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    // Member text that would ping everyone and a role if Discord were allowed to.
    let title = format!("Ping @everyone @here and <@&{}>", fx.tsc_role);
    let ballot = h.start_ballot(&title).await;
    let id = ballot_id(&ballot);
    for who in [fx.alice, fx.bob, fx.frank] {
        h.sim
            .click(who, &ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
    }
    // 72 hours with the reminder 24 hours before the deadline.
    h.advance_settled(Duration::hours(47)).await;
    assert!(
        !h.sim
            .channel_messages(fx.general)
            .iter()
            .any(|m| m.content().contains("have not voted")),
        "not before the reminder is due"
    );
    h.advance(Duration::hours(1));
    let reminder = h
        .sim
        .wait_for_message(fx.general, |m| m.content().contains("have not voted"))
        .await;
    let pinged: BTreeSet<u64> = reminder.pinged_users().into_iter().collect();
    assert_eq!(pinged, BTreeSet::from([fx.carol, fx.dave]));
    assert!(!reminder.pings_everyone(), "{}", reminder.content());
    assert!(reminder.pinged_roles().is_empty(), "{}", reminder.content());
    let allowed = reminder.allowed_mentions.clone().expect("allowed_mentions");
    let users: BTreeSet<String> = allowed["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        users,
        BTreeSet::from([fx.carol.to_string(), fx.dave.to_string()])
    );
    assert!(
        allowed["parse"].as_array().is_none_or(|p| p.is_empty()),
        "{allowed}"
    );
    assert!(
        allowed["roles"].as_array().is_none_or(|r| r.is_empty()),
        "{allowed}"
    );
    h.advance_settled(Duration::hours(1)).await;
    let reminders = h
        .sim
        .channel_messages(fx.general)
        .iter()
        .filter(|m| m.content().contains("have not voted"))
        .count();
    assert_eq!(reminders, 1);
}

#[tokio::test]
async fn a_post_whose_answer_was_lost_is_retried_without_a_second_message() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Lost answer").await;
    let id = ballot_id(&ballot);
    for who in [fx.alice, fx.bob, fx.carol] {
        h.sim
            .click(who, &ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
    }
    // Discord creates the result announcement, but the bot's request times out at the edge.
    let route = format!("POST /channels/{}/messages", fx.announcements);
    h.sim.fail_after_handling(route.as_str(), 1, 504);
    h.advance(Duration::hours(72));
    let key = format!("ballot:{id}:result");
    let failed = h.outbox_row(&key, |r| r.attempts == 1).await;
    assert!(failed.delivered_at.is_none());
    assert_eq!(h.announcements().len(), 1, "Discord did create it");
    h.advance(failed.next_attempt_at - h.clock.now());
    let delivered = h.outbox_row(&key, |r| r.delivered_at.is_some()).await;
    h.settle().await;
    let posted = h.announcements();
    assert_eq!(posted.len(), 1, "the retry carried the same nonce");
    assert!(posted[0].embed_text().contains("approved"));
    assert_eq!(delivered.message_id, Some(posted[0].id));
    let statuses: Vec<u16> = h
        .sim
        .requests_to(route.as_str())
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, [504, 200]);
}

#[tokio::test]
async fn tsc_members_beyond_the_first_pages_of_a_large_guild_vote_and_are_on_the_roster() {
    let mut fx = Fixture::standard();
    for i in 0..2494 {
        fx.add_member(&format!("member{i}"), &[]);
    }
    // Two more TSC members, listed after 2,500 others (members are paged in id order).
    let late = [
        fx.add_member("zoe", &[fx.tsc_role]),
        fx.add_member("yann", &[fx.tsc_role]),
    ];
    assert!(fx.members.len() > 2500);
    let h = Harness::start_with(fx.clone()).await;
    h.setup().await;
    let ballot = h.start_ballot("Large guild").await;
    assert!(
        ballot.embed_text().contains("0 of 6 voted"),
        "{}",
        ballot.embed_text()
    );
    let id = ballot_id(&ballot);
    let r = h
        .sim
        .click(late[1], &ballot, &format!("v2:ballot:{id}:vote:+1"))
        .await;
    assert!(r.text().contains("Recorded your vote +1"), "{}", r.text());
    assert!(!r.text().contains("non-binding"), "{}", r.text());
    let pages: Vec<Option<String>> = h
        .sim
        .requests_to("GET /guilds/{}/members")
        .iter()
        .map(|r| r.query.clone())
        .collect();
    assert!(pages.len() >= 3, "{pages:?}");

    // The roster read every page too.
    for _ in 0..3000 {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM roster_roles WHERE gov_role = 'tsc'")
            .fetch_one(h.bot().app().db())
            .await
            .unwrap();
        if n == 6 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let roster = h.sim.slash(fx.frank, "roster show", json!({})).await;
    let text = roster.text();
    for member in late {
        assert!(text.contains(&format!("<@{member}>")), "{text}");
    }
}

#[tokio::test]
async fn the_bot_resumes_after_a_dropped_gateway_and_votes_still_work() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let ballot = h.start_ballot("Reconnect").await;
    let id = ballot_id(&ballot);
    let before = h.sim.gateway_stats();
    h.sim.drop_gateway();
    // A vote sent while the connection is down is replayed on RESUME and answered.
    let click = h
        .sim
        .send_click(fx.bob, &ballot, &format!("v2:ballot:{id}:vote:+1"))
        .await
        .unwrap();
    let stats = h
        .sim
        .wait_gateway("the bot to resume", |s| {
            s.resumes > before.resumes && s.connections > before.connections
        })
        .await;
    assert_eq!(
        stats.identifies, before.identifies,
        "resumed, not re-identified"
    );
    let r = h.sim.wait_reply(click).await;
    assert!(r.text().contains("Recorded your vote +1"), "{}", r.text());
    // And one after it.
    let r = h
        .sim
        .click(fx.carol, &ballot, &format!("v2:ballot:{id}:vote:+1"))
        .await;
    assert!(r.text().contains("Recorded your vote +1"), "{}", r.text());
    h.sim
        .wait_for_edit(ballot.id, |m| m.embed_text().contains("2 of 4 voted"))
        .await;
}
