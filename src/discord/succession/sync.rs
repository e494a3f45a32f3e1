//! Keeping the roster in step with Discord: the full member list at start-up and after set-up,
//! member events, and message activity (its time only; no content is read).

use poise::serenity_prelude as serenity;

use crate::app::App;
use crate::app::succession::roster::DiscordMember;

pub fn discord_member(member: &serenity::Member) -> DiscordMember {
    DiscordMember {
        member_id: member.user.id.get(),
        username: member.user.name.clone(),
        display_name: member.display_name().to_owned(),
        role_ids: member.roles.iter().map(|r| r.get()).collect(),
        bot: member.user.bot,
    }
}

/// Reads every member from Discord (paginated: GUILD_CREATE carries only part of a large
/// guild) and replaces the roster with it.
pub async fn resync(http: &serenity::Http, app: &App, guild_id: serenity::GuildId) {
    let mut members = Vec::new();
    let mut after = None;
    loop {
        match guild_id.members(http, Some(1000), after).await {
            Ok(page) => {
                let full = page.len() == 1000;
                after = page.last().map(|m| m.user.id);
                members.extend(page.iter().map(discord_member));
                if !full {
                    break;
                }
            }
            Err(e) => {
                tracing::warn!(guild_id = guild_id.get(), error = %e, "could not list members");
                return;
            }
        }
    }
    if let Err(e) = app.sync_roster(guild_id.get(), &members).await {
        tracing::error!(guild_id = guild_id.get(), error = ?e, "roster sync failed");
    }
}

/// Keeps the roster and activity in step with Discord's events.
pub async fn on_event(ctx: &serenity::Context, app: &App, event: &serenity::FullEvent) {
    let result = match event {
        serenity::FullEvent::GuildCreate { guild, .. } => {
            let (http, app, guild_id) = (ctx.http.clone(), app.clone(), guild.id);
            // Paging through a large guild must not hold up the event loop.
            tokio::spawn(async move { resync(&http, &app, guild_id).await });
            Ok(())
        }
        serenity::FullEvent::GuildMemberAddition { new_member } => {
            app.sync_member(new_member.guild_id.get(), &discord_member(new_member))
                .await
        }
        // The event's member, or the cache's newer state (see `sync_member_latest`).
        serenity::FullEvent::GuildMemberUpdate { event, .. } => {
            let member = DiscordMember {
                member_id: event.user.id.get(),
                username: event.user.name.clone(),
                display_name: event
                    .nick
                    .clone()
                    .unwrap_or_else(|| event.user.display_name().to_owned()),
                role_ids: event.roles.iter().map(|r| r.get()).collect(),
                bot: event.user.bot,
            };
            let latest = || {
                ctx.cache
                    .guild(event.guild_id)
                    .and_then(|g| g.members.get(&event.user.id).map(discord_member))
            };
            app.sync_member_latest(event.guild_id.get(), &member, latest)
                .await
        }
        serenity::FullEvent::GuildMemberRemoval { guild_id, user, .. } => {
            app.member_left(guild_id.get(), user.id.get()).await
        }
        // Activity is the time of a message, never its content (no Message Content intent).
        serenity::FullEvent::Message { new_message } => match new_message.guild_id {
            Some(guild_id) if !new_message.author.bot => {
                app.record_activity(guild_id.get(), new_message.author.id.get(), app.now())
                    .await
            }
            _ => Ok(()),
        },
        _ => Ok(()),
    };
    if let Err(e) = result {
        tracing::error!(error = ?e, "roster event not recorded");
    }
}
