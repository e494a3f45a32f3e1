//! The `/govern check` report as members read it: one line per capability, OK or what is
//! wrong, how to fix it and which features it breaks.

use crate::governance::capabilities::{
    ChannelUse, Feature, Line, Perm, Problem, RoleUse, Subject, has_problems,
};
use crate::i18n::{args, tr};
use crate::msg;

fn perm_name(locale: &str, perm: Perm) -> String {
    tr(locale, &format!("check-perm-{}", perm.key()), None)
}

fn use_name(locale: &str, used_for: ChannelUse) -> String {
    let id = match used_for {
        ChannelUse::Announcements => msg!("check-use-announcements"),
        ChannelUse::Tsc => msg!("check-use-tsc"),
        ChannelUse::Rfc => msg!("check-use-rfc"),
        ChannelUse::Releases => msg!("check-use-releases"),
        ChannelUse::Security => msg!("check-use-security"),
        ChannelUse::Maintainers => msg!("check-use-maintainers"),
    };
    tr(locale, id, None)
}

fn role_use_name(locale: &str, used_for: &RoleUse) -> String {
    match used_for {
        RoleUse::Governance(role) => tr(locale, &format!("check-role-{}", role.key()), None),
        RoleUse::WorkingGroup(name) => tr(
            locale,
            msg!("check-role-working-group"),
            Some(&args([("name", name.clone().into())])),
        ),
    }
}

fn subject_text(locale: &str, subject: &Subject) -> String {
    match subject {
        Subject::MembersIntent => tr(locale, msg!("check-what-members-intent"), None),
        Subject::Channel(used_for, id) => tr(
            locale,
            msg!("check-what-channel"),
            Some(&args([
                ("use", use_name(locale, *used_for).into()),
                ("channel", format!("<#{id}>").into()),
            ])),
        ),
        Subject::ManageRoles => tr(locale, msg!("check-what-manage-roles"), None),
        Subject::RoleOrder(used_for, id) => tr(
            locale,
            msg!("check-what-role-order"),
            Some(&args([
                ("use", role_use_name(locale, used_for).into()),
                ("role", format!("<@&{id}>").into()),
            ])),
        ),
        Subject::WgCategory(id) => tr(
            locale,
            msg!("check-what-wg-category"),
            Some(&args([("channel", format!("<#{id}>").into())])),
        ),
        Subject::Pins => tr(locale, msg!("check-what-pins"), None),
        Subject::DirectMessages => tr(locale, msg!("check-what-dms"), None),
    }
}

/// What is wrong and how to fix it.
fn problem_text(locale: &str, subject: &Subject, problem: &Problem) -> (String, String) {
    let perms = |list: &[Perm]| {
        list.iter()
            .map(|p| perm_name(locale, *p))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match problem {
        Problem::IntentOff => (
            tr(locale, msg!("check-problem-intent-off"), None),
            tr(locale, msg!("check-fix-intent-off"), None),
        ),
        Problem::ChannelGone => (
            tr(locale, msg!("check-problem-channel-gone"), None),
            tr(locale, msg!("check-fix-channel-gone"), None),
        ),
        Problem::RoleGone => (
            tr(locale, msg!("check-problem-role-gone"), None),
            tr(locale, msg!("check-fix-role-gone"), None),
        ),
        Problem::RoleNotBelow => {
            let role = match subject {
                Subject::RoleOrder(_, id) => format!("<@&{id}>"),
                _ => String::new(),
            };
            (
                tr(locale, msg!("check-problem-role-order"), None),
                tr(
                    locale,
                    msg!("check-fix-role-order"),
                    Some(&args([("role", role.into())])),
                ),
            )
        }
        Problem::Missing(list) => {
            let a = args([("perms", perms(list).into())]);
            let fix = match subject {
                Subject::ManageRoles | Subject::Pins => msg!("check-fix-missing-server"),
                _ => msg!("check-fix-missing-channel"),
            };
            (
                tr(locale, msg!("check-problem-missing"), Some(&a)),
                tr(locale, fix, Some(&a)),
            )
        }
    }
}

fn feature_name(locale: &str, feature: Feature) -> String {
    tr(locale, &format!("check-feature-{}", feature.key()), None)
}

/// The whole report.
pub fn report_text(lines: &[Line], locale: &str) -> String {
    let mut out = vec![format!("**{}**", tr(locale, msg!("check-title"), None))];
    out.extend(lines.iter().map(|l| line_text(l, locale)));
    let count = lines.iter().filter(|l| l.problem.is_some()).count();
    out.push(if has_problems(lines) {
        tr(
            locale,
            msg!("check-summary-problems"),
            Some(&args([("count", (count as i64).into())])),
        )
    } else {
        tr(locale, msg!("check-summary-ok"), None)
    });
    out.join("\n")
}

/// Only the problems, for the end of `/govern setup` (empty when there are none).
pub fn problems_text(lines: &[Line], locale: &str) -> String {
    if !has_problems(lines) {
        return String::new();
    }
    let mut out = vec![tr(locale, msg!("check-setup-problems"), None)];
    out.extend(
        lines
            .iter()
            .filter(|l| l.problem.is_some())
            .map(|l| line_text(l, locale)),
    );
    out.join("\n")
}

fn line_text(line: &Line, locale: &str) -> String {
    let what = subject_text(locale, &line.subject);
    match (&line.problem, &line.subject) {
        (None, Subject::DirectMessages) => tr(
            locale,
            msg!("check-line-note"),
            Some(&args([
                ("what", what.into()),
                ("note", tr(locale, msg!("check-note-dms"), None).into()),
            ])),
        ),
        (None, _) => tr(
            locale,
            msg!("check-line-ok"),
            Some(&args([("what", what.into())])),
        ),
        (Some(problem), subject) => {
            let (problem, fix) = problem_text(locale, subject, problem);
            let features = subject
                .breaks()
                .iter()
                .map(|f| feature_name(locale, *f))
                .collect::<Vec<_>>()
                .join(", ");
            tr(
                locale,
                msg!("check-line-problem"),
                Some(&args([
                    ("what", what.into()),
                    ("problem", problem.into()),
                    ("fix", fix.into()),
                    ("features", features.into()),
                ])),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::governance::roles::GovRole;
    use crate::i18n;

    #[test]
    fn every_generated_message_id_exists_in_every_locale() {
        let mut ids: Vec<String> = [
            Perm::ViewChannel,
            Perm::SendMessages,
            Perm::EmbedLinks,
            Perm::ManageRoles,
            Perm::ManageChannels,
            Perm::ManageMessages,
        ]
        .iter()
        .map(|p| format!("check-perm-{}", p.key()))
        .collect();
        ids.extend(
            GovRole::ALL
                .iter()
                .map(|r| format!("check-role-{}", r.key())),
        );
        ids.extend(
            [
                Feature::Ballots,
                Feature::Announcements,
                Feature::TscNotices,
                Feature::Rfcs,
                Feature::Releases,
                Feature::Security,
                Feature::Mediation,
                Feature::Roster,
                Feature::WorkingGroups,
                Feature::Succession,
            ]
            .iter()
            .map(|f| format!("check-feature-{}", f.key())),
        );
        for locale in i18n::locales() {
            for id in &ids {
                assert!(i18n::exact(locale, id).is_some(), "{locale}: {id}");
            }
        }
    }
}
