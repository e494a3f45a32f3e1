//! Buttons and modals as a member uses them: clicking a button that is there and enabled (or
//! forging a click), filling in and submitting a modal the bot showed.

use serde_json::json;

use crate::Sim;
use crate::message::SimMessage;
use crate::reply::{Reply, SimModal};

impl Sim {
    /// Clicks a button (custom id) on a message, as `user`; waits for the bot's answer. Panics if
    /// the message has no such button or it is disabled.
    pub async fn click(&self, user: u64, msg: &SimMessage, custom_id: &str) -> Reply {
        match self.try_click(user, msg, custom_id).await {
            Ok(r) => r,
            Err(e) => panic!("{e}\n{}", self.dump()),
        }
    }

    /// Like [`Sim::click`], but a missing/disabled button is an `Err` (a member could not click it).
    pub async fn try_click(
        &self,
        user: u64,
        msg: &SimMessage,
        custom_id: &str,
    ) -> Result<Reply, String> {
        let iid = self.send_click(user, msg, custom_id).await?;
        Ok(self.wait_reply(iid).await)
    }

    pub async fn send_click(
        &self,
        user: u64,
        msg: &SimMessage,
        custom_id: &str,
    ) -> Result<u64, String> {
        self.wait_ready().await;
        self.inner.with(|st| {
            let Some(now) = st.messages.get(&msg.id).filter(|m| !m.deleted).cloned() else {
                return Err(format!(
                    "message {} no longer exists; cannot click {custom_id}",
                    msg.id
                ));
            };
            let Some(button) = now.button(custom_id) else {
                return Err(format!(
                    "message {} has no button {custom_id:?}; it has {:?}",
                    msg.id,
                    now.custom_ids()
                ));
            };
            if button.disabled {
                return Err(format!(
                    "button {custom_id:?} on message {} is disabled",
                    msg.id
                ));
            }
            let channel = msg.channel_id;
            let data = json!({"custom_id": custom_id, "component_type": 2});
            Ok(st.new_interaction(
                3,
                user,
                channel,
                custom_id,
                data,
                Some(now.json),
                Some(msg.id),
            ))
        })
    }

    /// A component interaction with any custom id on a message, as a modified client could send
    /// it (Discord does not check that the button exists); waits for the bot's answer.
    pub async fn forge_click(&self, user: u64, msg: &SimMessage, custom_id: &str) -> Reply {
        self.wait_ready().await;
        let iid = self.inner.with(|st| {
            let current = st.messages.get(&msg.id).map(|m| m.json.clone());
            let data = json!({"custom_id": custom_id, "component_type": 2});
            st.new_interaction(
                3,
                user,
                msg.channel_id,
                custom_id,
                data,
                current,
                Some(msg.id),
            )
        });
        self.wait_reply(iid).await
    }

    /// Submits the modal `custom_id` that the bot showed to `user`, with `(input custom id, value)`
    /// pairs; waits for the bot's answer. Panics if no such modal was shown to `user`, an input id
    /// is unknown, a required input is missing or a value breaks the input's length limits.
    pub async fn submit_modal(
        &self,
        user: u64,
        channel: u64,
        custom_id: &str,
        fields: &[(&str, &str)],
    ) -> Reply {
        self.wait_ready().await;
        let r = self.inner.with(|st| {
            let shown = st
                .interactions
                .values()
                .rev()
                .find(|i| i.user == user && i.modal.as_ref().is_some_and(|m| m["custom_id"] == custom_id))
                .cloned();
            let Some(origin) = shown else {
                return Err(format!("no modal {custom_id:?} was shown to {}", st.fx.name_of(user)));
            };
            let modal = SimModal::from_json(origin.modal.clone().unwrap_or_default());
            for (k, _) in fields {
                if !modal.inputs.iter().any(|i| i.custom_id == *k) {
                    return Err(format!("modal {custom_id:?} has no input {k:?}; inputs: {:?}", modal.inputs.iter().map(|i| &i.custom_id).collect::<Vec<_>>()));
                }
            }
            let mut rows = vec![];
            for input in &modal.inputs {
                let value = fields.iter().find(|(k, _)| *k == input.custom_id).map(|(_, v)| v.to_string()).unwrap_or_default();
                let n = value.chars().count() as u64;
                if input.required && n == 0 {
                    return Err(format!("modal {custom_id:?}: required input {:?} left empty", input.custom_id));
                }
                if n > 0 && (input.min_length.is_some_and(|m| n < m) || input.max_length.is_some_and(|m| n > m)) {
                    return Err(format!("modal {custom_id:?}: value for {:?} has {n} characters, outside {:?}..{:?}", input.custom_id, input.min_length, input.max_length));
                }
                rows.push(json!({"type": 1, "components": [{"type": 4, "custom_id": input.custom_id, "value": value}]}));
            }
            let data = json!({"custom_id": custom_id, "components": rows});
            let message = origin.target_message.and_then(|m| st.messages.get(&m)).map(|m| m.json.clone());
            Ok(st.new_interaction(5, user, channel, custom_id, data, message, origin.target_message))
        });
        match r {
            Ok(iid) => self.wait_reply(iid).await,
            Err(e) => panic!("{e}\n{}", self.dump()),
        }
    }
}
