//! User routes: the bot's own user and the DM channels it opens with members.

use serde_json::Value;

use super::Request;
use super::response::{Resp, error, ok};
use crate::state::{State, as_id};
use crate::validate::Shape;

pub(super) fn route(st: &mut State, req: &Request<'_>) -> Option<Resp> {
    Some(match (req.method, req.segs.as_slice()) {
        ("GET", ["users", "@me"]) => ok(st.current_user_json(), Shape::CurrentUser),
        ("POST", ["users", "@me", "channels"]) => open_dm(st, req.body),
        _ => return None,
    })
}

/// `POST /users/@me/channels`: one DM channel per member, made on first use.
fn open_dm(st: &mut State, body: &Value) -> Resp {
    let Some(u) = as_id(&body["recipient_id"]).filter(|u| st.members.contains_key(u)) else {
        return error(400, 50033, "Invalid Recipient(s)");
    };
    let c = st.dm_channel_of(u);
    ok(st.dm_channel_json(c, u), Shape::PrivateChannel)
}
