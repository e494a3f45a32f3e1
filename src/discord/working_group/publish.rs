//! Delivers working-group notices: creates the group's role and channel, keeps the role in
//! sync, pins the charter, posts reminders and announcements, and archives the channel.

use poise::serenity_prelude as serenity;
use reqwest::Method;
use serde_json::{Value, json};

use super::render::{self as wg_render, group_embed};
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::app::working_group::objects::WgObject;
use crate::discord::custom_id::CustomId;
use crate::discord::publisher::{DiscordPublisher, failed};
use crate::discord::text::truncate;
use crate::governance::working_group::Status;
use crate::i18n::tr;
use crate::msg;
use crate::store::working_group::Group;

fn id_of(answer: &Value) -> Result<u64, DeliveryError> {
    answer["id"]
        .as_str()
        .and_then(|id| id.parse().ok())
        .ok_or_else(|| failed("Discord answered without an id"))
}

/// Only the chair is pinged where a message asks the chair to act.
fn ping_chair(group: &Group) -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new().users([serenity::UserId::new(group.chair_id)])
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

const NO_BODY: Option<&Value> = None;

/// Delivers one working-group notice.
pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let app = p.app();
    let config = p.config(item.guild_id).await?;
    // Resolved where needed: a notice for the TSC waits while there is no TSC channel.
    let waiting = |what: &str| DeliveryError::Waiting(format!("no {what} is set up"));
    let announce = || {
        config
            .announce_channel_id
            .ok_or_else(|| waiting("announcement channel"))
    };
    let tsc_channel = || {
        config
            .tsc_channel_id
            .ok_or_else(|| waiting("private TSC channel"))
    };
    match &item.notice {
        Notice::WgProvision { wg_id } => {
            provision(p, item, *wg_id, config.wg_category_id, locale).await
        }
        Notice::WgAnnounced { wg_id } => {
            let g = app.group_by_id(*wg_id).await.map_err(failed)?;
            let text = wg_render::notice(locale, msg!("wg-announced"), &g.group);
            let message = DiscordPublisher::message(item)
                .content(text)
                .embed(group_embed(&g, locale));
            p.rest()
                .create_message(announce()?, &message)
                .await
                .map(Some)
        }
        Notice::WgMemberRole {
            wg_id,
            user_id,
            add,
        } => {
            let g = app.group_by_id(*wg_id).await.map_err(failed)?.group;
            // Before the role exists: recording the role queues every member's anew.
            let Some(role_id) = g.role_id else {
                return Ok(None);
            };
            p.set_role(g.guild_id, *user_id, role_id, *add)
                .await
                .map(|()| None)
        }
        Notice::WgJoinRequested { request_id } => {
            let (g, request) = app.join_request(*request_id).await.map_err(failed)?;
            if request.decision.is_some() || g.status != Status::Active {
                return Ok(None);
            }
            let text = tr(
                locale,
                msg!("wg-join-requested"),
                Some(&crate::i18n::args([
                    ("member", format!("<@{}>", request.user_id).into()),
                    ("chair", format!("<@{}>", g.chair_id).into()),
                    ("name", g.name.as_str().into()),
                ])),
            );
            let buttons = vec![serenity::CreateActionRow::Buttons(vec![
                serenity::CreateButton::new(
                    CustomId::WgJoin {
                        request_id: *request_id,
                        approve: true,
                    }
                    .encode(),
                )
                .label(tr(locale, msg!("wg-button-approve"), None))
                .style(serenity::ButtonStyle::Success),
                serenity::CreateButton::new(
                    CustomId::WgJoin {
                        request_id: *request_id,
                        approve: false,
                    }
                    .encode(),
                )
                .label(tr(locale, msg!("wg-button-decline"), None))
                .style(serenity::ButtonStyle::Secondary),
            ])];
            let message = DiscordPublisher::message(item)
                .content(text)
                .components(buttons)
                .allowed_mentions(ping_chair(&g));
            p.rest()
                .create_message(g.channel_id.map_or_else(tsc_channel, Ok)?, &message)
                .await
                .map(Some)
        }
        Notice::WgReportPosted { report_id } => {
            let (g, report) = app.report_by_id(*report_id).await.map_err(failed)?;
            let embed = serenity::CreateEmbed::new()
                .title(truncate(
                    &tr(
                        locale,
                        msg!("wg-report-title"),
                        Some(&crate::i18n::args([("name", g.name.as_str().into())])),
                    ),
                    256,
                ))
                .description(report.body.clone())
                .field(
                    tr(locale, msg!("wg-field-chair"), None),
                    format!("<@{}>", report.author_id),
                    true,
                )
                .timestamp(
                    serenity::Timestamp::from_unix_timestamp(report.submitted_at.timestamp())
                        .map_err(failed)?,
                );
            let message = DiscordPublisher::message(item).embed(embed);
            p.rest()
                .create_message(tsc_channel()?, &message)
                .await
                .map(Some)
        }
        Notice::WgReportReminder { wg_id, due_ms } => {
            let g = for_period(
                app.group_by_id(*wg_id).await.map_err(failed)?.group,
                *due_ms,
            );
            let button = serenity::CreateButton::new(CustomId::WgReport { wg_id: *wg_id }.encode())
                .label(tr(locale, msg!("wg-button-report"), None))
                .style(serenity::ButtonStyle::Primary);
            let message = DiscordPublisher::message(item)
                .content(wg_render::notice(locale, msg!("wg-report-reminder"), &g))
                .components(vec![serenity::CreateActionRow::Buttons(vec![button])])
                .allowed_mentions(ping_chair(&g));
            p.rest()
                .create_message(g.channel_id.map_or_else(tsc_channel, Ok)?, &message)
                .await
                .map(Some)
        }
        Notice::WgReportOverdue { wg_id, due_ms } => {
            let g = for_period(
                app.group_by_id(*wg_id).await.map_err(failed)?.group,
                *due_ms,
            );
            let message = DiscordPublisher::message(item).content(wg_render::notice(
                locale,
                msg!("wg-report-overdue"),
                &g,
            ));
            p.rest()
                .create_message(tsc_channel()?, &message)
                .await
                .map(Some)
        }
        Notice::WgEndingSoon { wg_id, to_tsc } => {
            let g = app.group_by_id(*wg_id).await.map_err(failed)?.group;
            let channel = match (to_tsc, g.channel_id) {
                (false, Some(group_channel)) => group_channel,
                _ => tsc_channel()?,
            };
            let message = DiscordPublisher::message(item)
                .content(wg_render::notice(locale, msg!("wg-ending-soon"), &g))
                .allowed_mentions(ping_chair(&g));
            p.rest().create_message(channel, &message).await.map(Some)
        }
        Notice::WgEndReached { wg_id } => {
            let g = app.group_by_id(*wg_id).await.map_err(failed)?.group;
            let button =
                serenity::CreateButton::new(CustomId::WgProposeClose { wg_id: *wg_id }.encode())
                    .label(tr(locale, msg!("wg-button-propose-close"), None))
                    .style(serenity::ButtonStyle::Primary);
            let message = DiscordPublisher::message(item)
                .content(wg_render::notice(locale, msg!("wg-end-reached"), &g))
                .components(vec![serenity::CreateActionRow::Buttons(vec![button])]);
            p.rest()
                .create_message(tsc_channel()?, &message)
                .await
                .map(Some)
        }
        Notice::WgArchive { wg_id } => archive(p, *wg_id).await,
        Notice::WgClosedAnnounced { wg_id } => {
            let g = app.group_by_id(*wg_id).await.map_err(failed)?.group;
            let message = DiscordPublisher::message(item).content(wg_render::notice(
                locale,
                msg!("wg-closed"),
                &g,
            ));
            p.rest()
                .create_message(announce()?, &message)
                .await
                .map(Some)
        }
        other => Err(failed(format!("not a working-group notice: {other:?}"))),
    }
}

/// Role, channel, members' roles, pinned charter: each made once and recorded at once, so a
/// retry after a failure (a missing permission, an outage) continues where it stopped.
async fn provision(
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
async fn archive(p: &DiscordPublisher, wg_id: i64) -> Result<Option<u64>, DeliveryError> {
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

/// The group as it stood for the report period due at `due_ms`: a reminder or an overdue note
/// delivered late (after an outage, or once the next period began) names its own period's due
/// date, never the next one's.
fn for_period(mut group: Group, due_ms: i64) -> Group {
    group.next_report_due = Some(crate::store::from_millis(due_ms));
    group
}
