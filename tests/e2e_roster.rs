//! End to end: the roster and succession planning, the real bot against the Discord simulator.
//! Time moves through the injected clock; nothing sleeps for a deadline.

mod support;

use chrono::{DateTime, Duration, Months, TimeZone, Utc};
use serde_json::json;
use support::bot::{Harness, ballot_id};
use support::sim::SimMessage;

fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap()
}

/// The bot, set up, with the roster read and the first daily pass done.
async fn started() -> Harness {
    let h = Harness::start().await;
    h.setup().await;
    // The roster is read in the background; the first daily pass follows it.
    h.wait_scalar("SELECT COUNT(*) FROM roster_roles", 5).await;
    h.wait_sweep(start_time()).await;
    h
}

/// What these tests need beyond the shared harness: waiting on the database and on daily passes.
trait RosterHarness {
    async fn scalar(&self, sql: &str) -> i64;
    async fn wait_scalar(&self, sql: &str, want: i64);
    async fn wait_sweep(&self, at: DateTime<Utc>);
    async fn at(&self, at: DateTime<Utc>);
    async fn tsc_busy(&self);
    fn tsc_notes(&self) -> Vec<SimMessage>;
}

impl RosterHarness for Harness {
    async fn scalar(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
            .fetch_one(self.bot().app().db())
            .await
            .unwrap()
    }

