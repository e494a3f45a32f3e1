//! A working group's objects on Discord: its role and channel, made once (a failed attempt's
//! object is adopted, never made twice), the members' roles, the pinned charter, and the
//! channel archived read-only when the group closes.

use poise::serenity_prelude as serenity;
use reqwest::Method;
use serde_json::{Value, json};

use super::render::{self as wg_render, group_embed};
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::working_group::objects::WgObject;
use crate::discord::publisher::{DiscordPublisher, failed};
use crate::governance::working_group::Status;
use crate::msg;
use crate::store::working_group::Group;

const NO_BODY: Option<&Value> = None;

fn id_of(answer: &Value) -> Result<u64, DeliveryError> {
    answer["id"]
        .as_str()
        .and_then(|id| id.parse().ok())
        .ok_or_else(|| failed("Discord answered without an id"))
}

/// What members may no longer do in an archived channel.
fn archived_denies() -> u64 {
    (serenity::Permissions::SEND_MESSAGES
        | serenity::Permissions::SEND_MESSAGES_IN_THREADS
        | serenity::Permissions::CREATE_PUBLIC_THREADS
        | serenity::Permissions::CREATE_PRIVATE_THREADS
        | serenity::Permissions::ADD_REACTIONS)
        .bits()
}

/// Role, channel, members' roles, pinned charter: each made once and recorded at once, so a
/// retry after a failure (a missing permission, an outage) continues where it stopped.
pub(super) async fn provision(
    p: &DiscordPublisher,
    item: &OutboxItem,
    wg_id: i64,
    category: Option<u64>,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let app = p.app();
    let view = app.group_by_id(wg_id).await.map_err(failed)?;
    let g = &view.group;
    if g.status != Status::Active {
        return Ok(None);
    }
    // Discord may have made an object although we saw a failure (a timeout or a 5xx after
    // creating it): look for the one this group would have made before making another.
    let owned = app.wg_objects_owned(g.guild_id).await.map_err(failed)?;
    if g.role_id.is_none() {
        let id = match adoptable_role(p, g, &owned).await? {
            Some(id) => id,
            None => {
                let body = json!({"name": g.name, "mentionable": false, "hoist": false, "permissions": "0"});
                let path = format!("/guilds/{}/roles", g.guild_id);
                id_of(&p.rest().request(Method::POST, &path, Some(&body)).await?)?
            }
        };
        // Also queues each member's role, one item each.
        app.record_wg_object(wg_id, WgObject::Role(id))
            .await
            .map_err(failed)?;
    }
    let channel_id = match g.channel_id {
        Some(id) => id,
        None => {
            let id = match adoptable_channel(p, g, category, &owned).await? {
                Some(id) => id,
                None => {
                    let mut body = json!({"name": g.slug, "type": 0, "topic": g.focus});
                    if let Some(category) = category {
                        body["parent_id"] = json!(category.to_string());
                    }
                    let path = format!("/guilds/{}/channels", g.guild_id);
                    id_of(&p.rest().request(Method::POST, &path, Some(&body)).await?)?
                }
            };
            app.record_wg_object(wg_id, WgObject::Channel(id))
                .await
                .map_err(failed)?;
            id
        }
    };
    let message_id = match g.charter_message_id {
        Some(id) => id,
        None => {
            let message = DiscordPublisher::message(item)
                .content(wg_render::notice(locale, msg!("wg-welcome"), g))
                .embed(group_embed(&view, locale));
            let id = p.rest().create_message(channel_id, &message).await?;
            app.record_wg_object(wg_id, WgObject::CharterMessage(id))
                .await
                .map_err(failed)?;
            id
        }
    };
    p.rest()
        .request(
            Method::PUT,
            &format!("/channels/{channel_id}/pins/{message_id}"),
            NO_BODY,
        )
        .await?;
    Ok(Some(message_id))
}

/// The channel becomes read-only (history kept) and every member loses the group's role.
pub(super) async fn archive(
    p: &DiscordPublisher,
    wg_id: i64,
) -> Result<Option<u64>, DeliveryError> {
    let view = p.app().group_by_id(wg_id).await.map_err(failed)?;
    let g = &view.group;
    if let Some(channel_id) = g.channel_id {
        // Each overwrite is changed on its own and merged with what is there, so a private
        // channel stays private and moderators keep theirs.
        let channel = p
            .rest()
            .request(Method::GET, &format!("/channels/{channel_id}"), NO_BODY)
            .await?;
        let existing = |target: u64| -> (u64, u64) {
            channel["permission_overwrites"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|o| o["id"].as_str() == Some(target.to_string().as_str()))
                .map(|o| {
                    let bits = |k: &str| o[k].as_str().and_then(|v| v.parse().ok()).unwrap_or(0);
                    (bits("allow"), bits("deny"))
                })
                .unwrap_or((0, 0))
        };
        let targets = std::iter::once(g.guild_id).chain(g.role_id);
        for target in targets {
            let (allow, deny) = existing(target);
            let body = json!({
                "type": 0,
                "allow": (allow & !archived_denies()).to_string(),
                "deny": (deny | archived_denies()).to_string(),
            });
            p.rest()
                .request(
                    Method::PUT,
                    &format!("/channels/{channel_id}/permissions/{target}"),
                    Some(&body),
                )
                .await?;
        }
    }
    // Each member's role is taken back by an item of their own, queued once this is delivered.
    Ok(None)
}

/// A role exactly as provisioning makes it (the group's name, no permissions, neither hoisted
/// nor mentionable, not managed by an integration) that no group owns yet: the one a failed
/// attempt made. A role an admin made for something else, with permissions, is never adopted.
async fn adoptable_role(
    p: &DiscordPublisher,
    g: &Group,
    owned: &[u64],
) -> Result<Option<u64>, DeliveryError> {
    let path = format!("/guilds/{}/roles", g.guild_id);
    let roles = p.rest().request(Method::GET, &path, NO_BODY).await?;
    Ok(roles
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| {
            r["name"].as_str() == Some(g.name.as_str())
                && r["permissions"].as_str() == Some("0")
                && r["hoist"] == json!(false)
                && r["mentionable"] == json!(false)
                && r["managed"] != json!(true)
        })
        .filter_map(|r| r["id"].as_str()?.parse::<u64>().ok())
        .find(|id| !owned.contains(id)))
}

/// A text channel exactly as provisioning makes it (the group's slug, its focus as topic, in
/// the working-group category) that no group owns yet.
async fn adoptable_channel(
    p: &DiscordPublisher,
    g: &Group,
    category: Option<u64>,
    owned: &[u64],
) -> Result<Option<u64>, DeliveryError> {
    let path = format!("/guilds/{}/channels", g.guild_id);
    let channels = p.rest().request(Method::GET, &path, NO_BODY).await?;
    let parent = category.map(|c| c.to_string());
    Ok(channels
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| {
            c["type"] == json!(0)
                && c["name"].as_str() == Some(g.slug.as_str())
                && c["topic"].as_str() == Some(g.focus.as_str())
                && c["parent_id"].as_str() == parent.as_deref()
        })
        .filter_map(|c| c["id"].as_str()?.parse::<u64>().ok())
        .find(|id| !owned.contains(id)))
}
