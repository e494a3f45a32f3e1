//! What members read of the server's set-up: `/govern show`, `/govern policy`, the policy
//! change announcement and the TSC's note about a missing permission.

use crate::app::outbox::Notice;
use crate::governance::policy::{Policy, PolicyKey};
use crate::governance::roles::GovRole;
use crate::i18n::{args, tr};
use crate::msg;
use crate::store::guild::GuildConfig;

/// What a notice was trying to do, for telling the TSC about a missing permission.
pub fn notice_action(locale: &str, notice: &Notice) -> String {
    let (id, channel) = match notice {
        Notice::BallotPosted { .. } => (msg!("action-post-ballot"), None),
        Notice::BallotRefresh { .. } => (msg!("action-edit-ballot"), None),
        Notice::BallotResult { channel_id, .. } => (msg!("action-post-result"), Some(*channel_id)),
        Notice::BallotReminder { .. } => (msg!("action-post-reminder"), None),
        Notice::PermissionMissing { channel_id, .. }
        | Notice::PolicyChanged { channel_id, .. }
        | Notice::InactivityReported { channel_id, .. }
        | Notice::InactivityDmUndeliverable { channel_id, .. }
        | Notice::InactivityAnswered { channel_id, .. }
        | Notice::EmeritusAnnounced { channel_id, .. }
        | Notice::NominationsNeeded { channel_id, .. }
        | Notice::AnnualReview { channel_id, .. } => {
            (msg!("action-post-announcement"), Some(*channel_id))
        }
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
    };
    let channel = channel.map(|c| format!("<#{c}>")).unwrap_or_default();
    tr(locale, id, Some(&args([("channel", channel.into())])))
}

/// The set-up as `/govern show` and `/govern setup` show it.
pub fn config_text(config: &GuildConfig, locale: &str) -> String {
    let role = |gov: GovRole| {
        config
            .role_id(gov)
            .map(|id| format!("<@&{id}>"))
            .unwrap_or_else(|| tr(locale, msg!("govern-unset"), None))
    };
    tr(
        locale,
        msg!("govern-config"),
        Some(&args([
            ("tsc", role(GovRole::Tsc).into()),
            ("maintainers", role(GovRole::Maintainer).into()),
            ("contributors", role(GovRole::Contributor).into()),
            ("security", role(GovRole::SecurityTeam).into()),
            ("emeritus", role(GovRole::Emeritus).into()),
            (
                "announcements",
                config
                    .announce_channel_id
                    .map(|c| format!("<#{c}>"))
                    .unwrap_or_else(|| tr(locale, msg!("govern-unset"), None))
                    .into(),
            ),
            (
                "tsc_channel",
                config
                    .tsc_channel_id
                    .map(|c| format!("<#{c}>"))
                    .unwrap_or_else(|| tr(locale, msg!("govern-unset"), None))
                    .into(),
            ),
            (
                "wg_category",
                config
                    .wg_category_id
                    .map(|c| format!("<#{c}>"))
                    .unwrap_or_else(|| tr(locale, msg!("govern-unset"), None))
                    .into(),
            ),
            ("locale", config.locale.as_str().into()),
        ])),
    )
}

/// Every number of the policy in force.
pub fn policy_text(policy: &Policy, locale: &str) -> String {
    let mut lines = vec![tr(locale, msg!("govern-policy-header"), None)];
    lines.extend(
        PolicyKey::ALL
            .into_iter()
            .map(|key| format!("`{}` = `{}`", key.name(), policy.value_of(key))),
    );
    lines.join("\n")
}

/// The TSC's note that a delivery lacks a permission.
pub fn permission_missing_text(locale: &str, failed: &Notice, detail: &str) -> String {
    tr(
        locale,
        msg!("permission-missing"),
        Some(&args([
            ("action", notice_action(locale, failed).into()),
            ("detail", detail.into()),
        ])),
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
