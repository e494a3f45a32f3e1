//! Delivers outbox notices to Discord: renders each in the guild's locale from the current
//! state and posts or edits it, with mentions locked down.

mod roster;

use poise::serenity_prelude as serenity;

use super::render;
use super::reply::no_pings;
use super::rest::Rest;
use crate::app::App;
use crate::app::outbox::{DeliveryError, Notice, OutboxItem, Publisher};
use crate::i18n::{self, args, tr};
use crate::msg;

pub struct DiscordPublisher {
    app: App,
    rest: Rest,
}

impl DiscordPublisher {
    pub fn new(app: App, rest: Rest) -> Self {
        Self { app, rest }
    }

    pub fn app(&self) -> &App {
        &self.app
    }

    pub fn rest(&self) -> &Rest {
        &self.rest
    }

    async fn guild_locale(&self, guild_id: u64) -> &'static str {
        let config = self.app.find_guild_config(guild_id).await.ok().flatten();
        i18n::resolve(None, config.as_ref().map(|c| c.locale.as_str()))
    }

    /// A new message; the outbox id is its nonce, so Discord drops a duplicate if we crash
    /// between posting and recording the post.
    pub fn message(item: &OutboxItem) -> serenity::CreateMessage {
        serenity::CreateMessage::new()
            .allowed_mentions(no_pings())
            .nonce(serenity::Nonce::String(format!("steward-{}", item.id)))
            .enforce_nonce(true)
    }
}

fn failed(e: impl std::fmt::Display) -> DeliveryError {
    DeliveryError::Failed(e.to_string())
}

impl Publisher for DiscordPublisher {
    async fn deliver(&self, item: &OutboxItem) -> Result<Option<u64>, DeliveryError> {
        let locale = self.guild_locale(item.guild_id).await;
        match &item.notice {
            Notice::BallotPosted { ballot_id } => {
                let view = self.app.ballot_view(*ballot_id).await.map_err(failed)?;
                let message = Self::message(item)
                    .embed(render::ballot_embed(&view, locale))
                    .components(render::ballot_buttons(&view, locale));
                self.rest
                    .create_message(view.ballot.channel_id, &message)
                    .await
                    .map(Some)
            }
            Notice::BallotRefresh { ballot_id } => {
                let view = self.app.ballot_view(*ballot_id).await.map_err(failed)?;
                // Not posted yet: the post itself will show the latest state.
                let Some(message_id) = view.ballot.message_id else {
                    return Ok(None);
                };
                let edit = serenity::EditMessage::new()
                    .embed(render::ballot_embed(&view, locale))
                    .components(render::ballot_buttons(&view, locale))
                    .allowed_mentions(no_pings());
                self.rest
                    .edit_message(view.ballot.channel_id, message_id, &edit)
                    .await
                    .map(Some)
            }
            Notice::BallotResult {
                ballot_id,
                channel_id,
            } => {
                let view = self.app.ballot_view(*ballot_id).await.map_err(failed)?;
                let message = Self::message(item).embed(render::result_embed(&view, locale));
                self.rest
                    .create_message(*channel_id, &message)
                    .await
                    .map(Some)
            }
            Notice::BallotReminder { ballot_id, members } => {
                let view = self.app.ballot_view(*ballot_id).await.map_err(failed)?;
                // Whoever voted since the reminder was queued is left alone.
                let missing = view.missing_voters();
                let members: Vec<u64> = members
                    .iter()
                    .copied()
                    .filter(|m| missing.contains(m))
                    .collect();
                if members.is_empty() || !view.ballot.open {
                    return Ok(None);
                }
                let message = Self::message(item)
                    .content(render::reminder_text(&view, &members, locale))
                    .allowed_mentions(
                        serenity::CreateAllowedMentions::new()
                            .users(members.iter().map(|m| serenity::UserId::new(*m))),
                    );
                self.rest
                    .create_message(view.ballot.channel_id, &message)
                    .await
                    .map(Some)
            }
            Notice::PermissionMissing {
                channel_id,
                failed,
                detail,
            } => {
                let text = tr(
                    locale,
                    msg!("permission-missing"),
                    Some(&args([
                        ("action", render::notice_action(locale, failed).into()),
                        ("detail", detail.as_str().into()),
                    ])),
                );
                let message = Self::message(item).content(text);
                self.rest
                    .create_message(*channel_id, &message)
                    .await
                    .map(Some)
            }
            Notice::WgProvision { .. }
            | Notice::WgAnnounced { .. }
            | Notice::WgMemberRole { .. }
            | Notice::WgJoinRequested { .. }
            | Notice::WgReportPosted { .. }
            | Notice::WgReportReminder { .. }
            | Notice::WgReportOverdue { .. }
            | Notice::WgEndingSoon { .. }
            | Notice::WgEndReached { .. }
            | Notice::WgArchive { .. }
            | Notice::WgClosedAnnounced { .. } => {
                super::wg_publisher::deliver(self, item, locale).await
            }
            Notice::PolicyChanged {
                channel_id,
                key,
                value,
                changed_by,
            } => {
                let text = tr(
                    locale,
                    msg!("policy-changed-announcement"),
                    Some(&args([
                        ("setting", key.name().into()),
                        ("value", value.as_str().into()),
                        ("member", format!("<@{changed_by}>").into()),
                    ])),
                );
                let message = Self::message(item).content(text);
                self.rest
                    .create_message(*channel_id, &message)
                    .await
                    .map(Some)
            }
            Notice::InactivityContact { .. }
            | Notice::InactivityReported { .. }
            | Notice::InactivityDmUndeliverable { .. }
            | Notice::InactivityAnswered { .. }
            | Notice::RoleChange { .. }
            | Notice::EmeritusAnnounced { .. }
            | Notice::NominationsNeeded { .. }
            | Notice::AnnualReview { .. } => self.deliver_roster(item, locale).await,
        }
    }
}
