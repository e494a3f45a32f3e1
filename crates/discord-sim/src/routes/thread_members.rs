//! Routes on an existing thread: read and edit it (name, archived, locked) and its members,
//! with Discord's rules: an archived thread takes no change but unarchiving, locking needs
//! Manage Threads, a private thread is only for its members and moderators.

use serde_json::{Value, json};

use super::response::{
    Resp, error, invalid_form, missing_access, missing_permissions, no_content, ok,
    unknown_channel, unknown_member,
};
use super::threads::{bot_may, wrong_channel_type};
use super::{Request, id_of};
use crate::fixture::perms;
use crate::state::State;
use crate::validate::{self, Shape};

pub(super) fn route(st: &mut State, req: &Request<'_>) -> Option<Resp> {
    let thread = req
        .segs
        .get(1)
        .and_then(|c| id_of(c))
        .filter(|c| st.threads.contains_key(c) && req.segs[0] == "channels");
    Some(match (req.method, req.segs.as_slice(), thread) {
        ("GET", ["channels", _], Some(t)) => {
            if !st.can_see(st.fx.bot, t) {
                return Some(missing_access());
            }
            ok(st.thread_json(t), Shape::Channel)
        }
        ("PATCH", ["channels", _], Some(t)) => edit_thread(st, t, req.body),
        (m, ["channels", c, "thread-members", rest @ ..], _) => {
            let Some(t) = thread else {
                return Some(if id_of(c).is_some_and(|c| st.channel_exists(c)) {
                    wrong_channel_type()
                } else {
                    unknown_channel()
                });
            };
            if !st.can_see(st.fx.bot, t) {
                return Some(missing_access());
            }
            let user = match rest {
                [] => None,
                ["@me"] => Some(st.fx.bot),
                [u] => match id_of(u) {
                    Some(u) => Some(u),
                    None => return Some(unknown_member()),
                },
                _ => return None,
            };
            match (m, user) {
                ("GET", None) => {
                    let with = req.query_param("with_member") == Some("true");
                    let list: Vec<Value> = st.threads[&t]
                        .members
                        .iter()
                        .map(|u| st.thread_member_json(t, *u, with))
                        .collect();
                    ok(json!(list), Shape::ThreadMembers)
                }
                ("GET", Some(u)) if st.threads[&t].has_member(u) => {
                    let with = req.query_param("with_member") == Some("true");
                    ok(st.thread_member_json(t, u, with), Shape::ThreadMember)
                }
                ("GET", Some(_)) => unknown_member(),
                ("PUT", Some(u)) => add_member(st, t, u),
                ("DELETE", Some(u)) => remove_member(st, t, u),
                _ => return None,
            }
        }
        _ => return None,
    })
}

fn archived() -> Resp {
    error(400, 50083, "Thread is archived")
}

/// `PUT /channels/{t}/thread-members/{u}`: a guild member joins (or is added to) the thread.
fn add_member(st: &mut State, t: u64, u: u64) -> Resp {
    let th = &st.threads[&t];
    if th.archived {
        return archived();
    }
    if !st.members.contains_key(&u) {
        return unknown_member();
    }
    let moderator = bot_may(st, th.parent_id, perms::MANAGE_THREADS);
    if th.is_private() && u != st.fx.bot && !th.invitable && !moderator && th.owner_id != st.fx.bot
    {
        return missing_permissions();
    }
    if !bot_may(st, th.parent_id, perms::SEND_MESSAGES_IN_THREADS) && !moderator {
        return missing_permissions();
    }
    st.add_thread_member(t, u);
    no_content()
}

/// `DELETE /channels/{t}/thread-members/{u}`: leaving, or removing someone (Manage Threads, or
/// the owner of a private thread).
fn remove_member(st: &mut State, t: u64, u: u64) -> Resp {
    let th = &st.threads[&t];
    if th.archived {
        return archived();
    }
    let moderator = bot_may(st, th.parent_id, perms::MANAGE_THREADS);
    let owner_of_private = th.is_private() && th.owner_id == st.fx.bot;
    if u != st.fx.bot && !moderator && !owner_of_private {
        return missing_permissions();
    }
    st.remove_thread_member(t, u);
    no_content()
}

/// `PATCH /channels/{thread}`: name, archived, locked, auto_archive_duration, invitable.
fn edit_thread(st: &mut State, t: u64, body: &Value) -> Resp {
    if let Err(e) = validate::thread_body(body, false) {
        return invalid_form(&e);
    }
    if !st.can_see(st.fx.bot, t) {
        return missing_access();
    }
    let th = &st.threads[&t];
    let unarchiving = body["archived"] == json!(false);
    if th.archived && !unarchiving {
        return archived();
    }
    let moderator = bot_may(st, th.parent_id, perms::MANAGE_THREADS);
    let locking = body["locked"].as_bool().is_some_and(|l| l != th.locked);
    if (locking || (th.locked && unarchiving)) && !moderator {
        return missing_permissions();
    }
    if th.owner_id != st.fx.bot && !moderator {
        return missing_permissions();
    }
    let th = st.threads.get_mut(&t).expect("thread");
    if let Some(n) = body["name"].as_str() {
        th.name = n.to_string();
    }
    if let Some(l) = body["locked"].as_bool() {
        th.locked = l;
    }
    if let Some(d) = body["auto_archive_duration"].as_u64() {
        th.auto_archive_duration = d;
    }
    if let Some(i) = body["invitable"].as_bool().filter(|_| th.is_private()) {
        th.invitable = i;
    }
    match body["archived"].as_bool() {
        Some(a) if a != th.archived => st.set_archived(t, a),
        _ => st.thread_update(t),
    }
    ok(st.thread_json(t), Shape::GuildChannel)
}
