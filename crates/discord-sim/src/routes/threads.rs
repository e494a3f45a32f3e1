//! Thread routes: starting a thread without a message (public or private), a forum post (a
//! thread with its starter message, whose id is the thread's), a thread from a message (the
//! thread takes the message's id), and the guild's active threads.

use serde_json::{Value, json};

use super::attachments::files_for;
use super::messages::{announce_message, find_message};
use super::response::{
    Resp, created, error, invalid_form, missing_permissions, ok, unknown_channel, unknown_message,
};
use super::{Request, id_of};
use crate::fixture::channel_kind::{
    ANNOUNCEMENT, ANNOUNCEMENT_THREAD, FORUM, PRIVATE_THREAD, PUBLIC_THREAD, TEXT,
};
use crate::fixture::perms;
use crate::state::{State, sid};
use crate::validate::{self, Shape};

pub(super) fn route(st: &mut State, req: &Request<'_>) -> Option<Resp> {
    Some(match (req.method, req.segs.as_slice()) {
        ("POST", ["channels", c, "threads"]) => start_thread(st, c, req),
        ("POST", ["channels", c, "messages", m, "threads"]) => {
            thread_from_message(st, c, m, req.body)
        }
        ("GET", ["guilds", _, "threads", "active"]) => active_threads(st),
        _ => return None,
    })
}

/// 400 code 50024, Discord's answer to a thread where the channel cannot have one.
pub(super) fn wrong_channel_type() -> Resp {
    error(400, 50024, "Cannot execute action on this channel type")
}

/// Whether the bot may see `channel` and has `needed` there.
pub(super) fn bot_may(st: &State, channel: u64, needed: u64) -> bool {
    let want = needed | perms::VIEW_CHANNEL;
    st.channel_permissions(st.fx.bot, channel) & want == want
}

/// `POST /channels/{c}/threads`: a thread without a message (type 12 private by default, 11
/// public, 10 in an announcement channel), or a forum post in a forum.
fn start_thread(st: &mut State, c: &str, req: &Request<'_>) -> Resp {
    let Some(parent) = id_of(c).filter(|c| st.channel_exists(*c)) else {
        return unknown_channel();
    };
    let Some(parent_kind) = st.channels.get(&parent).map(|p| p.kind) else {
        return wrong_channel_type();
    };
    if let Err(e) = validate::thread_body(req.body, true) {
        return invalid_form(&e);
    }
    if parent_kind == FORUM {
        return forum_post(st, parent, req);
    }
    let kind = match (parent_kind, req.body["type"].as_u64()) {
        (TEXT, None | Some(12)) => PRIVATE_THREAD,
        (TEXT, Some(11)) => PUBLIC_THREAD,
        (ANNOUNCEMENT, Some(10)) => ANNOUNCEMENT_THREAD,
        (TEXT | ANNOUNCEMENT, Some(t)) if !(10..=12).contains(&t) => {
            return invalid_form(&format!("type: {t} is not a thread type"));
        }
        // Private threads only in text channels; announcement threads only in announcements.
        _ => return wrong_channel_type(),
    };
    let needed = if kind == PRIVATE_THREAD {
        perms::CREATE_PRIVATE_THREADS
    } else {
        perms::CREATE_PUBLIC_THREADS
    };
    if !bot_may(st, parent, needed) {
        return missing_permissions();
    }
    let id = st.snowflake();
    let name = req.body["name"].as_str().unwrap_or_default().to_string();
    st.new_thread(id, parent, &name, kind, req.body);
    if kind != PRIVATE_THREAD {
        // "Steward started a thread: …" in the parent, as Discord posts it.
        let mut m = st.build_message(parent, st.fx.bot, &json!({"content": name}), 18);
        m["message_reference"] =
            json!({"channel_id": sid(id), "guild_id": sid(st.fx.guild), "type": 0});
        st.store_message(m.clone(), Value::Null, false, None);
        announce_message(st, &m);
    }
    created(st.thread_json(id), Shape::GuildChannel)
}

