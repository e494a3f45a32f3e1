//! A ballot's concerns as members read them: binding ones first, each in full (split across
//! fields when long, never cut), markdown escaped, authors only on public ballots; and the
//! ballot packed into messages within Discord's limits, the rest on further pages.

use poise::serenity_prelude as serenity;

use super::render::ballot_embed;
use crate::app::ballot::view::{BallotView, Concern};
use crate::discord::text::{FIELD_MAX, embed_chars, escape_markdown, split_chars};
use crate::i18n::{args, tr};
use crate::msg;

/// Discord's limits: characters across a message's embeds, embeds per message, fields per
/// embed. A margin is kept on the characters for the note about further pages.
const MESSAGE_CHARS: usize = 5_600;
const EMBEDS_PER_MESSAGE: usize = 10;
const FIELDS_PER_EMBED: usize = 25;
const CONCERN_COLOUR: u32 = 0x9CA3AF;

/// The fields of one concern: its kind as the name, the author (public ballots) and the text,
/// split into as many fields as it takes.
fn concern_fields(concern: &Concern, locale: &str) -> Vec<(String, String)> {
    let text = escape_markdown(&concern.text);
    let text = match concern.author {
        Some(author) => format!("<@{author}>: {text}"),
        None => text,
    };
    let first = tr(
        locale,
        if concern.binding {
            msg!("ballot-field-concern-binding")
        } else {
            msg!("ballot-field-concern-non-binding")
        },
        None,
    );
    let more = tr(locale, msg!("ballot-field-concern-continued"), None);
    split_chars(&text, FIELD_MAX)
        .into_iter()
        .enumerate()
        .map(|(n, piece)| (if n == 0 { first.clone() } else { more.clone() }, piece))
        .collect()
}

/// A message's embeds, and how many concerns they hold.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub embeds: Vec<serenity::CreateEmbed>,
    pub concerns: usize,
}

/// The ballot (`main`, its embed or its result's, first) and every concern, packed into
/// messages. A concern's fields never straddle two messages.
pub fn pages(view: &BallotView, locale: &str, main: serenity::CreateEmbed) -> Vec<Page> {
    let mut pages: Vec<Page> = Vec::new();
    let mut page = Page {
        embeds: vec![main.clone()],
        concerns: 0,
    };
    let mut page_chars = embed_chars(&main);
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut fields_chars = 0;
    let flush_embed = |fields: &mut Vec<(String, String)>, page: &mut Page| {
        if !fields.is_empty() {
            let embed = std::mem::take(fields)
                .into_iter()
                .fold(serenity::CreateEmbed::new(), |e, (name, value)| {
                    e.field(name, value, false)
                })
                .colour(CONCERN_COLOUR);
            page.embeds.push(embed);
        }
    };
    for concern in &view.concerns {
        let parts = concern_fields(concern, locale);
        let size: usize = parts
            .iter()
            .map(|(n, v)| n.chars().count() + v.chars().count())
            .sum();
        let embeds_after = page.embeds.len() + 1;
        if page_chars + fields_chars + size > MESSAGE_CHARS
            || embeds_after > EMBEDS_PER_MESSAGE
            || fields.len() + parts.len() > FIELDS_PER_EMBED
        {
            flush_embed(&mut fields, &mut page);
            page_chars += fields_chars;
            fields_chars = 0;
            if page_chars + size > MESSAGE_CHARS || page.embeds.len() >= EMBEDS_PER_MESSAGE {
                pages.push(std::mem::take(&mut page));
                page_chars = 0;
            }
        }
        fields_chars += size;
        fields.extend(parts);
        page.concerns += 1;
    }
    flush_embed(&mut fields, &mut page);
    pages.push(page);
    pages
}

