//! Shared by the cases' end-to-end tests: a guild with a member outside every role (grace), a
//! security response team member (ivan), a maintainers' channel everyone reads and a security
//! channel only the team reads; Steward set up with all of them; and the privacy check that
//! searches everything the simulator received.
#![allow(
    dead_code,
    reason = "each test binary uses the part of the shared world it needs"
)]

use serde_json::json;

use crate::support::bot::Harness;
use crate::support::sim::{Fixture, perms};

pub struct Case {
    pub h: Harness,
    pub grace: u64,
    pub ivan: u64,
    pub maintainers: u64,
    pub security: u64,
}

pub async fn start() -> Case {
    let mut fx = Fixture::standard();
    let grace = fx.add_member("grace", &[]);
    let ivan = fx.add_member("ivan", &[fx.security_role]);
    let maintainers = fx.add_text_channel("maintainers", Some(fx.governance_category));
    let security = fx.add_text_channel("security", Some(fx.governance_category));
    let private_to = |role: u64| {
        vec![
            json!({"id": fx.guild.to_string(), "type": 0, "allow": "0", "deny": perms::VIEW_CHANNEL.to_string()}),
            json!({"id": role.to_string(), "type": 0, "allow": perms::VIEW_CHANNEL.to_string(), "deny": "0"}),
            json!({"id": fx.bot_role.to_string(), "type": 0, "allow": perms::VIEW_CHANNEL.to_string(), "deny": "0"}),
        ]
    };
    let overwrites = private_to(fx.security_role);
    fx.channels
        .iter_mut()
        .find(|c| c.id == security)
        .unwrap()
        .permission_overwrites = overwrites;
    let h = Harness::start_with(fx).await;
    // Timeouts are judged by the bot's clock.
    let clock = h.clock.clone();
    h.sim
        .use_clock(move || steward::clock::Clock::now(clock.as_ref()));
    let fx = h.sim.fx().clone();
    h.setup_with(json!({
        "security": fx.security_role,
        "tsc-channel": fx.tsc_private,
        "maintainers-channel": maintainers,
        "security-channel": security,
    }))
    .await;
    // The roster is read again after set-up: wait until it knows the team (cases take their
    // readers from it).
    for _ in 0..3000 {
        let team: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM roster_roles WHERE gov_role = 'security_team'",
        )
        .fetch_one(h.bot().app().db())
        .await
        .unwrap();
        if team > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    Case {
        h,
        grace,
        ivan,
        maintainers,
        security,
    }
}

/// Every request of the bot whose body holds `text`, as `METHOD /path`.
pub fn requests_with(h: &Harness, text: &str) -> Vec<String> {
    let mut places = Vec::new();
    for r in h.sim.requests() {
        if r.body.to_string().contains(text) {
            places.push(format!("{} {}", r.method, r.path));
        }
    }
    places
}

/// Where messages contain `text`: channel and thread ids, and `dm:<member>` for DMs.
pub fn channels_with(h: &Harness, text: &str) -> Vec<String> {
    let fx = h.sim.fx().clone();
    let mut channels: Vec<u64> = h.sim.channels().iter().map(|c| c.id).collect();
    for parent in channels.clone() {
        channels.extend(h.sim.threads_of(parent).iter().map(|t| t.id));
    }
    let mut found: Vec<String> = channels
        .into_iter()
        .filter(|c| h.sim.channel_messages(*c).iter().any(|m| m_has(m, text)))
        .map(|c| c.to_string())
        .collect();
    for member in fx.members.iter().map(|m| m.id) {
        if h.sim.dm_messages(member).iter().any(|m| m_has(m, text)) {
            found.push(format!("dm:{member}"));
        }
    }
    found
}

fn m_has(m: &crate::support::sim::SimMessage, text: &str) -> bool {
    m.text().contains(text) || m.embed_text().contains(text)
}

/// Whether `text` is anywhere in the bot's SQLite file or its WAL file.
pub fn on_disk(h: &Harness, text: &str) -> bool {
    let path = h.db_path();
    let wal = path.with_file_name("steward.db-wal");
    [path, wal].iter().any(|file| {
        std::fs::read(file).is_ok_and(|bytes| {
            bytes
                .windows(text.len())
                .any(|window| window == text.as_bytes())
        })
    })
}

/// Moves past the week after which a closed case's text is erased, waits for the erase, and
/// checks that no byte of `texts` is left on disk.
pub async fn erased_from_disk(h: &Harness, case_id: i64, texts: &[&str]) {
    // Kept while the case is handled (so the search below can find them).
    for text in texts {
        assert!(on_disk(h, text), "{text:?} was never stored");
    }
    h.advance(chrono::Duration::days(8));
    for _ in 0..3000 {
        let erased: Option<i64> = sqlx::query_scalar("SELECT erased_at FROM cases WHERE id = ?")
            .bind(case_id)
            .fetch_one(h.bot().app().db())
            .await
            .unwrap();
        if erased.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    // The erase job checkpoints; a reader busy at that moment only postpones it, so once more.
    steward::store::checkpoint(h.bot().app().database()).await;
    for text in texts {
        assert!(!on_disk(h, text), "{text:?} is still on disk");
    }
}

/// How many interaction answers (ephemeral or not) hold `text`.
pub fn replies_with(h: &Harness, text: &str) -> usize {
    h.sim
        .interactions()
        .iter()
        .filter(|r| r.callback.to_string().contains(text))
        .count()
}
