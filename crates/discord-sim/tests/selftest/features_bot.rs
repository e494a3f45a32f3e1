//! A second tiny serenity bot for the newer features: context menu commands, a global command
//! usable in DMs, autocomplete, replies with files, clicks in DMs and members' files.

use discord_sim::Sim;
use serenity::all::{
    Command, CommandInteraction, CommandOptionType, CommandType, Context, CreateAttachment,
    CreateAutocompleteResponse, CreateCommand, CreateCommandOption, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, EditInteractionResponse,
    EventHandler, GatewayIntents, GuildChannel, GuildId, Interaction, InteractionContext, Message,
    Ready, ThreadMembersUpdateEvent,
};
use tokio::sync::mpsc;

use super::client::Bot;

const FRUITS: [&str; 5] = ["apple", "apricot", "banana", "blueberry", "cherry"];

struct Features {
    tx: mpsc::UnboundedSender<String>,
    guild: GuildId,
}

impl Features {
    fn report(&self, s: String) {
        let _ = self.tx.send(s);
    }

    async fn command(&self, ctx: &Context, c: &CommandInteraction) {
        let reply = |text: String| CreateInteractionResponseMessage::new().content(text);
        let answer = match (c.data.kind, c.data.name.as_str()) {
            (CommandType::Message, _) => {
                let target = c.data.target_id.map(|t| t.to_message_id());
                let m = target.and_then(|t| c.data.resolved.messages.get(&t));
                let content = m.map(|m| m.content.clone()).unwrap_or_default();
                self.report(format!(
                    "message_command {} target={content:?} author={}",
                    c.data.name,
                    m.map(|m| m.author.name.clone()).unwrap_or_default()
                ));
                reply(format!("Reported: {content}")).ephemeral(true)
            }
            (CommandType::User, _) => {
                let target = c.data.target_id.map(|t| t.to_user_id());
                let u = target.and_then(|t| c.data.resolved.users.get(&t));
                let name = u.map(|u| u.name.clone()).unwrap_or_default();
                let member = target.is_some_and(|t| c.data.resolved.members.contains_key(&t));
                self.report(format!("user_command target={name} member={member}"));
                reply(format!("Profile of {name}"))
            }
            (_, "status") => {
                self.report(format!(
                    "status guild={} member={} user={} channel={} context={:?}",
                    c.guild_id.is_some(),
                    c.member.is_some(),
                    c.user.name,
                    c.channel_id,
                    c.context
                ));
                reply("You are fine".into())
                    .add_file(CreateAttachment::bytes(b"all good".to_vec(), "status.txt"))
            }
            (_, "files") => {
                let r = reply("two files".into())
                    .add_file(CreateAttachment::bytes(b"first".to_vec(), "a.txt"))
                    .add_file(CreateAttachment::bytes(b"second".to_vec(), "b.txt"));
                c.create_response(&ctx.http, CreateInteractionResponse::Message(r))
                    .await
                    .expect("respond with files");
                let f = CreateInteractionResponseFollowup::new()
                    .content("one more")
                    .add_file(CreateAttachment::bytes(b"third".to_vec(), "c.csv"));
                c.create_followup(&ctx.http, f).await.expect("followup");
                let original = c.get_response(&ctx.http).await.expect("original");
                let keep = original.attachments[0].id;
                let edit = EditInteractionResponse::new()
                    .keep_existing_attachment(keep)
                    .new_attachment(CreateAttachment::bytes(b"fourth".to_vec(), "d.txt"));
                c.edit_response(&ctx.http, edit).await.expect("edit");
                self.report("files done".into());
                return;
            }
            (_, name) => reply(format!("{name} done")),
        };
        c.create_response(&ctx.http, CreateInteractionResponse::Message(answer))
            .await
            .expect("respond");
    }
}

