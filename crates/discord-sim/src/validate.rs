//! Checks that what the simulator sends is what serenity 0.12 can parse. A payload serenity
//! cannot parse would be dropped silently by the bot (an "Unknown" event), so the simulator
//! records it as a problem and the test fails.

use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use serenity::model::prelude::*;

fn check<T: DeserializeOwned>(v: &Value) -> Result<(), String> {
    serde_json::from_value::<T>(v.clone())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Checks a gateway dispatch `t`/`d` the way serenity's gateway reads it.
pub fn dispatch(t: &str, d: &Value) -> Result<(), String> {
    let specific = match t {
        "READY" => check::<Ready>(d),
        "GUILD_CREATE" => check::<GuildCreateEvent>(d),
        "INTERACTION_CREATE" => check::<Interaction>(d),
        "MESSAGE_CREATE" => check::<Message>(d),
        "MESSAGE_UPDATE" => check::<MessageUpdateEvent>(d),
        "GUILD_MEMBER_UPDATE" => check::<GuildMemberUpdateEvent>(d),
        "GUILD_MEMBER_REMOVE" => check::<GuildMemberRemoveEvent>(d),
        "GUILD_MEMBER_ADD" => check::<GuildMemberAddEvent>(d),
        "GUILD_ROLE_CREATE" => check::<GuildRoleCreateEvent>(d),
        "GUILD_ROLE_UPDATE" => check::<GuildRoleUpdateEvent>(d),
        "CHANNEL_CREATE" | "CHANNEL_UPDATE" | "THREAD_CREATE" | "THREAD_UPDATE" => {
            check::<GuildChannel>(d)
        }
        "THREAD_MEMBERS_UPDATE" => check::<ThreadMembersUpdateEvent>(d),
        "RESUMED" => Ok(()),
        _ => Ok(()),
    };
    specific?;
    let ev: Event = serde_json::from_value(json!({"t": t, "d": d})).map_err(|e| e.to_string())?;
    if matches!(ev, Event::Unknown(_)) && t != "RESUMED" {
        return Err(format!("serenity parses {t} as an Unknown event"));
    }
    Ok(())
}

/// What a REST answer must parse as.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    None,
    Message,
    Messages,
    GuildChannel,
    Channel,
    GuildChannels,
    PrivateChannel,
    Role,
    Roles,
    Member,
    Members,
    CurrentUser,
    Application,
    Commands,
    Gateway,
    BotGateway,
    PartialGuild,
    ThreadMember,
    ThreadMembers,
    ThreadsData,
}

pub fn response(shape: Shape, v: &Value) -> Result<(), String> {
    match shape {
        Shape::None => Ok(()),
        Shape::Message => check::<Message>(v),
        Shape::Messages => check::<Vec<Message>>(v),
        Shape::GuildChannel => check::<GuildChannel>(v),
        Shape::Channel => check::<Channel>(v),
        Shape::GuildChannels => check::<Vec<GuildChannel>>(v),
        Shape::PrivateChannel => check::<PrivateChannel>(v),
        Shape::Role => check::<Role>(v),
        Shape::Roles => check::<Vec<Role>>(v),
        Shape::Member => check::<Member>(v),
        Shape::Members => check::<Vec<Member>>(v),
        Shape::CurrentUser => check::<CurrentUser>(v),
        Shape::Application => check::<CurrentApplicationInfo>(v),
        Shape::Commands => check::<Vec<Command>>(v),
        Shape::Gateway => check::<serenity::model::gateway::Gateway>(v),
        Shape::BotGateway => check::<BotGateway>(v),
        Shape::PartialGuild => check::<PartialGuild>(v),
        Shape::ThreadMember => check::<ThreadMember>(v),
        Shape::ThreadMembers => check::<Vec<ThreadMember>>(v),
        Shape::ThreadsData => check::<ThreadsData>(v),
    }
}

fn len(v: &Value) -> usize {
    v.as_str().map(|s| s.chars().count()).unwrap_or(0)
}

