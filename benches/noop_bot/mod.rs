//! The reference for the burst and memory benchmarks, run in a process of its own as Steward
//! is: a poise bot that does nothing but answer. At start it posts one message with buttons;
//! every click on it is answered with an ephemeral "ok". No database, no outbox: the fastest a
//! poise bot on this machine can answer. Given a message to copy (Steward's ballot), its
//! message carries the same embeds and as many buttons, because every click's interaction
//! carries the whole message and parsing it is part of the work.

use poise::serenity_prelude as serenity;

/// The custom id of the reference bot's one button.
pub const BUTTON: &str = "noop:click";

struct Data;
type Error = serenity::Error;

/// Connects the no-op bot to a Discord (or a simulator at `api_base`); once ready it posts its
/// button in `channel` (copying `copy`'s embeds and number of buttons, the first button being
/// [`BUTTON`]) and answers every click until the process ends.
pub async fn connect(token: &str, api_base: &str, channel: u64, copy: Option<serde_json::Value>) {
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
                let message = message_like(copy.as_ref());
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

/// The reference's message: "Burst" with one button, or `copy`'s embeds and button labels.
fn message_like(copy: Option<&serde_json::Value>) -> serenity::CreateMessage {
    let Some(copy) = copy else {
        let button = serenity::CreateButton::new(BUTTON).label("+1");
        return serenity::CreateMessage::new()
            .content("Burst")
            .components(vec![serenity::CreateActionRow::Buttons(vec![button])]);
    };
    let embeds: Vec<serenity::Embed> =
        serde_json::from_value(copy["embeds"].clone()).expect("the copied message's embeds");
    let labels: Vec<String> = copy["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["label"].as_str().map(String::from))
        .collect();
    let buttons = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let id = if i == 0 {
                BUTTON.to_owned()
            } else {
                format!("noop:other:{i}")
            };
            serenity::CreateButton::new(id).label(label)
        })
        .collect::<Vec<_>>();
    serenity::CreateMessage::new()
        .embeds(
            embeds
                .into_iter()
                .map(serenity::CreateEmbed::from)
                .collect(),
        )
        .components(
            buttons
                .chunks(5)
                .map(|row| serenity::CreateActionRow::Buttons(row.to_vec()))
                .collect(),
        )
}
