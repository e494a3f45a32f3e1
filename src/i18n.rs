//! Every word a member reads, from the Fluent files in `locales/`, embedded at compile time.
//!
//! Message ids in code are written with the `msg!` macro so that a test can find every one of them
//! and check it exists in every shipped locale.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// Marks a Fluent message id used by the code (it expands to the literal itself).
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $id
    };
}

/// The locale every lookup falls back to.
pub const FALLBACK: &str = "en-US";

/// Shipped locales: Discord locale code and its Fluent files, one file per feature. A new
/// feature adds its file to every locale here.
const SOURCES: &[(&str, &[&str])] = &[
    (
        "en-US",
        &[
            include_str!("../locales/en-US/steward.ftl"),
            include_str!("../locales/en-US/working-groups.ftl"),
            include_str!("../locales/en-US/roster.ftl"),
            include_str!("../locales/en-US/operations.ftl"),
            // One file per process, in every locale.
            include_str!("../locales/en-US/rfc.ftl"),
            include_str!("../locales/en-US/nominations.ftl"),
            include_str!("../locales/en-US/releases.ftl"),
            include_str!("../locales/en-US/github.ftl"),
            // The transparency page.
            include_str!("../locales/en-US/web.ftl"),
            // Cases, the annual review's publication, dissolution.
            include_str!("../locales/en-US/cases.ftl"),
        ],
    ),
    (
        "de",
        &[
            include_str!("../locales/de/steward.ftl"),
            include_str!("../locales/de/working-groups.ftl"),
            include_str!("../locales/de/roster.ftl"),
            include_str!("../locales/de/operations.ftl"),
            // One file per process, in every locale.
            include_str!("../locales/de/rfc.ftl"),
            include_str!("../locales/de/nominations.ftl"),
            include_str!("../locales/de/releases.ftl"),
            include_str!("../locales/de/github.ftl"),
            // The transparency page.
            include_str!("../locales/de/web.ftl"),
            // Cases, the annual review's publication, dissolution.
            include_str!("../locales/de/cases.ftl"),
        ],
    ),
];

struct Locale {
    code: &'static str,
    bundle: FluentBundle<FluentResource>,
}

static LOCALES: LazyLock<Vec<Locale>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(code, files)| {
            let lang: LanguageIdentifier = code.parse().expect("locale codes are valid");
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            // Unicode isolation marks render as stray characters in Discord.
            bundle.set_use_isolating(false);
            for source in *files {
                let resource = FluentResource::try_new((*source).to_owned())
                    .unwrap_or_else(|(_, errors)| panic!("locales/{code}: {errors:?}"));
                // Overriding an id defined in another file is an error: ids are unique.
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|errors| panic!("locales/{code}: {errors:?}"));
            }
            Locale { code, bundle }
        })
        .collect()
});

/// The codes of the shipped locales.
pub fn locales() -> impl Iterator<Item = &'static str> {
    SOURCES.iter().map(|(code, _)| *code)
}

/// The Fluent sources of a shipped locale, all files together.
pub fn source(code: &str) -> Option<String> {
    SOURCES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, files)| files.join("\n"))
}

/// The shipped locale that serves a Discord locale code: exact match, then same language.
pub fn supported(code: &str) -> Option<&'static str> {
    let language = code.split('-').next().unwrap_or(code);
    locales()
        .find(|l| l.eq_ignore_ascii_case(code))
        .or_else(|| locales().find(|l| l.split('-').next() == Some(language)))
}

/// The member's locale if shipped, else the guild's default, else en-US.
pub fn resolve(member: Option<&str>, guild: Option<&str>) -> &'static str {
    member
        .and_then(supported)
        .or_else(|| guild.and_then(supported))
        .unwrap_or(FALLBACK)
}

fn bundle(code: &str) -> &'static FluentBundle<FluentResource> {
    let code = supported(code).unwrap_or(FALLBACK);
    &LOCALES
        .iter()
        .find(|l| l.code == code)
        .unwrap_or(&LOCALES[0])
        .bundle
}

fn format(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    attribute: Option<&str>,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned();
    if !errors.is_empty() {
        tracing::warn!(message_id = id, ?errors, "fluent formatting errors");
    }
    Some(text)
}

/// The message `id` in `locale` (falling back to en-US), with arguments.
pub fn tr(locale: &str, id: &str, args: Option<&FluentArgs>) -> String {
    format(bundle(locale), id, None, args)
        .or_else(|| format(bundle(FALLBACK), id, None, args))
        .unwrap_or_else(|| {
            tracing::error!(message_id = id, "missing Fluent message");
            id.to_owned()
        })
}

/// An attribute (such as `.description`) of a message, only if that locale has it.
pub fn attribute(locale: &str, id: &str, attribute: &str) -> Option<String> {
    supported(locale)?;
    format(bundle(locale), id, Some(attribute), None)
}

/// The value of a message, only if that locale has it (no fallback).
pub fn exact(locale: &str, id: &str) -> Option<String> {
    supported(locale)?;
    format(bundle(locale), id, None, None)
}

/// Builds Fluent arguments from pairs.
pub fn args<'a>(pairs: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>) -> FluentArgs<'a> {
    pairs.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_resolution_prefers_member_then_guild_then_english() {
        assert_eq!(resolve(Some("de"), Some("en-US")), "de");
        assert_eq!(resolve(Some("fr"), Some("de")), "de");
        assert_eq!(resolve(Some("en-GB"), None), "en-US");
        assert_eq!(resolve(None, None), "en-US");
        assert_eq!(resolve(Some("zz"), Some("yy")), "en-US");
    }

    #[test]
    fn german_members_read_german() {
        assert_eq!(
            tr("de", "generic-error", None),
            "Bei uns ist etwas schiefgegangen; nichts wurde geändert. Bitte versuche es später \
             noch einmal."
        );
        // A locale Steward does not have falls back to English, never to a message id.
        assert_eq!(
            tr("fr", "generic-error", None),
            tr("en-US", "generic-error", None)
        );
    }
}
