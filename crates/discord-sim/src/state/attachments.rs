//! The state's side of attachments: where a file is served and the attachment JSON of a
//! message.

use serde_json::{Value, json};

use super::{State, sid};
use crate::attachment::SimAttachment;

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
