//! `/govern policy-set`: one number of the policy changed, validated as a whole, announced; only
//! while a new server bootstraps, before its first ballot. After it, "Amendments to Governance"
//! is the way: `/amend propose`, a discussion period, a TSC ballot.

use serde_json::json;

use crate::app::decision_log::record::{Entry, record};
use crate::app::outbox::{self, Notice};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::decision::DecisionKind;
use crate::governance::permissions::{Action, Facts};
use crate::governance::policy::{Policy, PolicyKey};
use crate::msg;
use crate::store::{ballot, guild};

impl App {
    /// Changes one number of the policy (the TSC or Manage Server), validated as a whole, and
    /// announces it; refused, changing nothing, once the guild has run a ballot.
    pub async fn set_policy(
        &self,
        actor: &Actor,
        key: PolicyKey,
        value: &str,
    ) -> AppResult<Policy> {
        self.guild_config(actor.guild_id).await?;
        actor.require(Action::ChangePolicy, Facts::default())?;
        let now = self.now();
        // Read under the write lock: two changes at once both land.
        let mut tx = self.write_tx().await?;
        let config = guild::get(&mut tx, actor.guild_id)
            .await?
            .ok_or_else(|| UserError::new(msg!("error-not-configured")))?;
        if ballot::any_in_guild(&mut tx, actor.guild_id).await? {
            return Err(UserError::new(msg!("policy-error-amend-instead")).into());
        }
        let policy = config.policy.with(key, value)?;
        guild::save_policy(&mut tx, actor.guild_id, &policy, now).await?;
        let entry = Entry {
            kind: DecisionKind::Policy,
            subject_ref: format!("policy:{}", key.name()),
            title: key.name().to_owned(),
            outcome: "changed".into(),
            link: None,
            details: json!({
                "setting": key.name(),
                "before": config.policy.value_of(key),
                "after": policy.value_of(key),
            }),
            private: false,
            decided_by: Some(actor.user_id),
        };
        record(&mut tx, actor.guild_id, &entry, now).await?;
        if let Some(channel_id) = config.announce_channel_id {
            let notice = Notice::PolicyChanged {
                channel_id,
                key,
                value: policy.value_of(key),
                changed_by: actor.user_id,
                at_ms: now.timestamp_millis(),
            };
            outbox::queue(&mut tx, actor.guild_id, &notice, now).await?;
        }
        tx.commit().await?;
        self.config_cache().clear();
        self.outbox_wakeup().wake();
        Ok(policy)
    }
}
