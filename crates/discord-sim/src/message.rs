//! The one message model: a message as the simulator keeps it and as tests look at it (text,
//! embeds, buttons, pings).

use serde_json::Value;

use crate::attachment::SimAttachment;
use crate::ids::as_id;

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
    /// The files it carries (uploaded with it or kept by an edit).
    pub files: Vec<SimAttachment>,
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
            files: vec![],
        }
    }

    /// Its files as `(filename, bytes)`, in order.
    pub fn attachments(&self) -> Vec<(String, Vec<u8>)> {
        self.files
            .iter()
            .map(|a| (a.filename.clone(), a.bytes.clone()))
            .collect()
    }

    /// Its file with this name.
    pub fn file(&self, filename: &str) -> Option<&SimAttachment> {
        self.files.iter().find(|a| a.filename == filename)
    }

    /// The message type (0 default, 18 thread created, 19 reply, 20 command reply...).
    pub fn kind(&self) -> u64 {
        self.json["type"].as_u64().unwrap_or(0)
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