/// Checks a message body (create or edit) against Discord's limits. Returns the first violation,
/// phrased like Discord's "Invalid Form Body" errors.
pub fn message_body(body: &Value, creating: bool) -> Result<(), String> {
    if !body.is_object() {
        return Err("body is not a JSON object".into());
    }
    if len(&body["content"]) > 2000 {
        return Err(format!(
            "content: Must be 2000 or fewer in length (got {})",
            len(&body["content"])
        ));
    }
    let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
    if embeds.len() > 10 {
        return Err("embeds: Must be 10 or fewer in length".into());
    }
    let mut total = 0;
    for (i, e) in embeds.iter().enumerate() {
        let lim = |k: &str, v: &Value, max: usize| -> Result<usize, String> {
            let l = len(v);
            if l > max {
                Err(format!(
                    "embeds.{i}.{k}: Must be {max} or fewer in length (got {l})"
                ))
            } else {
                Ok(l)
            }
        };
        total += lim("title", &e["title"], 256)?;
        total += lim("description", &e["description"], 4096)?;
        total += lim("footer.text", &e["footer"]["text"], 2048)?;
        total += lim("author.name", &e["author"]["name"], 256)?;
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        if fields.len() > 25 {
            return Err(format!("embeds.{i}.fields: Must be 25 or fewer in length"));
        }
        for (j, f) in fields.iter().enumerate() {
            if len(&f["name"]) == 0 || len(&f["value"]) == 0 {
                return Err(format!(
                    "embeds.{i}.fields.{j}: name and value are required and must not be empty"
                ));
            }
            total += lim(&format!("fields.{j}.name"), &f["name"], 256)?;
            total += lim(&format!("fields.{j}.value"), &f["value"], 1024)?;
        }
    }
    if total > 6000 {
        return Err(format!(
            "embeds: Embed size exceeds maximum size of 6000 (got {total})"
        ));
    }
    components(&body["components"], false)?;
    if creating {
        let has = len(&body["content"]) > 0
            || !embeds.is_empty()
            || body["components"].as_array().is_some_and(|c| !c.is_empty())
            || body["sticker_ids"]
                .as_array()
                .is_some_and(|c| !c.is_empty())
            || body["poll"].is_object();
        if !has {
            return Err("Cannot send an empty message (code 50006)".into());
        }
    }
    Ok(())
}

