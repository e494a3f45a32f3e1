//! How the bot answered an interaction: the callback kind, the reply message and follow-ups,
//! or the modal it showed.

use std::time::Duration;

use serde_json::Value;

use crate::message::{SimButton, SimMessage};
use crate::state::State;

/// One input of a modal.
#[derive(Clone, Debug)]
pub struct SimInput {
    pub custom_id: String,
    pub label: String,
    /// 1 short, 2 paragraph.
    pub style: u64,
    pub required: bool,
    pub value: Option<String>,
    pub placeholder: Option<String>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
}

/// A modal the bot showed.
#[derive(Clone, Debug, Default)]
pub struct SimModal {
    pub custom_id: String,
    pub title: String,
    pub inputs: Vec<SimInput>,
    pub json: Value,
}

impl SimModal {
    pub fn from_json(json: Value) -> SimModal {
        let mut inputs = vec![];
        for row in json["components"].as_array().cloned().unwrap_or_default() {
            for c in row["components"].as_array().cloned().unwrap_or_default() {
                inputs.push(SimInput {
                    custom_id: c["custom_id"].as_str().unwrap_or("").into(),
                    label: c["label"].as_str().unwrap_or("").into(),
                    style: c["style"].as_u64().unwrap_or(1),
                    required: c["required"].as_bool().unwrap_or(true),
                    value: c["value"].as_str().map(String::from),
                    placeholder: c["placeholder"].as_str().map(String::from),
                    min_length: c["min_length"].as_u64(),
                    max_length: c["max_length"].as_u64(),
                });
            }
        }
        SimModal {
            custom_id: json["custom_id"].as_str().unwrap_or("").into(),
            title: json["title"].as_str().unwrap_or("").into(),
            inputs,
            json,
        }
    }

    pub fn input(&self, custom_id: &str) -> Option<&SimInput> {
        self.inputs.iter().find(|i| i.custom_id == custom_id)
    }
}

/// How the bot answered an interaction (the callback type).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplyKind {
    /// 4 CHANNEL_MESSAGE_WITH_SOURCE
    Message,
    /// 5 DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    Deferred,
    /// 6 DEFERRED_UPDATE_MESSAGE
    DeferredUpdate,
    /// 7 UPDATE_MESSAGE
    UpdateMessage,
    /// 8 APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
    Autocomplete,
    /// 9 MODAL
    Modal,
    Other(u64),
}

/// The bot's answer to one interaction, as of when it was taken.
#[derive(Clone, Debug)]
pub struct Reply {
    pub interaction_id: u64,
    pub token: String,
    pub kind: ReplyKind,
    /// The callback body the bot sent.
    pub callback: Value,
    /// The visible answer: the reply message (4, or 5 once filled), or the component's message
    /// (6, 7).
    pub message: Option<SimMessage>,
    pub followups: Vec<SimMessage>,
    pub modal: Option<SimModal>,
    /// Time from dispatching the interaction to the bot's callback.
    pub latency: Option<Duration>,
}

impl Reply {
    /// The answer message; panics if the bot answered without one (e.g. with a modal).
    pub fn message(&self) -> &SimMessage {
        self.message.as_ref().unwrap_or_else(|| {
            panic!(
                "interaction {} was answered without a message: {:?} {}",
                self.interaction_id, self.kind, self.callback
            )
        })
    }

    pub fn content(&self) -> String {
        self.message
            .as_ref()
            .map(|m| m.content().to_string())
            .unwrap_or_default()
    }

    /// Content + embeds + button labels of the answer and its follow-ups.
    pub fn text(&self) -> String {
        let mut t: Vec<String> = self.message.iter().map(|m| m.text()).collect();
        t.extend(self.followups.iter().map(|m| m.text()));
        t.join("\n")
    }

    pub fn embeds(&self) -> Vec<Value> {
        self.message
            .as_ref()
            .map(|m| m.embeds())
            .unwrap_or_default()
    }

    pub fn buttons(&self) -> Vec<SimButton> {
        self.message
            .as_ref()
            .map(|m| m.buttons())
            .unwrap_or_default()
    }

    pub fn is_ephemeral(&self) -> bool {
        self.message.as_ref().is_some_and(|m| m.is_ephemeral())
    }

    /// Files of the answer message as `(filename, bytes)` (follow-ups have their own).
    pub fn attachments(&self) -> Vec<(String, Vec<u8>)> {
        self.message
            .as_ref()
            .map(|m| m.attachments())
            .unwrap_or_default()
    }

    /// The autocomplete choices the bot answered with, as `(name, value)`.
    pub fn choices(&self) -> Vec<(String, Value)> {
        self.callback["data"]["choices"]
            .as_array()
            .map(|c| {
                c.iter()
                    .map(|c| {
                        (
                            c["name"].as_str().unwrap_or("").to_string(),
                            c["value"].clone(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn modal(&self) -> &SimModal {
        self.modal.as_ref().unwrap_or_else(|| {
            panic!(
                "interaction {} was not answered with a modal: {:?} {}",
                self.interaction_id, self.kind, self.callback
            )
        })
    }
}

/// The answer to interaction `iid` as the state holds it now.
pub(crate) fn build_reply(st: &State, iid: u64) -> Reply {
    let r = &st.interactions[&iid];
    let cb = r.callback.clone().unwrap_or(Value::Null);
    let kind = match cb["type"].as_u64().unwrap_or(0) {
        4 => ReplyKind::Message,
        5 => ReplyKind::Deferred,
        6 => ReplyKind::DeferredUpdate,
        7 => ReplyKind::UpdateMessage,
        8 => ReplyKind::Autocomplete,
        9 => ReplyKind::Modal,
        t => ReplyKind::Other(t),
    };
    Reply {
        interaction_id: iid,
        token: r.token.clone(),
        kind,
        callback: cb,
        message: r.original.and_then(|m| st.messages.get(&m)).cloned(),
        followups: r
            .followups
            .iter()
            .filter_map(|m| st.messages.get(m))
            .cloned()
            .collect(),
        modal: r.modal.clone().map(SimModal::from_json),
        latency: r.callback_latency,
    }
}
