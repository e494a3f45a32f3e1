//! The `data` of a command interaction as Discord builds it from what the bot registered: the
//! command (guild or global; in DMs only global ones usable there), subcommands, options typed
//! and checked as Discord types them, `resolved`, and the focused option of an autocomplete.

use serde_json::{Value, json};

use crate::state::{State, as_id, sid};

/// Where and how a command is used.
#[derive(Clone, Copy, Default)]
pub(super) struct Use<'a> {
    /// From the member's DM with the bot: only global commands usable in DMs exist there.
    pub dm: bool,
    /// Autocomplete: the option being typed and what was typed so far.
    pub focused: Option<(&'a str, &'a str)>,
}

/// Whether a registered command can be used in the bot's DMs (`contexts` with 1, or none and
/// `dm_permission` not false).
fn usable_in_dm(c: &Value) -> bool {
    match c["contexts"].as_array() {
        Some(ctx) => ctx.iter().any(|x| x == 1),
        None => c["dm_permission"] != false,
    }
}

/// The registered slash command `top`: a guild one first, then a global one (in a DM, only a
/// global one usable there); and whether it is a guild command.
fn find_command<'s>(st: &'s State, top: &str, dm: bool) -> Result<(&'s Value, bool), String> {
    let slash = |c: &&Value| c["name"] == top && c["type"].as_u64().unwrap_or(1) == 1;
    if dm {
        return match st.global_commands.iter().find(slash) {
            Some(c) if usable_in_dm(c) => Ok((c, false)),
            Some(_) => Err(format!(
                "/{top} is not usable in DMs (its contexts or dm_permission exclude them)"
            )),
            None => Err(format!(
                "no global command {top:?}: guild commands do not exist in DMs; global: {:?}",
                st.global_commands
                    .iter()
                    .map(|c| c["name"].clone())
                    .collect::<Vec<_>>()
            )),
        };
    }
    if let Some(c) = st.guild_commands.iter().find(slash) {
        return Ok((c, true));
    }
    match st.global_commands.iter().find(slash) {
        Some(c) => Ok((c, false)),
        None => {
            let names: Vec<_> = st
                .guild_commands
                .iter()
                .chain(st.global_commands.iter())
                .map(|c| c["name"].clone())
                .collect();
            Err(format!(
                "no registered command {top:?}; registered: {names:?}"
            ))
        }
    }
}

