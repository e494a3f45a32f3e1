//! The reference for the burst benchmark: a poise bot that does nothing but answer. At start it
//! posts one message with one button; every click on it is answered with an ephemeral "ok". No
//! database, no outbox: the fastest a poise bot on this machine can answer.

use poise::serenity_prelude as serenity;

use super::support::sim::{Fixture, Sim, SimOptions};

/// The custom id of the reference bot's one button.
pub const BUTTON: &str = "noop:click";

struct Data;
type Error = serenity::Error;

/// Starts a simulator and the no-op bot against it; returns them with the button's message.
#[allow(dead_code, reason = "each bench uses its own part of this module")]
pub async fn start() -> (Sim, u64) {
    let sim = Sim::start_with(Fixture::standard(), SimOptions::default()).await;
    let channel = sim.fx().general;
    connect(&sim.token(), &sim.api_base(), channel).await;
    sim.wait_ready().await;
    let message = sim
        .wait_for_message(channel, |m| !m.buttons().is_empty())
        .await;
    (sim, message.id)
}

/// Connects the no-op bot to a Discord (or a simulator at `api_base`); it posts its button in
/// `channel` once ready and answers every click until the process ends.
pub async fn connect(token: &str, api_base: &str, channel: u64) {
    let http = serenity::HttpBuilder::new(token)
        .proxy(api_base)
        .ratelimiter_disabled(true)
        .build();
    let framework = poise::Framework::<Data, Error>::builder()
        .options(poise::FrameworkOptions {
            event_handler: |framework, event| Box::pin(answer(framework, event)),
            initialize_owners: false,
            ..Default::default()
        })
        .setup(move |ctx, _, _| {
            Box::pin(async move {
                let button = serenity::CreateButton::new(BUTTON).label("+1");
                let message = serenity::CreateMessage::new()
                    .content("Burst")
                    .components(vec![serenity::CreateActionRow::Buttons(vec![button])]);
                serenity::ChannelId::new(channel)
                    .send_message(&ctx.http, message)
                    .await?;
                Ok(Data)
            })
        })
        .build();
    // The same intents as Steward, so that both bots receive the same events (members joining,
    // messages posted) while they answer clicks.
    let mut client = serenity::ClientBuilder::new_with_http(http, steward::discord::intents())
        .framework(framework)
        .await
        .expect("the no-op bot starts");
    tokio::spawn(async move { client.start().await });
}

async fn answer(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    if let serenity::FullEvent::InteractionCreate {
        interaction: serenity::Interaction::Component(component),
    } = event
    {
        let reply = serenity::CreateInteractionResponse::Message(
            serenity::CreateInteractionResponseMessage::new()
                .content("ok")
                .ephemeral(true),
        );
        component
            .create_response(&framework.serenity_context.http, reply)
            .await?;
    }
    Ok(())
}