/// The ballot message itself: the first page, with a note saying how many concerns did not
/// fit and where to read them, so that nothing is cut silently.
pub fn message_embeds(view: &BallotView, locale: &str) -> Vec<serenity::CreateEmbed> {
    let mut pages = pages(view, locale, ballot_embed(view, locale)).into_iter();
    let mut first = pages.next().unwrap_or_default().embeds;
    let rest: usize = pages.map(|page| page.concerns).sum();
    if rest > 0 {
        let note = tr(
            locale,
            msg!("ballot-concerns-more"),
            Some(&args([
                ("count", rest.into()),
                ("id", view.ballot.id.into()),
            ])),
        );
        first.push(
            serenity::CreateEmbed::new()
                .field(
                    tr(locale, msg!("ballot-field-more-concerns"), None),
                    note,
                    false,
                )
                .colour(CONCERN_COLOUR),
        );
    }
    first
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::discord::text::embed_chars;
    use crate::governance::ballot::{Count, Subject, Tally};
    use crate::governance::policy::Policy;
    use crate::store::ballot::Ballot;

    fn view(concerns: Vec<Concern>) -> BallotView {
        let at = Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap();
        BallotView {
            ballot: Ballot {
                id: 7,
                guild_id: 1,
                title: "Adopt RFC 7".into(),
                description: "Why".into(),
                secret: false,
                opened_by: 2,
                opens_at: at,
                closes_at: at,
                policy: Policy::default(),
                channel_id: 3,
                message_id: None,
                open: true,
                outcome: None,
                closed_at: None,
                cancelled_by: None,
                cancel_reason: None,
                subject: Subject::General,
                final_count: None,
                final_concerns: None,
            },
            electorate: (10..15).collect(),
            departed: 0,
            voters: vec![],
            count: Some(Count {
                binding: Tally::default(),
                non_binding: Tally::default(),
            }),
            concerns,
            group: None,
        }
    }

    fn concern(n: u64, binding: bool) -> Concern {
        Concern {
            author: Some(n),
            text: format!("concern-{n} {}", "word ".repeat(199)),
            binding,
        }
    }

    /// What a page's embeds say, as one text.
    fn text(page: &Page) -> String {
        page.embeds
            .iter()
            .map(|e| serde_json::to_string(e).unwrap())
            .collect()
    }

    #[test]
    fn every_concern_is_shown_in_full_binding_first_within_discords_limits() {
        // Ten concerns of 1,000 characters: more than one message holds.
        let mut concerns: Vec<Concern> = (0..5).map(|n| concern(100 + n, false)).collect();
        concerns.extend((0..5).map(|n| concern(200 + n, true)));
        let mut v = view(concerns);
        v.concerns.sort_by_key(|c| !c.binding);
        let pages = pages(&v, "en-US", ballot_embed(&v, "en-US"));
        assert!(pages.len() > 1);
        let all: String = pages.iter().map(text).collect();
        for n in (100..105).chain(200..205) {
            // The text arrives whole (split between words at most).
            assert!(all.contains(&format!("concern-{n} word")), "{n}");
            assert_eq!(all.matches(&format!("concern-{n} ")).count(), 1);
        }
        assert!(
            all.find("concern-200").unwrap() < all.find("concern-100").unwrap(),
            "binding concerns come first"
        );
        for page in &pages {
            let chars: usize = page.embeds.iter().map(embed_chars).sum();
            assert!(chars <= 6_000, "{chars}");
            assert!(page.embeds.len() <= 10);
        }
        assert_eq!(pages.iter().map(|p| p.concerns).sum::<usize>(), 10);
    }

    #[test]
    fn the_ballot_message_says_how_many_concerns_did_not_fit_and_where_they_are() {
        let v = view((0..10).map(|n| concern(100 + n, true)).collect());
        let embeds = message_embeds(&v, "en-US");
        let json: String = embeds
            .iter()
            .map(|e| serde_json::to_string(e).unwrap())
            .collect();
        let shown = (100..110)
            .filter(|n| json.contains(&format!("concern-{n}")))
            .count();
        assert!(shown < 10);
        assert!(
            json.contains(&format!("{} more concerns", 10 - shown)),
            "{json}"
        );
        assert!(json.contains("/vote status 7"));
    }
}
