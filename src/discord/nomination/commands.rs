//! `/nominate`: nominate a member, answer one's own nomination, list the open ones (TSC).

use poise::serenity_prelude as serenity;

use super::{components, notes, render};
use crate::app::nomination::propose::{NewNomination, NomineeInput};
use crate::discord::actor::{command_actor, command_locale, standing};
use crate::discord::reply::{ephemeral, respond_with_modal};
use crate::discord::{Context, Error};
use crate::governance::nomination::{AREA_MAX, Office};

// Discord's copy of the governance limit on the area option below; keep them equal.
const _: () = assert!(AREA_MAX == 100);

/// The office a member is nominated for, as the option offers it.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum OfficeChoice {
    #[name = "maintainer"]
    Maintainer,
    #[name = "tsc"]
    Tsc,
}

impl From<OfficeChoice> for Office {
    fn from(choice: OfficeChoice) -> Self {
        match choice {
            OfficeChoice::Maintainer => Office::Maintainer,
            OfficeChoice::Tsc => Office::Tsc,
        }
    }
}

/// Nominations: new maintainers and TSC members.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("member", "respond", "list"),
    subcommand_required
)]
pub async fn nominate(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Nominate a member as maintainer (or a maintainer for a TSC seat); a form asks why.
#[poise::command(slash_command, guild_only)]
pub async fn member(
    ctx: Context<'_>,
    member: serenity::Member,
    office: Option<OfficeChoice>,
    #[max_length = 100] area: Option<String>,
) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let app = &ctx.data().app;
    let config = app.guild_config(actor.guild_id).await?;
    let office: Office = office.map_or(Office::Maintainer, Office::from);
    let nominee = NomineeInput {
        member_id: member.user.id.get(),
        username: member.user.name.clone(),
        display_name: member.display_name().to_owned(),
        bot: member.user.bot,
        roles: standing(&member.roles, None, Some(&config)).roles,
    };
    let draft_id = app
        .draft_nomination(
            &actor,
            NewNomination {
                nominee,
                office,
                area,
            },
        )
        .await?;
    respond_with_modal(ctx, components::statement_form(draft_id, locale)).await
}

/// Answer your own nomination here (when the DM did not reach you).
#[poise::command(slash_command, guild_only)]
pub async fn respond(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let n = ctx
        .data()
        .app
        .awaiting_answer(actor.guild_id, actor.user_id)
        .await?;
    let reply = ephemeral(notes::respond_text(&n, locale))
        .embed(render::statement_embed(&n, locale))
        .components(render::answer_buttons(n.id, locale));
    ctx.send(reply).await?;
    Ok(())
}

/// The open nominations and their step (TSC only).
#[poise::command(slash_command, guild_only)]
pub async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let locale = command_locale(ctx).await;
    let open = ctx.data().app.open_nominations(&actor).await?;
    ctx.send(ephemeral(render::list_text(&open, locale)))
        .await?;
    Ok(())
}
