//! Delivers release notices: the card and its edits, the thread, blocking issues and what was
//! decided about them, the proposer's notes and reminders, and the announcement.

use poise::serenity_prelude as serenity;
use reqwest::Method;
use serde_json::json;

use super::render::{self, card_buttons, card_embeds, pieces, version};
use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::app::release::view::ReleaseView;
use crate::discord::custom_id::CustomId;
use crate::discord::publisher::{DiscordPublisher, failed};
use crate::discord::reply::no_pings;
use crate::discord::text::{Field, MESSAGE_MAX, fitted_embed};
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::release_blockers::{Blocker, BlockerStatus};

/// Pings exactly this member (a message that asks them to act, or tells them their answer).
fn ping(member: u64) -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new().users([serenity::UserId::new(member)])
}

/// Where the release's conversation is: its thread once opened, else its channel.
fn conversation(view: &ReleaseView) -> u64 {
    view.release.thread_id.unwrap_or(view.release.channel_id)
}

pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let app = p.app();
    match &item.notice {
        Notice::ReleaseCardPosted { release_id } => {
            let view = app.release_by_id(*release_id).await.map_err(failed)?;
            let message = DiscordPublisher::message(item)
                .embeds(card_embeds(&view, locale))
                .components(card_buttons(&view.release, locale));
            p.post(view.release.channel_id, &message).await
        }
        Notice::ReleaseCardRefresh { release_id } => {
            let view = app.release_by_id(*release_id).await.map_err(failed)?;
            // Not posted yet: the post itself will show the latest state.
            let Some(message_id) = view.release.card_message_id else {
                return Ok(None);
            };
            let edit = serenity::EditMessage::new()
                .embeds(card_embeds(&view, locale))
                .components(card_buttons(&view.release, locale))
                .allowed_mentions(no_pings());
            p.rest()
                .edit_message(view.release.channel_id, message_id, &edit)
                .await
                .map(Some)
        }
        Notice::ReleaseThread { release_id } => {
            let view = app.release_by_id(*release_id).await.map_err(failed)?;
            if let Some(thread) = view.release.thread_id {
                return Ok(Some(thread));
            }
            let message_id = view
                .release
                .card_message_id
                .ok_or_else(|| failed("the card is not posted yet"))?;
            let name = render::notice(locale, msg!("release-thread-name"), &view.release);
            let body = json!({ "name": crate::discord::text::truncate(&name, 100), "auto_archive_duration": 10080 });
            let answer = p
                .rest()
                .request(
                    Method::POST,
                    &format!(
                        "/channels/{}/messages/{message_id}/threads",
                        view.release.channel_id
                    ),
                    Some(&body),
                )
                .await?;
            answer["id"]
                .as_str()
                .and_then(|id| id.parse().ok())
                .map(Some)
                .ok_or_else(|| failed("Discord answered without a thread id"))
        }
        Notice::ReleaseBlockerReported { blocker_id } => {
            let (view, blocker) = app.blocker_by_id(*blocker_id).await.map_err(failed)?;
            let message = DiscordPublisher::message(item)
                .content(render::notice(
                    locale,
                    msg!("release-blocker-posted"),
                    &view.release,
                ))
                .embed(blocker_embed(&view, &blocker, locale))
                .components(decision_buttons(&blocker, locale))
                .allowed_mentions(ping(view.release.proposer_id));
            p.post(conversation(&view), &message).await
        }
        Notice::ReleaseBlockerDecided { blocker_id } => {
            let (view, blocker) = app.blocker_by_id(*blocker_id).await.map_err(failed)?;
            let channel = p.dm_channel(blocker.reporter_id).await?;
            let message =
                DiscordPublisher::message(item).content(decided_text(&view, &blocker, locale));
            p.post(channel, &message).await
        }
        Notice::ReleaseBlockerDecidedInThread { blocker_id } => {
            let (view, blocker) = app.blocker_by_id(*blocker_id).await.map_err(failed)?;
            let text = format!(
                "<@{}> {}",
                blocker.reporter_id,
                decided_text(&view, &blocker, locale)
            );
            let message = DiscordPublisher::message(item)
                .content(text)
                .allowed_mentions(ping(blocker.reporter_id));
            p.post(conversation(&view), &message).await
        }
        Notice::ReleaseNotApproved {
            release_id,
            ballot_id,
        } => {
            let view = app.release_by_id(*release_id).await.map_err(failed)?;
            let id = if view.release.plan_ballot_id == Some(*ballot_id) {
                msg!("release-plan-not-approved")
            } else {
                msg!("release-final-not-approved")
            };
            let text = format!(
                "{} (#{ballot_id})",
                render::notice(locale, id, &view.release)
            );
            let message = DiscordPublisher::message(item)
                .content(text)
                .allowed_mentions(ping(view.release.proposer_id));
            p.post(conversation(&view), &message).await
        }
        Notice::ReleaseStale { release_id, .. } => {
            let view = app.release_by_id(*release_id).await.map_err(failed)?;
            if !view.release.stage.waits_on_members() {
                return Ok(None);
            }
            let message = DiscordPublisher::message(item)
                .content(render::notice(locale, msg!("release-stale"), &view.release))
                .allowed_mentions(ping(view.release.proposer_id));
            p.post(conversation(&view), &message).await
        }
        Notice::ReleaseAnnounced { release_id } => announce(p, item, *release_id, locale).await,
        other => Err(failed(format!("not a release notice: {other:?}"))),
    }
}

