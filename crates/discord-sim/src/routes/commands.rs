//! Application routes: the application's info and its commands (slash, user and message
//! commands; bulk overwrite, list, create), held to Discord's rules for names, descriptions and
//! options.

use serde_json::{Value, json};

use super::Request;
use super::response::{Resp, created, invalid_form, missing_access, ok};
use crate::state::{State, sid};
use crate::validate::Shape;

pub(super) fn route(st: &mut State, req: &Request<'_>) -> Option<Resp> {
    let app = st.fx.app_id.to_string();
    let guild = st.fx.guild.to_string();
    let body = req.body;
    Some(match (req.method, req.segs.as_slice()) {
        ("GET", ["oauth2", "applications", "@me"]) | ("GET", ["applications", "@me"]) => {
            ok(st.application_json(), Shape::Application)
        }
        ("PUT", ["applications", a, "commands"]) if *a == app => put_commands(st, None, body),
        ("PUT", ["applications", a, "guilds", g, "commands"]) if *a == app => {
            if *g != guild {
                return Some(missing_access());
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
        _ => return None,
    })
}

/// A command as Discord stores it: its id kept per (guild, type, name), a new version each time.
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

/// Discord's rules for a command: names, descriptions, option counts and order; for user and
/// message commands (types 2, 3) their own name rules and neither description nor options.
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
    } else if kind == 2 || kind == 3 {
        // User and message commands: mixed case and spaces allowed, no description or options.
        let valid = !name.trim().is_empty()
            && name.chars().count() <= 32
            && name
                .chars()
                .all(|ch| ch.is_alphanumeric() || matches!(ch, ' ' | '-' | '_' | '\''));
        if !valid {
            return Err(format!(
                "context menu name {name:?} must be 1-32 letters, digits, spaces, - or _"
            ));
        }
        if c["description"].as_str().is_some_and(|d| !d.is_empty()) {
            return Err(format!(
                "{name}: description: context menu commands cannot have a description"
            ));
        }
        if c["options"].as_array().is_some_and(|o| !o.is_empty()) {
            return Err(format!(
                "{name}: options: context menu commands cannot have options"
            ));
        }
    } else {
        return Err(format!("{name}: type: unknown command type {kind}"));
    }
    Ok(())
}

/// Limits on a whole list: names unique per type, at most 15 user and 15 message commands.
fn check_list(list: &[Value]) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for c in list {
        let key = (c["type"].as_u64().unwrap_or(1), c["name"].to_string());
        if !seen.insert(key) {
            return Err(format!(
                "Application command names must be unique ({} twice)",
                c["name"]
            ));
        }
    }
    for (kind, what) in [(2, "user"), (3, "message")] {
        let n = list.iter().filter(|c| c["type"] == kind).count();
        if n > 15 {
            return Err(format!("at most 15 {what} commands (got {n})"));
        }
    }
    Ok(())
}

/// Bulk overwrite: the list replaces the guild's (or the global) commands.
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
    if let Err(e) = check_list(list) {
        return invalid_form(&e);
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

/// Creates a command or replaces the one with the same name.
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
    list.retain(|c| !(c["name"] == o["name"] && c["type"] == o["type"]));
    list.push(o.clone());
    st.command_puts += 1;
    created(o.clone(), Shape::None)
}
