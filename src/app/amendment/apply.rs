//! An approved amendment's policy changes, applied in the transaction that closes its ballot:
//! validated again against the policy in force then (it may have moved since the proposal),
//! saved, each setting recorded in the decision log with its value before and after.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use crate::app::decision_log::record::{Entry, record};
use crate::app::{AppResult, UserError};
use crate::governance::amendment;
use crate::governance::decision::DecisionKind;
use crate::store::amendment as repo;
use crate::store::ballot::Ballot;
use crate::store::guild;
use crate::store::rfc::Rfc;

/// Applies the changes; returns what the history and the announcement show: the settings'
/// values before and after, or why they could not be applied (as a message id and arguments).
pub(crate) async fn approved(
    conn: &mut SqliteConnection,
    rfc: &Rfc,
    ballot: &Ballot,
    now: DateTime<Utc>,
) -> AppResult<serde_json::Value> {
    let stored = repo::get(conn, rfc.id).await?;
    if stored.changes.is_empty() {
        return Ok(json!({ "applied": [] }));
    }
    let Some(config) = guild::get(conn, rfc.guild_id).await? else {
        return Ok(json!({ "applied": [] }));
    };
    let (policy, applied) = match amendment::apply(&config.policy, &stored.changes) {
        Ok(done) => done,
        Err(error) => {
            let user = UserError::from(error);
            let args: serde_json::Map<String, serde_json::Value> = user
                .args
                .iter()
                .map(|(name, value)| {
                    let value = match value {
                        crate::app::error::Arg::Text(t) => json!(t),
                        crate::app::error::Arg::Number(n) => json!(n),
                    };
                    ((*name).to_owned(), value)
                })
                .collect();
            repo::set_refused(conn, rfc.id, user.id).await?;
            tracing::warn!(rfc_id = rfc.id, "approved amendment could not be applied");
            return Ok(json!({ "refused": { "id": user.id, "args": args } }));
        }
    };
    guild::save_policy(conn, rfc.guild_id, &policy, now).await?;
    repo::set_applied(conn, rfc.id, &applied, now).await?;
    for change in &applied {
        let entry = Entry {
            kind: DecisionKind::Policy,
            subject_ref: format!("policy:{}", change.key.name()),
            title: change.key.name().to_owned(),
            outcome: "changed".into(),
            link: Some(rfc.link.clone()),
            details: json!({
                "setting": change.key.name(),
                "before": change.before,
                "after": change.after,
                "amendment": rfc.number,
                "ballot": ballot.id,
            }),
            private: false,
            decided_by: None,
        };
        record(conn, rfc.guild_id, &entry, now).await?;
    }
    tracing::info!(
        rfc_id = rfc.id,
        settings = applied.len(),
        "amendment applied"
    );
    Ok(json!({ "applied": applied }))
}