#[serenity::async_trait]
impl EventHandler for Features {
    async fn ready(&self, ctx: Context, _ready: Ready) {
        let guild_commands = vec![
            CreateCommand::new("Report message").kind(CommandType::Message),
            CreateCommand::new("Profile").kind(CommandType::User),
            CreateCommand::new("pick")
                .description("Pick a fruit")
                .add_option(
                    CreateCommandOption::new(CommandOptionType::String, "fruit", "Which fruit")
                        .required(true)
                        .set_autocomplete(true),
                )
                .add_option(CreateCommandOption::new(
                    CommandOptionType::Integer,
                    "count",
                    "How many",
                )),
            CreateCommand::new("files").description("Answers with files"),
        ];
        self.guild
            .set_commands(&ctx.http, guild_commands)
            .await
            .expect("guild commands");
        let status = CreateCommand::new("status")
            .description("Your status")
            .contexts(vec![InteractionContext::Guild, InteractionContext::BotDm]);
        Command::set_global_commands(&ctx.http, vec![status])
            .await
            .expect("global commands");
        self.report("ready".into());
    }

    async fn thread_create(&self, _ctx: Context, thread: GuildChannel) {
        self.report(format!(
            "thread_create {} kind={:?}",
            thread.name, thread.kind
        ));
    }

    async fn thread_update(&self, _ctx: Context, _old: Option<GuildChannel>, new: GuildChannel) {
        let meta = new.thread_metadata.expect("thread_metadata");
        self.report(format!(
            "thread_update {} archived={} locked={}",
            new.name, meta.archived, meta.locked
        ));
    }

    async fn thread_members_update(&self, _ctx: Context, ev: ThreadMembersUpdateEvent) {
        self.report(format!(
            "thread_members_update count={} added={} removed={}",
            ev.member_count,
            ev.added_members.len(),
            ev.removed_member_ids.len()
        ));
    }

    async fn message(&self, _ctx: Context, msg: Message) {
        self.report(format!(
            "message {} files={:?} {}",
            msg.author.name,
            msg.attachments
                .iter()
                .map(|a| (a.filename.clone(), a.size))
                .collect::<Vec<_>>(),
            msg.content
        ));
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        match interaction {
            Interaction::Command(c) => self.command(&ctx, &c).await,
            Interaction::Autocomplete(c) => {
                let typed = c
                    .data
                    .autocomplete()
                    .map(|a| a.value.to_string())
                    .unwrap_or_default();
                let count = c
                    .data
                    .options()
                    .iter()
                    .find(|o| o.name == "count")
                    .map(|o| format!("{:?}", o.value));
                self.report(format!("autocomplete {typed} count={count:?}"));
                let numbered = |n: usize| {
                    (0..n).fold(CreateAutocompleteResponse::new(), |r, i| {
                        r.add_string_choice(format!("fruit {i}"), i.to_string())
                    })
                };
                let choices = if typed == "many" {
                    numbered(26)
                } else {
                    FRUITS
                        .iter()
                        .filter(|f| f.starts_with(&typed))
                        .fold(CreateAutocompleteResponse::new(), |r, f| {
                            r.add_string_choice(f.to_uppercase(), *f)
                        })
                };
                let answer = CreateInteractionResponse::Autocomplete(choices);
                if c.create_response(&ctx.http, answer).await.is_err() {
                    // Refused (26 choices): an unanswered interaction may still be answered.
                    self.report("autocomplete refused".into());
                    let fewer = CreateInteractionResponse::Autocomplete(numbered(25));
                    c.create_response(&ctx.http, fewer)
                        .await
                        .expect("25 choices");
                }
            }
            Interaction::Component(c) => {
                self.report(format!(
                    "component {} guild={} member={} user={} context={:?}",
                    c.data.custom_id,
                    c.guild_id.is_some(),
                    c.member.is_some(),
                    c.user.name,
                    c.context
                ));
                let r = CreateInteractionResponseMessage::new().content("ack");
                c.create_response(&ctx.http, CreateInteractionResponse::Message(r))
                    .await
                    .expect("ack");
            }
            _ => {}
        }
    }
}

/// Starts the feature bot (with the DIRECT_MESSAGES intent) and waits until its commands are in.
pub(crate) async fn start(sim: &Sim) -> Bot {
    let (tx, rx) = mpsc::unbounded_channel();
    let handler = Features {
        tx,
        guild: GuildId::new(sim.fx().guild),
    };
    let intents = GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MEMBERS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::DIRECT_MESSAGES
        | GatewayIntents::MESSAGE_CONTENT;
    Bot::launch(sim, handler, rx, intents).await
}
