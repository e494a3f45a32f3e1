//! `/govern status`: the bot's health, for the TSC.

use crate::app::operations::status::StatusReport;
use crate::discord::actor::{command_actor, command_locale};
use crate::discord::reply::ephemeral;
use crate::discord::text::{MESSAGE_MAX, escape_markdown, split_message, timestamp};
use crate::discord::{Context, Error};
use crate::i18n::{args, tr};
use crate::msg;

/// Steward's health: outbox backlog, failing deliveries, next jobs, last errors (TSC).
#[poise::command(slash_command, guild_only)]
pub async fn status(ctx: Context<'_>) -> Result<(), Error> {
    let actor = command_actor(ctx).await?;
    let report = ctx.data().app.status_report(&actor).await?;
    let locale = command_locale(ctx).await;
    for part in split_message(&status_text(&report, locale), MESSAGE_MAX) {
        ctx.send(ephemeral(part)).await?;
    }
    Ok(())
}

/// "3d 4h", "12m": enough to see a restart.
fn uptime(d: std::time::Duration) -> String {
    let s = d.as_secs();
    match (s / 86_400, s % 86_400 / 3600, s % 3600 / 60) {
        (0, 0, m) => format!("{m}m"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, h, _) => format!("{d}d {h}h"),
    }
}

pub fn status_text(report: &StatusReport, locale: &str) -> String {
    let mut out = vec![
        format!("**{}**", tr(locale, msg!("status-title"), None)),
        tr(
            locale,
            msg!("status-version"),
            Some(&args([
                ("version", report.version.into()),
                ("uptime", uptime(report.uptime).into()),
            ])),
        ),
    ];
    out.push(match report.outbox.oldest {
        Some(since) if report.outbox.waiting > 0 => tr(
            locale,
            msg!("status-outbox"),
            Some(&args([
                ("count", report.outbox.waiting.into()),
                ("since", timestamp(since).into()),
            ])),
        ),
        _ => tr(locale, msg!("status-outbox-empty"), None),
    });
    if report.outbox.failing.is_empty() {
        out.push(tr(locale, msg!("status-failing-none"), None));
    } else {
        out.push(tr(locale, msg!("status-failing"), None));
        for (kind, count) in &report.outbox.failing {
            out.push(tr(
                locale,
                msg!("status-failing-line"),
                Some(&args([
                    ("kind", format!("`{kind}`").into()),
                    ("count", (*count).into()),
                ])),
            ));
        }
    }
    if report.next_jobs.is_empty() {
        out.push(tr(locale, msg!("status-jobs-none"), None));
    } else {
        out.push(tr(locale, msg!("status-jobs"), None));
        for (kind, at) in &report.next_jobs {
            out.push(tr(
                locale,
                msg!("status-job-line"),
                Some(&args([
                    ("kind", format!("`{kind}`").into()),
                    ("at", timestamp(*at).into()),
                ])),
            ));
        }
    }
    if report.errors.is_empty() {
        out.push(tr(locale, msg!("status-errors-none"), None));
    } else {
        out.push(tr(locale, msg!("status-errors"), None));
        for e in &report.errors {
            out.push(tr(
                locale,
                msg!("status-error-line"),
                Some(&args([
                    ("at", timestamp(e.at).into()),
                    ("kind", format!("`{}`", e.kind).into()),
                    ("error", escape_markdown(&e.error).into()),
                ])),
            ));
        }
    }
    out.join("\n")
}
