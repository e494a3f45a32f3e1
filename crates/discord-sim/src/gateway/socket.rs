//! The websocket connection: HELLO, heartbeats, IDENTIFY and RESUME from the bot, and the
//! session's dispatches written out in order; a dropped or superseded connection is closed.

use std::sync::Arc;

use axum::extract::State as AxState;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use serde_json::{Value, json};

use super::session::Dispatch;
use crate::Inner;

pub(crate) async fn upgrade(AxState(inner): AxState<Arc<Inner>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| connection(inner, socket))
}

async fn send(ws: &mut WebSocket, v: &Value) -> bool {
    ws.send(Message::Text(v.to_string().into())).await.is_ok()
}

async fn connection(inner: Arc<Inner>, mut ws: WebSocket) {
    let (conn, drop_gen, interval) = inner.with(|st| {
        st.gateway.next_conn += 1;
        st.gateway.connections += 1;
        st.gateway.connected += 1;
        (
            st.gateway.next_conn,
            st.gateway.drop_gen,
            st.gateway.heartbeat_interval_ms,
        )
    });
    let mut rx = inner.version.subscribe();
    if !send(
        &mut ws,
        &json!({"op": 10, "d": {"heartbeat_interval": interval}, "s": null, "t": null}),
    )
    .await
    {
        inner.with(|st| st.gateway.connected -= 1);
        return;
    }
    // Highest seq sent on this connection; None until IDENTIFY/RESUME made it the owner of
    // its shard's session.
    let mut sent: Option<u64> = None;
    // The shard this connection serves (set by IDENTIFY or RESUME).
    let mut shard: u32 = 0;
    loop {
        // Flush the session log and watch for a requested drop.
        let (to_send, dropped, superseded) = {
            let st = inner.lock();
            let dropped = st.gateway.drop_gen != drop_gen;
            let session = st.gateway.sessions.get(&shard);
            let superseded = sent.is_some() && session.is_none_or(|s| s.active_conn != conn);
            let to_send: Vec<Arc<Dispatch>> = match (sent, session) {
                (Some(upto), Some(session)) if !dropped && !superseded => {
                    let from = session.log.partition_point(|e| e.seq <= upto);
                    session.log[from..].to_vec()
                }
                _ => vec![],
            };
            (to_send, dropped, superseded)
        };
        if dropped || superseded {
            let _ = ws
                .send(Message::Close(Some(CloseFrame {
                    code: 4000,
                    reason: "simulated disconnect".into(),
                })))
                .await;
            break;
        }
        let mut failed = false;
        for dispatch in to_send {
            if let Some(problem) = dispatch.rejected() {
                inner.with(|st| st.problem(problem));
            }
            if ws
                .send(Message::Text(dispatch.text().into()))
                .await
                .is_err()
            {
                failed = true;
                break;
            }
            let s = dispatch.seq;
            sent = Some(s);
            inner.with(|st| {
                if let Some(session) = st.gateway.sessions.get_mut(&shard)
                    && session.active_conn == conn
                {
                    session.delivered = session.delivered.max(s);
                }
            });
        }
        if failed {
            break;
        }
        tokio::select! {
            msg = ws.recv() => {
                let text = match msg {
                    Some(Ok(Message::Text(t))) => t.to_string(),
                    Some(Ok(Message::Binary(b))) => String::from_utf8_lossy(&b).to_string(),
                    Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                    Some(Ok(_)) => continue,
                };
                let v: Value = match serde_json::from_str(&text) {
                    Ok(v) => v,
                    Err(e) => {
                        inner.with(|st| st.problem(format!("gateway: bot sent invalid JSON ({e}): {text}")));
                        let _ = ws.send(Message::Close(Some(CloseFrame { code: 4002, reason: "decode error".into() }))).await;
                        break;
                    }
                };
                match v["op"].as_u64() {
                    Some(1) => {
                        inner.with(|st| st.gateway.heartbeats += 1);
                        if !send(&mut ws, &json!({"op": 11, "d": null, "s": null, "t": null})).await {
                            break;
                        }
                    }
                    Some(2) => {
                        let d = &v["d"];
                        let token = d["token"].as_str().unwrap_or("").to_string();
                        let good = inner.with(|st| {
                            let expected = st.fx.token();
                            let good = token == expected || token == format!("Bot {expected}");
                            if !good {
                                st.problem(format!("gateway: IDENTIFY with wrong token {token:?}"));
                                return false;
                            }
                            st.gateway.intents = d["intents"].as_u64().unwrap_or(0);
                            st.gateway.identify_token = Some(token.clone());
                            // `"shard": [id, count]`; none means the only shard.
                            let n = |i: usize| d["shard"][i].as_u64().map(|v| v as u32);
                            shard = n(0).unwrap_or(0);
                            st.new_session(conn, shard, n(1).unwrap_or(1));
                            true
                        });
                        if !good {
                            let _ = ws.send(Message::Close(Some(CloseFrame { code: 4004, reason: "Authentication failed.".into() }))).await;
                            break;
                        }
                        sent = Some(0);
                    }
                    Some(6) => {
                        let d = &v["d"];
                        let their_seq = d["seq"].as_u64().unwrap_or(0);
                        let session = d["session_id"].as_str().unwrap_or("").to_string();
                        let resumed = inner.with(|st| {
                            let owner = st.gateway.sessions.iter().find(|(_, s)| {
                                s.session_id.as_deref() == Some(session.as_str())
                            }).map(|(n, _)| *n);
                            let ok = !st.gateway.invalidate_next_resume
                                && owner.is_some_and(|n| their_seq <= st.gateway.sessions[&n].seq);
                            st.gateway.invalidate_next_resume = false;
                            match owner {
                                Some(n) if ok => {
                                    shard = n;
                                    let s = st.gateway.sessions.get_mut(&n).expect("found above");
                                    s.active_conn = conn;
                                    s.active_alive = true;
                                    st.gateway.resumes += 1;
                                    st.push_log(n, "RESUMED", json!({}));
                                }
                                _ => {
                                    st.gateway.invalid_sessions += 1;
                                    if let Some(n) = owner {
                                        st.gateway.sessions.remove(&n);
                                    }
                                }
                            }
                            ok
                        });
                        if resumed {
                            sent = Some(their_seq);
                        } else if !send(&mut ws, &json!({"op": 9, "d": false, "s": null, "t": null})).await {
                            break;
                        }
                    }
                    Some(3) | Some(4) => {}
                    _ => inner.with(|st| st.gateway.other_ops.push(v.clone())),
                }
            }
            _ = rx.changed() => {}
        }
    }
    inner.with(|st| {
        st.gateway.connected -= 1;
        if let Some(session) = st.gateway.sessions.get_mut(&shard)
            && session.active_conn == conn
        {
            session.active_alive = false;
        }
    });
}
