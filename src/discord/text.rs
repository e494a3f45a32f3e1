//! Text helpers every feature's rendering shares: cutting and splitting to Discord's limits,
//! embeds that always fit, timestamps, and reading mentions members typed.

use poise::serenity_prelude as serenity;

/// Embed field values hold at most 1024 characters.
pub const FIELD_MAX: usize = 1024;
/// Message content holds at most 2000 characters.
pub const MESSAGE_MAX: usize = 2000;

pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Splits a long text into messages of at most `max` characters, between lines where it can,
/// so that nothing is lost to Discord's 2000-character limit.
pub fn split_message(text: &str, max: usize) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = truncate(line, max);
        let needed = chars(&current) + chars(&line) + usize::from(!current.is_empty());
        if !current.is_empty() && needed > max {
            chunks.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(&line);
    }
    if !current.is_empty() || chunks.is_empty() {
        chunks.push(current);
    }
    chunks
}

pub fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Discord renders these in each reader's own time zone: the date and time, and how long from now.
pub fn timestamp(t: chrono::DateTime<chrono::Utc>) -> String {
    format!("<t:{0}:F> (<t:{0}:R>)", t.timestamp())
}

/// Member text inside a code block or a list line cannot close it or format anything.
pub fn plain(text: &str) -> String {
    text.replace('`', "'").replace(['\n', '\r'], " ")
}

/// Member text shown as itself: every character Discord's markdown reads (emphasis, code,
/// spoilers, masked links, and at a line's start quotes, headings and lists) is escaped, so a
/// concern cannot format, hide or disguise anything.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line_start = true;
    for c in text.chars() {
        let block = matches!(c, '>' | '#' | '-') && line_start;
        if block
            || matches!(
                c,
                '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' | '(' | ')' | '<'
            )
        {
            out.push('\\');
        }
        out.push(c);
        line_start = c == '\n' || (line_start && c == ' ');
    }
    out
}