    /// Waits (bounded) until the query answers `want`.
    async fn wait_scalar(&self, sql: &str, want: i64) {
        for _ in 0..3000 {
            if self.scalar(sql).await == want {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!(
            "{sql} never answered {want} (got {})",
            self.scalar(sql).await
        );
    }

    /// Waits until a daily pass ran at `at` or later, and the outbox is drained.
    async fn wait_sweep(&self, at: DateTime<Utc>) {
        self.wait_scalar(
            &format!(
                "SELECT COUNT(*) >= 1 FROM jobs WHERE dedupe_key LIKE 'succession:%'
                 AND done_at >= {}",
                at.timestamp_millis()
            ),
            1,
        )
        .await;
        self.wait_scalar("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL", 0)
            .await;
    }

    /// Moves the clock to `at` (a day or more after the last pass), lets the bot's loops run,
    /// and waits for that pass and its deliveries.
    async fn at(&self, at: DateTime<Utc>) {
        self.clock.set(at);
        self.bot().wake();
        self.wait_sweep(at).await;
        // And what the sweep queued is delivered before anything is asserted absent.
        self.settle().await;
    }

    /// alice, bob and carol are active: each runs a command (commands are activity).
    async fn tsc_busy(&self) {
        let fx = self.sim.fx().clone();
        for who in [fx.alice, fx.bob, fx.carol] {
            let r = self.sim.slash(who, "roster show", json!({})).await;
            assert!(r.is_ephemeral());
        }
    }

    fn tsc_notes(&self) -> Vec<SimMessage> {
        self.sim.channel_messages(self.sim.fx().tsc_private)
    }
}

fn months(n: u32) -> DateTime<Utc> {
    start_time().checked_add_months(Months::new(n)).unwrap()
}

fn step_button(dm: &SimMessage, verb: &str) -> String {
    dm.custom_ids()
        .into_iter()
        .find(|id| id.starts_with("v2:succession:") && id.ends_with(verb))
        .unwrap_or_else(|| panic!("no {verb} button: {:?}", dm.custom_ids()))
}

#[tokio::test]
async fn a_quiet_member_is_asked_by_dm_and_still_active_resets_the_clock() {
    let mut h = started().await;
    let fx = h.sim.fx().clone();
    h.at(months(3) - Duration::days(1)).await;
    assert!(
        h.sim.dm_messages(fx.dave).is_empty(),
        "not before three months"
    );
    h.tsc_busy().await;
    h.at(months(3)).await;

    let dm = h
        .sim
        .wait_for_dm(fx.dave, |m| !m.buttons().is_empty())
        .await;
    assert!(dm.content().contains("still active"), "{}", dm.content());
    assert!(dm.pinged_users().is_empty());
    h.sim
        .wait_for_message(fx.tsc_private, |m| {
            m.content().contains(&format!(
                "<@{}> has shown no activity for 3 months",
                fx.dave
            ))
        })
        .await;
    // The public channel hears nothing of it.
    assert!(
        !h.sim
            .channel_messages(fx.announcements)
            .iter()
            .any(|m| m.content().contains("no activity"))
    );

    // A restart and more passes repeat nothing.
    h.restart().await;
    h.at(months(3) + Duration::days(1)).await;
    h.at(months(3) + Duration::days(2)).await;
    assert_eq!(h.sim.dm_messages(fx.dave).len(), 1);

    // The button works after the restart; only dave may use it.
    let forged = h.sim.click(fx.bob, &dm, &step_button(&dm, ":active")).await;
    assert!(
        forged.text().contains("not one of Steward's"),
        "{}",
        forged.text()
    );
    let r = h
        .sim
        .click(fx.dave, &dm, &step_button(&dm, ":active"))
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("recorded as active"), "{}", r.text());
    h.sim
        .wait_for_message(fx.tsc_private, |m| {
            m.content().contains(&format!("<@{}> confirmed", fx.dave))
        })
        .await;
    // The clock restarted at the click: no review at six months, a new question at 3+3.
    h.tsc_busy().await;
    h.at(months(6) - Duration::days(3)).await;
    assert_eq!(h.sim.dm_messages(fx.dave).len(), 1);
    assert_eq!(
        h.scalar("SELECT COUNT(*) FROM ballots").await,
        0,
        "no review"
    );
    h.at(months(6) + Duration::days(2)).await;
    let first = dm.id;
    h.sim
        .wait_for_dm(fx.dave, |m| m.id != first && !m.buttons().is_empty())
        .await;
}

#[tokio::test]
async fn an_approved_review_swaps_the_role_to_emeritus_and_thanks_once() {
    let mut h = started().await;
    let fx = h.sim.fx().clone();
    for m in 1..=6 {
        h.at(months(m) - Duration::days(1)).await;
        h.tsc_busy().await;
        if m == 3 || m == 6 {
            h.at(months(m)).await;
        }
    }
    // Erin's review ballot and dave's: find dave's in the private TSC channel.
    let ballot = h
        .sim
        .wait_for_message(fx.tsc_private, |m| {
            m.embed_text().contains("move Dave to emeritus") && !m.buttons().is_empty()
        })
        .await;
    let id = ballot_id(&ballot);
    for who in [fx.alice, fx.bob, fx.carol] {
        let r = h
            .sim
            .click(who, &ballot, &format!("v2:ballot:{id}:vote:+1"))
            .await;
        assert!(r.text().contains("+1"), "{}", r.text());
    }
    // Dave is not in the electorate of his own review.
    let r = h
        .sim
        .click(fx.dave, &ballot, &format!("v2:ballot:{id}:vote:+1"))
        .await;
    assert!(r.text().contains("non-binding"), "{}", r.text());

    h.restart().await;
    h.at(months(6) + Duration::days(8)).await;
    h.sim.wait_for_role(fx.dave, fx.tsc_role, false).await;
    h.sim.wait_for_role(fx.dave, fx.emeritus_role, true).await;
    let thanks = |h: &Harness| {
        h.sim
            .channel_messages(fx.announcements)
            .into_iter()
            .filter(|m| m.content().contains("moved to emeritus"))
            .collect::<Vec<_>>()
    };
    h.sim
        .wait_for_message(fx.announcements, |m| {
            m.content().contains("moved to emeritus")
        })
        .await;
    assert!(thanks(&h)[0].content().contains(&format!("<@{}>", fx.dave)));
    assert!(thanks(&h)[0].pinged_users().is_empty());
    // The roster follows the roles Discord now reports.
    h.wait_scalar(
        &format!(
            "SELECT COUNT(*) FROM roster_roles WHERE member_id = {} AND gov_role = 'emeritus'",
            fx.dave
        ),
        1,
    )
    .await;

    h.restart().await;
    h.at(months(6) + Duration::days(9)).await;
    h.at(months(6) + Duration::days(10)).await;
    assert_eq!(thanks(&h).len(), 1, "announced once");
    let r = h.sim.slash(fx.frank, "roster show", json!({})).await;
    let text = r.text();
    let emeritus = text.split("Emeritus").nth(1).unwrap_or_default();
    assert!(emeritus.contains(&format!("<@{}>", fx.dave)), "{text}");
}

#[tokio::test]
async fn closed_dms_are_recorded_and_the_tsc_is_told_instead() {
    let h = started().await;
    let fx = h.sim.fx().clone();
    h.sim.close_dms(fx.dave);
    h.at(months(3) - Duration::days(1)).await;
    h.tsc_busy().await;
    h.at(months(3)).await;
    h.sim
        .wait_for_message(fx.tsc_private, |m| {
            m.content()
                .contains(&format!("<@{}> could not be reached", fx.dave))
        })
        .await;
    assert!(h.sim.dm_messages(fx.dave).is_empty());
    h.wait_scalar(
        "SELECT COUNT(*) FROM succession_steps WHERE dm_failed_at IS NOT NULL",
        1,
    )
    .await;
    // Erin's DMs are open: she still got hers.
    h.sim
        .wait_for_dm(fx.erin, |m| !m.buttons().is_empty())
        .await;
    h.at(months(3) + Duration::days(1)).await;
    let told = h
        .tsc_notes()
        .into_iter()
        .filter(|m| m.content().contains("could not be reached"))
        .count();
    assert_eq!(told, 1);
}

#[tokio::test]
async fn roster_export_matches_the_fixture_and_pings_nobody() {
    let h = started().await;
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(fx.erin, "roster set-area", json!({"area": "Documentation"}))
        .await;
    assert!(r.text().contains("Documentation"), "{}", r.text());
    let refused = h
        .sim
        .slash(
            fx.frank,
            "roster set-area",
            json!({"area": "Docs", "member": fx.erin}),
        )
        .await;
    assert!(
        refused.text().contains("Only the maintainer"),
        "{}",
        refused.text()
    );

    let r = h.sim.slash(fx.frank, "roster export", json!({})).await;
    assert!(r.is_ephemeral());
    let content = r.content();
    let body = content
        .strip_prefix("```markdown\n")
        .and_then(|c| c.strip_suffix("\n```"))
        .unwrap_or_else(|| panic!("not a markdown block: {content}"));
    let expected = include_str!("fixtures/roster_export.md");
    assert_eq!(body, expected.trim_end());
    assert!(r.message().pinged_users().is_empty());
    assert!(r.message().pinged_roles().is_empty());
}

#[tokio::test]
async fn the_roster_follows_role_changes_and_members_leaving() {
    let h = started().await;
    let fx = h.sim.fx().clone();
    h.sim.add_role(fx.frank, fx.security_role);
    h.sim.add_role(fx.frank, fx.maintainers_role);
    h.sim.remove_member(fx.carol);
    h.wait_scalar("SELECT COUNT(*) FROM roster_members WHERE in_guild = 0", 1)
        .await;
    h.wait_scalar(
        "SELECT COUNT(*) FROM roster_roles WHERE gov_role = 'maintainer'",
        2,
    )
    .await;
    let r = h.sim.slash(fx.alice, "roster show", json!({})).await;
    let text = r.text();
    assert!(!text.contains(&format!("<@{}>", fx.carol)), "{text}");
    assert!(text.contains(&format!("<@{}>", fx.frank)), "{text}");
    // Security set-up is optional: frank's role is not mapped here, so he is not listed there.
    let security = text
        .split("Security Response Team")
        .nth(1)
        .unwrap_or_default();
    assert!(security.contains("nobody yet"), "{text}");
}

#[tokio::test]
async fn a_message_counts_as_activity_but_its_content_is_never_asked_for() {
    let h = started().await;
    let fx = h.sim.fx().clone();
    assert!(
        !steward::discord::intents()
            .contains(poise::serenity_prelude::GatewayIntents::MESSAGE_CONTENT)
    );
    h.clock.set(start_time() + Duration::days(10));
    h.sim.post_message(fx.dave, fx.general, "hello");
    let at = (start_time() + Duration::days(10)).timestamp_millis();
    h.wait_scalar(
        &format!(
            "SELECT COUNT(*) FROM roster_members WHERE member_id = {} AND last_active_at = {at}",
            fx.dave
        ),
        1,
    )
    .await;
    // The clock counts from that message: no DM three months after the start.
    h.tsc_busy().await;
    h.at(months(3)).await;
    assert!(h.sim.dm_messages(fx.dave).is_empty());
    h.sim
        .wait_for_dm(fx.erin, |m| !m.buttons().is_empty())
        .await;
}

#[tokio::test]
async fn a_status_review_that_keeps_the_member_is_told_to_the_tsc_only() {
    let h = started().await;
    let fx = h.sim.fx().clone();
    for m in 1..=6 {
        h.at(months(m) - Duration::days(1)).await;
        h.tsc_busy().await;
        if m == 3 || m == 6 {
            h.at(months(m)).await;
        }
    }
    h.sim
        .wait_for_message(fx.tsc_private, |m| {
            m.embed_text().contains("move Dave to emeritus") && !m.buttons().is_empty()
        })
        .await;
    // Nobody votes: the review closes without quorum and Dave keeps his role.
    h.at(months(6) + Duration::days(8)).await;
    let result = h
        .sim
        .wait_for_message(fx.tsc_private, |m| {
            m.embed_text().contains("move Dave to emeritus") && m.buttons().is_empty()
        })
        .await;
    assert!(
        result.embed_text().contains("no quorum"),
        "{}",
        result.embed_text()
    );
    // The public learns nothing: no result, no name, no tally in the announcement channel.
    let public: Vec<String> = h
        .sim
        .channel_messages(fx.announcements)
        .iter()
        .map(|m| m.text())
        .collect();
    assert!(
        public
            .iter()
            .all(|t| !t.contains("Dave") && !t.contains("Status review")),
        "{public:?}"
    );
    assert!(h.sim.has_role(fx.dave, fx.tsc_role));
}
