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

/// A member as the sync reads it: the few fields it needs. Parsing serenity's full `Member`
/// (and `User`) for 100,000 members costs several times more.
#[derive(serde::Deserialize)]
struct ListedMember {
    user: ListedUser,
    nick: Option<String>,
    roles: Vec<serenity::RoleId>,
}

#[derive(serde::Deserialize)]
struct ListedUser {
    id: serenity::UserId,
    username: String,
    global_name: Option<String>,
    #[serde(default)]
    bot: bool,
}

impl From<ListedMember> for DiscordMember {
    fn from(m: ListedMember) -> Self {
        let display_name = m
            .nick
            .or(m.user.global_name)
            .unwrap_or_else(|| m.user.username.clone());
        DiscordMember {
            member_id: m.user.id.get(),
            username: m.user.username,
            display_name,
            role_ids: m.roles.iter().map(|r| r.get()).collect(),
            bot: m.user.bot,
        }
    }
}

/// One page of the member list, after `after`.
async fn members_page(
    http: &serenity::Http,
    guild_id: serenity::GuildId,
    after: Option<serenity::UserId>,
) -> serenity::Result<Vec<ListedMember>> {
    let mut params = vec![("limit", "1000".to_owned())];
    if let Some(after) = after {
        params.push(("after", after.to_string()));
    }
    let request = serenity::http::Request::new(
        serenity::http::Route::GuildMembers { guild_id },
        serenity::http::LightMethod::Get,
    )
    .params(Some(params));
    http.fire(request).await
}

/// Reads every member from Discord (paginated: GUILD_CREATE carries only part of a large
/// guild) and replaces the roster with it.
pub async fn resync(http: &serenity::Http, app: &App, guild_id: serenity::GuildId) {
    // A guild not set up has no roles mapped: nothing to keep, so nothing to page through
    // (`/govern setup` syncs once it is set up).
    if !matches!(app.find_guild_config(guild_id.get()).await, Ok(Some(_))) {
        return;
    }
    let started = std::time::Instant::now();
    let mut members: Vec<DiscordMember> = Vec::new();
    let mut after = None;
    loop {
        match members_page(http, guild_id, after).await {
            Ok(page) => {
                let full = page.len() == 1000;
                after = page.last().map(|m| m.user.id);
                members.extend(page.into_iter().map(DiscordMember::from));
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
    let paged = started.elapsed();
    if let Err(e) = app.sync_roster(guild_id.get(), &members).await {
        tracing::error!(guild_id = guild_id.get(), error = ?e, "roster sync failed");
    }
    tracing::info!(
        guild_id = guild_id.get(),
        members = members.len(),
        paged_ms = paged.as_millis() as u64,
        total_ms = started.elapsed().as_millis() as u64,
        "member list read"
    );
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
