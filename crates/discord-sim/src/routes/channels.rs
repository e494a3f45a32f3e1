//! Channel routes: read and edit a channel, list and create the guild's channels, permission
//! overwrites, pins, typing.

use serde_json::{Value, json};

use super::messages::find_message;
use super::response::{
    Resp, created, invalid_form, no_content, ok, unknown_channel, unknown_message,
};
use super::{Request, id_of};
use crate::fixture::FxChannel;
use crate::state::{State, as_id, sid};
use crate::validate::Shape;

pub(super) fn route(st: &mut State, req: &Request<'_>) -> Option<Resp> {
    let body = req.body;
    Some(match (req.method, req.segs.as_slice()) {
        ("GET", ["channels", c]) => get_channel(st, c),
        ("PATCH", ["channels", c]) => edit_channel(st, c, body),
        ("PUT", ["channels", c, "permissions", target]) => set_overwrite(st, c, target, body),
        ("PUT", ["channels", c, "pins", m]) | ("PUT", ["channels", c, "messages", "pins", m]) => {
            pin(st, c, m, true)
        }
        ("DELETE", ["channels", c, "pins", m])
        | ("DELETE", ["channels", c, "messages", "pins", m]) => pin(st, c, m, false),
        ("GET", ["channels", c, "pins"]) => list_pins(st, c),
        ("POST", ["channels", c, "typing"]) => {
            if id_of(c).is_some_and(|c| st.channel_exists(c)) {
                no_content()
            } else {
                unknown_channel()
            }
        }
        ("GET", ["guilds", _, "channels"]) => ok(
            json!(
                st.channels
                    .values()
                    .map(|c| st.channel_json(c))
                    .collect::<Vec<_>>()
            ),
            Shape::GuildChannels,
        ),
        ("POST", ["guilds", _, "channels"]) => create_channel(st, body),
        _ => return None,
    })
}

/// A guild channel, a thread or a DM channel the bot opened.
fn get_channel(st: &State, c: &str) -> Resp {
    let Some(c) = id_of(c) else {
        return unknown_channel();
    };
    if let Some(ch) = st.channels.get(&c) {
        ok(st.channel_json(ch), Shape::Channel)
    } else if let Some(u) = st.is_dm(c) {
        ok(st.dm_channel_json(c, u), Shape::Channel)
    } else {
        unknown_channel()
    }
}

/// `PATCH /channels/{c}`: name, topic, category, position, overwrites; CHANNEL_UPDATE follows.
fn edit_channel(st: &mut State, c: &str, body: &Value) -> Resp {
    let Some(c) = id_of(c).filter(|c| st.channels.contains_key(c)) else {
        return unknown_channel();
    };
    let ch = st.channels.get_mut(&c).expect("channel");
    if let Some(n) = body["name"].as_str() {
        ch.name = n.to_string();
    }
    if let Some(t) = body.get("topic") {
        ch.topic = t.as_str().map(String::from);
    }
    if let Some(p) = body.get("parent_id") {
        ch.parent_id = as_id(p);
    }
    if let Some(p) = body["position"].as_u64() {
        ch.position = p as u16;
    }
    if let Some(o) = body["permission_overwrites"].as_array() {
        ch.permission_overwrites = o.clone();
    }
    let j = st.channel_json(&st.channels[&c].clone());
    if st.has_intent(0) {
        st.dispatch("CHANNEL_UPDATE", j.clone());
    }
    ok(j, Shape::GuildChannel)
}

/// `PUT /channels/{c}/permissions/{target}`: replaces the overwrite for that role or member.
fn set_overwrite(st: &mut State, c: &str, target: &str, body: &Value) -> Resp {
    let (Some(c), Some(t)) = (
        id_of(c).filter(|c| st.channels.contains_key(c)),
        id_of(target),
    ) else {
        return unknown_channel();
    };
    let ow = json!({"id": sid(t), "type": body["type"].as_u64().unwrap_or(0), "allow": body["allow"].as_str().unwrap_or("0"), "deny": body["deny"].as_str().unwrap_or("0")});
    let ch = st.channels.get_mut(&c).expect("channel");
    ch.permission_overwrites
        .retain(|o| as_id(&o["id"]) != Some(t));
    ch.permission_overwrites.push(ow);
    no_content()
}

/// Pins (`pinned = true`) or unpins a message of the channel.
fn pin(st: &mut State, c: &str, m: &str, pinned: bool) -> Resp {
    let Some(id) = find_message(st, c, m) else {
        return unknown_message();
    };
    let ch = id_of(c).unwrap_or(0);
    st.messages.get_mut(&id).expect("msg").json["pinned"] = json!(pinned);
    let pins = st.pins.entry(ch).or_default();
    if !pinned {
        pins.retain(|x| *x != id);
    } else if !pins.contains(&id) {
        pins.push(id);
    }
    no_content()
}

/// `GET /channels/{c}/pins`: the latest pin first.
fn list_pins(st: &State, c: &str) -> Resp {
    let Some(c) = id_of(c).filter(|c| st.channel_exists(*c)) else {
        return unknown_channel();
    };
    let msgs: Vec<Value> = st
        .pins
        .get(&c)
        .cloned()
        .unwrap_or_default()
        .iter()
        .rev()
        .map(|id| st.messages[id].json.clone())
        .collect();
    ok(json!(msgs), Shape::Messages)
}

/// `POST /guilds/{g}/channels`: a new channel; CHANNEL_CREATE follows.
fn create_channel(st: &mut State, body: &Value) -> Resp {
    let Some(name) = body["name"]
        .as_str()
        .filter(|n| !n.is_empty() && n.len() <= 100)
    else {
        return invalid_form("name: Must be between 1 and 100 in length");
    };
    let id = st.snowflake();
    let c = FxChannel {
        id,
        name: name.to_string(),
        kind: body["type"].as_u64().unwrap_or(0) as u8,
        parent_id: as_id(&body["parent_id"]),
        position: body["position"]
            .as_u64()
            .unwrap_or(st.channels.len() as u64) as u16,
        topic: body["topic"].as_str().map(String::from),
        permission_overwrites: body["permission_overwrites"]
            .as_array()
            .cloned()
            .unwrap_or_default(),
    };
    let j = st.channel_json(&c);
    st.channels.insert(id, c);
    if st.has_intent(0) {
        st.dispatch("CHANNEL_CREATE", j.clone());
    }
    created(j, Shape::GuildChannel)
}
