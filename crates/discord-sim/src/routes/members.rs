//! Member routes: list and read members, edit them (roles, nickname, timeout) and give or take
//! roles, with Discord's rules: a bot hands out only roles below its own, and times out only
//! members below it, never the owner or an administrator, and only with Moderate Members.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::response::{
    Resp, invalid_form, missing_permissions, no_content, ok, unknown_member, unknown_role,
};
use super::{Request, id_of};
use crate::fixture::perms;
use crate::state::{State, as_id};
use crate::timeouts::SimTimeout;
use crate::validate::Shape;

pub(super) fn route(st: &mut State, req: &Request<'_>) -> Option<Resp> {
    Some(match (req.method, req.segs.as_slice()) {
        ("GET", ["guilds", _, "members"]) => list_members(st, req),
        ("GET", ["guilds", _, "members", u]) => {
            match id_of(u).filter(|u| st.members.contains_key(u)) {
                Some(u) => ok(st.member_json(u), Shape::Member),
                None => unknown_member(),
            }
        }
        ("PATCH", ["guilds", _, "members", u]) => edit_member(st, u, req),
        (m @ ("PUT" | "DELETE"), ["guilds", _, "members", u, "roles", r]) => {
            member_role(st, u, r, m == "PUT")
        }
        _ => return None,
    })
}

/// `GET /guilds/{g}/members?limit&after`: members in id order (limit defaults to 1, at most 1000).
fn list_members(st: &State, req: &Request<'_>) -> Resp {
    let limit = req
        .query_param("limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(1usize)
        .min(1000);
    let after = req
        .query_param("after")
        .and_then(|a| a.parse().ok())
        .unwrap_or(0u64);
    let list: Vec<Value> = st
        .members
        .range(after.saturating_add(1)..)
        .map(|(id, _)| id)
        .take(limit)
        .map(|id| st.member_json(*id))
        .collect();
    ok(json!(list), Shape::Members)
}

/// `PATCH /guilds/{g}/members/{u}`: roles (each must be assignable), nickname and timeout
/// (`communication_disabled_until`, recorded with the audit log reason).
fn edit_member(st: &mut State, u: &str, req: &Request<'_>) -> Resp {
    let body = req.body;
    let Some(u) = id_of(u).filter(|u| st.members.contains_key(u)) else {
        return unknown_member();
    };
    let timeout = match body.get("communication_disabled_until") {
        Some(until) => match check_timeout(st, u, until) {
            Ok(t) => Some(t),
            Err(e) => return e,
        },
        None => None,
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
    if let Some(until) = timeout {
        match until {
            Some(t) => st.timeouts.insert(u, rfc3339(t)),
            None => st.timeouts.remove(&u),
        };
        st.timeout_log.push(SimTimeout {
            user: u,
            until,
            reason: req.audit_reason.map(String::from),
        });
    }
    st.dispatch_member_update(u);
    ok(st.member_json(u), Shape::Member)
}

/// `PUT` (`add`) or `DELETE /guilds/{g}/members/{u}/roles/{r}`; GUILD_MEMBER_UPDATE if it changed.
fn member_role(st: &mut State, u: &str, r: &str, add: bool) -> Resp {
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
    let changed = if add {
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

/// The position of a member's highest role (0 for none).
fn top_position(st: &State, user: u64) -> u16 {
    st.members
        .get(&user)
        .map(|m| {
            m.roles
                .iter()
                .filter_map(|x| st.roles.get(x))
                .map(|x| x.position)
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0)
}

/// Discord's rules for a timeout: the bot needs Moderate Members; the owner, administrators and
/// members whose highest role is not below the bot's cannot be timed out; at most 28 days
/// ahead of now (the simulator's clock, see [`crate::Sim::use_clock`]). `Ok(None)` lifts it.
fn check_timeout(st: &State, user: u64, until: &Value) -> Result<Option<DateTime<Utc>>, Resp> {
    let bot = st.fx.bot;
    if st.member_permissions(bot) & perms::MODERATE_MEMBERS == 0
        || user == st.fx.owner
        || st.member_permissions(user) & perms::ADMINISTRATOR != 0
        || top_position(st, user) >= top_position(st, bot)
    {
        return Err(missing_permissions());
    }
    if until.is_null() {
        return Ok(None);
    }
    let Some(t) = until
        .as_str()
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc))
    else {
        return Err(invalid_form(&format!(
            "communication_disabled_until: {until} is not an ISO8601 timestamp"
        )));
    };
    if t > st.now() + chrono::Duration::days(28) {
        return Err(invalid_form(
            "communication_disabled_until: The timeout must be within 28 days from now",
        ));
    }
    Ok(Some(t))
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, false)
}

/// Discord refuses roles at or above the bot's highest role, and managed roles.
fn can_assign(st: &State, role: u64) -> Result<(), Resp> {
    let r = &st.roles[&role];
    let top = top_position(st, st.fx.bot);
    if r.managed || role == st.fx.guild || r.position >= top {
        return Err(missing_permissions());
    }
    Ok(())
}
