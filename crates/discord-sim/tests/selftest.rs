//! Self-test of the Discord simulator: a small serenity client runs against it.

use std::sync::Arc;
use std::time::Duration;

use discord_sim::{Fixture, ReplyKind, RoutePattern, Sim};
use serde_json::json;
use serenity::all::{
    ButtonStyle, ChannelId, ClientBuilder, CommandOptionType, Context, CreateActionRow,
    CreateButton, CreateCommand, CreateCommandOption, CreateEmbed, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseFollowup, CreateInteractionResponseMessage,
    CreateMessage, CreateModal, EditMessage, EventHandler, GatewayIntents, Guild, GuildId,
    GuildMemberUpdateEvent, HttpBuilder, InputTextStyle, Interaction, Member, Message, MessageId,
    Ready, ResolvedValue, ResumedEvent, RoleId, User, UserId,
};
use tokio::sync::mpsc;

// ---------------------------------------------------------------------------------------------
// A tiny bot made with serenity directly.

struct Handler {
    tx: mpsc::UnboundedSender<String>,
    guild: GuildId,
}

fn ballot_buttons() -> Vec<CreateActionRow> {
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

struct Bot {
    rx: mpsc::UnboundedReceiver<String>,
    cache: Arc<serenity::cache::Cache>,
    shards: Arc<serenity::gateway::ShardManager>,
    task: tokio::task::JoinHandle<()>,
}

impl Bot {
    async fn start(sim: &Sim) -> Bot {
        let http = HttpBuilder::new(sim.token())
            .proxy(sim.api_base())
            .ratelimiter_disabled(true)
            .build();
        let (tx, rx) = mpsc::unbounded_channel();
        let intents = GatewayIntents::GUILDS
            | GatewayIntents::GUILD_MEMBERS
            | GatewayIntents::GUILD_MESSAGES
            | GatewayIntents::MESSAGE_CONTENT;
        let mut client = ClientBuilder::new_with_http(http, intents)
            .event_handler(Handler {
                tx,
                guild: GuildId::new(sim.fx().guild),
            })
            .await
            .expect("client");
        let cache = client.cache.clone();
        let shards = client.shard_manager.clone();
        let task = tokio::spawn(async move {
            let _ = client.start().await;
        });
        let mut bot = Bot {
            rx,
            cache,
            shards,
            task,
        };
        bot.expect("ready").await;
        sim.wait_ready().await;
        bot
    }

    /// Waits (bounded) for an event whose description starts with `prefix`.
    async fn expect(&mut self, prefix: &str) -> String {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            match tokio::time::timeout_at(deadline, self.rx.recv()).await {
                Ok(Some(e)) if e.starts_with(prefix) => return e,
                Ok(Some(_)) => continue,
                _ => panic!("bot never saw an event starting with {prefix:?}"),
            }
        }
    }

    /// Waits (bounded) for an event starting with any of `prefixes`.
    async fn expect_any(&mut self, prefixes: &[&str]) -> String {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            match tokio::time::timeout_at(deadline, self.rx.recv()).await {
                Ok(Some(e)) if prefixes.iter().any(|p| e.starts_with(p)) => return e,
                Ok(Some(_)) => continue,
                _ => panic!("bot never saw an event starting with any of {prefixes:?}"),
            }
        }
    }

    async fn stop(self) {
        self.shards.shutdown_all().await;
        self.task.abort();
    }
}

fn http(sim: &Sim) -> serenity::http::Http {
    sim.serenity_http()
}

fn status_of(e: &serenity::Error) -> Option<(u16, isize)> {
    match e {
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r)) => {
            Some((r.status_code.as_u16(), r.error.code))
        }
        _ => None,
    }
}

/// A raw HTTP/1.1 request, to see headers serenity hides.
async fn raw_request(sim: &Sim, method: &str, path: &str, body: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = sim.api_base().trim_start_matches("http://").to_string();
    let mut s = tokio::net::TcpStream::connect(&addr)
        .await
        .expect("connect");
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bot {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        sim.token(),
        body.len()
    );
    s.write_all(req.as_bytes()).await.expect("write");
    let mut out = String::new();
    s.read_to_string(&mut out).await.expect("read");
    out
}

// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ready_and_guild_create_fill_the_cache() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    let gc = bot.expect("guild_create").await;
    assert_eq!(
        gc,
        format!(
            "guild_create Open Project roles={} channels={} members={}",
            fx.roles.len(),
            fx.channels.len(),
            fx.members.len()
        )
    );
    {
        let g = bot
            .cache
            .guild(GuildId::new(fx.guild))
            .expect("guild cached");
        assert_eq!(g.roles[&RoleId::new(fx.tsc_role)].name, "TSC");
        assert_eq!(
            g.channels[&ChannelId::new(fx.announcements)].name,
            "announcements"
        );
        assert!(
            g.members[&UserId::new(fx.alice)]
                .roles
                .contains(&RoleId::new(fx.tsc_role))
        );
    }
    assert_eq!(bot.cache.current_user().id.get(), fx.bot);
    let cmds = sim.wait_commands_registered().await;
    assert_eq!(
        cmds.iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["vote", "grant", "slow"]
    );
    let stats = sim.gateway_stats();
    assert_eq!(stats.identifies, 1);
    assert!(stats.intents & (1 << 1) != 0, "GUILD_MEMBERS intent");
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slash_command_reply_lands_in_the_channel() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    sim.set_locale(fx.alice, "de");
    let r = sim
        .slash(
            fx.alice,
            "vote start",
            json!({"title": "Adopt RFC 7", "duration": "7d"}),
        )
        .await;
    assert_eq!(bot.expect("command").await, "command vote locale=de");
    assert_eq!(r.kind, ReplyKind::Message);
    assert!(!r.is_ephemeral());
    assert_eq!(r.content(), format!("Ballot started by <@{}>", fx.alice));
    assert_eq!(r.message().pinged_users(), vec![fx.alice]);
    assert_eq!(r.message().embed_titles(), vec!["Adopt RFC 7"]);
    assert!(r.text().contains("3 of 4"));
    assert_eq!(r.message().custom_ids()[0], "ballot:1:vote:+1");
    let in_channel = sim.channel_messages(fx.general);
    assert_eq!(in_channel.len(), 1);
    assert_eq!(in_channel[0].id, r.message().id);
    assert!(r.latency.is_some());
    // The payload the bot got is typed as Discord types it.
    let sent = &sim.requests_to(("POST", "/interactions/{}/{}/callback"))[0];
    assert_eq!(sent.body["type"], 4);
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slash_options_are_typed_and_resolved() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    let r = sim
        .slash(fx.alice, "grant", json!({"member": fx.frank, "role": fx.contributors_role, "where": fx.announcements, "days": 30, "quiet": true}))
        .await;
    assert!(r.is_ephemeral());
    assert_eq!(
        r.content(),
        "user=frank member=true role=Contributors channel=announcements days=30 quiet=true"
    );
    assert!(sim.has_role(fx.frank, fx.contributors_role));
    assert_eq!(
        bot.expect("member_update").await,
        "member_update frank roles=1"
    );
    let put = &sim.requests_to(("PUT", "/guilds/{}/members/{}/roles/{}"))[0];
    assert_eq!(put.audit_reason.as_deref(), Some("granted"));
    // Ephemeral replies are not in the channel.
    assert!(sim.channel_messages(fx.general).is_empty());
    // The bot cannot hand out a role above its own.
    let r = sim
        .slash(
            fx.alice,
            "grant",
            json!({"member": fx.frank, "role": fx.bot_role}),
        )
        .await;
    assert!(r.content().contains("error="), "{}", r.content());
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[should_panic(expected = "no subcommand")]
async fn slash_with_unknown_subcommand_fails_the_test() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let _bot = Bot::start(&sim).await;
    sim.slash(fx.alice, "vote stop", json!({})).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clicks_and_modal_submits_reach_the_bot() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    let r = sim
        .slash(fx.alice, "vote start", json!({"title": "T"}))
        .await;
    let ballot = r.message().clone();

    let v = sim.click(fx.bob, &ballot, "ballot:1:vote:+1").await;
    assert_eq!(
        bot.expect("component").await,
        format!("component ballot:1:vote:+1 on {}", ballot.id)
    );
    assert!(v.is_ephemeral());
    assert_eq!(v.content(), "Vote ballot:1:vote:+1 recorded");

    let u = sim.click(fx.carol, &ballot, "ballot:1:vote:0").await;
    assert_eq!(u.kind, ReplyKind::UpdateMessage);
    assert_eq!(u.message().id, ballot.id);
    assert_eq!(
        sim.message(ballot.id).unwrap().content(),
        "Ballot (1 abstention)"
    );
    assert!(sim.message(ballot.id).unwrap().edited());

    let m = sim.click(fx.carol, &ballot, "ballot:1:concern").await;
    assert_eq!(m.kind, ReplyKind::Modal);
    assert_eq!(m.modal().title, "Raise a concern");
    assert_eq!(m.modal().input("concern").unwrap().max_length, Some(500));
    let s = sim
        .submit_modal(
            fx.carol,
            fx.general,
            "ballot:1:concern",
            &[("concern", "needs docs")],
        )
        .await;
    assert_eq!(
        bot.expect("modal").await,
        "modal ballot:1:concern needs docs message=true"
    );
    assert_eq!(s.content(), "Concern noted: needs docs");

    assert!(
        sim.try_click(fx.dave, &ballot, "ballot:1:closed")
            .await
            .unwrap_err()
            .contains("disabled")
    );
    assert!(
        sim.try_click(fx.dave, &ballot, "ballot:9:vote:+1")
            .await
            .unwrap_err()
            .contains("no button")
    );
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deferred_reply_waits_for_the_followup() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let bot = Bot::start(&sim).await;
    let r = sim.slash(fx.erin, "slow", json!({})).await;
    assert_eq!(r.kind, ReplyKind::Deferred);
    assert_eq!(r.content(), "done thinking");
    assert!(r.is_ephemeral());
    let r = sim.wait_followups(r.interaction_id, 1).await;
    assert_eq!(r.followups[0].content(), "second");
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_pins_dms_and_members_over_rest() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let http = http(&sim);
    let ch = ChannelId::new(fx.announcements);
    let msg = ch
        .send_message(
            &http,
            CreateMessage::new()
                .content(format!("<@&{}> new ballot", fx.tsc_role))
                .embed(CreateEmbed::new().title("Ballot"))
                .components(ballot_buttons()),
        )
        .await
        .expect("send");
    assert_eq!(msg.author.id.get(), fx.bot);
    let stored = sim
        .wait_for_message(fx.announcements, |m| m.content().contains("new ballot"))
        .await;
    assert_eq!(stored.pinged_roles(), vec![fx.tsc_role]);
    assert!(stored.raw_body["allowed_mentions"].is_null());

    let quiet = ch
        .send_message(
            &http,
            CreateMessage::new()
                .content(format!("<@&{}> @everyone quiet", fx.tsc_role))
                .allowed_mentions(serenity::all::CreateAllowedMentions::new()),
        )
        .await
        .expect("send quiet");
    let q = sim.message(quiet.id.get()).unwrap();
    assert!(q.pinged_roles().is_empty() && !q.pings_everyone());

    let mut msg = msg;
    msg.edit(&http, EditMessage::new().content("edited"))
        .await
        .expect("edit");
    assert_eq!(sim.message(msg.id.get()).unwrap().content(), "edited");
    let fetched = ch.message(&http, msg.id).await.expect("get");
    assert_eq!(fetched.content, "edited");
    assert_eq!(fetched.embeds[0].title.as_deref(), Some("Ballot"));
    ch.pin(&http, msg.id).await.expect("pin");
    assert_eq!(sim.pins(fx.announcements), vec![msg.id.get()]);
    assert!(sim.message(msg.id.get()).unwrap().pinned());
    assert!(ch.message(&http, MessageId::new(1)).await.is_err());

    let dm = UserId::new(fx.bob)
        .create_dm_channel(&http)
        .await
        .expect("dm");
    dm.id
        .send_message(&http, CreateMessage::new().content("Your vote is due"))
        .await
        .expect("dm send");
    assert_eq!(sim.dm_messages(fx.bob)[0].content(), "Your vote is due");

    let members = GuildId::new(fx.guild)
        .members(&http, None, None)
        .await
        .expect("members");
    assert_eq!(members.len(), fx.members.len());
    let m = GuildId::new(fx.guild)
        .member(&http, UserId::new(fx.erin))
        .await
        .expect("member");
    assert_eq!(m.roles, vec![RoleId::new(fx.maintainers_role)]);
    let roles = GuildId::new(fx.guild).roles(&http).await.expect("roles");
    assert_eq!(roles.len(), fx.roles.len());
    let role = GuildId::new(fx.guild)
        .create_role(
            &http,
            serenity::all::EditRole::new()
                .name("WG Docs")
                .mentionable(true),
        )
        .await
        .expect("role");
    assert_eq!(sim.role_by_name("WG Docs").unwrap().id, role.id.get());
    let chan = GuildId::new(fx.guild)
        .create_channel(
            &http,
            serenity::all::CreateChannel::new("wg-docs")
                .category(ChannelId::new(fx.governance_category)),
        )
        .await
        .expect("channel");
    assert_eq!(
        sim.channel_by_name("wg-docs").unwrap().parent_id,
        Some(fx.governance_category)
    );
    chan.id
        .edit(&http, serenity::all::EditChannel::new().topic("Docs WG"))
        .await
        .expect("edit channel");
    assert_eq!(
        sim.channel_by_name("wg-docs").unwrap().topic.as_deref(),
        Some("Docs WG")
    );
    let fetched = chan.id.to_channel(&http).await.expect("get channel");
    assert!(fetched.guild().is_some());
    http.get_current_application_info().await.expect("app info");
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_injection() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let http = http(&sim);
    let ch = ChannelId::new(fx.general);
    let send = || ch.send_message(&http, CreateMessage::new().content("hi"));

    sim.fail_next(("POST", "/channels/{}/messages"), 2, 500);
    assert_eq!(status_of(&send().await.unwrap_err()), Some((500, 0)));
    assert_eq!(status_of(&send().await.unwrap_err()), Some((500, 0)));
    send().await.expect("third succeeds");

    // Specific channel only.
    sim.fail_next(
        format!("POST /channels/{}/messages", fx.announcements).as_str(),
        1,
        500,
    );
    send().await.expect("other channel unaffected");

    sim.rate_limit_next("POST /channels/{}/messages", 1, 1.5);
    let e = send().await.unwrap_err();
    assert_eq!(status_of(&e), Some((429, 0)));
    assert!(e.to_string().contains("rate limited"), "{e}");
    sim.rate_limit_next("POST /channels/{}/messages", 1, 2.5);
    let raw = raw_request(
        &sim,
        "POST",
        &format!("/api/v10/channels/{}/messages", fx.general),
        r#"{"content":"x"}"#,
    )
    .await;
    assert!(raw.starts_with("HTTP/1.1 429"), "{raw}");
    assert!(raw.to_ascii_lowercase().contains("retry-after: 3"), "{raw}");
    assert!(raw.contains("\"retry_after\":2.5"), "{raw}");

    sim.deny(("PUT", "/guilds/{}/members/{}/roles/{}"), None);
    for _ in 0..2 {
        let e = http
            .add_member_role(
                GuildId::new(fx.guild),
                UserId::new(fx.frank),
                RoleId::new(fx.tsc_role),
                None,
            )
            .await
            .unwrap_err();
        assert_eq!(status_of(&e), Some((403, 50013)));
    }
    sim.allow(("PUT", "/guilds/{}/members/{}/roles/{}"));
    http.add_member_role(
        GuildId::new(fx.guild),
        UserId::new(fx.frank),
        RoleId::new(fx.tsc_role),
        None,
    )
    .await
    .expect("allowed again");
    assert!(sim.has_role(fx.frank, fx.tsc_role));

    sim.delay(("GET", "/channels/{}"), Duration::from_millis(300));
    let t = std::time::Instant::now();
    ch.to_channel(&http).await.expect("delayed get");
    assert!(t.elapsed() >= Duration::from_millis(300));
    sim.clear_faults();

    let failed: Vec<_> = sim
        .requests_to(("POST", "/channels/{}/messages"))
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(failed, vec![500, 500, 200, 200, 429, 429]);
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_gateway_resumes_and_replays_missed_events() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    sim.drop_gateway();
    // Dispatched while the bot is reconnecting: replayed on RESUME.
    sim.post_message(fx.erin, fx.general, "sent during the outage");
    // Replayed events come before RESUMED; handlers run concurrently, so take both in any order.
    let mut seen = vec![
        bot.expect_any(&["resumed", "message"]).await,
        bot.expect_any(&["resumed", "message"]).await,
    ];
    seen.sort();
    assert_eq!(seen, ["message erin sent during the outage", "resumed"]);
    let s = sim.gateway_stats();
    assert_eq!((s.identifies, s.resumes, s.connections), (1, 1, 2));
    // Still works afterwards.
    let r = sim
        .slash(fx.bob, "vote start", json!({"title": "after"}))
        .await;
    assert_eq!(r.message().embed_titles(), vec!["after"]);
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_session_leads_to_a_new_identify() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    sim.invalidate_session();
    sim.wait_gateway("a second IDENTIFY", |s| s.identifies == 2)
        .await;
    bot.expect("ready").await;
    sim.wait_ready().await;
    let r = sim
        .slash(fx.bob, "vote start", json!({"title": "again"}))
        .await;
    assert_eq!(r.kind, ReplyKind::Message);
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn member_events_reach_the_bot() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let mut bot = Bot::start(&sim).await;
    sim.post_message(fx.erin, fx.general, "hello");
    assert_eq!(bot.expect("message").await, "message erin hello");
    sim.add_role(fx.frank, fx.security_role);
    assert_eq!(
        bot.expect("member_update").await,
        "member_update frank roles=1"
    );
    sim.remove_member(fx.dave);
    assert_eq!(bot.expect("member_removal").await, "member_removal dave");
    bot.stop().await;
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_routes_and_rejected_bodies_are_recorded() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let raw = raw_request(
        &sim,
        "GET",
        &format!("/api/v10/guilds/{}/audit-logs", fx.guild),
        "",
    )
    .await;
    assert!(raw.starts_with("HTTP/1.1 404"), "{raw}");
    assert_eq!(sim.unknown_routes().len(), 1);
    let e = ChannelId::new(fx.general)
        .send_message(&sim.serenity_http(), CreateMessage::new())
        .await
        .unwrap_err();
    assert_eq!(status_of(&e), Some((400, 50035)));
    // serenity refuses over-long content itself, so send it raw.
    let long = format!(r#"{{"content":"{}"}}"#, "x".repeat(2001));
    let raw = raw_request(
        &sim,
        "POST",
        &format!("/api/v10/channels/{}/messages", fx.general),
        &long,
    )
    .await;
    assert!(raw.starts_with("HTTP/1.1 400"), "{raw}");
    let problems = sim.take_problems();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems.iter().any(|p| p.contains("empty message")));
    assert!(problems.iter().any(|p| p.contains("2000 or fewer")));
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[should_panic(expected = "unknown routes or problems")]
async fn drop_panics_on_unknown_routes() {
    let sim = Sim::start(Fixture::standard()).await;
    let _ = raw_request(&sim, "GET", "/api/v10/nope", "").await;
}

