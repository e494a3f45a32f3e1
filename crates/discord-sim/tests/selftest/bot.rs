//! A tiny bot made with serenity directly: ballots, grants and a deferred command.

use discord_sim::Sim;
use serenity::all::{
    ButtonStyle, ChannelId, CommandOptionType, Context, CreateActionRow, CreateButton,
    CreateCommand, CreateCommandOption, CreateEmbed, CreateInputText, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, CreateModal, EventHandler,
    GatewayIntents, Guild, GuildChannel, GuildId, GuildMemberUpdateEvent, InputTextStyle,
    Interaction, Member, Message, MessageId, Ready, ResolvedValue, ResumedEvent, UnavailableGuild,
    User,
};
use tokio::sync::mpsc;

pub(crate) use super::client::{Bot, http, raw_request, status_of};

pub(crate) struct Handler {
    tx: mpsc::UnboundedSender<String>,
    guild: GuildId,
}

pub(crate) fn ballot_buttons() -> Vec<CreateActionRow> {
    vec![CreateActionRow::Buttons(vec![
        CreateButton::new("ballot:1:vote:+1")
            .label("+1")
            .style(ButtonStyle::Success),
        CreateButton::new("ballot:1:vote:0")
            .label("0")
            .style(ButtonStyle::Secondary),
        CreateButton::new("ballot:1:vote:-1")
            .label("-1")
            .style(ButtonStyle::Danger),
        CreateButton::new("ballot:1:concern")
            .label("Raise concern")
            .style(ButtonStyle::Primary),
        CreateButton::new("ballot:1:closed")
            .label("Closed")
            .disabled(true),
    ])]
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        let commands = vec![
            CreateCommand::new("vote")
                .description("Ballots")
                .add_option(
                    CreateCommandOption::new(
                        CommandOptionType::SubCommand,
                        "start",
                        "Start a ballot",
                    )
                    .add_sub_option(
                        CreateCommandOption::new(CommandOptionType::String, "title", "Title")
                            .required(true),
                    )
                    .add_sub_option(CreateCommandOption::new(
                        CommandOptionType::String,
                        "duration",
                        "e.g. 7d",
                    )),
                ),
            CreateCommand::new("grant")
                .description("Grant a role")
                .add_option(
                    CreateCommandOption::new(CommandOptionType::User, "member", "Who")
                        .required(true),
                )
                .add_option(
                    CreateCommandOption::new(CommandOptionType::Role, "role", "Which role")
                        .required(true),
                )
                .add_option(CreateCommandOption::new(
                    CommandOptionType::Channel,
                    "where",
                    "Where to announce",
                ))
                .add_option(CreateCommandOption::new(
                    CommandOptionType::Integer,
                    "days",
                    "For how long",
                ))
                .add_option(CreateCommandOption::new(
                    CommandOptionType::Boolean,
                    "quiet",
                    "No announcement",
                )),
            CreateCommand::new("slow").description("Defers, then answers"),
        ];
        self.guild
            .set_commands(&ctx.http, commands)
            .await
            .expect("register commands");
        let _ = self.tx.send(format!("ready {}", ready.user.name));
    }

    async fn guild_create(&self, _ctx: Context, guild: Guild, _is_new: Option<bool>) {
        let _ = self.tx.send(format!(
            "guild_create {} roles={} channels={} members={}",
            guild.name,
            guild.roles.len(),
            guild.channels.len(),
            guild.members.len()
        ));
    }

    async fn message(&self, _ctx: Context, msg: Message) {
        let _ = self
            .tx
            .send(format!("message {} {}", msg.author.name, msg.content));
    }

    async fn guild_member_update(
        &self,
        _ctx: Context,
        _old: Option<Member>,
        _new: Option<Member>,
        ev: GuildMemberUpdateEvent,
    ) {
        let _ = self.tx.send(format!(
            "member_update {} roles={}",
            ev.user.name,
            ev.roles.len()
        ));
    }

    async fn guild_member_removal(
        &self,
        _ctx: Context,
        _g: GuildId,
        user: User,
        _m: Option<Member>,
    ) {
        let _ = self.tx.send(format!("member_removal {}", user.name));
    }

    async fn message_delete(
        &self,
        _ctx: Context,
        _c: ChannelId,
        message: MessageId,
        _g: Option<GuildId>,
    ) {
        let _ = self.tx.send(format!("message_delete {message}"));
    }

    async fn channel_delete(&self, _ctx: Context, channel: GuildChannel, _m: Option<Vec<Message>>) {
        let _ = self.tx.send(format!("channel_delete {}", channel.name));
    }

    async fn guild_delete(&self, _ctx: Context, incomplete: UnavailableGuild, _f: Option<Guild>) {
        let _ = self.tx.send(format!(
            "guild_delete unavailable={}",
            incomplete.unavailable
        ));
    }

    async fn resume(&self, _ctx: Context, _ev: ResumedEvent) {
        let _ = self.tx.send("resumed".to_string());
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        match interaction {
            Interaction::Command(c) => {
                let _ = self
                    .tx
                    .send(format!("command {} locale={}", c.data.name, c.locale));
                match c.data.name.as_str() {
                    "vote" => {
                        let opts = c.data.options();
                        let mut title = String::new();
                        if let Some(sub) = opts.first()
                            && let ResolvedValue::SubCommand(inner) = &sub.value
                        {
                            for o in inner {
                                if let ResolvedValue::String(s) = o.value
                                    && o.name == "title"
                                {
                                    title = s.to_string();
                                }
                            }
                        }
                        let msg = CreateInteractionResponseMessage::new()
                            .content(format!("Ballot started by <@{}>", c.user.id))
                            .embed(
                                CreateEmbed::new()
                                    .title(title)
                                    .description("Vote below")
                                    .field("Quorum", "3 of 4", true),
                            )
                            .components(ballot_buttons());
                        c.create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                            .await
                            .expect("respond");
                    }
                    "grant" => {
                        let mut text = vec![];
                        let (mut user, mut role) = (None, None);
                        for o in c.data.options() {
                            match o.value {
                                ResolvedValue::User(u, m) => {
                                    text.push(format!("user={} member={}", u.name, m.is_some()));
                                    user = Some(u.id);
                                }
                                ResolvedValue::Role(r) => {
                                    text.push(format!("role={}", r.name));
                                    role = Some(r.id);
                                }
                                ResolvedValue::Channel(ch) => text.push(format!(
                                    "channel={}",
                                    ch.name.clone().unwrap_or_default()
                                )),
                                ResolvedValue::Integer(i) => text.push(format!("days={i}")),
                                ResolvedValue::Boolean(b) => text.push(format!("quiet={b}")),
                                _ => text.push("?".into()),
                            }
                        }
                        if let (Some(u), Some(r)) = (user, role)
                            && let Err(e) = ctx
                                .http
                                .add_member_role(self.guild, u, r, Some("granted"))
                                .await
                        {
                            text.push(format!("error={e}"));
                        }
                        let msg = CreateInteractionResponseMessage::new()
                            .content(text.join(" "))
                            .ephemeral(true);
                        c.create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                            .await
                            .expect("respond");
                    }
                    "slow" => {
                        c.defer_ephemeral(&ctx.http).await.expect("defer");
                        c.create_followup(
                            &ctx.http,
                            CreateInteractionResponseFollowup::new().content("done thinking"),
                        )
                        .await
                        .expect("followup");
                        c.create_followup(
                            &ctx.http,
                            CreateInteractionResponseFollowup::new()
                                .content("second")
                                .ephemeral(true),
                        )
                        .await
                        .expect("followup 2");
                    }
                    _ => {}
                }
            }
            Interaction::Component(c) => {
                let _ = self.tx.send(format!(
                    "component {} on {}",
                    c.data.custom_id, c.message.id
                ));
                if c.data.custom_id.ends_with(":concern") {
                    let modal =
                        CreateModal::new("ballot:1:concern", "Raise a concern").components(vec![
                            CreateActionRow::InputText(
                                CreateInputText::new(
                                    InputTextStyle::Paragraph,
                                    "Your concern",
                                    "concern",
                                )
                                .max_length(500),
                            ),
                        ]);
                    c.create_response(&ctx.http, CreateInteractionResponse::Modal(modal))
                        .await
                        .expect("modal");
                } else if c.data.custom_id.ends_with(":vote:0") {
                    let upd =
                        CreateInteractionResponseMessage::new().content("Ballot (1 abstention)");
                    c.create_response(&ctx.http, CreateInteractionResponse::UpdateMessage(upd))
                        .await
                        .expect("update");
                } else {
                    let msg = CreateInteractionResponseMessage::new()
                        .content(format!("Vote {} recorded", c.data.custom_id))
                        .ephemeral(true);
                    c.create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                        .await
                        .expect("respond");
                }
            }
            Interaction::Modal(m) => {
                let mut value = String::new();
                for row in &m.data.components {
                    for comp in &row.components {
                        if let serenity::all::ActionRowComponent::InputText(t) = comp {
                            value = t.value.clone().unwrap_or_default();
                        }
                    }
                }
                let _ = self.tx.send(format!(
                    "modal {} {value} message={}",
                    m.data.custom_id,
                    m.message.is_some()
                ));
                let msg = CreateInteractionResponseMessage::new()
                    .content(format!("Concern noted: {value}"))
                    .ephemeral(true);
                m.create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                    .await
                    .expect("respond");
            }
            _ => {}
        }
    }
}

impl Bot {
    /// The tiny bot of this file.
    pub(crate) async fn start(sim: &Sim) -> Bot {
        let (tx, rx) = mpsc::unbounded_channel();
        let handler = Handler {
            tx,
            guild: GuildId::new(sim.fx().guild),
        };
        let intents = GatewayIntents::GUILDS
            | GatewayIntents::GUILD_MEMBERS
            | GatewayIntents::GUILD_MESSAGES
            | GatewayIntents::MESSAGE_CONTENT;
        Bot::launch(sim, handler, rx, intents).await
    }
}
