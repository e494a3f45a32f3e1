//! Slash commands as a member types them: the command, subcommand and options are checked
//! against what the bot registered and typed as Discord types them.

use serde_json::{Value, json};

use crate::Sim;
use crate::reply::Reply;
use crate::state::{State, as_id, sid};

impl Sim {
    /// `/command [subcommand] options…` by `user` in `#general`; waits for the bot's answer.
    pub async fn slash(&self, user: u64, command: &str, options: Value) -> Reply {
        self.slash_in(user, self.fx.general, command, options).await
    }

    pub async fn slash_in(&self, user: u64, channel: u64, command: &str, options: Value) -> Reply {
        let iid = self.send_slash(user, channel, command, options).await;
        self.wait_reply(iid).await
    }

    /// Dispatches the slash command and returns the interaction id without waiting for the answer.
    /// Panics if the command, subcommand or an option is not registered, or a value does not fit.
    pub async fn send_slash(&self, user: u64, channel: u64, command: &str, options: Value) -> u64 {
        self.wait_ready().await;
        if self.commands().is_empty() {
            self.wait_commands_registered().await;
        }
        let built = {
            let st = self.inner.lock();
            build_command_data(&st, user, channel, command, &options)
        };
        let data = built.unwrap_or_else(|e| panic!("cannot send /{command}: {e}\n{}", self.dump()));
        self.inner
            .with(|st| st.new_interaction(2, user, channel, command, data, None, None))
    }
}

/// Builds `data` of a slash command interaction from the registered definition: nests
/// subcommands, types values, fills `resolved`.
fn build_command_data(
    st: &State,
    _user: u64,
    channel: u64,
    path: &str,
    opts: &Value,
) -> Result<Value, String> {
    let parts: Vec<&str> = path.split_whitespace().collect();
    let Some(top) = parts.first() else {
        return Err("empty command".into());
    };
    let (cmd, guild_cmd) = match st
        .guild_commands
        .iter()
        .find(|c| c["name"] == *top && c["type"].as_u64().unwrap_or(1) == 1)
    {
        Some(c) => (c, true),
        None => match st
            .global_commands
            .iter()
            .find(|c| c["name"] == *top && c["type"].as_u64().unwrap_or(1) == 1)
        {
            Some(c) => (c, false),
            None => {
                let names: Vec<_> = st
                    .guild_commands
                    .iter()
                    .chain(st.global_commands.iter())
                    .map(|c| c["name"].clone())
                    .collect();
                return Err(format!(
                    "no registered command {top:?}; registered: {names:?}"
                ));
            }
        },
    };
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
    for d in &defs {
        let name = d["name"].as_str().unwrap_or("");
        let t = d["type"].as_u64().unwrap_or(3);
        let Some(v) = given.get(name) else {
            if d["required"].as_bool().unwrap_or(false) {
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
                        if is_user {
                            let mut m = st.interaction_member_json(id, channel);
                            if let Some(o) = m.as_object_mut() {
                                o.remove("user");
                            }
                            resolved["members"][sid(id)] = m;
                        }
                    }
                    7 => {
                        if !st.channels.contains_key(&id) {
                            return Err(format!(
                                "/{path} {name}: {id} is not a channel of the guild"
                            ));
                        }
                        let mut c = st.partial_channel_json(id, _user);
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
