//! Files attached to messages: what the bot uploaded, as tests read it back, and the attachment
//! objects Discord returns for them.

use serde_json::{Value, json};

use crate::state::{State, sid};

/// A file on a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimAttachment {
    pub id: u64,
    pub filename: String,
    pub description: Option<String>,
    /// As the upload declared it (serenity guesses it from the file name).
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

impl SimAttachment {
    /// The bytes as UTF-8 text (lossy), for text files.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).to_string()
    }
}

impl State {
    /// Where the simulator serves an attachment (as Discord's CDN would).
    pub fn attachment_url(&self, channel: u64, a: &SimAttachment) -> String {
        format!(
            "http://127.0.0.1:{}/attachments/{channel}/{}/{}",
            self.port, a.id, a.filename
        )
    }

    /// The attachment object of a message.
    pub fn attachment_json(&self, channel: u64, a: &SimAttachment) -> Value {
        let url = self.attachment_url(channel, a);
        json!({
            "id": sid(a.id),
            "filename": a.filename,
            "description": a.description,
            "content_type": a.content_type,
            "size": a.bytes.len(),
            "url": url,
            "proxy_url": url,
            "height": null,
            "width": null,
        })
    }

    /// Replaces a message's files (and its `attachments` JSON).
    pub fn set_attachments(&mut self, message: u64, files: Vec<SimAttachment>) -> Option<Value> {
        let channel = self.messages.get(&message)?.channel_id;
        let j: Vec<Value> = files
            .iter()
            .map(|a| self.attachment_json(channel, a))
            .collect();
        let m = self.messages.get_mut(&message)?;
        m.json["attachments"] = json!(j);
        m.files = files;
        Some(m.json.clone())
    }
}
