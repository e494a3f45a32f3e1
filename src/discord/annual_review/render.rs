//! The annual review as the TSC reads it (the full summary) and as the community reads it once
//! approved (the TSC's five sections and the summary without private matters).

use crate::app::annual_review::summary::ReviewSummary;
use crate::discord::ballot::render::ballot_title;
use crate::discord::succession::render::role_name;
use crate::discord::text::plain;
use crate::governance::annual_review::Sections;
use crate::governance::case::Kind;
use crate::governance::roles::GovRole;
use crate::governance::succession::Step;
use crate::i18n::{args, tr};
use crate::msg;
use crate::words::ballot::outcome_text;
use crate::words::working_group::status_text;

/// A member by name, or as a mention (shown as their name, pinging nobody) if the roster lost them.
fn name(summary: &ReviewSummary, member_id: u64) -> String {
    summary
        .name_of(member_id)
        .map_or_else(|| format!("<@{member_id}>"), str::to_owned)
}

fn date(t: chrono::DateTime<chrono::Utc>) -> String {
    format!("<t:{}:D>", t.timestamp())
}

fn none(locale: &str) -> String {
    format!("• {}", tr(locale, msg!("review-none"), None))
}

/// The annual review summary, as one message.
pub fn review_text(summary: &ReviewSummary, locale: &str) -> String {
    let mut lines = vec![tr(
        locale,
        msg!("review-title"),
        Some(&args([
            ("from", date(summary.from).into()),
            ("to", date(summary.to).into()),
        ])),
    )];
    lines.extend(ballot_lines(summary, locale));
    lines.extend(role_lines(summary, locale));
    lines.extend(group_lines(summary, locale));
    lines.extend(step_lines(summary, locale));
    lines.push(cases_line(summary, locale));
    lines.push(offices_line(summary, locale));
    lines.push(tr(locale, msg!("review-publish-hint"), None));
    lines.join("\n")
}

/// The review with the TSC's sections, as put to the TSC's vote (`draft`) and as shared with
/// the community: `summary` is the public one (private matters only counted).
pub fn publication_text(
    summary: &ReviewSummary,
    sections: &Sections,
    draft: bool,
    locale: &str,
) -> String {
    let title = if draft {
        msg!("review-draft-title")
    } else {
        msg!("review-published-title")
    };
    let mut lines = vec![tr(
        locale,
        title,
        Some(&args([
            ("from", date(summary.from).into()),
            ("to", date(summary.to).into()),
        ])),
    )];
    for (heading, text) in [
        (msg!("review-section-progress"), &sections.progress),
        (msg!("review-section-community"), &sections.community_health),
        (msg!("review-section-debt"), &sections.technical_debt),
        (msg!("review-section-roadmap"), &sections.roadmap),
        (msg!("review-section-governance"), &sections.governance),
    ] {
        lines.push(format!("**{}**", tr(locale, heading, None)));
        lines.push(text.clone());
    }
    lines.push(tr(locale, msg!("review-numbers-header"), None));
    lines.extend(ballot_lines(summary, locale));
    if summary.private_ballots > 0 {
        lines.push(tr(
            locale,
            msg!("review-private-ballots"),
            Some(&args([("count", summary.private_ballots.into())])),
        ));
    }
    lines.extend(role_lines(summary, locale));
    lines.extend(group_lines(summary, locale));
    lines.push(cases_line(summary, locale));
    lines.push(offices_line(summary, locale));
    lines.join("\n")
}

fn ballot_lines(summary: &ReviewSummary, locale: &str) -> Vec<String> {
    let mut lines = vec![tr(
        locale,
        msg!("review-ballots-header"),
        Some(&args([
            ("count", summary.ballots.len().into()),
            ("open", summary.open_ballots.into()),
        ])),
    )];
    if summary.ballots.is_empty() {
        lines.push(none(locale));
    }
    for b in &summary.ballots {
        let outcome = b
            .outcome
            .map(|o| outcome_text(locale, o))
            .unwrap_or_default();
        let title = plain(&ballot_title(b, locale));
        lines.push(format!("• #{} {title} — {outcome}", b.id));
    }
    lines
}

fn role_lines(summary: &ReviewSummary, locale: &str) -> Vec<String> {
    let mut lines = vec![tr(locale, msg!("review-roles-header"), None)];
    if summary.role_changes.is_empty() {
        lines.push(none(locale));
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
    lines
}

fn group_lines(summary: &ReviewSummary, locale: &str) -> Vec<String> {
    let mut lines = vec![tr(locale, msg!("review-wg-header"), None)];
    if summary.working_groups.is_empty() {
        lines.push(none(locale));
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
    lines
}

fn step_lines(summary: &ReviewSummary, locale: &str) -> Vec<String> {
    let mut lines = vec![tr(locale, msg!("review-inactivity-header"), None)];
    if summary.steps.is_empty() {
        lines.push(none(locale));
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
    lines
}

/// Cases closed in the period: a count per kind, nothing more.
fn cases_line(summary: &ReviewSummary, locale: &str) -> String {
    let count = |kind: Kind| {
        summary
            .cases
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, n)| *n)
    };
    tr(
        locale,
        msg!("review-cases"),
        Some(&args([
            ("conflicts", count(Kind::Conflict).into()),
            ("conduct", count(Kind::Conduct).into()),
            ("security", count(Kind::Security).into()),
        ])),
    )
}

fn offices_line(summary: &ReviewSummary, locale: &str) -> String {
    let count = |role| {
        summary
            .roster
            .iter()
            .filter(|e| e.in_guild && e.has(role))
            .count()
    };
    tr(
        locale,
        msg!("review-offices"),
        Some(&args([
            ("tsc", count(GovRole::Tsc).into()),
            ("maintainers", count(GovRole::Maintainer).into()),
            ("emeritus", count(GovRole::Emeritus).into()),
        ])),
    )
}
