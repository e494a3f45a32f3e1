use chrono::{TimeZone, Utc};

use super::*;
use crate::governance::release::{CHANGELOG_MAX, LINK_MAX, REASON_MAX};
use crate::store::release::Candidate;

fn release(stage: Stage, changelog: &str) -> Release {
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
    Release {
        id: 1,
        guild_id: 2,
        version: "1.4.0".into(),
        stage,
        proposer_id: 3,
        changelog: changelog.into(),
        planned_on: None,
        plan_ballot_id: Some(4),
        final_ballot_id: None,
        channel_id: 5,
        card_message_id: None,
        thread_id: None,
        feedback_ends_at: Some(now),
        signed_off_by: None,
        published_link: None,
        published_at: None,
        ended_step: None,
        ended_reason: None,
        stage_since: now,
        created_at: now,
    }
}

/// What Discord counts toward a message's 6000 characters of embeds.
fn embed_chars(embeds: &[serenity::CreateEmbed]) -> usize {
    embeds
        .iter()
        .map(|e| {
            let v = serde_json::to_value(e).unwrap();
            let text = |v: &serde_json::Value| v.as_str().map_or(0, chars);
            text(&v["title"])
                + text(&v["description"])
                + text(&v["footer"]["text"])
                + v["fields"].as_array().map_or(0, |f| {
                    f.iter()
                        .map(|f| text(&f["name"]) + text(&f["value"]))
                        .sum::<usize>()
                })
        })
        .sum()
}

fn field_values(embed: &serenity::CreateEmbed) -> Vec<String> {
    let v = serde_json::to_value(embed).unwrap();
    v["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["value"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_longest_changelog_is_shown_whole_beside_a_full_card() {
    // A changelog at the limit, with a line longer than a field.
    let mut changelog = format!("{}\n", "L".repeat(1500));
    while chars(&changelog) < CHANGELOG_MAX - 30 {
        changelog.push_str("- Fixed a bug\n");
    }
    let changelog = changelog.trim().to_owned();
    assert!(chars(&changelog) <= CHANGELOG_MAX);
    let candidates = (1..=12)
        .map(|n| Candidate {
            number: n,
            link: format!("https://e.org/{}", "r".repeat(LINK_MAX - 14)),
            recorded_by: 3,
            recorded_at: Utc::now(),
        })
        .collect();
    let blockers = (1..=30)
        .map(|n| Blocker {
            id: n,
            release_id: 1,
            candidate: 1,
            reporter_id: 9,
            link: "https://e.org/issue".into(),
            reason: "x".repeat(REASON_MAX),
            reported_at: Utc::now(),
            status: BlockerStatus::Open,
            decided_by: None,
            decided_at: None,
            decision: None,
        })
        .collect();
    let view = ReleaseView {
        release: release(Stage::Blocked, &changelog),
        candidates,
        works: vec![(12, 4)],
        blockers,
    };
    let embeds = card_embeds(&view, "en-US");
    assert!(embed_chars(&embeds) <= 6000, "{}", embed_chars(&embeds));
    let parts = field_values(&embeds[1]);
    assert!(parts.len() > 1);
    assert!(parts.iter().all(|p| chars(p) <= FIELD_MAX));
    let shown: String = parts.concat().replace('\n', "");
    assert_eq!(shown, changelog.replace('\n', ""), "nothing is cut");
}

#[test]
fn pieces_lose_nothing() {
    assert_eq!(pieces("a\nb", 10), vec!["a\nb".to_owned()]);
    assert_eq!(
        pieces("abcdef", 4),
        vec!["abcd".to_owned(), "ef".to_owned()]
    );
    assert_eq!(
        pieces("aaa\n\nbbb", 4),
        vec!["aaa\n".to_owned(), "bbb".to_owned()]
    );
    assert!(pieces("", 4).is_empty());
}

#[test]
fn the_current_step_is_marked_and_an_ended_one_crossed() {
    let text = steps_text("en-US", &release(Stage::Feedback, "x"));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7);
    assert!(lines[2].starts_with("✅ 3."), "{text}");
    assert!(lines[3].starts_with("▶️ **4."), "{text}");
    assert!(lines[4].starts_with("▫️ 5."), "{text}");
    let rejected = Release {
        ended_step: Some(Step::PlanApproval),
        ..release(Stage::Rejected, "x")
    };
    let text = steps_text("en-US", &rejected);
    assert!(text.lines().nth(1).unwrap().starts_with("❌"), "{text}");
    let done = steps_text("en-US", &release(Stage::Announced, "x"));
    assert!(done.lines().all(|l| l.starts_with('✅')), "{done}");
}