/// Splits a text into pieces of at most `max` characters, between words where it can: for
/// member text that must be shown in full across several fields.
pub fn split_chars(text: &str, max: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    for word in text.split_inclusive(char::is_whitespace) {
        if chars(&current) + chars(word) > max && !current.is_empty() {
            pieces.push(std::mem::take(&mut current));
        }
        if chars(word) > max {
            let mut rest: Vec<char> = word.chars().collect();
            while rest.len() > max {
                pieces.push(rest.drain(..max).collect());
            }
            current = rest.into_iter().collect();
        } else {
            current.push_str(word);
        }
    }
    if !current.is_empty() || pieces.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// The characters Discord counts toward the 6000 an embed (and a message's embeds together)
/// may hold.
pub fn embed_chars(embed: &serenity::CreateEmbed) -> usize {
    let json = serde_json::to_value(embed).unwrap_or_default();
    let text = |v: &serde_json::Value| v.as_str().map(chars).unwrap_or(0);
    text(&json["title"])
        + text(&json["description"])
        + text(&json["footer"]["text"])
        + text(&json["author"]["name"])
        + json["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| text(&f["name"]) + text(&f["value"]))
            .sum::<usize>()
}

/// The user ids in text typed as mentions or bare ids (`<@1> <@!2>, 3`), in order.
pub fn mentioned_users(text: &str) -> Vec<u64> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(|token| {
            token
                .trim_start_matches("<@")
                .trim_start_matches('!')
                .trim_end_matches('>')
                .parse::<u64>()
                .ok()
        })
        .collect()
}

/// Discord refuses an embed whose texts add up to more than 6000 characters; we keep a margin
/// for a title that may still be replaced (the result announcement's).
const EMBED_BUDGET: usize = 5700;
const TITLE_MAX: usize = 256;
const DESCRIPTION_MAX: usize = 4096;

/// An embed field; shrinkable ones (member text: charters, concerns, reasons) are cut when the
/// whole embed would not fit.
pub struct Field {
    name: String,
    value: String,
    inline: bool,
    shrinkable: bool,
}

impl Field {
    pub fn fixed(name: String, value: String, inline: bool) -> Self {
        Self {
            name,
            value,
            inline,
            shrinkable: false,
        }
    }

    pub fn shrinkable(name: String, value: String) -> Self {
        Self {
            name,
            value,
            inline: false,
            shrinkable: true,
        }
    }
}

/// Builds an embed within Discord's limits: each part cut to its own limit, then the
/// shrinkable fields (the last added first) and finally the description cut until the whole
/// fits the budget.
pub fn fitted_embed(
    title: String,
    description: String,
    mut fields: Vec<Field>,
    footer: String,
) -> serenity::CreateEmbed {
    let title = truncate(&title, TITLE_MAX);
    let mut description = truncate(&description, DESCRIPTION_MAX);
    for f in &mut fields {
        f.name = truncate(&f.name, 256);
        f.value = truncate(&f.value, FIELD_MAX);
    }
    let total = chars(&title)
        + chars(&description)
        + chars(&footer)
        + fields
            .iter()
            .map(|f| chars(&f.name) + chars(&f.value))
            .sum::<usize>();
    let mut excess = total.saturating_sub(EMBED_BUDGET);
    for f in fields.iter_mut().rev().filter(|f| f.shrinkable) {
        if excess == 0 {
            break;
        }
        let len = chars(&f.value);
        let keep = len.saturating_sub(excess).max(40.min(len));
        excess -= len - keep;
        f.value = truncate(&f.value, keep);
    }
    if excess > 0 {
        let len = chars(&description);
        description = truncate(&description, len.saturating_sub(excess));
    }
    let mut embed = serenity::CreateEmbed::new().title(title);
    if !description.is_empty() {
        embed = embed.description(description);
    }
    for f in fields {
        embed = embed.field(f.name, f.value, f.inline);
    }
    embed.footer(serenity::CreateEmbedFooter::new(footer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_charter_ballot_at_every_limit_still_fits_one_embed() {
        let mut fields: Vec<Field> = (0..4)
            .map(|i| Field::fixed(format!("fixed {i}"), "x".repeat(60), true))
            .collect();
        fields.extend((0..5).map(|i| Field::shrinkable(format!("charter {i}"), "c".repeat(800))));
        fields.push(Field::shrinkable("Concerns".into(), "k".repeat(1500)));
        let embed = fitted_embed("t".repeat(300), "d".repeat(2000), fields, "f".repeat(120));
        let total = embed_chars(&embed);
        assert!(total <= 6000, "{total} characters");
        let json = serde_json::to_value(&embed).unwrap();
        // Fixed fields are never cut; the last shrinkable field gives way first.
        assert_eq!(json["fields"][0]["value"], "x".repeat(60));
        assert_eq!(json["fields"][4]["value"], "c".repeat(800));
        assert!(json["fields"][9]["value"].as_str().unwrap().ends_with('…'));
    }

    #[test]
    fn long_texts_are_split_between_lines_and_lose_nothing() {
        let text: String = (0..300)
            .map(|i| format!("line {i:03} of the annual review\n"))
            .collect();
        let chunks = split_message(&text, 2000);
        assert!(chunks.len() > 1);
        assert!(chunks.iter().all(|c| chars(c) <= 2000));
        assert_eq!(chunks.join("\n"), text.trim_end());
        assert_eq!(split_message("short", 2000), vec!["short".to_owned()]);
    }

    #[test]
    fn a_small_embed_is_left_whole() {
        let fields = vec![Field::shrinkable("Concerns".into(), "needs docs".into())];
        let embed = fitted_embed("Ballot".into(), "Why".into(), fields, "footer".into());
        let json = serde_json::to_value(&embed).unwrap();
        assert_eq!(json["fields"][0]["value"], "needs docs");
    }

    #[test]
    fn member_text_cannot_format_or_link() {
        let escaped = escape_markdown("**bold** [x](https://evil) `code` ||spoiler|| <@1>");
        assert_eq!(
            escaped,
            "\\*\\*bold\\*\\* \\[x\\]\\(https://evil\\) \\`code\\` \\|\\|spoiler\\|\\| \\<@1>"
        );
        // Quotes, headings and lists only mean something at a line's start.
        assert_eq!(
            escape_markdown("# title\n> quote\n - item and a-b > c"),
            "\\# title\n\\> quote\n \\- item and a-b > c"
        );
    }

    #[test]
    fn long_member_text_is_split_whole_between_words() {
        let text = "word ".repeat(500);
        let pieces = split_chars(&text, 1024);
        assert!(pieces.iter().all(|p| chars(p) <= 1024));
        assert_eq!(pieces.concat(), text);
        let one_word = "x".repeat(2500);
        let pieces = split_chars(&one_word, 1024);
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces.concat(), one_word);
    }

    #[test]
    fn mentions_and_bare_ids_are_read_in_order() {
        assert_eq!(
            mentioned_users("<@11> <@!12>, 13 <@11> <@10> x"),
            vec![11, 12, 13, 11, 10]
        );
        assert_eq!(mentioned_users(""), Vec::<u64>::new());
    }
}
