//! The transcript: what members would see, as readable text. Who did what (a slash command
//! typed, a button pressed, a form sent), what the bot answered only to them, what it posted in
//! which channel or DM, under the simulated clock's date. Mentions read as names.

use std::collections::HashMap;
use std::io::Write;

use chrono::{DateTime, NaiveDate, Utc};
use discord_sim::{Reply, Sim, SimMessage, SimPlace};

/// Writes the transcript and remembers what it already showed.
pub struct Transcript<'a> {
    out: &'a mut dyn Write,
    /// Message id -> the lines last shown for it (an edit shows only what changed).
    shown: HashMap<u64, Vec<String>>,
    day: Option<NaiveDate>,
}

impl<'a> Transcript<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Self {
            out,
            shown: HashMap::new(),
            day: None,
        }
    }

    pub fn line(&mut self, text: impl AsRef<str>) -> std::io::Result<()> {
        writeln!(self.out, "{}", text.as_ref())
    }

    /// A section of the walk-through.
    pub fn title(&mut self, text: &str) -> std::io::Result<()> {
        self.line("")?;
        self.line(format!("=== {text} ==="))
    }

    /// A narrator's remark (time passing, what happens next).
    pub fn note(&mut self, text: &str) -> std::io::Result<()> {
        self.line(format!("  ({text})"))
    }

    /// The simulated date, once per day.
    pub fn at(&mut self, now: DateTime<Utc>) -> std::io::Result<()> {
        if self.day != Some(now.date_naive()) {
            self.day = Some(now.date_naive());
            self.line("")?;
            self.line(format!("--- {} ---", now.format("%A %-d %B %Y, %H:%M UTC")))?;
        }
        Ok(())
    }

    /// A member acting: "Alice types /vote start title: …".
    pub fn action(&mut self, sim: &Sim, who: u64, what: &str) -> std::io::Result<()> {
        let name = name(sim, who);
        self.line(format!("> {name} {}", humanize(sim, what)))
    }

    /// The bot's answer to the member's interaction: only they see an ephemeral one.
    pub fn reply(&mut self, sim: &Sim, who: u64, reply: &Reply) -> std::io::Result<()> {
        if let Some(modal) = &reply.modal {
            let fields: Vec<&str> = modal.inputs.iter().map(|i| i.label.as_str()).collect();
            return self.line(format!(
                "  Steward opens a form \"{}\" ({})",
                modal.title,
                fields.join(", ")
            ));
        }
        for m in reply.message.iter().chain(&reply.followups) {
            let lines = render(sim, m);
            self.shown.insert(m.id, lines.clone());
            let head = if m.ephemeral {
                format!("  Steward, to {} only:", name(sim, who))
            } else {
                format!("  Steward answers in {}:", place_of(sim, m))
            };
            self.line(head)?;
            for l in lines {
                self.line(format!("    | {l}"))?;
            }
        }
        Ok(())
    }

    /// Everything posted or edited since the last call: channel messages, threads, DMs.
    pub fn catch_up(&mut self, sim: &Sim) -> std::io::Result<()> {
        for (place, m) in sim.feed() {
            let lines = render(sim, &m);
            let head = match self.shown.get(&m.id) {
                None if m.author_id != sim.fx().bot => continue,
                None => match &place {
                    SimPlace::Dm { user } => {
                        format!("Steward sends {} a direct message:", name(sim, *user))
                    }
                    _ => format!("Steward posts in {}:", describe(sim, &place)),
                },
                Some(old) if *old == lines => continue,
                Some(_) => format!("Steward updates its message in {}:", describe(sim, &place)),
            };
            // An edit shows the lines that changed (a ballot's tally, its result).
            let new: Vec<String> = match self.shown.get(&m.id) {
                Some(old) => lines.iter().filter(|l| !old.contains(l)).cloned().collect(),
                None => lines.clone(),
            };
            self.shown.insert(m.id, lines);
            self.line(head)?;
            for l in new {
                self.line(format!("    | {l}"))?;
            }
        }
        Ok(())
    }

    /// A member's own message in a channel (it is activity, as for the bot).
    pub fn posted(&mut self, sim: &Sim, m: &SimMessage) -> std::io::Result<()> {
        self.shown.insert(m.id, render(sim, m));
        let place = place_of(sim, m);
        self.line(format!(
            "> {} writes in {place}: {}",
            name(sim, m.author_id),
            humanize(sim, m.content())
        ))
    }
}

