//! Delivers the roster and succession notices: the contact DM, the TSC's private notes, role
//! changes, the emeritus announcement, the nomination prompt and the annual review. Mentions
//! in these texts render as names: `DiscordPublisher::message` allows no pings.

use super::{DiscordPublisher, failed};
use crate::app::outbox::{DeliveryError, Notice, OutboxItem};
use crate::discord::roster_render;
use crate::i18n::{args, tr};
use crate::msg;

impl DiscordPublisher {
    pub(super) async fn deliver_roster(
        &self,
        item: &OutboxItem,
        locale: &str,
    ) -> Result<Option<u64>, DeliveryError> {
        let member_arg = |member_id: &u64| format!("<@{member_id}>");
        let (channel_id, text) = match &item.notice {
            Notice::InactivityContact { step_id, member_id } => {
                let months = self
                    .app
                    .find_guild_config(item.guild_id)
                    .await
                    .map_err(failed)?
                    .map_or(3, |c| c.policy.inactivity_contact_months);
                let (text, buttons) =
                    roster_render::contact_dm(*step_id, months, item.guild_id, locale);
                let channel = self.dm_channel(*member_id).await?;
                let message = Self::message(item).content(text).components(buttons);
                return self.rest.create_message(channel, &message).await.map(Some);
            }
            Notice::RoleChange {
                member_id,
                role_id,
                add,
            } => {
                // PUT and DELETE of a member's role are idempotent: a retry after a crash is safe.
                let method = if *add {
                    reqwest::Method::PUT
                } else {
                    reqwest::Method::DELETE
                };
                let path = format!(
                    "/guilds/{}/members/{member_id}/roles/{role_id}",
                    item.guild_id
                );
                self.rest.request(method, &path, None::<&()>).await?;
                return Ok(None);
            }
            Notice::InactivityReported {
                channel_id,
                member_id,
                months,
            } => (
                *channel_id,
                tr(
                    locale,
                    msg!("succession-reported"),
                    Some(&args([
                        ("member", member_arg(member_id).into()),
                        ("months", (*months).into()),
                    ])),
                ),
            ),
            Notice::InactivityDmUndeliverable {
                channel_id,
                member_id,
            } => (
                *channel_id,
                tr(
                    locale,
                    msg!("succession-dm-undeliverable"),
                    Some(&args([("member", member_arg(member_id).into())])),
                ),
            ),
            Notice::InactivityAnswered {
                channel_id,
                member_id,
            } => (
                *channel_id,
                tr(
                    locale,
                    msg!("succession-answered"),
                    Some(&args([("member", member_arg(member_id).into())])),
                ),
            ),
            Notice::EmeritusAnnounced {
                channel_id,
                member_id,
            } => (
                *channel_id,
                tr(
                    locale,
                    msg!("emeritus-announcement"),
                    Some(&args([("member", member_arg(member_id).into())])),
                ),
            ),
            Notice::NominationsNeeded {
                channel_id,
                role,
                count,
                min,
            } => (
                *channel_id,
                tr(
                    locale,
                    msg!("nominations-needed"),
                    Some(&args([
                        ("role", roster_render::role_name(locale, *role).into()),
                        ("count", (*count).into()),
                        ("min", (*min).into()),
                    ])),
                ),
            ),
            Notice::AnnualReview { channel_id, to, .. } => {
                let summary = self
                    .app
                    .review_summary(item.guild_id, *to)
                    .await
                    .map_err(failed)?;
                (*channel_id, roster_render::review_text(&summary, locale))
            }
            other => {
                return Err(DeliveryError::Failed(format!(
                    "not a roster notice: {other:?}"
                )));
            }
        };
        // A long text (a busy year's review) goes out as several messages, each with its own
        // nonce so that a retry after a partial failure posts none twice.
        let mut first = None;
        for (n, chunk) in crate::discord::render::split_message(&text, 2000)
            .into_iter()
            .enumerate()
        {
            let mut message = Self::message(item).content(chunk);
            if n > 0 {
                message = message.nonce(poise::serenity_prelude::Nonce::String(format!(
                    "steward-{}-{n}",
                    item.id
                )));
            }
            let id = self.rest.create_message(channel_id, &message).await?;
            first.get_or_insert(id);
        }
        Ok(first)
    }

    /// The DM channel with a member (Discord returns the existing one if there is one).
    async fn dm_channel(&self, member_id: u64) -> Result<u64, DeliveryError> {
        let body = serde_json::json!({ "recipient_id": member_id.to_string() });
        let answer = self
            .rest
            .request(reqwest::Method::POST, "/users/@me/channels", Some(&body))
            .await?;
        answer["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .ok_or_else(|| DeliveryError::Failed("DM channel without an id".into()))
    }
}
