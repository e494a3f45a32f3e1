//! Interaction routes: the bot's callback (reply, defer, update, modal, autocomplete choices),
//! its follow-ups, and reading, editing or deleting `@original` and follow-ups through the
//! interaction webhook; message bodies may carry files.

use serde_json::{Value, json};

use super::attachments::files_for;
use super::messages::announce_message;
use super::response::{
    Resp, error, invalid_form, no_content, ok, unknown_interaction, unknown_message,
    unknown_webhook,
};
use super::{Request, id_of};
use crate::attachment::SimAttachment;
use crate::state::{State, sid};
use crate::validate::{self, Shape};

pub(super) fn route(st: &mut State, req: &Request<'_>) -> Option<Resp> {
    let app = st.fx.app_id.to_string();
    Some(match (req.method, req.segs.as_slice()) {
        ("POST", ["interactions", id, token, "callback"]) => callback(st, id, token, req),
        ("POST", ["webhooks", a, token]) => {
            if *a != app {
                return Some(unknown_webhook());
            }
            followup(st, token, req)
        }
        (m, ["webhooks", a, token, "messages", mid]) => {
            if *a != app {
                return Some(unknown_webhook());
            }
            webhook_message(st, m, token, mid, req)
        }
        _ => return None,
    })
}

/// A message made by the application in answer to an interaction.
fn interaction_message(st: &mut State, iid: u64, data: &Value) -> Value {
    let (channel, kind, user, name, context_menu) = {
        let i = &st.interactions[&iid];
        (i.channel, i.kind, i.user, i.name.clone(), i.context_menu)
    };
    let message_type = match kind {
        2 if context_menu => 23,
        2 => 20,
        _ => 0,
    };
    let mut m = st.build_message(channel, st.fx.bot, data, message_type);
    m["webhook_id"] = json!(sid(st.fx.app_id));
    m["application_id"] = json!(sid(st.fx.app_id));
    if kind == 2 {
        m["interaction"] =
            json!({"id": sid(iid), "type": kind, "name": name, "user": st.user_json(user)});
    }
    m
}

/// `POST /interactions/{id}/{token}/callback`: the bot's one answer, late ones refused when a
/// deadline is set; a message (4) or an update (7) may carry files.
fn callback(st: &mut State, id: &str, token: &str, req: &Request<'_>) -> Resp {
    let body = req.body;
    let Some(iid) = id_of(id).filter(|i| st.interactions.get(i).is_some_and(|r| r.token == token))
    else {
        return unknown_interaction();
    };
    let rec = st.interactions[&iid].clone();
    if rec.callback.is_some() {
        return error(400, 40060, "Interaction has already been acknowledged.");
    }
    let latency = rec.created.elapsed();
    if let Some(d) = st.callback_deadline
        && latency > d
    {
        st.problem(format!(
            "callback for {} came after {latency:?} (deadline {d:?})",
            rec.name
        ));
        return unknown_interaction();
    }
    if let Err(e) = validate::callback(body, !req.files.is_empty()) {
        return invalid_form(&e);
    }
    let t = body["type"].as_u64().unwrap_or(0);
    if (rec.kind == 4) != (t == 8) {
        return error(
            400,
            50035,
            "Autocomplete interactions are answered with type 8, and only they",
        );
    }
    if !req.files.is_empty() && t != 4 && t != 7 {
        return invalid_form("files: only callbacks of type 4 and 7 carry files");
    }
    let data = body.get("data").cloned().unwrap_or(json!({}));
    let existing = match (t, rec.target_message) {
        (7, Some(m)) => st
            .messages
            .get(&m)
            .map(|m| m.files.clone())
            .unwrap_or_default(),
        _ => vec![],
    };
    let files = match files_for(st, &data, req.files, &existing) {
        Ok(f) => f,
        Err(r) => return r,
    };
    if (t == 6 || t == 7) && rec.kind != 3 && !(rec.kind == 5 && rec.target_message.is_some()) {
        return error(
            400,
            40004,
            "Interaction callback type 6/7 is only valid for component interactions",
        );
    }
    let mut original = None;
    let mut modal = None;
    match t {
        4 => {
            let m = interaction_message(st, iid, &data);
            let eph = data["flags"].as_u64().unwrap_or(0) & 64 != 0;
            let mid = st.store_message(m.clone(), data.clone(), eph, Some(iid));
            let m = with_files(st, mid, files, m);
            if !eph {
                announce_message(st, &m);
            }
            original = Some(mid);
        }
        5 => {
            let eph = data["flags"].as_u64().unwrap_or(0) & 64 != 0;
            let mut m = interaction_message(st, iid, &json!({"content": ""}));
            m["flags"] = json!(128 | if eph { 64 } else { 0 });
            let mid = st.store_message(m, json!({}), eph, Some(iid));
            st.messages.get_mut(&mid).expect("msg").loading = true;
            original = Some(mid);
        }
        6 => original = rec.target_message,
        7 => {
            if let Some(target) = rec.target_message {
                st.edit_message(target, &data);
                if let Some(f) = files {
                    st.set_attachments(target, f);
                }
            }
            original = rec.target_message;
        }
        9 => modal = Some(data),
        _ => {}
    }
    let r = st.interactions.get_mut(&iid).expect("interaction");
    r.callback = Some(body.clone());
    r.callback_latency = Some(latency);
    r.original = original;
    r.modal = modal;
    no_content()
}

