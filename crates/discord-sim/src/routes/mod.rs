//! The REST half of the simulator: `/api/v10/...` as serenity 0.12's `Http` calls it. [`handle`]
//! checks auth, applies injected faults, routes the request to the file of its resource, checks
//! the answer against serenity's types and records the request.

pub(crate) mod attachments;
mod channels;
mod commands;
mod gateway_bot;
mod guilds;
mod interactions;
mod members;
mod messages;
mod multipart;
pub(crate) mod response;
mod thread_members;
mod threads;
mod users;

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State as AxState;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::Inner;
use crate::faults::FaultKind;
use crate::requests::RecordedRequest;
use crate::state::State;
use crate::validate;
pub(crate) use messages::announce_message;
use multipart::Upload;
use response::{
    Resp, error, invalid_form, missing_permissions, not_found, rate_limited, status_fault,
    unknown_guild,
};

/// A request as the resource routes see it: the path below `/api/v10`, split at `/`.
pub(crate) struct Request<'a> {
    pub method: &'a str,
    pub segs: Vec<&'a str>,
    pub query: Option<&'a str>,
    /// The JSON body (a multipart body's `payload_json`).
    pub body: &'a Value,
    /// The files of a multipart body.
    pub files: &'a [Upload],
    /// `X-Audit-Log-Reason`, if sent.
    pub audit_reason: Option<&'a str>,
}

impl Request<'_> {
    /// A query parameter's raw value.
    pub fn query_param(&self, key: &str) -> Option<&str> {
        self.query?.split('&').find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            (k == key).then_some(v)
        })
    }

    /// The routes that take a message body, and so files with it.
    fn takes_files(&self) -> bool {
        matches!(
            (self.method, self.segs.as_slice()),
            ("POST", ["channels", _, "messages"])
                | ("PATCH", ["channels", _, "messages", _])
                | ("POST", ["channels", _, "threads"])
                | ("POST", ["interactions", _, _, "callback"])
                | ("POST", ["webhooks", _, _])
                | ("PATCH", ["webhooks", _, _, "messages", _])
        )
    }
}

/// Decodes `%XX` escapes: reqwest's in file names, serenity's in `X-Audit-Log-Reason`.
pub(crate) fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).to_string()
}

/// A snowflake from a path segment.
pub(crate) fn id_of(s: &str) -> Option<u64> {
    s.parse().ok()
}

/// The axum fallback handler: every request that is not the gateway websocket.
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
    let mut uploads = vec![];
    let body_json: Value = if body.is_empty() {
        Value::Null
    } else if content_type.starts_with("multipart/") {
        match multipart::parse(&content_type, &body) {
            Ok((payload, files)) => {
                uploads = files;
                payload
            }
            Err(e) => json!({"_multipart_error": e}),
        }
    } else {
        serde_json::from_slice(&body)
            .unwrap_or_else(|_| json!({"_raw": String::from_utf8_lossy(&body)}))
    };
    // Sent URL-encoded (serenity does so); Discord's audit log shows it decoded.
    let audit_reason = headers
        .get("x-audit-log-reason")
        .and_then(|v| v.to_str().ok())
        .map(percent_decode);
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let path = path_full.strip_prefix("/api/v10").map(String::from);
    let (at, at_utc) = { (inner.lock().started.elapsed(), chrono::Utc::now()) };

    // Faults: delays first (they do not consume), then the first matching counted fault.
    let (delay, fault) = inner
        .lock()
        .take_faults(&method_s, path.as_deref().unwrap_or_default());
    if let Some(d) = delay {
        tokio::time::sleep(d).await;
    }
    crate::hold::wait_if_held(&inner, &method_s, path.as_deref().unwrap_or_default()).await;

    // A fault after handling lets the request through, then answers with its status.
    let (fault, after) = match fault {
        Some(FaultKind::AfterHandling(s)) => (None, Some(s)),
        f => (f, None),
    };
    let resp = {
        let mut st = inner.lock();
        let resp = match (&path, fault) {
            (_, Some(FaultKind::Status(s))) => status_fault(s),
            (_, Some(FaultKind::RateLimit(r))) => rate_limited(r),
            (_, Some(FaultKind::Deny)) => missing_permissions(),
            (None, _) => {
                st.unknown_routes.push(format!("{method_s} {path_full}"));
                not_found()
            }
            (Some(p), _) => {
                let needs_auth = !(p.starts_with("/interactions/") || p.starts_with("/webhooks/"));
                let expected = format!("Bot {}", st.fx.token());
                if needs_auth && auth.as_deref() != Some(expected.as_str()) {
                    st.problem(format!(
                        "{method_s} {p}: bad or missing Authorization header {auth:?}"
                    ));
                    error(401, 0, "401: Unauthorized")
                } else if let Some(e) = body_json.get("_multipart_error") {
                    st.problem(format!("{method_s} {p}: unreadable multipart body: {e}"));
                    error(400, 50035, "Invalid Form Body")
                } else {
                    let req = Request {
                        method: &method_s,
                        segs: p.trim_matches('/').split('/').collect(),
                        query: query.as_deref(),
                        body: &body_json,
                        files: &uploads,
                        audit_reason: audit_reason.as_deref(),
                    };
                    let r = if uploads.is_empty() || req.takes_files() {
                        route(&mut st, &req)
                    } else {
                        invalid_form("files: this route takes no files")
                    };
                    if r.status == 404 && r.body.as_ref().is_some_and(|b| b["code"] == 0) {
                        st.unknown_routes.push(format!("{method_s} {p}"));
                    }
                    if r.status == 400 || r.status == 413 {
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
        let resp = match after {
            Some(s) => status_fault(s),
            None => resp,
        };
        st.requests.push(RecordedRequest {
            method: method_s.clone(),
            path: path.clone().unwrap_or(path_full.clone()),
            query: query.clone(),
            body: body_json,
            audit_reason,
            files: uploads
                .iter()
                .map(|u| (u.filename.clone(), u.bytes.len()))
                .collect(),
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

/// Hands the request to the routes of its resource; a route nobody knows is a 404 with code 0.
fn route(st: &mut State, req: &Request<'_>) -> Resp {
    // REST serves the fixture's guild; any other (the shard tests' second server included) is
    // unknown, whatever the rest of the path.
    if let ["guilds", g, ..] = req.segs.as_slice()
        && *g != st.fx.guild.to_string()
    {
        return unknown_guild();
    }
    // Threads first: they answer `GET`/`PATCH /channels/{id}` for thread ids.
    let resources: [fn(&mut State, &Request<'_>) -> Option<Resp>; 10] = [
        gateway_bot::route,
        users::route,
        commands::route,
        interactions::route,
        threads::route,
        thread_members::route,
        messages::route,
        channels::route,
        members::route,
        guilds::route,
    ];
    resources
        .iter()
        .find_map(|r| r(st, req))
        .unwrap_or_else(not_found)
}
