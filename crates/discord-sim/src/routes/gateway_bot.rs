//! `GET /gateway` and `GET /gateway/bot`: where serenity finds the simulator's websocket.

use serde_json::json;

use super::Request;
use super::response::{Resp, ok};
use crate::state::State;
use crate::validate::Shape;

pub(super) fn route(st: &mut State, req: &Request<'_>) -> Option<Resp> {
    let url = format!("ws://127.0.0.1:{}/gateway", st.port);
    Some(match (req.method, req.segs.as_slice()) {
        ("GET", ["gateway"]) => ok(json!({ "url": url }), Shape::Gateway),
        ("GET", ["gateway", "bot"]) => ok(
            json!({"url": url, "shards": st.fx.recommended_shards.max(1),
                   "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1}}),
            Shape::BotGateway,
        ),
        _ => return None,
    })
}
