//! What tests look at: messages as members see them, interaction answers, modals.

use std::time::Duration;

use serde_json::{Value, json};

use crate::state::{State, as_id, sid};

/// A message as members see it, and as the simulator keeps it: the state stores these, and tests
/// get clones of them.
#[derive(Clone, Debug)]
pub struct SimMessage {
    pub id: u64,
    pub channel_id: u64,
    pub author_id: u64,
    /// The full Discord Message object, as the simulator answers it.
    pub json: Value,
    /// The body that created it: the bot's request body, `{"content": …}` for a member's message
    /// posted by the simulator, `{}` for a deferred reply; Null when made with `from_json`.
    pub raw_body: Value,
    /// Bodies of the edits, in order.
    pub edits: Vec<Value>,
    pub ephemeral: bool,
    /// A deferred "thinking…" message not yet filled.
    pub loading: bool,
    pub deleted: bool,
    /// The interaction this message answers, if any.
    pub interaction_id: Option<u64>,
    /// The `allowed_mentions` last sent for it (creation or edit).
    pub allowed_mentions: Option<Value>,
}

/// A button on a message.
#[derive(Clone, Debug, PartialEq)]
pub struct SimButton {
    pub custom_id: Option<String>,
    pub label: Option<String>,
    pub style: u64,
    pub disabled: bool,
    pub url: Option<String>,
    pub emoji: Option<Value>,
}

impl SimMessage {
    pub fn from_json(json: Value) -> SimMessage {
        SimMessage {
            id: as_id(&json["id"]).unwrap_or(0),
            channel_id: as_id(&json["channel_id"]).unwrap_or(0),
            author_id: as_id(&json["author"]["id"]).unwrap_or(0),
            ephemeral: json["flags"].as_u64().unwrap_or(0) & 64 != 0,
            json,
            raw_body: Value::Null,
            edits: vec![],
            loading: false,
            deleted: false,
            interaction_id: None,
            allowed_mentions: None,
        }
    }

    pub fn content(&self) -> &str {
        self.json["content"].as_str().unwrap_or("")
    }

    pub fn embeds(&self) -> Vec<Value> {
        self.json["embeds"].as_array().cloned().unwrap_or_default()
    }

    pub fn embed_titles(&self) -> Vec<String> {
        self.embeds()
            .iter()
            .filter_map(|e| e["title"].as_str().map(String::from))
            .collect()
    }

    /// All embed text: title, description, field names and values, footer, author.
    pub fn embed_text(&self) -> String {
        let mut out = vec![];
        for e in self.embeds() {
            for k in [&e["author"]["name"], &e["title"], &e["description"]] {
                if let Some(s) = k.as_str() {
                    out.push(s.to_string());
                }
            }
            for f in e["fields"].as_array().cloned().unwrap_or_default() {
                out.push(f["name"].as_str().unwrap_or("").to_string());
                out.push(f["value"].as_str().unwrap_or("").to_string());
            }
            if let Some(s) = e["footer"]["text"].as_str() {
                out.push(s.to_string());
            }
        }
        out.join("\n")
    }

    /// Everything a member reads: content, embed text, button labels.
    pub fn text(&self) -> String {
        let mut t = self.content().to_string();
        let e = self.embed_text();
        if !e.is_empty() {
            t.push('\n');
            t.push_str(&e);
        }
        for b in self.buttons() {
            if let Some(l) = b.label {
                t.push('\n');
                t.push_str(&l);
            }
        }
        t
    }