/// The announcement: the version, its link, the changelog whole (split across messages where
/// it must be, never cut). Each part has its own nonce, so a retry posts none twice.
async fn announce(
    p: &DiscordPublisher,
    item: &OutboxItem,
    release_id: i64,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let view = p.app().release_by_id(release_id).await.map_err(failed)?;
    let config = p.config(item.guild_id).await?;
    let channel = config
        .announce_channel_id
        .ok_or_else(|| failed("no announcement channel"))?;
    let r = &view.release;
    let candidates: Vec<String> = view
        .candidates
        .iter()
        .map(|c| format!("rc{}: <{}>", c.number, c.link))
        .collect();
    let text = tr(
        locale,
        msg!("release-announcement"),
        Some(&args([
            ("version", version(r).into()),
            ("link", r.published_link.clone().unwrap_or_default().into()),
            ("changelog", r.changelog.as_str().into()),
            ("candidates", candidates.join("\n").into()),
            ("proposer", format!("<@{}>", r.proposer_id).into()),
        ])),
    );
    let mut first = None;
    for (n, chunk) in pieces(&text, MESSAGE_MAX).into_iter().enumerate() {
        let mut message = DiscordPublisher::message(item).content(chunk);
        if n > 0 {
            message = message.nonce(serenity::Nonce::String(format!("steward-{}-{n}", item.id)));
        }
        let id = p.rest().create_message(channel, &message).await?;
        first.get_or_insert(id);
    }
    Ok(first)
}

fn blocker_embed(view: &ReleaseView, b: &Blocker, locale: &str) -> serenity::CreateEmbed {
    let title = tr(
        locale,
        msg!("release-blocker-title"),
        Some(&args([
            ("id", b.id.into()),
            ("version", version(&view.release).into()),
        ])),
    );
    let field = |id: &'static str, value: String| Field::fixed(tr(locale, id, None), value, true);
    fitted_embed(
        title,
        b.reason.clone(),
        vec![
            field(msg!("release-field-issue"), b.link.clone()),
            field(
                msg!("release-field-reporter"),
                format!("<@{}>", b.reporter_id),
            ),
            field(
                msg!("release-field-candidate"),
                format!("rc{}", b.candidate),
            ),
        ],
        tr(locale, msg!("release-blocker-footer"), None),
    )
    .colour(0xEF4444)
}

fn decision_buttons(b: &Blocker, locale: &str) -> Vec<serenity::CreateActionRow> {
    if b.status != BlockerStatus::Open {
        return Vec::new();
    }
    let button = |resolved: bool, label: &'static str, style| {
        serenity::CreateButton::new(
            CustomId::ReleaseBlockerDecision {
                blocker_id: b.id,
                resolved,
            }
            .encode(),
        )
        .label(tr(locale, label, None))
        .style(style)
    };
    vec![serenity::CreateActionRow::Buttons(vec![
        button(
            true,
            msg!("release-button-resolved"),
            serenity::ButtonStyle::Success,
        ),
        button(
            false,
            msg!("release-button-not-blocking"),
            serenity::ButtonStyle::Secondary,
        ),
    ])]
}

/// What the reporter is told about their blocking issue.
fn decided_text(view: &ReleaseView, b: &Blocker, locale: &str) -> String {
    let id = match b.status {
        BlockerStatus::Resolved => msg!("release-blocker-told-resolved"),
        _ => msg!("release-blocker-told-not-blocking"),
    };
    tr(
        locale,
        id,
        Some(&args([
            ("id", b.id.into()),
            ("version", version(&view.release).into()),
            ("link", format!("<{}>", b.link).into()),
            (
                "by",
                b.decided_by
                    .map(|m| format!("<@{m}>"))
                    .unwrap_or_default()
                    .into(),
            ),
            (
                "decision",
                crate::discord::text::plain(b.decision.as_deref().unwrap_or("")).into(),
            ),
        ])),
    )
}
