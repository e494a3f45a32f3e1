//! Channel message routes (threads and DMs included): create, list, read, edit, delete, with
//! files; and the MESSAGE_CREATE dispatch that tells the bot about a new message.

use serde_json::{Value, json};

use super::attachments::files_for;
use super::response::{
    Resp, error, invalid_form, missing_access, missing_permissions, no_content, ok,
    unknown_channel, unknown_message,
};
use super::{Request, id_of};
use crate::fixture::{channel_kind, perms};
use crate::state::{State, as_id, sid};
use crate::validate::{self, Shape};

pub(super) fn route(st: &mut State, req: &Request<'_>) -> Option<Resp> {
    Some(match (req.method, req.segs.as_slice()) {
        ("POST", ["channels", c, "messages"]) => create_message(st, c, req),
        ("GET", ["channels", c, "messages"]) => list_messages(st, c, req),
        ("GET", ["channels", c, "messages", m]) => match find_message(st, c, m) {
            Some(id) => ok(st.messages[&id].json.clone(), Shape::Message),
            None => unknown_message(),
        },
        ("PATCH", ["channels", c, "messages", m]) => edit_message(st, c, m, req),
        ("DELETE", ["channels", c, "messages", m]) => {
            let Some(id) = find_message(st, c, m) else {
                return Some(unknown_message());
            };
            if let Some(r) = st.messages.get_mut(&id) {
                r.deleted = true;
            }
            no_content()
        }
        _ => return None,
    })
}

/// A message of channel `c` that the bot can address: not deleted, not ephemeral.
pub(super) fn find_message(st: &State, c: &str, m: &str) -> Option<u64> {
    let (c, m) = (id_of(c)?, id_of(m)?);
    let rec = st.messages.get(&m)?;
    (rec.channel_id == c && !rec.deleted && !rec.ephemeral).then_some(m)
}

/// `POST /channels/{c}/messages`: a message by the bot, in a guild channel, a thread or a DM,
/// with the files of a multipart body; a repeated enforced nonce returns the first message.
fn create_message(st: &mut State, c: &str, req: &Request<'_>) -> Resp {
    let body = req.body;
    let Some(c) = id_of(c).filter(|c| st.channel_exists(*c)) else {
        return unknown_channel();
    };
    if st
        .channels
        .get(&c)
        .is_some_and(|ch| matches!(ch.kind, channel_kind::CATEGORY | channel_kind::FORUM))
    {
        return error(400, 50008, "Cannot send messages in a non-text channel");
    }
    if st.is_dm(c).is_some_and(|u| st.closed_dms.contains(&u)) {
        return error(403, 50007, "Cannot send messages to this user");
    }
    if let Some(refused) = thread_refuses(st, c) {
        return refused;
    }
    if !req.files.is_empty()
        && st.in_guild(c)
        && st.channel_permissions(st.fx.bot, c) & perms::ATTACH_FILES == 0
    {
        return missing_permissions();
    }
    if let Err(e) = validate::message_body(body, req.files.is_empty()) {
        return invalid_form(&e);
    }
    let files = match files_for(st, body, req.files, &[]) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let nonce = crate::nonces::enforced(body);
    if let Some(first) = nonce
        .as_deref()
        .and_then(|n| st.nonce_message(c, st.fx.bot, n))
    {
        return ok(st.messages[&first].json.clone(), Shape::Message);
    }
    let m = st.build_message(c, st.fx.bot, body, 0);
    let id = st.store_message(m.clone(), body.clone(), false, None);
    if let Some(n) = nonce {
        st.remember_nonce(c, st.fx.bot, n, id);
    }
    let m = match files {
        Some(f) => st.set_attachments(id, f).unwrap_or(m),
        None => m,
    };
    announce_message(st, &m);
    ok(m, Shape::Message)
}

/// Why the bot may not post in thread `c` (None if `c` is no thread or it may): a private
/// thread it cannot see, no Send Messages in Threads, an archived and locked thread without
/// Manage Threads. An archived thread that is not locked is unarchived by the message.
fn thread_refuses(st: &State, c: u64) -> Option<Resp> {
    let t = st.threads.get(&c)?;
    let mine = st.channel_permissions(st.fx.bot, c);
    if !st.can_see(st.fx.bot, c) {
        Some(missing_access())
    } else if mine & perms::SEND_MESSAGES_IN_THREADS == 0 {
        Some(missing_permissions())
    } else if t.archived && t.locked && mine & perms::MANAGE_THREADS == 0 {
        Some(error(400, 50083, "Thread is archived"))
    } else {
        None
    }
}

/// `GET /channels/{c}/messages`: the newest `limit` (default 50) first.
fn list_messages(st: &State, c: &str, req: &Request<'_>) -> Resp {
    let Some(c) = id_of(c).filter(|c| st.channel_exists(*c)) else {
        return unknown_channel();
    };
    let limit = req
        .query_param("limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(50usize);
    let ids = st.channel_order.get(&c).cloned().unwrap_or_default();
    let msgs: Vec<Value> = ids
        .iter()
        .rev()
        .filter(|id| !st.messages[id].deleted)
        .take(limit)
        .map(|id| st.messages[id].json.clone())
        .collect();
    ok(json!(msgs), Shape::Messages)
}

/// `PATCH /channels/{c}/messages/{m}`: the bot may change only its own messages' content and
/// files.
fn edit_message(st: &mut State, c: &str, m: &str, req: &Request<'_>) -> Resp {
    let body = req.body;
    let Some(id) = find_message(st, c, m) else {
        return unknown_message();
    };
    let own = st.messages[&id].author_id == st.fx.bot;
    if !own && (body.get("content").is_some() || !req.files.is_empty()) {
        return error(403, 50005, "Cannot edit a message authored by another user");
    }
    if let Err(e) = validate::message_body(body, false) {
        return invalid_form(&e);
    }
    let existing = st.messages[&id].files.clone();
    let files = match files_for(st, body, req.files, &existing) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let mut j = st.edit_message(id, body).unwrap_or_default();
    if let Some(f) = files {
        j = st.set_attachments(id, f).unwrap_or(j);
    }
    ok(j, Shape::Message)
}

/// A message as MESSAGE_CREATE carries it: in a guild channel, with `guild_id` and `member`.
fn gateway_message(st: &State, mut m: Value) -> Value {
    let Some(c) = as_id(&m["channel_id"]) else {
        return m;
    };
    if st.in_guild(c) {
        m["guild_id"] = json!(sid(st.fx.guild));
        if let Some(a) = as_id(&m["author"]["id"]).filter(|a| st.members.contains_key(a)) {
            let mut mem = st.member_json(a);
            if let Some(o) = mem.as_object_mut() {
                o.remove("user");
            }
            m["member"] = mem;
        }
    }
    m
}

/// Dispatches MESSAGE_CREATE if the bot asked for it (GUILD_MESSAGES or DIRECT_MESSAGES intent).
pub(crate) fn announce_message(st: &mut State, m: &Value) {
    let Some(c) = as_id(&m["channel_id"]) else {
        return;
    };
    let wanted = if st.in_guild(c) {
        st.has_intent(9)
    } else {
        st.has_intent(12)
    };
    if wanted {
        let g = gateway_message(st, m.clone());
        st.dispatch("MESSAGE_CREATE", g);
    }
}
