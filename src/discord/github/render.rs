//! What members read about GitHub: the project's sources in `/govern show`, a member's login
//! and where their last activity was seen in `/roster show`.

use crate::governance::activity::{LastActivity, Source};
use crate::governance::github::Sources;
use crate::i18n::{args, tr};
use crate::msg;

/// "GitHub: wasm-sandbox" (or "not set").
pub fn sources_line(sources: Option<&Sources>, locale: &str) -> String {
    let value = sources
        .map(Sources::show)
        .unwrap_or_else(|| tr(locale, msg!("govern-unset"), None));
    tr(
        locale,
        msg!("github-sources-line"),
        Some(&args([("sources", value.into())])),
    )
}

/// "last active <t:…:R> (GitHub)", "no activity seen yet", or "waiting for GitHub data".
pub fn activity_text(activity: &LastActivity, locale: &str) -> String {
    match activity {
        LastActivity::Known(Some((at, source))) => {
            let source = match source {
                Source::Discord => "discord",
                Source::Github => "github",
            };
            tr(
                locale,
                msg!("github-activity-known"),
                Some(&args([
                    ("at", format!("<t:{}:R>", at.timestamp()).into()),
                    ("source", source.into()),
                ])),
            )
        }
        LastActivity::Known(None) => tr(locale, msg!("github-activity-none"), None),
        LastActivity::AwaitingGithub => tr(locale, msg!("github-activity-awaiting"), None),
    }
}
