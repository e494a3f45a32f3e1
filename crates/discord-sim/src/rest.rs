//! REST half of the simulator: `/api/v10/...` as serenity 0.12's `Http` calls it.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State as AxState;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::Inner;
use crate::fixture::{FxChannel, FxRole, channel_kind};
use crate::state::{FaultKind, RecordedRequest, State, as_id, sid};
use crate::validate::{self, Shape};

pub struct Resp {
    pub status: u16,
    pub body: Option<Value>,
    pub shape: Shape,
    pub headers: Vec<(&'static str, String)>,
}

fn ok(body: Value, shape: Shape) -> Resp {
    Resp {
        status: 200,
        body: Some(body),
        shape,
        headers: vec![],
    }
}

fn created(body: Value, shape: Shape) -> Resp {
    Resp {
        status: 201,
        body: Some(body),
        shape,
        headers: vec![],
    }
}

fn no_content() -> Resp {
    Resp {
        status: 204,
        body: None,
        shape: Shape::None,
        headers: vec![],
    }
}

pub fn error(status: u16, code: i64, message: &str) -> Resp {
    Resp {
        status,
        body: Some(json!({"message": message, "code": code})),
        shape: Shape::None,
        headers: vec![],
    }
}

fn invalid_form(detail: &str) -> Resp {
    Resp {
        status: 400,
        body: Some(
            json!({"message": "Invalid Form Body", "code": 50035, "errors": {"_sim": {"_errors": [{"code": "BASE_TYPE_INVALID", "message": detail}]}}}),
        ),
        shape: Shape::None,
        headers: vec![],
    }
}

fn unknown_message() -> Resp {
    error(404, 10008, "Unknown Message")
}
fn unknown_channel() -> Resp {
    error(404, 10003, "Unknown Channel")
}
fn unknown_guild() -> Resp {
    error(404, 10004, "Unknown Guild")
}
fn unknown_member() -> Resp {
    error(404, 10007, "Unknown Member")
}
fn unknown_role() -> Resp {
    error(404, 10011, "Unknown Role")
}
fn unknown_interaction() -> Resp {
    error(404, 10062, "Unknown interaction")
}
fn unknown_webhook() -> Resp {
    error(404, 10015, "Unknown Webhook")
}
pub fn missing_permissions() -> Resp {
    error(403, 50013, "Missing Permissions")
}

pub fn rate_limited(retry_after: f64) -> Resp {
    Resp {
        status: 429,
        body: Some(
            json!({"message": "You are being rate limited.", "retry_after": retry_after, "global": false, "code": 0}),
        ),
        shape: Shape::None,
        headers: vec![
            ("retry-after", format!("{}", retry_after.ceil() as u64)),
            ("x-ratelimit-limit", "5".into()),
            ("x-ratelimit-remaining", "0".into()),
            ("x-ratelimit-reset-after", format!("{retry_after}")),
            ("x-ratelimit-scope", "user".into()),
            ("x-ratelimit-global", "false".into()),
        ],
    }
}

pub fn status_fault(status: u16) -> Resp {
    match status {
        429 => rate_limited(1.5),
        403 => missing_permissions(),
        500 => error(500, 0, "Internal Server Error"),
        502 => error(502, 0, "Bad Gateway"),
        503 => error(503, 0, "Service Unavailable"),
        404 => error(404, 0, "404: Not Found"),
        s => error(s, 0, "Simulated failure"),
    }
}

fn q(query: &Option<String>, key: &str) -> Option<String> {
    query.as_deref()?.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then(|| v.to_string())
    })
}

