//! Guild routes: the guild itself and its roles (members are in `members`).

use serde_json::{Value, json};

use super::response::{Resp, no_content, ok, unknown_role};
use super::{Request, id_of};
use crate::fixture::FxRole;
use crate::state::{State, sid};
use crate::validate::Shape;

/// Guild routes; a guild id other than the simulator's was answered Unknown Guild before.
pub(super) fn route(st: &mut State, req: &Request<'_>) -> Option<Resp> {
    let body = req.body;
    Some(match (req.method, req.segs.as_slice()) {
        ("GET", ["guilds", _]) => get_guild(st),
        ("GET", ["guilds", _, "roles"]) => ok(
            json!(
                st.roles
                    .values()
                    .map(|r| st.role_json(r))
                    .collect::<Vec<_>>()
            ),
            Shape::Roles,
        ),
        ("POST", ["guilds", _, "roles"]) => create_role(st, body),
        ("PATCH", ["guilds", _, "roles", r]) => edit_role(st, r, body),
        ("DELETE", ["guilds", _, "roles", r]) => delete_role(st, r),
        _ => return None,
    })
}

/// `GET /guilds/{g}`: the guild without what only GUILD_CREATE carries (members, channels...).
fn get_guild(st: &State) -> Resp {
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

/// `POST /guilds/{g}/roles`: a new role at position 1; GUILD_ROLE_CREATE follows.
fn create_role(st: &mut State, body: &Value) -> Resp {
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

/// `PATCH /guilds/{g}/roles/{r}`; GUILD_ROLE_UPDATE follows.
fn edit_role(st: &mut State, r: &str, body: &Value) -> Resp {
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

/// `DELETE /guilds/{g}/roles/{r}`: members lose it; GUILD_ROLE_DELETE follows.
fn delete_role(st: &mut State, r: &str) -> Resp {
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