fn interaction_by_token(st: &State, token: &str) -> Option<u64> {
    st.tokens.get(token).copied()
}

/// Puts `files` (if any) on message `mid`; its JSON as it is then.
fn with_files(st: &mut State, mid: u64, files: Option<Vec<SimAttachment>>, m: Value) -> Value {
    match files {
        Some(f) => st.set_attachments(mid, f).unwrap_or(m),
        None => m,
    }
}

/// `POST /webhooks/{app}/{token}`: a follow-up (files included); the first one after a
/// deferral fills the "thinking…" message.
fn followup(st: &mut State, token: &str, req: &Request<'_>) -> Resp {
    let body = req.body;
    let Some(iid) = interaction_by_token(st, token) else {
        return unknown_webhook();
    };
    let rec = st.interactions[&iid].clone();
    if rec.callback.is_none() {
        return unknown_webhook();
    }
    if let Err(e) = validate::message_body(body, req.files.is_empty()) {
        return invalid_form(&e);
    }
    let files = match files_for(st, body, req.files, &[]) {
        Ok(f) => f,
        Err(r) => return r,
    };
    // The first follow-up after a deferral replaces the "thinking…" message.
    if let Some(orig) = rec
        .original
        .filter(|o| st.messages.get(o).is_some_and(|m| m.loading))
    {
        let msg = st.messages.get_mut(&orig).expect("msg");
        msg.loading = false;
        msg.raw_body = body.clone();
        let f = msg.json["flags"].as_u64().unwrap_or(0) & !128;
        msg.json["flags"] = json!(f);
        let j = st.edit_message(orig, body).unwrap_or_default();
        let j = with_files(st, orig, files, j);
        if !st.messages[&orig].ephemeral {
            announce_message(st, &j);
        }
        return ok(j, Shape::Message);
    }
    let m = interaction_message(st, iid, body);
    let eph = body["flags"].as_u64().unwrap_or(0) & 64 != 0;
    let mid = st.store_message(m.clone(), body.clone(), eph, Some(iid));
    let m = with_files(st, mid, files, m);
    if !eph {
        announce_message(st, &m);
    }
    st.interactions
        .get_mut(&iid)
        .expect("interaction")
        .followups
        .push(mid);
    ok(m, Shape::Message)
}

/// `GET`, `PATCH` (files included) or `DELETE /webhooks/{app}/{token}/messages/{@original or
/// id}`.
fn webhook_message(
    st: &mut State,
    method: &str,
    token: &str,
    mid: &str,
    req: &Request<'_>,
) -> Resp {
    let body = req.body;
    let Some(iid) = interaction_by_token(st, token) else {
        return unknown_webhook();
    };
    let rec = st.interactions[&iid].clone();
    let target = if *mid == *"@original" {
        rec.original
    } else {
        id_of(mid).filter(|m| rec.followups.contains(m) || rec.original == Some(*m))
    };
    let Some(target) = target.filter(|t| st.messages.get(t).is_some_and(|m| !m.deleted)) else {
        return unknown_message();
    };
    match method {
        "GET" => ok(st.messages[&target].json.clone(), Shape::Message),
        "PATCH" => {
            if let Err(e) = validate::message_body(body, false) {
                return invalid_form(&e);
            }
            let existing = st.messages[&target].files.clone();
            let files = match files_for(st, body, req.files, &existing) {
                Ok(f) => f,
                Err(r) => return r,
            };
            let was_loading = st.messages[&target].loading;
            if was_loading {
                let msg = st.messages.get_mut(&target).expect("msg");
                msg.loading = false;
                msg.raw_body = body.clone();
                let f = msg.json["flags"].as_u64().unwrap_or(0) & !128;
                msg.json["flags"] = json!(f);
            }
            let j = st.edit_message(target, body).unwrap_or_default();
            let j = with_files(st, target, files, j);
            if was_loading && !st.messages[&target].ephemeral {
                announce_message(st, &j);
            }
            if rec.original == Some(target) {
                st.interactions
                    .get_mut(&iid)
                    .expect("interaction")
                    .original_edits += 1;
            }
            ok(j, Shape::Message)
        }
        "DELETE" => {
            st.messages.get_mut(&target).expect("msg").deleted = true;
            no_content()
        }
        _ => error(405, 0, "405: Method Not Allowed"),
    }
}