#[test]
fn route_patterns() {
    let p = RoutePattern::from(("POST", "/channels/{}/messages"));
    assert!(p.matches("POST", "/channels/1/messages"));
    assert!(!p.matches("GET", "/channels/1/messages"));
    assert!(!p.matches("POST", "/channels/1/messages/2"));
    let p = RoutePattern::from("* /api/v10/guilds/{}/**");
    assert!(p.matches("DELETE", "/guilds/1/members/2/roles/3"));
    assert!(!p.matches("DELETE", "/channels/1"));
    assert_eq!(
        discord_sim::fixture::base64_no_pad(b"1200000000000000999"),
        "MTIwMDAwMDAwMDAwMDAwMDk5OQ"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_bot_identifies_again() {
    let fx = Fixture::standard();
    let sim = Sim::start(fx.clone()).await;
    let bot = Bot::start(&sim).await;
    bot.stop().await;
    sim.wait_gateway("the first bot to disconnect", |s| s.connected == 0)
        .await;
    let bot = Bot::start(&sim).await;
    assert_eq!(sim.gateway_stats().identifies, 2);
    let r = sim
        .slash(fx.carol, "vote start", json!({"title": "second life"}))
        .await;
    assert_eq!(r.message().embed_titles(), vec!["second life"]);
    bot.stop().await;
    sim.assert_clean();
}
