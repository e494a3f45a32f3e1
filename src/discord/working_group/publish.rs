//! Delivers working-group notices: the group's role, channel and archive (`objects.rs`), the
//! members' roles, join requests, reminders and announcements.

use poise::serenity_prelude as serenity;

use super::objects;
use super::render::{self as wg_render, group_embed};
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::discord::custom_id::CustomId;
use crate::discord::publisher::{DiscordPublisher, failed};
use crate::discord::text::truncate;
use crate::governance::working_group::Status;
use crate::i18n::tr;
use crate::msg;
use crate::store::working_group::Group;

/// Only the chair is pinged where a message asks the chair to act.
fn ping_chair(group: &Group) -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new().users([serenity::UserId::new(group.chair_id)])
}

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
            objects::provision(p, item, *wg_id, config.wg_category_id, locale).await
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
        Notice::WgArchive { wg_id } => objects::archive(p, *wg_id).await,
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

/// The group as it stood for the report period due at `due_ms`: a reminder or an overdue note
/// delivered late (after an outage, or once the next period began) names its own period's due
/// date, never the next one's.
fn for_period(mut group: Group, due_ms: i64) -> Group {
    group.next_report_due = Some(crate::store::from_millis(due_ms));
    group
}
