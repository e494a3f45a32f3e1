//! The annual review summary as the TSC reads it.

use crate::app::annual_review::summary::ReviewSummary;
use crate::discord::ballot::render::{ballot_title, outcome_text};
use crate::discord::succession::render::role_name;
use crate::discord::text::plain;
use crate::discord::working_group::render::status_text;
use crate::governance::roles::GovRole;
use crate::governance::succession::Step;
use crate::i18n::{args, tr};
use crate::msg;

/// A member by name, or as a mention (shown as their name, pinging nobody) if the roster lost them.
fn name(summary: &ReviewSummary, member_id: u64) -> String {
    summary
        .name_of(member_id)
        .map_or_else(|| format!("<@{member_id}>"), str::to_owned)
}

fn date(t: chrono::DateTime<chrono::Utc>) -> String {
    format!("<t:{}:D>", t.timestamp())
}

/// The annual review summary, as one message.
pub fn review_text(summary: &ReviewSummary, locale: &str) -> String {
    let none = || tr(locale, msg!("review-none"), None);
    let mut lines = vec![tr(
        locale,
        msg!("review-title"),
        Some(&args([
            ("from", date(summary.from).into()),
            ("to", date(summary.to).into()),
        ])),
    )];
    lines.push(tr(
        locale,
        msg!("review-ballots-header"),
        Some(&args([
            ("count", summary.ballots.len().into()),
            ("open", summary.open_ballots.into()),
        ])),
    ));
    if summary.ballots.is_empty() {
        lines.push(format!("• {}", none()));
    }
    for b in &summary.ballots {
        let outcome = b
            .outcome
            .map(|o| outcome_text(locale, o))
            .unwrap_or_default();
        let title = plain(&ballot_title(b, locale));
        lines.push(format!("• #{} {title} — {outcome}", b.id));
    }
    lines.push(tr(locale, msg!("review-roles-header"), None));
    if summary.role_changes.is_empty() {
        lines.push(format!("• {}", none()));
    }
    for e in &summary.role_changes {
        let id = if e.gained {
            msg!("review-role-gained")
        } else {
            msg!("review-role-lost")
        };
        let text = tr(
            locale,
            id,
            Some(&args([
                ("name", name(summary, e.member_id).into()),
                ("role", role_name(locale, e.role).into()),
                ("date", date(e.at).into()),
            ])),
        );
        lines.push(format!("• {text}"));
    }
    lines.push(tr(locale, msg!("review-wg-header"), None));
    if summary.working_groups.is_empty() {
        lines.push(format!("• {}", none()));
    }
    for (group, reports) in &summary.working_groups {
        let text = tr(
            locale,
            msg!("review-wg-line"),
            Some(&args([
                ("name", plain(&group.name).into()),
                ("status", status_text(locale, group.status).into()),
                ("reports", (*reports).into()),
            ])),
        );
        lines.push(format!("• {text}"));
    }
    lines.push(tr(locale, msg!("review-inactivity-header"), None));
    if summary.steps.is_empty() {
        lines.push(format!("• {}", none()));
    }
    for s in &summary.steps {
        let id = match s.step {
            Step::Contact => msg!("review-step-contact"),
            Step::Review => msg!("review-step-review"),
        };
        let text = tr(
            locale,
            id,
            Some(&args([
                ("name", name(summary, s.member_id).into()),
                ("date", date(s.taken_at).into()),
            ])),
        );
        lines.push(format!("• {text}"));
    }
    let count = |role| {
        summary
            .roster
            .iter()
            .filter(|e| e.in_guild && e.has(role))
            .count()
    };
    lines.push(tr(
        locale,
        msg!("review-offices"),
        Some(&args([
            ("tsc", count(GovRole::Tsc).into()),
            ("maintainers", count(GovRole::Maintainer).into()),
            ("emeritus", count(GovRole::Emeritus).into()),
        ])),
    ));
    lines.join("\n")
}
