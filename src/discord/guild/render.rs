//! What members read of the server's set-up: `/govern show`, `/govern policy`, the policy
//! change announcement and the TSC's note about a missing permission.

use crate::app::outbox::Notice;
use crate::governance::capabilities;
use crate::governance::policy::{Policy, PolicyKey};
use crate::governance::roles::GovRole;
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::guild::{ChannelPurpose, GuildConfig, SetupSnapshot};

/// What a notice was trying to do, for telling the TSC about a missing permission.
pub fn notice_action(locale: &str, notice: &Notice) -> String {
    let (id, channel) = match notice {
        Notice::BallotPosted { .. } => (msg!("action-post-ballot"), None),
        Notice::BallotRefresh { .. } => (msg!("action-edit-ballot"), None),
        Notice::BallotResult { .. } => (msg!("action-post-result"), None),
        Notice::BallotReminder { .. } => (msg!("action-post-reminder"), None),
        Notice::PermissionMissing { channel_id, .. }
        | Notice::PolicyChanged { channel_id, .. }
        | Notice::EmeritusAnnounced { channel_id, .. } => {
            (msg!("action-post-announcement"), Some(*channel_id))
        }
        Notice::InactivityReported { .. }
        | Notice::InactivityDmUndeliverable { .. }
        | Notice::InactivityAnswered { .. }
        | Notice::NominationsNeeded { .. }
        | Notice::GithubPollFailing { .. }
        | Notice::AnnualReview { .. }
        | Notice::SetupChanged { .. }
        | Notice::SetupChannelGone { .. } => (msg!("action-post-tsc-note"), None),
        Notice::WgProvision { .. } => (msg!("action-wg-provision"), None),
        Notice::WgMemberRole { .. } => (msg!("action-wg-role"), None),
        Notice::WgArchive { .. } => (msg!("action-wg-archive"), None),
        Notice::WgAnnounced { .. }
        | Notice::WgJoinRequested { .. }
        | Notice::WgReportPosted { .. }
        | Notice::WgReportReminder { .. }
        | Notice::WgReportOverdue { .. }
        | Notice::WgEndingSoon { .. }
        | Notice::WgEndReached { .. }
        | Notice::WgClosedAnnounced { .. } => (msg!("action-wg-post"), None),
        Notice::InactivityContact { .. } => (msg!("action-send-dm"), None),
        // Discord refuses roles at or above the bot's own highest role, too.
        Notice::RoleChange { .. } => (msg!("action-change-role"), None),
        // RFCs and amendments.
        Notice::RfcCardPosted { .. } => (msg!("action-rfc-thread"), None),
        Notice::RfcCardRefresh { .. } | Notice::RfcAnnounced { .. } | Notice::RfcEvent { .. } => {
            (msg!("action-rfc-post"), None)
        }
        // Nominations: said without naming them, since this note is posted publicly.
        Notice::NominationInvite { .. }
        | Notice::NominationNominatorNote { .. }
        | Notice::NominationOutcome { .. } => (msg!("action-send-dm"), None),
        Notice::NominationCardPosted { .. } | Notice::NominationCardRefresh { .. } => {
            (msg!("action-post-tsc-private"), None)
        }
        Notice::NominationTscNote { .. } => (msg!("action-post-tsc-note"), None),
        Notice::NominationWelcome { .. } => (msg!("action-post-welcome"), None),
        // Releases and dependencies.
        Notice::ReleaseThread { .. } => (msg!("action-release-thread"), None),
        Notice::ReleaseBlockerDecided { .. } => (msg!("action-send-dm"), None),
        Notice::ReleaseCardPosted { .. }
        | Notice::ReleaseCardRefresh { .. }
        | Notice::ReleaseBlockerReported { .. }
        | Notice::ReleaseBlockerDecidedInThread { .. }
        | Notice::ReleaseNotApproved { .. }
        | Notice::ReleaseStale { .. }
        | Notice::ReleaseAnnounced { .. }
        | Notice::DependencyCardPosted { .. }
        | Notice::DependencyCardRefresh { .. } => (msg!("action-release-post"), None),
        // Cases, the annual review's publication, dissolution. A case's notice names no one.
        Notice::CaseThread { .. } => (msg!("action-case-thread"), None),
        Notice::CaseCardRefresh { .. }
        | Notice::CaseNoted { .. }
        | Notice::ConflictDecisionProposed { .. }
        | Notice::ConflictMediatorWanted { .. } => (msg!("action-case-post"), None),
        Notice::CaseReporterTold { .. } => (msg!("action-send-dm"), None),
        Notice::ConductTimeout { .. } => (msg!("action-case-timeout"), None),
        Notice::AnnualReviewDraft { channel_id, .. } => {
            (msg!("action-post-announcement"), Some(*channel_id))
        }
        Notice::AnnualReviewPublished { .. }
        | Notice::DissolutionNotice { .. }
        | Notice::DissolutionCalledOff { .. } => (msg!("action-post-community"), None),
    };
    let channel = channel.map(|c| format!("<#{c}>")).unwrap_or_default();
    tr(locale, id, Some(&args([("channel", channel.into())])))
}

fn channel_or_unset(channel: Option<u64>, locale: &str) -> String {
    channel
        .map(|c| format!("<#{c}>"))
        .unwrap_or_else(|| tr(locale, msg!("govern-unset"), None))
}