    pub fn components(&self) -> Vec<Value> {
        self.json["components"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub fn buttons(&self) -> Vec<SimButton> {
        let mut out = vec![];
        for row in self.components() {
            for c in row["components"].as_array().cloned().unwrap_or_default() {
                if c["type"] == 2 {
                    out.push(SimButton {
                        custom_id: c["custom_id"].as_str().map(String::from),
                        label: c["label"].as_str().map(String::from),
                        style: c["style"].as_u64().unwrap_or(0),
                        disabled: c["disabled"].as_bool().unwrap_or(false),
                        url: c["url"].as_str().map(String::from),
                        emoji: c.get("emoji").cloned().filter(|e| !e.is_null()),
                    });
                }
            }
        }
        out
    }

    pub fn button(&self, custom_id: &str) -> Option<SimButton> {
        self.buttons()
            .into_iter()
            .find(|b| b.custom_id.as_deref() == Some(custom_id))
    }

    pub fn button_by_label(&self, label: &str) -> Option<SimButton> {
        self.buttons()
            .into_iter()
            .find(|b| b.label.as_deref() == Some(label))
    }

    /// Custom ids of every component.
    pub fn custom_ids(&self) -> Vec<String> {
        let mut out = vec![];
        for row in self.components() {
            for c in row["components"].as_array().cloned().unwrap_or_default() {
                if let Some(id) = c["custom_id"].as_str() {
                    out.push(id.to_string());
                }
            }
        }
        out
    }

    pub fn flags(&self) -> u64 {
        self.json["flags"].as_u64().unwrap_or(0)
    }

    pub fn is_ephemeral(&self) -> bool {
        self.ephemeral || self.flags() & 64 != 0
    }

    pub fn pinned(&self) -> bool {
        self.json["pinned"].as_bool().unwrap_or(false)
    }

    pub fn edited(&self) -> bool {
        !self.json["edited_timestamp"].is_null()
    }

    /// Users this message actually pings (content mentions allowed by `allowed_mentions`).
    pub fn pinged_users(&self) -> Vec<u64> {
        self.json["mentions"]
            .as_array()
            .map(|a| a.iter().filter_map(|u| as_id(&u["id"])).collect())
            .unwrap_or_default()
    }

    /// Roles this message actually pings.
    pub fn pinged_roles(&self) -> Vec<u64> {
        self.json["mention_roles"]
            .as_array()
            .map(|a| a.iter().filter_map(as_id).collect())
            .unwrap_or_default()
    }

    pub fn pings_everyone(&self) -> bool {
        self.json["mention_everyone"].as_bool().unwrap_or(false)
    }
}

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

    pub fn modal(&self) -> &SimModal {
        self.modal.as_ref().unwrap_or_else(|| {
            panic!(
                "interaction {} was not answered with a modal: {:?} {}",
                self.interaction_id, self.kind, self.callback
            )
        })
    }
}

#[derive(Clone, Debug, Default)]
pub struct GatewayStats {
    pub connections: u32,
    pub connected: u32,
    pub identifies: u32,
    pub resumes: u32,
    pub heartbeats: u32,
    pub invalid_sessions: u32,
    pub seq: u64,
    pub delivered: u64,
    pub intents: u64,
    pub session_id: Option<String>,
}

pub fn build_reply(st: &State, iid: u64) -> Reply {
    let r = &st.interactions[&iid];
    let cb = r.callback.clone().unwrap_or(Value::Null);
    let kind = match cb["type"].as_u64().unwrap_or(0) {
        4 => ReplyKind::Message,
        5 => ReplyKind::Deferred,
        6 => ReplyKind::DeferredUpdate,
        7 => ReplyKind::UpdateMessage,
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

/// Builds `data` of a slash command interaction from the registered definition: nests
/// subcommands, types values, fills `resolved`.
pub fn build_command_data(
    st: &State,
    _user: u64,
    channel: u64,
    path: &str,
    opts: &Value,
) -> Result<Value, String> {
    let parts: Vec<&str> = path.split_whitespace().collect();
    let Some(top) = parts.first() else {
        return Err("empty command".into());
    };
    let (cmd, guild_cmd) = match st
        .guild_commands
        .iter()
        .find(|c| c["name"] == *top && c["type"].as_u64().unwrap_or(1) == 1)
    {
        Some(c) => (c, true),
        None => match st
            .global_commands
            .iter()
            .find(|c| c["name"] == *top && c["type"].as_u64().unwrap_or(1) == 1)
        {
            Some(c) => (c, false),
            None => {
                let names: Vec<_> = st
                    .guild_commands
                    .iter()
                    .chain(st.global_commands.iter())
                    .map(|c| c["name"].clone())
                    .collect();
                return Err(format!(
                    "no registered command {top:?}; registered: {names:?}"
                ));
            }
        },
    };
    let mut defs = cmd["options"].as_array().cloned().unwrap_or_default();
    let mut nest: Vec<(u64, String)> = vec![];
    for p in &parts[1..] {
        let Some(d) = defs
            .iter()
            .find(|o| o["name"] == *p && matches!(o["type"].as_u64(), Some(1) | Some(2)))
            .cloned()
        else {
            return Err(format!(
                "/{} has no subcommand {p:?}; it has {:?}",
                parts.join(" "),
                defs.iter().map(|o| o["name"].clone()).collect::<Vec<_>>()
            ));
        };
        nest.push((d["type"].as_u64().unwrap_or(1), p.to_string()));
        defs = d["options"].as_array().cloned().unwrap_or_default();
    }
    if defs
        .iter()
        .any(|o| matches!(o["type"].as_u64(), Some(1) | Some(2)))
    {
        return Err(format!(
            "/{path} needs a subcommand: {:?}",
            defs.iter().map(|o| o["name"].clone()).collect::<Vec<_>>()
        ));
    }
    let given = match opts {
        Value::Null => serde_json::Map::new(),
        Value::Object(m) => m.clone(),
        other => return Err(format!("options must be a JSON object, got {other}")),
    };
    for k in given.keys() {
        if !defs.iter().any(|o| o["name"] == *k.as_str()) {
            return Err(format!(
                "/{path} has no option {k:?}; options: {:?}",
                defs.iter().map(|o| o["name"].clone()).collect::<Vec<_>>()
            ));
        }
    }
    let mut resolved = json!({});
    let mut leaf = vec![];
    for d in &defs {
        let name = d["name"].as_str().unwrap_or("");
        let t = d["type"].as_u64().unwrap_or(3);
        let Some(v) = given.get(name) else {
            if d["required"].as_bool().unwrap_or(false) {
                return Err(format!("/{path}: required option {name:?} missing"));
            }
            continue;
        };
        let value = match t {
            3 => {
                let s = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let n = s.chars().count() as u64;
                if d["min_length"].as_u64().is_some_and(|m| n < m)
                    || d["max_length"].as_u64().is_some_and(|m| n > m)
                    || n > 6000
                {
                    return Err(format!(
                        "/{path} {name}: length {n} outside the allowed range"
                    ));
                }
                json!(s)
            }
            4 => {
                let i = v
                    .as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                    .ok_or(format!("/{path} {name}: {v} is not an integer"))?;
                if d["min_value"].as_f64().is_some_and(|m| (i as f64) < m)
                    || d["max_value"].as_f64().is_some_and(|m| (i as f64) > m)
                {
                    return Err(format!("/{path} {name}: {i} outside min/max"));
                }
                json!(i)
            }
            10 => json!(
                v.as_f64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                    .ok_or(format!("/{path} {name}: {v} is not a number"))?
            ),
            5 => json!(
                v.as_bool()
                    .ok_or(format!("/{path} {name}: {v} is not a boolean"))?
            ),
            6..=9 => {
                let id = as_id(v).ok_or(format!("/{path} {name}: {v} is not an id"))?;
                let is_user = st.members.contains_key(&id);
                let kind = if t == 9 {
                    if is_user { 6 } else { 8 }
                } else {
                    t
                };
                match kind {
                    6 => {
                        resolved["users"][sid(id)] = st.user_json(id);
                        if is_user {
                            let mut m = st.interaction_member_json(id, channel);
                            if let Some(o) = m.as_object_mut() {
                                o.remove("user");
                            }
                            resolved["members"][sid(id)] = m;
                        }
                    }
                    7 => {
                        if !st.channels.contains_key(&id) {
                            return Err(format!(
                                "/{path} {name}: {id} is not a channel of the guild"
                            ));
                        }
                        let mut c = st.partial_channel_json(id, _user);
                        if let Some(o) = c.as_object_mut() {
                            o.retain(|k, _| {
                                matches!(
                                    k.as_str(),
                                    "id" | "name"
                                        | "type"
                                        | "permissions"
                                        | "parent_id"
                                        | "guild_id"
                                        | "flags"
                                )
                            });
                        }
                        resolved["channels"][sid(id)] = c;
                    }
                    _ => {
                        let Some(r) = st.roles.get(&id) else {
                            return Err(format!("/{path} {name}: {id} is not a role"));
                        };
                        resolved["roles"][sid(id)] = st.role_json(r);
                    }
                }
                json!(sid(id))
            }
            11 => return Err(format!("/{path} {name}: attachments are not simulated")),
            other => return Err(format!("/{path} {name}: unknown option type {other}")),
        };
        if let Some(choices) = d["choices"].as_array().filter(|c| !c.is_empty())
            && !choices.iter().any(|c| c["value"] == value)
        {
            return Err(format!(
                "/{path} {name}: {value} is not one of the choices {:?}",
                choices
                    .iter()
                    .map(|c| c["value"].clone())
                    .collect::<Vec<_>>()
            ));
        }
        leaf.push(json!({"name": name, "type": t, "value": value}));
    }
    let mut options = Value::Array(leaf);
    for (t, name) in nest.iter().rev() {
        options = json!([{"name": name, "type": t, "options": options}]);
    }
    let mut data = json!({
        "id": cmd["id"].clone(),
        "name": top,
        "type": 1,
        "options": options,
        "resolved": resolved,
    });
    if guild_cmd {
        data["guild_id"] = json!(sid(st.fx.guild));
    }
    Ok(data)
}