pub(crate) async fn handle(
    AxState(inner): AxState<Arc<Inner>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path_full = uri.path().to_string();
    let query = uri.query().map(String::from);
    let method_s = method.as_str().to_string();
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body_json: Value = if body.is_empty() {
        Value::Null
    } else if content_type.starts_with("multipart/") {
        json!({"_multipart": String::from_utf8_lossy(&body).chars().take(2000).collect::<String>()})
    } else {
        serde_json::from_slice(&body)
            .unwrap_or_else(|_| json!({"_raw": String::from_utf8_lossy(&body)}))
    };
    let audit_reason = headers
        .get("x-audit-log-reason")
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let path = path_full.strip_prefix("/api/v10").map(String::from);
    let (at, at_utc) = { (inner.lock().started.elapsed(), chrono::Utc::now()) };

    // Faults: delays first (they do not consume), then the first matching counted fault.
    let (delay, fault) = {
        let mut st = inner.lock();
        let p = path.clone().unwrap_or_default();
        let mut delay = None;
        let mut fault = None;
        for f in st.faults.iter_mut() {
            if !f.route.matches(&method_s, &p) || f.remaining == Some(0) {
                continue;
            }
            match &f.kind {
                FaultKind::Delay(d) => {
                    if delay.is_none() {
                        delay = Some(*d);
                        if let Some(n) = f.remaining.as_mut() {
                            *n -= 1;
                        }
                    }
                }
                k => {
                    if fault.is_none() {
                        fault = Some(k.clone());
                        if let Some(n) = f.remaining.as_mut() {
                            *n -= 1;
                        }
                    }
                }
            }
        }
        st.faults.retain(|f| f.remaining != Some(0));
        (delay, fault)
    };
    if let Some(d) = delay {
        tokio::time::sleep(d).await;
    }

    let resp = {
        let mut st = inner.lock();
        let resp = match (&path, fault) {
            (_, Some(FaultKind::Status(s))) => status_fault(s),
            (_, Some(FaultKind::RateLimit(r))) => rate_limited(r),
            (_, Some(FaultKind::Deny)) => missing_permissions(),
            (None, _) => {
                st.unknown_routes.push(format!("{method_s} {path_full}"));
                error(404, 0, "404: Not Found")
            }
            (Some(p), _) => {
                let needs_auth = !(p.starts_with("/interactions/") || p.starts_with("/webhooks/"));
                let expected = format!("Bot {}", st.fx.token());
                if needs_auth && auth.as_deref() != Some(expected.as_str()) {
                    st.problem(format!(
                        "{method_s} {p}: bad or missing Authorization header {auth:?}"
                    ));
                    error(401, 0, "401: Unauthorized")
                } else if body_json.get("_multipart").is_some() {
                    st.problem(format!(
                        "{method_s} {p}: multipart bodies (attachments) are not simulated"
                    ));
                    error(400, 50035, "Invalid Form Body")
                } else {
                    let r = route(&mut st, &method_s, p, &query, &body_json);
                    if r.status == 404 && r.body.as_ref().is_some_and(|b| b["code"] == 0) {
                        st.unknown_routes.push(format!("{method_s} {p}"));
                    }
                    if r.status == 400 {
                        let msg = r.body.as_ref().map(|b| b.to_string()).unwrap_or_default();
                        st.problem(format!(
                            "Discord would reject {method_s} {p}: {msg}\n  body: {body_json}"
                        ));
                    }
                    r
                }
            }
        };
        if (200..300).contains(&resp.status)
            && let Some(b) = &resp.body
            && let Err(e) = validate::response(resp.shape, b)
        {
            st.problem(format!("answer to {method_s} {path_full} is not a valid {:?} for serenity: {e}\n  answer: {b}", resp.shape));
        }
        st.requests.push(RecordedRequest {
            method: method_s.clone(),
            path: path.clone().unwrap_or(path_full.clone()),
            query: query.clone(),
            body: body_json,
            audit_reason,
            status: resp.status,
            at,
            at_utc,
        });
        resp
    };
    inner.bump();

    let status = StatusCode::from_u16(resp.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut out = match resp.body {
        Some(b) => (status, axum::Json(b)).into_response(),
        None => status.into_response(),
    };
    for (k, v) in resp.headers {
        if let Ok(v) = HeaderValue::from_str(&v) {
            out.headers_mut().insert(k, v);
        }
    }
    out
}

fn id_of(s: &str) -> Option<u64> {
    s.parse().ok()
}

fn route(st: &mut State, method: &str, path: &str, query: &Option<String>, body: &Value) -> Resp {
    let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
    let app = st.fx.app_id.to_string();
    let guild = st.fx.guild.to_string();
    match (method, segs.as_slice()) {
        ("GET", ["gateway"]) => ok(
            json!({"url": format!("ws://127.0.0.1:{}/gateway", st.port)}),
            Shape::Gateway,
        ),
        ("GET", ["gateway", "bot"]) => ok(
            json!({"url": format!("ws://127.0.0.1:{}/gateway", st.port), "shards": 1,
                   "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1}}),
            Shape::BotGateway,
        ),
        ("GET", ["users", "@me"]) => ok(st.current_user_json(), Shape::CurrentUser),
        ("GET", ["oauth2", "applications", "@me"]) | ("GET", ["applications", "@me"]) => {
            ok(st.application_json(), Shape::Application)
        }

        // ------------------------------------------------------------- commands
        ("PUT", ["applications", a, "commands"]) if *a == app => put_commands(st, None, body),
        ("PUT", ["applications", a, "guilds", g, "commands"]) if *a == app => {
            if *g != guild {
                return missing_access();
            }
            put_commands(st, Some(st.fx.guild), body)
        }
        ("GET", ["applications", a, "commands"]) if *a == app => {
            ok(json!(st.global_commands), Shape::Commands)
        }
        ("GET", ["applications", a, "guilds", g, "commands"]) if *a == app && *g == guild => {
            ok(json!(st.guild_commands), Shape::Commands)
        }
        ("POST", ["applications", a, "commands"]) if *a == app => upsert_command(st, None, body),
        ("POST", ["applications", a, "guilds", g, "commands"]) if *a == app && *g == guild => {
            upsert_command(st, Some(st.fx.guild), body)
        }

        // ------------------------------------------------------------- interactions
        ("POST", ["interactions", id, token, "callback"]) => callback(st, id, token, body),
        ("POST", ["webhooks", a, token]) => {
            if *a != app {
                return unknown_webhook();
            }
            followup(st, token, body)
        }
        (m, ["webhooks", a, token, "messages", mid]) => {
            if *a != app {
                return unknown_webhook();
            }
            webhook_message(st, m, token, mid, body)
        }

        // ------------------------------------------------------------- channels
        ("POST", ["channels", c, "messages"]) => create_message(st, c, body),
        ("GET", ["channels", c, "messages"]) => {
            let Some(c) = id_of(c).filter(|c| channel_exists(st, *c)) else {
                return unknown_channel();
            };
            let limit = q(query, "limit")
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
        ("GET", ["channels", c, "messages", m]) => match find_message(st, c, m) {
            Some(id) => ok(st.messages[&id].json.clone(), Shape::Message),
            None => unknown_message(),
        },
        ("PATCH", ["channels", c, "messages", m]) => {
            let Some(id) = find_message(st, c, m) else {
                return unknown_message();
            };
            if st.messages[&id].author_id != st.fx.bot && body.get("content").is_some() {
                return error(403, 50005, "Cannot edit a message authored by another user");
            }
            if let Err(e) = validate::message_body(body, false) {
                return invalid_form(&e);
            }
            ok(
                st.edit_message(id, body).unwrap_or_default(),
                Shape::Message,
            )
        }
        ("DELETE", ["channels", c, "messages", m]) => {
            let Some(id) = find_message(st, c, m) else {
                return unknown_message();
            };
            if let Some(r) = st.messages.get_mut(&id) {
                r.deleted = true;
            }
            no_content()
        }
        ("PUT", ["channels", c, "pins", m]) | ("PUT", ["channels", c, "messages", "pins", m]) => {
            let Some(id) = find_message(st, c, m) else {
                return unknown_message();
            };
            let ch = id_of(c).unwrap_or(0);
            st.messages.get_mut(&id).expect("msg").json["pinned"] = json!(true);
            let pins = st.pins.entry(ch).or_default();
            if !pins.contains(&id) {
                pins.push(id);
            }
            no_content()
        }
        ("DELETE", ["channels", c, "pins", m])
        | ("DELETE", ["channels", c, "messages", "pins", m]) => {
            let Some(id) = find_message(st, c, m) else {
                return unknown_message();
            };
            let ch = id_of(c).unwrap_or(0);
            st.messages.get_mut(&id).expect("msg").json["pinned"] = json!(false);
            st.pins.entry(ch).or_default().retain(|x| *x != id);
            no_content()
        }
        ("GET", ["channels", c, "pins"]) => {
            let Some(c) = id_of(c).filter(|c| channel_exists(st, *c)) else {
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
        ("POST", ["channels", c, "typing"]) => {
            if id_of(c).is_some_and(|c| channel_exists(st, c)) {
                no_content()
            } else {
                unknown_channel()
            }
        }
        ("GET", ["channels", c]) => {
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
        ("PATCH", ["channels", c]) => {
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
        ("PUT", ["channels", c, "permissions", target]) => {
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
        ("POST", ["users", "@me", "channels"]) => {
            let Some(u) = as_id(&body["recipient_id"]).filter(|u| st.members.contains_key(u))
            else {
                return error(400, 50033, "Invalid Recipient(s)");
            };
            let c = match st.dm_channels.get(&u) {
                Some(c) => *c,
                None => {
                    let c = st.snowflake();
                    st.dm_channels.insert(u, c);
                    c
                }
            };
            ok(st.dm_channel_json(c, u), Shape::PrivateChannel)
        }

        // ------------------------------------------------------------- guild
        (_, ["guilds", g, ..]) if *g != guild => unknown_guild(),
        ("GET", ["guilds", _]) => {
            let mut g = st.guild_json();
            if let Some(o) = g.as_object_mut() {
                for k in [
                    "members",
                    "channels",
                    "voice_states",
                    "threads",
                    "presences",
                    "joined_at",
                    "large",
                    "member_count",
                    "unavailable",
                ] {
                    o.remove(k);
                }
            }
            ok(g, Shape::PartialGuild)
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
        ("POST", ["guilds", _, "channels"]) => {
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
        ("GET", ["guilds", _, "roles"]) => ok(
            json!(
                st.roles
                    .values()
                    .map(|r| st.role_json(r))
                    .collect::<Vec<_>>()
            ),
            Shape::Roles,
        ),
        ("POST", ["guilds", _, "roles"]) => {
            let id = st.snowflake();
            let r = FxRole {
                id,
                name: body["name"].as_str().unwrap_or("new role").to_string(),
                permissions: body["permissions"]
                    .as_str()
                    .and_then(|p| p.parse().ok())
                    .or(body["permissions"].as_u64())
                    .unwrap_or(0),
                position: 1,
                color: body["color"].as_u64().unwrap_or(0) as u32,
                hoist: body["hoist"].as_bool().unwrap_or(false),
                mentionable: body["mentionable"].as_bool().unwrap_or(false),
                managed: false,
                bot_id: None,
            };
            let j = st.role_json(&r);
            st.roles.insert(id, r);
            if st.has_intent(0) {
                let g = sid(st.fx.guild);
                st.dispatch(
                    "GUILD_ROLE_CREATE",
                    json!({"guild_id": g, "role": j.clone()}),
                );
            }
            ok(j, Shape::Role)
        }
        ("PATCH", ["guilds", _, "roles", r]) => {
            let Some(r) = id_of(r).filter(|r| st.roles.contains_key(r)) else {
                return unknown_role();
            };
            let role = st.roles.get_mut(&r).expect("role");
            if let Some(n) = body["name"].as_str() {
                role.name = n.to_string();
            }
            if let Some(p) = body["permissions"].as_str().and_then(|p| p.parse().ok()) {
                role.permissions = p;
            }
            if let Some(m) = body["mentionable"].as_bool() {
                role.mentionable = m;
            }
            if let Some(h) = body["hoist"].as_bool() {
                role.hoist = h;
            }
            if let Some(c) = body["color"].as_u64() {
                role.color = c as u32;
            }
            let j = st.role_json(&st.roles[&r].clone());
            if st.has_intent(0) {
                let g = sid(st.fx.guild);
                st.dispatch(
                    "GUILD_ROLE_UPDATE",
                    json!({"guild_id": g, "role": j.clone()}),
                );
            }
            ok(j, Shape::Role)
        }
        ("DELETE", ["guilds", _, "roles", r]) => {
            let Some(r) = id_of(r).filter(|r| st.roles.contains_key(r)) else {
                return unknown_role();
            };
            st.roles.remove(&r);
            for m in st.members.values_mut() {
                m.roles.retain(|x| *x != r);
            }
            if st.has_intent(0) {
                let g = sid(st.fx.guild);
                st.dispatch(
                    "GUILD_ROLE_DELETE",
                    json!({"guild_id": g, "role_id": sid(r)}),
                );
            }
            no_content()
        }
        ("GET", ["guilds", _, "members"]) => {
            let limit = q(query, "limit")
                .and_then(|l| l.parse().ok())
                .unwrap_or(1usize)
                .min(1000);
            let after = q(query, "after")
                .and_then(|a| a.parse().ok())
                .unwrap_or(0u64);
            let list: Vec<Value> = st
                .members
                .keys()
                .filter(|id| **id > after)
                .take(limit)
                .map(|id| st.member_json(*id))
                .collect();
            ok(json!(list), Shape::Members)
        }
        ("GET", ["guilds", _, "members", u]) => {
            match id_of(u).filter(|u| st.members.contains_key(u)) {
                Some(u) => ok(st.member_json(u), Shape::Member),
                None => unknown_member(),
            }
        }
        ("PATCH", ["guilds", _, "members", u]) => {
            let Some(u) = id_of(u).filter(|u| st.members.contains_key(u)) else {
                return unknown_member();
            };
            if let Some(roles) = body["roles"].as_array() {
                let roles: Vec<u64> = roles.iter().filter_map(as_id).collect();
                for r in &roles {
                    if let Err(e) = can_assign(st, *r) {
                        return e;
                    }
                }
                st.members.get_mut(&u).expect("member").roles = roles;
            }
            if let Some(n) = body.get("nick") {
                st.members.get_mut(&u).expect("member").nick = n.as_str().map(String::from);
            }
            st.dispatch_member_update(u);
            ok(st.member_json(u), Shape::Member)
        }
        (m @ ("PUT" | "DELETE"), ["guilds", _, "members", u, "roles", r]) => {
            let Some(u) = id_of(u).filter(|u| st.members.contains_key(u)) else {
                return unknown_member();
            };
            let Some(r) = id_of(r).filter(|r| st.roles.contains_key(r)) else {
                return unknown_role();
            };
            if let Err(e) = can_assign(st, r) {
                return e;
            }
            let member = st.members.get_mut(&u).expect("member");
            let changed = if m == "PUT" {
                if member.roles.contains(&r) {
                    false
                } else {
                    member.roles.push(r);
                    true
                }
            } else {
                let before = member.roles.len();
                member.roles.retain(|x| *x != r);
                before != member.roles.len()
            };
            if changed && st.has_intent(1) {
                st.dispatch_member_update(u);
            }
            no_content()
        }
        _ => error(404, 0, "404: Not Found"),
    }
}

fn missing_access() -> Resp {
    error(403, 50001, "Missing Access")
}

/// Discord refuses roles at or above the bot's highest role, and managed roles.
fn can_assign(st: &State, role: u64) -> Result<(), Resp> {
    let r = &st.roles[&role];
    let top = st
        .members
        .get(&st.fx.bot)
        .map(|m| {
            m.roles
                .iter()
                .filter_map(|x| st.roles.get(x))
                .map(|x| x.position)
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    if r.managed || role == st.fx.guild || r.position >= top {
        return Err(missing_permissions());
    }
    Ok(())
}

fn channel_exists(st: &State, c: u64) -> bool {
    st.channels.contains_key(&c) || st.is_dm(c).is_some()
}

fn find_message(st: &State, c: &str, m: &str) -> Option<u64> {
    let (c, m) = (id_of(c)?, id_of(m)?);
    let rec = st.messages.get(&m)?;
    (rec.channel_id == c && !rec.deleted && !rec.ephemeral).then_some(m)
}

fn command_object(st: &mut State, guild: Option<u64>, c: &Value) -> Value {
    let name = c["name"].as_str().unwrap_or("").to_string();
    let kind = c["type"].as_u64().unwrap_or(1);
    let key = format!("{}:{kind}:{name}", guild.unwrap_or(0));
    let id = match st.command_ids.get(&key) {
        Some(id) => *id,
        None => {
            let id = st.snowflake();
            st.command_ids.insert(key, id);
            id
        }
    };
    let version = st.snowflake();
    let mut o = c.clone();
    o["id"] = json!(sid(id));
    o["application_id"] = json!(sid(st.fx.app_id));
    o["type"] = json!(kind);
    o["version"] = json!(sid(version));
    if let Some(g) = guild {
        o["guild_id"] = json!(sid(g));
    }
    if o.get("description").is_none_or(|d| d.is_null()) {
        o["description"] = json!("");
    }
    if o.get("options").is_none_or(|d| d.is_null()) {
        o["options"] = json!([]);
    }
    if o.get("default_member_permissions").is_none() {
        o["default_member_permissions"] = Value::Null;
    }
    if o.get("nsfw").is_none() {
        o["nsfw"] = json!(false);
    }
    o
}

fn check_command(c: &Value) -> Result<(), String> {
    let name = c["name"].as_str().unwrap_or("");
    let kind = c["type"].as_u64().unwrap_or(1);
    if kind == 1 {
        let valid = !name.is_empty()
            && name.chars().count() <= 32
            && name.chars().all(|ch| {
                ch.is_lowercase() || ch.is_numeric() || ch == '-' || ch == '_' || !ch.is_ascii()
            });
        if !valid {
            return Err(format!(
                "command name {name:?} must be 1-32 lowercase characters"
            ));
        }
        let d = c["description"].as_str().unwrap_or("");
        if d.is_empty() || d.chars().count() > 100 {
            return Err(format!(
                "command {name}: description must be 1-100 characters, got {d:?}"
            ));
        }
        fn opts(name: &str, o: &Value) -> Result<(), String> {
            let Some(list) = o.as_array() else {
                return Ok(());
            };
            if list.len() > 25 {
                return Err(format!("{name}: more than 25 options"));
            }
            let mut seen_optional = false;
            for opt in list {
                let n = opt["name"].as_str().unwrap_or("");
                let d = opt["description"].as_str().unwrap_or("");
                if n.is_empty()
                    || n.chars().count() > 32
                    || n.chars().any(|c| c.is_uppercase() || c == ' ')
                {
                    return Err(format!(
                        "{name}: option name {n:?} must be 1-32 lowercase characters"
                    ));
                }
                if d.is_empty() || d.chars().count() > 100 {
                    return Err(format!(
                        "{name} {n}: description must be 1-100 characters, got {d:?}"
                    ));
                }
                let t = opt["type"].as_u64().unwrap_or(0);
                if t == 1 || t == 2 {
                    opts(&format!("{name} {n}"), &opt["options"])?;
                } else {
                    let req = opt["required"].as_bool().unwrap_or(false);
                    if req && seen_optional {
                        return Err(format!("{name}: required option {n} after an optional one"));
                    }
                    seen_optional |= !req;
                }
                if opt["choices"].as_array().is_some_and(|ch| ch.len() > 25) {
                    return Err(format!("{name} {n}: more than 25 choices"));
                }
            }
            Ok(())
        }
        opts(name, &c["options"])?;
    }
    Ok(())
}

fn put_commands(st: &mut State, guild: Option<u64>, body: &Value) -> Resp {
    let Some(list) = body.as_array() else {
        return invalid_form("expected an array of commands");
    };
    if list.len() > 100 {
        return invalid_form("more than 100 commands");
    }
    for c in list {
        if let Err(e) = check_command(c) {
            return invalid_form(&e);
        }
    }
    let out: Vec<Value> = list.iter().map(|c| command_object(st, guild, c)).collect();
    if guild.is_some() {
        st.guild_commands = out.clone();
    } else {
        st.global_commands = out.clone();
    }
    st.command_puts += 1;
    ok(json!(out), Shape::Commands)
}

fn upsert_command(st: &mut State, guild: Option<u64>, body: &Value) -> Resp {
    if let Err(e) = check_command(body) {
        return invalid_form(&e);
    }
    let o = command_object(st, guild, body);
    let list = if guild.is_some() {
        &mut st.guild_commands
    } else {
        &mut st.global_commands
    };
    list.retain(|c| c["name"] != o["name"]);
    list.push(o.clone());
    st.command_puts += 1;
    created(o.clone(), Shape::None)
}

/// A message made by the application in answer to an interaction.
fn interaction_message(st: &mut State, iid: u64, data: &Value) -> Value {
    let (channel, kind, user, name) = {
        let i = &st.interactions[&iid];
        (i.channel, i.kind, i.user, i.name.clone())
    };
    let mut m = st.build_message(channel, st.fx.bot, data, if kind == 2 { 20 } else { 0 });
    m["webhook_id"] = json!(sid(st.fx.app_id));
    m["application_id"] = json!(sid(st.fx.app_id));
    if kind == 2 {
        m["interaction"] =
            json!({"id": sid(iid), "type": kind, "name": name, "user": st.user_json(user)});
    }
    m
}

fn gateway_message(st: &State, mut m: Value) -> Value {
    let Some(c) = as_id(&m["channel_id"]) else {
        return m;
    };
    if st.channels.contains_key(&c) {
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

pub fn announce_message(st: &mut State, m: &Value) {
    let Some(c) = as_id(&m["channel_id"]) else {
        return;
    };
    let wanted = if st.channels.contains_key(&c) {
        st.has_intent(9)
    } else {
        st.has_intent(12)
    };
    if wanted {
        let g = gateway_message(st, m.clone());
        st.dispatch("MESSAGE_CREATE", g);
    }
}

fn callback(st: &mut State, id: &str, token: &str, body: &Value) -> Resp {
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
    if let Err(e) = validate::callback(body) {
        return invalid_form(&e);
    }
    let t = body["type"].as_u64().unwrap_or(0);
    if (t == 6 || t == 7) && rec.kind != 3 && !(rec.kind == 5 && rec.target_message.is_some()) {
        return error(
            400,
            40004,
            "Interaction callback type 6/7 is only valid for component interactions",
        );
    }
    let data = body.get("data").cloned().unwrap_or(json!({}));
    let mut original = None;
    let mut modal = None;
    match t {
        4 => {
            let m = interaction_message(st, iid, &data);
            let eph = data["flags"].as_u64().unwrap_or(0) & 64 != 0;
            let mid = st.store_message(m.clone(), data.clone(), eph, Some(iid));
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

fn followup(st: &mut State, token: &str, body: &Value) -> Resp {
    let Some(iid) = interaction_by_token(st, token) else {
        return unknown_webhook();
    };
    let rec = st.interactions[&iid].clone();
    if rec.callback.is_none() {
        return unknown_webhook();
    }
    if let Err(e) = validate::message_body(body, true) {
        return invalid_form(&e);
    }
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
        if !st.messages[&orig].ephemeral {
            announce_message(st, &j);
        }
        return ok(j, Shape::Message);
    }
    let m = interaction_message(st, iid, body);
    let eph = body["flags"].as_u64().unwrap_or(0) & 64 != 0;
    let mid = st.store_message(m.clone(), body.clone(), eph, Some(iid));
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

fn webhook_message(st: &mut State, method: &str, token: &str, mid: &str, body: &Value) -> Resp {
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
            let was_loading = st.messages[&target].loading;
            if was_loading {
                let msg = st.messages.get_mut(&target).expect("msg");
                msg.loading = false;
                msg.raw_body = body.clone();
                let f = msg.json["flags"].as_u64().unwrap_or(0) & !128;
                msg.json["flags"] = json!(f);
            }
            let j = st.edit_message(target, body).unwrap_or_default();
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

fn create_message(st: &mut State, c: &str, body: &Value) -> Resp {
    let Some(c) = id_of(c).filter(|c| channel_exists(st, *c)) else {
        return unknown_channel();
    };
    if st
        .channels
        .get(&c)
        .is_some_and(|ch| ch.kind == channel_kind::CATEGORY)
    {
        return error(400, 50008, "Cannot send messages in a non-text channel");
    }
    if st.is_dm(c).is_some_and(|u| st.closed_dms.contains(&u)) {
        return error(403, 50007, "Cannot send messages to this user");
    }
    if let Err(e) = validate::message_body(body, true) {
        return invalid_form(&e);
    }
    let m = st.build_message(c, st.fx.bot, body, 0);
    st.store_message(m.clone(), body.clone(), false, None);
    announce_message(st, &m);
    ok(m, Shape::Message)
}
