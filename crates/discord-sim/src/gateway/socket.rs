//! The websocket connection: HELLO, heartbeats, IDENTIFY and RESUME from the bot, and the
//! session's dispatches written out in order; a dropped or superseded connection is closed.

use std::sync::Arc;

use axum::extract::State as AxState;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use serde_json::{Value, json};

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
    // Highest seq sent on this connection; None until IDENTIFY/RESUME made it the session owner.
    let mut sent: Option<u64> = None;
    loop {
        // Flush the session log and watch for a requested drop.
        let (to_send, dropped, superseded) = {
            let st = inner.lock();
            let dropped = st.gateway.drop_gen != drop_gen;
            let superseded = sent.is_some() && st.gateway.active_conn != conn;
            let to_send: Vec<(u64, String)> = match sent {
                Some(upto) if !dropped && !superseded => st
                    .gateway
                    .log
                    .iter()
                    .filter(|(s, _)| *s > upto)
                    .cloned()
                    .collect(),
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
        for (s, text) in to_send {
            if ws.send(Message::Text(text.into())).await.is_err() {
                failed = true;
                break;
            }
            sent = Some(s);
            inner.with(|st| {
                if st.gateway.active_conn == conn {
                    st.gateway.delivered = st.gateway.delivered.max(s);
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
                            st.gateway.ready = false;
                            st.new_session(conn);
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
                            let ok = !st.gateway.invalidate_next_resume
                                && st.gateway.session_id.as_deref() == Some(session.as_str())
                                && their_seq <= st.gateway.seq;
                            st.gateway.invalidate_next_resume = false;
                            if ok {
                                st.gateway.active_conn = conn;
                                st.gateway.active_alive = true;
                                st.gateway.resumes += 1;
                                st.push_log("RESUMED", json!({}));
                            } else {
                                st.gateway.invalid_sessions += 1;
                                st.gateway.session_id = None;
                                st.gateway.ready = false;
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
        if st.gateway.active_conn == conn {
            st.gateway.active_alive = false;
        }
    });
}
