//! The one registry of slash commands, and their names and descriptions from `locales/`.
//!
//! Fluent ids: `cmd-<path>` (e.g. `cmd-vote-start`) holds the command's localized name, with
//! `.description`; each option `<opt>` has attributes `.<opt>-name` and `.<opt>-description`.

use std::borrow::Cow;

use super::{
    Data, Error, amendment, annual_review, ballot, case, decision_log, dependency, guild,
    nomination, release, rfc, succession, working_group,
};
use crate::i18n;

pub type Command = poise::Command<Data, Error>;

/// The registry: every command, in the order Discord lists them.
fn all() -> Vec<Command> {
    vec![
        guild::commands::govern(),
        ballot::commands::vote(),
        working_group::commands::wg(),
        succession::commands::roster(),
        annual_review::commands::review(),
        // RFCs and amendments.
        rfc::commands::rfc(),
        amendment::commands::amend(),
        decision_log::commands::decisions(),
        // Nominations.
        nomination::commands::nominate(),
        // Releases and dependencies.
        release::commands::release(),
        dependency::commands::dependency(),
        // Cases, the annual review's publication, dissolution.
        case::commands::conflict(),
        case::commands::report(),
        case::commands::report_message(),
    ]
}

/// Every command the bot registers.
pub fn commands() -> Vec<Command> {
    let mut commands = all();
    for command in &mut commands {
        localize(command, "cmd");
    }
    commands
}

/// Whether members may use the command in their DMs with the bot.
pub fn usable_in_dms(command: &Command) -> bool {
    command
        .interaction_context
        .as_ref()
        .is_some_and(|c| c.contains(&poise::serenity_prelude::InteractionContext::BotDm))
}

/// The Fluent id of a command, given its parent's id.
pub fn command_id(parent: &str, name: &str) -> String {
    format!("{parent}-{name}")
}

/// Sets descriptions from en-US and adds the other locales' names and descriptions, recursing
/// into subcommands (poise's own example only does top-level commands).
fn localize(command: &mut Command, parent: &str) {
    let id = command_id(parent, &command.name);
    for locale in i18n::locales() {
        let description = i18n::attribute(locale, &id, "description");
        if locale == i18n::FALLBACK {
            command.description = description.map(Cow::Owned);
        } else {
            if let Some(name) = i18n::exact(locale, &id) {
                command
                    .name_localizations
                    .to_mut()
                    .push((locale.into(), name.into()));
            }
            if let Some(description) = description {
                command
                    .description_localizations
                    .to_mut()
                    .push((locale.into(), description.into()));
            }
        }
        for parameter in &mut command.parameters {
            let name_attr = parameter.name.to_string();
            let description = i18n::attribute(locale, &id, &format!("{name_attr}-description"));
            if locale == i18n::FALLBACK {
                parameter.description = description.map(Cow::Owned);
            } else {
                if let Some(name) = i18n::attribute(locale, &id, &format!("{name_attr}-name")) {
                    parameter
                        .name_localizations
                        .to_mut()
                        .push((locale.into(), name.into()));
                }
                if let Some(description) = description {
                    parameter
                        .description_localizations
                        .to_mut()
                        .push((locale.into(), description.into()));
                }
            }
        }
    }
    for sub in &mut command.subcommands {
        localize(sub, &id);
    }
}

/// The Fluent ids of context-menu commands: their names are what members see in the menu
/// ("Report to the TSC"), which Discord allows to have capitals and spaces.
pub fn context_menu_ids() -> Vec<String> {
    all()
        .iter()
        .filter(|c| c.context_menu_action.is_some())
        .map(|c| command_id("cmd", &c.name))
        .collect()
}

/// Every Fluent id and attribute the command tree needs, for the locale completeness test.
pub fn required_ids() -> Vec<(String, Option<String>)> {
    fn walk(command: &Command, parent: &str, out: &mut Vec<(String, Option<String>)>) {
        let id = command_id(parent, &command.name);
        out.push((id.clone(), None));
        // A context menu has a name only: Discord refuses a description, and its target is
        // not an option.
        if command.context_menu_action.is_some() {
            return;
        }
        out.push((id.clone(), Some("description".into())));
        for p in &command.parameters {
            out.push((id.clone(), Some(format!("{}-name", p.name))));
            out.push((id.clone(), Some(format!("{}-description", p.name))));
        }
        for sub in &command.subcommands {
            walk(sub, &id, out);
        }
    }
    let mut out = Vec::new();
    for command in all() {
        walk(&command, "cmd", &mut out);
    }
    out
}