/// Builds `data` of a slash command (or autocomplete) interaction from the registered
/// definition: nests subcommands, types values, fills `resolved`.
pub(super) fn build_command_data(
    st: &State,
    user: u64,
    channel: u64,
    path: &str,
    opts: &Value,
    how: Use<'_>,
) -> Result<Value, String> {
    let parts: Vec<&str> = path.split_whitespace().collect();
    let Some(top) = parts.first() else {
        return Err("empty command".into());
    };
    let (cmd, guild_cmd) = find_command(st, top, how.dm)?;
    let mut defs = cmd["options"].as_array().cloned().unwrap_or_default();
    let mut nest: Vec<(u64, String)> = vec![];
    for p in &parts[1..] {
        let Some(d) = defs
            .iter()
            .find(|o| o["name"] == *p && matches!(o["type"].as_u64(), Some(1) | Some(2)))
            .cloned()
        else {
            return Err(format!(
                "/{} has no subcommand {p:?}; it has {:?}",
                parts.join(" "),
                defs.iter().map(|o| o["name"].clone()).collect::<Vec<_>>()
            ));
        };
        nest.push((d["type"].as_u64().unwrap_or(1), p.to_string()));
        defs = d["options"].as_array().cloned().unwrap_or_default();
    }
    if defs
        .iter()
        .any(|o| matches!(o["type"].as_u64(), Some(1) | Some(2)))
    {
        return Err(format!(
            "/{path} needs a subcommand: {:?}",
            defs.iter().map(|o| o["name"].clone()).collect::<Vec<_>>()
        ));
    }
    let given = match opts {
        Value::Null => serde_json::Map::new(),
        Value::Object(m) => m.clone(),
        other => return Err(format!("options must be a JSON object, got {other}")),
    };
    for k in given.keys() {
        if !defs.iter().any(|o| o["name"] == *k.as_str()) {
            return Err(format!(
                "/{path} has no option {k:?}; options: {:?}",
                defs.iter().map(|o| o["name"].clone()).collect::<Vec<_>>()
            ));
        }
    }
    let mut resolved = json!({});
    let mut leaf = vec![];
    if let Some((f, _)) = how.focused
        && !defs.iter().any(|o| o["name"] == f)
    {
        return Err(format!(
            "/{path} has no option {f:?} to autocomplete; options: {:?}",
            defs.iter().map(|o| o["name"].clone()).collect::<Vec<_>>()
        ));
    }
    for d in &defs {
        let name = d["name"].as_str().unwrap_or("");
        let t = d["type"].as_u64().unwrap_or(3);
        if let Some((_, partial)) = how.focused.filter(|(f, _)| *f == name) {
            if d["autocomplete"] != true {
                return Err(format!(
                    "/{path} {name}: the option was not registered with autocomplete"
                ));
            }
            leaf.push(json!({"name": name, "type": t, "value": partial, "focused": true}));
            continue;
        }
        let Some(v) = given.get(name) else {
            // While a member types, required options may still be empty.
            if d["required"].as_bool().unwrap_or(false) && how.focused.is_none() {
                return Err(format!("/{path}: required option {name:?} missing"));
            }
            continue;
        };
        let value = match t {
            3 => {
                let s = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let n = s.chars().count() as u64;
                if d["min_length"].as_u64().is_some_and(|m| n < m)
                    || d["max_length"].as_u64().is_some_and(|m| n > m)
                    || n > 6000
                {
                    return Err(format!(
                        "/{path} {name}: length {n} outside the allowed range"
                    ));
                }
                json!(s)
            }
            4 => {
                let i = v
                    .as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                    .ok_or(format!("/{path} {name}: {v} is not an integer"))?;
                if d["min_value"].as_f64().is_some_and(|m| (i as f64) < m)
                    || d["max_value"].as_f64().is_some_and(|m| (i as f64) > m)
                {
                    return Err(format!("/{path} {name}: {i} outside min/max"));
                }
                json!(i)
            }
            10 => json!(
                v.as_f64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                    .ok_or(format!("/{path} {name}: {v} is not a number"))?
            ),
            5 => json!(
                v.as_bool()
                    .ok_or(format!("/{path} {name}: {v} is not a boolean"))?
            ),
            6..=9 => {
                let id = as_id(v).ok_or(format!("/{path} {name}: {v} is not an id"))?;
                let is_user = st.members.contains_key(&id);
                let kind = if t == 9 {
                    if is_user { 6 } else { 8 }
                } else {
                    t
                };
                match kind {
                    6 => {
                        resolved["users"][sid(id)] = st.user_json(id);
                        if is_user && !how.dm {
                            let mut m = st.interaction_member_json(id, channel);
                            if let Some(o) = m.as_object_mut() {
                                o.remove("user");
                            }
                            resolved["members"][sid(id)] = m;
                        }
                    }
                    7 => {
                        if !st.in_guild(id) {
                            return Err(format!(
                                "/{path} {name}: {id} is not a channel of the guild"
                            ));
                        }
                        let mut c = st.partial_channel_json(id, user);
                        if let Some(o) = c.as_object_mut() {
                            o.retain(|k, _| {
                                matches!(
                                    k.as_str(),
                                    "id" | "name"
                                        | "type"
                                        | "permissions"
                                        | "parent_id"
                                        | "guild_id"
                                        | "flags"
                                )
                            });
                        }
                        resolved["channels"][sid(id)] = c;
                    }
                    _ => {
                        let Some(r) = st.roles.get(&id) else {
                            return Err(format!("/{path} {name}: {id} is not a role"));
                        };
                        resolved["roles"][sid(id)] = st.role_json(r);
                    }
                }
                json!(sid(id))
            }
            11 => return Err(format!("/{path} {name}: attachments are not simulated")),
            other => return Err(format!("/{path} {name}: unknown option type {other}")),
        };
        if let Some(choices) = d["choices"].as_array().filter(|c| !c.is_empty())
            && !choices.iter().any(|c| c["value"] == value)
        {
            return Err(format!(
                "/{path} {name}: {value} is not one of the choices {:?}",
                choices
                    .iter()
                    .map(|c| c["value"].clone())
                    .collect::<Vec<_>>()
            ));
        }
        leaf.push(json!({"name": name, "type": t, "value": value}));
    }
    let mut options = Value::Array(leaf);
    for (t, name) in nest.iter().rev() {
        options = json!([{"name": name, "type": t, "options": options}]);
    }
    let mut data = json!({
        "id": cmd["id"].clone(),
        "name": top,
        "type": 1,
        "options": options,
        "resolved": resolved,
    });
    if guild_cmd {
        data["guild_id"] = json!(sid(st.fx.guild));
    }
    Ok(data)
}