/// A forum post: the thread, then its starter message (the body's `message`, files included).
fn forum_post(st: &mut State, forum: u64, req: &Request<'_>) -> Resp {
    let msg = &req.body["message"];
    if !msg.is_object() {
        return invalid_form("message: This field is required in a forum channel");
    }
    let needed = perms::SEND_MESSAGES
        | if req.files.is_empty() {
            0
        } else {
            perms::ATTACH_FILES
        };
    if !bot_may(st, forum, needed) {
        return missing_permissions();
    }
    if let Err(e) = validate::message_body(msg, req.files.is_empty()) {
        return invalid_form(&format!("message.{e}"));
    }
    let files = match files_for(st, msg, req.files, &[]) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let id = st.snowflake();
    let name = req.body["name"].as_str().unwrap_or_default().to_string();
    st.new_thread(id, forum, &name, PUBLIC_THREAD, req.body);
    let mut m = st.build_message(id, st.fx.bot, msg, 0);
    m["id"] = json!(sid(id));
    st.store_message(m, msg.clone(), false, None);
    if let Some(f) = files {
        st.set_attachments(id, f);
    }
    if let Some(t) = st.threads.get_mut(&id) {
        t.starter_message = Some(id);
    }
    let m = st.messages[&id].json.clone();
    announce_message(st, &m);
    let mut j = st.thread_json(id);
    j["message"] = m;
    created(j, Shape::GuildChannel)
}

/// `POST /channels/{c}/messages/{m}/threads`: a public thread on a message, with its id.
fn thread_from_message(st: &mut State, c: &str, m: &str, body: &Value) -> Resp {
    let Some(mid) = find_message(st, c, m) else {
        return unknown_message();
    };
    let parent = st.messages[&mid].channel_id;
    let Some(parent_kind) = st
        .channels
        .get(&parent)
        .map(|p| p.kind)
        .filter(|k| matches!(*k, TEXT | ANNOUNCEMENT))
    else {
        return wrong_channel_type();
    };
    if st.threads.contains_key(&mid) {
        return error(
            400,
            160004,
            "A thread has already been created for this message",
        );
    }
    if let Err(e) = validate::thread_body(body, true) {
        return invalid_form(&e);
    }
    if !bot_may(st, parent, perms::CREATE_PUBLIC_THREADS) {
        return missing_permissions();
    }
    let kind = if parent_kind == ANNOUNCEMENT {
        ANNOUNCEMENT_THREAD
    } else {
        PUBLIC_THREAD
    };
    let name = body["name"].as_str().unwrap_or_default().to_string();
    st.new_thread(mid, parent, &name, kind, body);
    if let Some(t) = st.threads.get_mut(&mid) {
        t.starter_message = Some(mid);
    }
    let j = st.thread_json(mid);
    let msg = st.messages.get_mut(&mid).expect("message");
    msg.json["thread"] = j.clone();
    let flags = msg.json["flags"].as_u64().unwrap_or(0) | 32;
    msg.json["flags"] = json!(flags);
    created(j, Shape::GuildChannel)
}

/// `GET /guilds/{g}/threads/active`: threads not archived, and the bot's memberships.
fn active_threads(st: &State) -> Resp {
    let active: Vec<u64> = st
        .threads
        .values()
        .filter(|t| !t.archived && st.can_see(st.fx.bot, t.id))
        .map(|t| t.id)
        .collect();
    let members: Vec<Value> = active
        .iter()
        .filter(|t| st.threads[t].has_member(st.fx.bot))
        .map(|t| st.thread_member_json(*t, st.fx.bot, false))
        .collect();
    ok(
        json!({
            "threads": active.iter().map(|t| st.thread_json(*t)).collect::<Vec<_>>(),
            "members": members,
        }),
        Shape::ThreadsData,
    )
}
