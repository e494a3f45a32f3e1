//! Recording decisions. Each feature records its own in the transaction that decides, through
//! [`record`]; the entry's key makes recording the same event twice a no-op.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use crate::governance::ballot::{Count, Outcome};
use crate::governance::decision::DecisionKind;
use crate::store::ballot::Ballot;
use crate::store::decision_log::{self as repo, NewDecision};

/// A decision to record.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: DecisionKind,
    /// What it is about, e.g. `ballot:12`; with the outcome, it identifies the event.
    pub subject_ref: String,
    /// Plain text (member text is kept as data and escaped wherever it is shown).
    pub title: String,
    /// A stable key, rendered in each reader's language.
    pub outcome: String,
    pub link: Option<String>,
    pub details: serde_json::Value,
    /// Shown to the TSC only.
    pub private: bool,
    pub decided_by: Option<u64>,
}

/// Records a decision of the guild at `at`; returns its id, or `None` if this very event (same
/// subject, outcome, time and details) was recorded already.
pub async fn record(
    conn: &mut SqliteConnection,
    guild_id: u64,
    entry: &Entry,
    at: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    let dedupe_key = format!(
        "{guild_id}:{}:{}:{}:{}:{:016x}",
        entry.kind.key(),
        entry.subject_ref,
        entry.outcome,
        at.timestamp_millis(),
        fnv1a(entry.details.to_string().as_bytes())
    );
    repo::insert(
        conn,
        &NewDecision {
            guild_id,
            dedupe_key: &dedupe_key,
            kind: entry.kind,
            subject_ref: &entry.subject_ref,
            title: &entry.title,
            outcome: &entry.outcome,
            link: entry.link.as_deref(),
            details: &entry.details,
            private: entry.private,
            decided_by: entry.decided_by,
            decided_at: at,
        },
    )
    .await
}

/// A stable 64-bit digest (FNV-1a): the same details give the same key in every version.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A closed ballot, with its totals only: never who voted what. A ballot on a private subject
/// (a member's status) is kept for the TSC.
pub async fn ballot_closed(
    conn: &mut SqliteConnection,
    ballot: &Ballot,
    outcome: Outcome,
    count: &Count,
    electorate: usize,
    at: DateTime<Utc>,
) -> sqlx::Result<Option<i64>> {
    let entry = Entry {
        kind: DecisionKind::Ballot,
        subject_ref: format!("ballot:{}", ballot.id),
        title: ballot.title.clone(),
        outcome: outcome.key().to_owned(),
        link: None,
        details: json!({
            "subject": ballot.subject,
            "secret": ballot.secret,
            "electorate": electorate,
            "yes": count.binding.yes,
            "abstain": count.binding.abstain,
            "no": count.binding.no,
            "non_binding": {
                "yes": count.non_binding.yes,
                "abstain": count.non_binding.abstain,
                "no": count.non_binding.no,
            },
        }),
        private: ballot.subject.is_private(),
        decided_by: None,
    };
    record(conn, ballot.guild_id, &entry, at).await
}