fn name(sim: &Sim, id: u64) -> String {
    sim.display_name(id).unwrap_or_else(|| "someone".into())
}

fn place_of(sim: &Sim, m: &SimMessage) -> String {
    sim.feed()
        .into_iter()
        .find(|(_, f)| f.id == m.id)
        .map(|(p, _)| describe(sim, &p))
        .unwrap_or_else(|| format!("#{}", name(sim, m.channel_id)))
}

fn describe(sim: &Sim, place: &SimPlace) -> String {
    match place {
        SimPlace::Channel { name, .. } => format!("#{name}"),
        SimPlace::Thread { name, parent, .. } => {
            format!("thread \"{name}\" in #{}", self::name(sim, *parent))
        }
        SimPlace::Dm { user } => format!("the DMs of {}", self::name(sim, *user)),
    }
}

/// A message as lines: content, each embed's title, text, fields and footer, then its buttons.
fn render(sim: &Sim, m: &SimMessage) -> Vec<String> {
    let mut lines: Vec<String> = vec![];
    let mut text = |t: &str| {
        lines.extend(humanize(sim, t).lines().map(str::to_owned));
    };
    text(m.content());
    for e in m.embeds() {
        for key in ["title", "description"] {
            if let Some(t) = e[key].as_str() {
                text(t);
            }
        }
        for f in e["fields"].as_array().into_iter().flatten() {
            let (n, v) = (
                f["name"].as_str().unwrap_or(""),
                f["value"].as_str().unwrap_or(""),
            );
            text(&format!("{n}: {v}"));
        }
        if let Some(t) = e["footer"]["text"].as_str() {
            text(t);
        }
    }
    let buttons: Vec<String> = m
        .buttons()
        .into_iter()
        .filter(|b| !b.disabled)
        .filter_map(|b| b.label.map(|l| format!("[{l}]")))
        .collect();
    if !buttons.is_empty() {
        lines.push(buttons.join(" "));
    }
    lines.retain(|l| !l.trim().is_empty());
    lines
}

/// Discord's markup as a member's client shows it: `<@id>` → @Name, `<@&id>` → @Role,
/// `<#id>` → #channel, `<t:secs:style>` → a date.
pub fn humanize(sim: &Sim, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(end) = after.find('>') else {
            out.push_str(after);
            return out;
        };
        let inner = &after[1..end];
        out.push_str(&token(sim, inner).unwrap_or_else(|| after[..=end].to_owned()));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

fn token(sim: &Sim, inner: &str) -> Option<String> {
    let id = |s: &str| s.parse::<u64>().ok();
    if let Some(t) = inner.strip_prefix("t:") {
        let secs: i64 = t.split(':').next()?.parse().ok()?;
        let at = DateTime::<Utc>::from_timestamp(secs, 0)?;
        return Some(at.format("%-d %B %Y, %H:%M UTC").to_string());
    }
    if let Some(r) = inner.strip_prefix("@&") {
        return sim.display_name(id(r)?).map(|n| format!("@{n}"));
    }
    if let Some(u) = inner.strip_prefix('@') {
        let u = u.strip_prefix('!').unwrap_or(u);
        return sim.display_name(id(u)?).map(|n| format!("@{n}"));
    }
    if let Some(c) = inner.strip_prefix('#') {
        return sim.display_name(id(c)?).map(|n| format!("#{n}"));
    }
    None
}