/// Checks action rows of buttons/selects (or text inputs for modals).
pub fn components(rows: &Value, modal: bool) -> Result<(), String> {
    let Some(rows) = rows.as_array() else {
        return Ok(());
    };
    if rows.len() > 5 {
        return Err("components: Must be 5 or fewer in length".into());
    }
    let mut ids = std::collections::HashSet::new();
    for (i, row) in rows.iter().enumerate() {
        if row["type"] != 1 {
            return Err(format!(
                "components.{i}.type: top-level components must be action rows (type 1)"
            ));
        }
        let inner = row["components"].as_array().cloned().unwrap_or_default();
        if inner.is_empty() || inner.len() > 5 {
            return Err(format!(
                "components.{i}.components: Must be between 1 and 5 in length"
            ));
        }
        for (j, c) in inner.iter().enumerate() {
            let at = format!("components.{i}.components.{j}");
            let kind = c["type"].as_u64().unwrap_or(0);
            if modal && kind != 4 {
                return Err(format!(
                    "{at}.type: modals may only contain text inputs (type 4)"
                ));
            }
            if !modal && kind == 4 {
                return Err(format!("{at}.type: text inputs are only allowed in modals"));
            }
            if kind == 2 {
                let style = c["style"].as_u64().unwrap_or(0);
                if style == 5 {
                    if c["url"].as_str().is_none() {
                        return Err(format!("{at}.url: link buttons need a url"));
                    }
                } else if c["custom_id"].as_str().is_none() {
                    return Err(format!("{at}.custom_id: This field is required"));
                }
                if len(&c["label"]) > 80 {
                    return Err(format!("{at}.label: Must be 80 or fewer in length"));
                }
                if len(&c["label"]) == 0 && c["emoji"].is_null() {
                    return Err(format!("{at}: a button needs a label or an emoji"));
                }
            }
            if kind == 4 {
                if len(&c["label"]) == 0 || len(&c["label"]) > 45 {
                    return Err(format!("{at}.label: Must be between 1 and 45 in length"));
                }
                if len(&c["value"]) > 4000 || len(&c["placeholder"]) > 100 {
                    return Err(format!("{at}: value/placeholder too long"));
                }
            }
            if let Some(id) = c["custom_id"].as_str() {
                if id.is_empty() || id.chars().count() > 100 {
                    return Err(format!(
                        "{at}.custom_id: Must be between 1 and 100 in length"
                    ));
                }
                if !ids.insert(id.to_string()) {
                    return Err(format!(
                        "{at}.custom_id: Component custom id cannot be duplicated ({id})"
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Checks a thread body: a 1-100 character name (required when `creating`), an
/// auto-archive duration Discord offers, a slowmode within 6 hours.
pub fn thread_body(body: &Value, creating: bool) -> Result<(), String> {
    if !body.is_object() {
        return Err("body is not a JSON object".into());
    }
    if (creating || body.get("name").is_some()) && !(1..=100).contains(&len(&body["name"])) {
        return Err(format!(
            "name: Must be between 1 and 100 in length (got {:?})",
            body["name"]
        ));
    }
    if let Some(d) = body.get("auto_archive_duration").filter(|d| !d.is_null())
        && !matches!(d.as_u64(), Some(60 | 1440 | 4320 | 10080))
    {
        return Err(format!(
            "auto_archive_duration: {d} is not one of 60, 1440, 4320, 10080"
        ));
    }
    if body["rate_limit_per_user"]
        .as_u64()
        .is_some_and(|r| r > 21600)
    {
        return Err("rate_limit_per_user: Must be 21600 or less".into());
    }
    Ok(())
}

/// Checks autocomplete choices: at most 25, names 1-100 characters, string values at most 100.
pub fn choices(data: &Value) -> Result<(), String> {
    let list = data["choices"]
        .as_array()
        .ok_or("data.choices: This field is required")?;
    if list.len() > 25 {
        return Err(format!(
            "data.choices: Must be 25 or fewer in length (got {})",
            list.len()
        ));
    }
    for (i, c) in list.iter().enumerate() {
        if !(1..=100).contains(&len(&c["name"])) {
            return Err(format!(
                "data.choices.{i}.name: Must be between 1 and 100 in length (got {:?})",
                c["name"]
            ));
        }
        let v = &c["value"];
        if !(v.is_number() || (v.is_string() && len(v) <= 100)) {
            return Err(format!(
                "data.choices.{i}.value: must be a number or a string of at most 100 characters"
            ));
        }
    }
    Ok(())
}

/// Checks an interaction callback body (`with_files`: the request uploaded files, so a message
/// of only files is not empty).
pub fn callback(body: &Value, with_files: bool) -> Result<(), String> {
    let t = body["type"]
        .as_u64()
        .ok_or("type: This field is required")?;
    match t {
        4 => message_body(&body["data"], !with_files),
        8 => choices(&body["data"]),
        7 => message_body(&body["data"], false),
        5 | 6 => Ok(()),
        9 => {
            let d = &body["data"];
            if d["custom_id"]
                .as_str()
                .is_none_or(|s| s.is_empty() || s.chars().count() > 100)
            {
                return Err("data.custom_id: Must be between 1 and 100 in length".into());
            }
            if len(&d["title"]) == 0 || len(&d["title"]) > 45 {
                return Err("data.title: Must be between 1 and 45 in length".into());
            }
            if d["components"].as_array().is_none_or(|c| c.is_empty()) {
                return Err("data.components: a modal needs at least one text input".into());
            }
            components(&d["components"], true)
        }
        1 | 10 | 12 => Ok(()),
        other => Err(format!("type: unknown interaction callback type {other}")),
    }
}
