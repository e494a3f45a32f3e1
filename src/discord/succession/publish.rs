//! Delivers the succession notices: the contact DM, the TSC's private notes, role changes, the
//! emeritus announcement and the nomination prompt. Mentions in these texts render as names:
//! `DiscordPublisher::message` allows no pings.

use super::render as roster_render;
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::discord::publisher::{DiscordPublisher, failed};
use crate::governance::nomination::Office;
use crate::governance::roles::GovRole;
use crate::i18n::{args, tr};
use crate::msg;

pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let member_arg = |member_id: &u64| format!("<@{member_id}>");
    let (channel_id, text) = match &item.notice {
        Notice::InactivityContact { step_id, member_id } => {
            let months = p
                .config(item.guild_id)
                .await?
                .policy
                .inactivity_contact_months;
            let (text, buttons) =
                roster_render::contact_dm(*step_id, months, item.guild_id, locale);
            let channel = p.dm_channel(*member_id).await?;
            let message = DiscordPublisher::message(item)
                .content(text)
                .components(buttons);
            return p.post(channel, &message).await;
        }
        Notice::RoleChange {
            member_id,
            role_id,
            add,
            ..
        } => {
            p.set_role(item.guild_id, *member_id, *role_id, *add)
                .await?;
            return Ok(None);
        }
        Notice::InactivityReported {
            member_id, months, ..
        } => (
            p.tsc_channel(item.guild_id).await?,
            tr(
                locale,
                msg!("succession-reported"),
                Some(&args([
                    ("member", member_arg(member_id).into()),
                    ("months", (*months).into()),
                ])),
            ),
        ),
        Notice::InactivityDmUndeliverable { member_id, .. } => (
            p.tsc_channel(item.guild_id).await?,
            tr(
                locale,
                msg!("succession-dm-undeliverable"),
                Some(&args([("member", member_arg(member_id).into())])),
            ),
        ),
        Notice::InactivityAnswered { member_id, .. } => (
            p.tsc_channel(item.guild_id).await?,
            tr(
                locale,
                msg!("succession-answered"),
                Some(&args([("member", member_arg(member_id).into())])),
            ),
        ),
        Notice::EmeritusAnnounced {
            channel_id,
            member_id,
            ..
        } => (
            *channel_id,
            tr(
                locale,
                msg!("emeritus-announcement"),
                Some(&args([("member", member_arg(member_id).into())])),
            ),
        ),
        Notice::NominationsNeeded {
            role, count, min, ..
        } => (
            p.tsc_channel(item.guild_id).await?,
            tr(
                locale,
                msg!("nominations-needed"),
                Some(&args([
                    ("role", roster_render::role_name(locale, *role).into()),
                    // The office `/nominate member office:` takes for the vacancy.
                    ("office", nomination_office(*role).key().into()),
                    ("count", (*count).into()),
                    ("min", (*min).into()),
                ])),
            ),
        ),
        other => return Err(failed(format!("not a succession notice: {other:?}"))),
    };
    p.post_text(item, channel_id, &text).await
}

/// The office a vacancy in `role` is filled through.
fn nomination_office(role: GovRole) -> Office {
    match role {
        GovRole::Tsc => Office::Tsc,
        _ => Office::Maintainer,
    }
}