/// The set-up as `/govern show` and `/govern setup` show it.
pub fn config_text(config: &GuildConfig, locale: &str) -> String {
    let role = |gov: GovRole| {
        config
            .role_id(gov)
            .map(|id| format!("<@&{id}>"))
            .unwrap_or_else(|| tr(locale, msg!("govern-unset"), None))
    };
    let channel = |id: Option<u64>| channel_or_unset(id, locale);
    tr(
        locale,
        msg!("govern-config"),
        Some(&args([
            ("tsc", role(GovRole::Tsc).into()),
            ("maintainers", role(GovRole::Maintainer).into()),
            ("contributors", role(GovRole::Contributor).into()),
            ("security", role(GovRole::SecurityTeam).into()),
            ("emeritus", role(GovRole::Emeritus).into()),
            ("announcements", channel(config.announce_channel_id).into()),
            ("tsc_channel", channel(config.tsc_channel_id).into()),
            ("wg_category", channel(config.wg_category_id).into()),
            (
                "rfc_channel",
                channel(config.channel(ChannelPurpose::Rfc)).into(),
            ),
            (
                "releases_channel",
                channel(config.channel(ChannelPurpose::Releases)).into(),
            ),
            (
                "security_channel",
                channel(config.channel(ChannelPurpose::Security)).into(),
            ),
            (
                "maintainers_channel",
                channel(config.channel(ChannelPurpose::Maintainers)).into(),
            ),
            ("locale", config.locale.as_str().into()),
        ])),
    )
}

/// What changed in a set-up change, one line per part: before → after.
pub fn setup_changed_text(
    locale: &str,
    changed_by: u64,
    before: Option<&SetupSnapshot>,
    after: &SetupSnapshot,
) -> String {
    let nothing = || tr(locale, msg!("setup-nothing"), None);
    let roles = |s: &SetupSnapshot| {
        let list: Vec<String> = s
            .roles
            .iter()
            .map(|(role, id)| format!("{} <@&{id}>", role.key()))
            .collect();
        if list.is_empty() {
            nothing()
        } else {
            list.join(", ")
        }
    };
    let channels = |s: &SetupSnapshot| {
        let list: Vec<String> = s
            .channels
            .iter()
            .map(|(purpose, id)| format!("{} <#{id}>", purpose.key()))
            .collect();
        if list.is_empty() {
            nothing()
        } else {
            list.join(", ")
        }
    };
    let channel = |id: Option<u64>| channel_or_unset(id, locale);
    type Part<'a> = (&'static str, Box<dyn Fn(&SetupSnapshot) -> String + 'a>);
    let parts: [Part; 6] = [
        (msg!("setup-field-roles"), Box::new(roles)),
        (
            msg!("setup-field-announcements"),
            Box::new(|s: &SetupSnapshot| channel(s.announce_channel_id)),
        ),
        (
            msg!("setup-field-tsc-channel"),
            Box::new(|s: &SetupSnapshot| channel(s.tsc_channel_id)),
        ),
        (
            msg!("setup-field-wg-category"),
            Box::new(|s: &SetupSnapshot| channel(s.wg_category_id)),
        ),
        (msg!("setup-field-channels"), Box::new(channels)),
        (
            msg!("setup-field-locale"),
            Box::new(|s: &SetupSnapshot| s.locale.clone()),
        ),
    ];
    let mut lines = vec![tr(
        locale,
        msg!("setup-changed"),
        Some(&args([("member", format!("<@{changed_by}>").into())])),
    )];
    for (field, show) in &parts {
        let was = before.map(show).unwrap_or_else(nothing);
        let is = show(after);
        if was != is {
            lines.push(tr(
                locale,
                msg!("setup-changed-line"),
                Some(&args([
                    ("field", tr(locale, field, None).into()),
                    ("before", was.into()),
                    ("after", is.into()),
                ])),
            ));
        }
    }
    lines.join("\n")
}

/// Every number of the policy in force.
pub fn policy_text(policy: &Policy, locale: &str) -> String {
    let mut lines = vec![tr(locale, msg!("govern-policy-header"), None)];
    lines.extend(
        PolicyKey::ALL
            .iter()
            .copied()
            .map(|key| format!("`{}` = `{}`", key.name(), policy.value_of(key))),
    );
    lines.join("\n")
}

/// The TSC's note that a delivery lacks a permission: the permission the refused request
/// needed, when the route tells it (Discord's answer does not).
pub fn permission_missing_text(locale: &str, failed: &Notice, detail: &str) -> String {
    let action = notice_action(locale, failed);
    let needs = capabilities::needs_in(detail);
    if needs.is_empty() {
        return tr(
            locale,
            msg!("permission-missing"),
            Some(&args([
                ("action", action.into()),
                ("detail", detail.into()),
            ])),
        );
    }
    let names: Vec<String> = needs
        .iter()
        .map(|p| tr(locale, &format!("check-perm-{}", p.key()), None))
        .collect();
    tr(
        locale,
        msg!("permission-missing-named"),
        Some(&args([
            ("action", action.into()),
            ("permissions", names.join(", ").into()),
        ])),
    )
}

/// A channel the set-up names was deleted; `what` is "announcements", "tsc" or "wg-category".
pub fn setup_channel_gone_text(locale: &str, what: &str) -> String {
    tr(
        locale,
        msg!("setup-channel-gone"),
        Some(&args([("what", what.into())])),
    )
}

/// The announcement of a policy change.
pub fn policy_changed_text(locale: &str, key: PolicyKey, value: &str, changed_by: u64) -> String {
    tr(
        locale,
        msg!("policy-changed-announcement"),
        Some(&args([
            ("setting", key.name().into()),
            ("value", value.into()),
            ("member", format!("<@{changed_by}>").into()),
        ])),
    )
}
