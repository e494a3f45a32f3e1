//! Messages in the state: building a Message object from a body (with the mentions it really
//! pings), storing it (a message in a thread also joins its author), applying edits.

use serde_json::{Value, json};

use super::{State, as_id, now_ts, sid};
use crate::message::SimMessage;

impl State {
    /// Computes `mentions`, `mention_roles`, `mention_everyone` from content + allowed_mentions.
    pub fn compute_mentions(
        &self,
        content: &str,
        allowed: Option<&Value>,
    ) -> (Vec<u64>, Vec<u64>, bool) {
        let (parse, users, roles): (Vec<String>, Vec<u64>, Vec<u64>) = match allowed {
            None | Some(Value::Null) => (
                vec!["users".into(), "roles".into(), "everyone".into()],
                vec![],
                vec![],
            ),
            Some(a) => (
                a["parse"]
                    .as_array()
                    .map(|v| {
                        v.iter()
                            .filter_map(|x| x.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default(),
                a["users"]
                    .as_array()
                    .map(|v| v.iter().filter_map(as_id).collect())
                    .unwrap_or_default(),
                a["roles"]
                    .as_array()
                    .map(|v| v.iter().filter_map(as_id).collect())
                    .unwrap_or_default(),
            ),
        };
        let mut mu = vec![];
        let mut mr = vec![];
        let mut rest = content;
        while let Some(i) = rest.find("<@") {
            rest = &rest[i + 2..];
            let (is_role, body) = if let Some(b) = rest.strip_prefix('&') {
                (true, b)
            } else {
                (false, rest.strip_prefix('!').unwrap_or(rest))
            };
            let Some(end) = body.find('>') else { break };
            if let Ok(id) = body[..end].parse::<u64>() {
                if is_role {
                    if (parse.iter().any(|p| p == "roles") || roles.contains(&id))
                        && !mr.contains(&id)
                    {
                        mr.push(id);
                    }
                } else if (parse.iter().any(|p| p == "users") || users.contains(&id))
                    && !mu.contains(&id)
                {
                    mu.push(id);
                }
            }
        }
        let everyone = (content.contains("@everyone") || content.contains("@here"))
            && parse.iter().any(|p| p == "everyone");
        (mu, mr, everyone)
    }

    /// Builds a Message object from a create-message body.
    pub fn build_message(&mut self, channel: u64, author: u64, body: &Value, kind: u8) -> Value {
        let id = self.snowflake();
        let content = body["content"].as_str().unwrap_or("").to_string();
        let allowed = body.get("allowed_mentions").filter(|v| !v.is_null());
        let (mu, mr, everyone) = self.compute_mentions(&content, allowed);
        let author_json = self.user_json(author);
        let mut m = json!({
            "id": sid(id),
            "channel_id": sid(channel),
            "author": author_json,
            "content": content,
            "timestamp": now_ts(),
            "edited_timestamp": null,
            "tts": body["tts"].as_bool().unwrap_or(false),
            "mention_everyone": everyone,
            "mentions": mu.iter().map(|u| self.user_json(*u)).collect::<Vec<_>>(),
            "mention_roles": mr.iter().map(|r| sid(*r)).collect::<Vec<_>>(),
            "mention_channels": [],
            "attachments": [],
            "embeds": body.get("embeds").cloned().filter(|v| !v.is_null()).unwrap_or(json!([])),
            "reactions": [],
            "pinned": false,
            "type": kind,
            "flags": body["flags"].as_u64().unwrap_or(0),
            "components": body.get("components").cloned().filter(|v| !v.is_null()).unwrap_or(json!([])),
        });
        if let Some(r) = body.get("message_reference").filter(|v| !v.is_null()) {
            m["message_reference"] = r.clone();
            m["type"] = json!(19);
        }
        m
    }

    pub fn store_message(
        &mut self,
        json: Value,
        raw_body: Value,
        ephemeral: bool,
        interaction_id: Option<u64>,
    ) -> u64 {
        let allowed_mentions = raw_body.get("allowed_mentions").cloned();
        let message = SimMessage {
            raw_body,
            ephemeral,
            interaction_id,
            allowed_mentions,
            ..SimMessage::from_json(json)
        };
        let (id, channel, author) = (message.id, message.channel_id, message.author_id);
        let pinged = message.pinged_users();
        assert!(
            id != 0 && channel != 0,
            "stored message without id or channel"
        );
        self.messages.insert(id, message);
        if !ephemeral {
            self.channel_order.entry(channel).or_default().push(id);
            self.thread_message_posted(channel, author, &pinged);
        }
        id
    }

    /// Applies an edit body (content/embeds/components/flags/allowed_mentions) to a message.
    pub fn edit_message(&mut self, id: u64, body: &Value) -> Option<Value> {
        let content_now = {
            let rec = self.messages.get(&id)?;
            body.get("content")
                .and_then(|c| c.as_str())
                .map(String::from)
                .unwrap_or_else(|| rec.json["content"].as_str().unwrap_or("").to_string())
        };
        let allowed = body
            .get("allowed_mentions")
            .cloned()
            .or_else(|| self.messages[&id].allowed_mentions.clone());
        let (mu, mr, everyone) = self.compute_mentions(&content_now, allowed.as_ref());
        let mentions: Vec<Value> = mu.iter().map(|u| self.user_json(*u)).collect();
        let rec = self.messages.get_mut(&id)?;
        for key in ["content", "embeds", "components"] {
            if let Some(v) = body.get(key) {
                rec.json[key] = if v.is_null() {
                    if key == "content" {
                        json!("")
                    } else {
                        json!([])
                    }
                } else {
                    v.clone()
                };
            }
        }
        if let Some(f) = body.get("flags").and_then(|f| f.as_u64()) {
            let keep = rec.json["flags"].as_u64().unwrap_or(0) & 64;
            rec.json["flags"] = json!(f | keep);
        }
        if let Some(a) = body.get("allowed_mentions") {
            rec.allowed_mentions = Some(a.clone());
        }
        rec.json["mentions"] = json!(mentions);
        rec.json["mention_roles"] = json!(mr.iter().map(|r| sid(*r)).collect::<Vec<_>>());
        rec.json["mention_everyone"] = json!(everyone);
        rec.json["edited_timestamp"] = json!(now_ts());
        rec.edits.push(body.clone());
        Some(rec.json.clone())
    }
}
