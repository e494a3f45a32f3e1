//! Delivers each outbox notice through the feature that owns it: the one place that maps a
//! notice to its Discord rendering and requests, and tells a deleted channel of the set-up
//! from any other unknown channel.

use reqwest::Method;

use super::publisher::DiscordPublisher;
use super::rest::UNKNOWN_CHANNEL;
use super::{
    annual_review, ballot, case, dependency, dissolution, github, guild, nomination, release, rfc,
    succession, working_group,
};
use crate::app::delivery::{DeliveryError, OutboxItem, Publisher};
use crate::app::outbox::Notice;

impl Publisher for DiscordPublisher {
    async fn deliver(&self, item: &OutboxItem) -> Result<Option<u64>, DeliveryError> {
        match self.deliver_notice(item).await {
            // An unknown channel may be one the set-up names: then the item waits for a new
            // set-up instead of being given up.
            Err(e) if e.discord_code() == Some(UNKNOWN_CHANNEL) => {
                Err(self.setup_channel_gone(item.guild_id).await.unwrap_or(e))
            }
            other => other,
        }
    }
}

impl DiscordPublisher {
    /// The first channel the guild's set-up names that Discord no longer knows, if any.
    async fn setup_channel_gone(&self, guild_id: u64) -> Option<DeliveryError> {
        let config = self.config(guild_id).await.ok()?;
        let named = [
            ("announcements", config.announce_channel_id),
            ("tsc", config.tsc_channel_id),
            ("wg-category", config.wg_category_id),
        ];
        for (what, channel_id) in named {
            let Some(channel_id) = channel_id else {
                continue;
            };
            let path = format!("/channels/{channel_id}");
            let answer = self.rest().request(Method::GET, &path, None::<&()>).await;
            if answer.is_err_and(|e| e.discord_code() == Some(UNKNOWN_CHANNEL)) {
                return Some(DeliveryError::SetupChannelGone {
                    channel_id,
                    what: what.into(),
                });
            }
        }
        None
    }

    async fn deliver_notice(&self, item: &OutboxItem) -> Result<Option<u64>, DeliveryError> {
        let locale = self.guild_locale(item.guild_id).await;
        match &item.notice {
            Notice::BallotPosted { .. }
            | Notice::BallotRefresh { .. }
            | Notice::BallotResult { .. }
            | Notice::BallotReminder { .. } => ballot::publish::deliver(self, item, locale).await,
            Notice::PermissionMissing { .. }
            | Notice::PolicyChanged { .. }
            | Notice::SetupChanged { .. }
            | Notice::SetupChannelGone { .. } => guild::publish::deliver(self, item, locale).await,
            Notice::WgProvision { .. }
            | Notice::WgAnnounced { .. }
            | Notice::WgMemberRole { .. }
            | Notice::WgJoinRequested { .. }
            | Notice::WgReportPosted { .. }
            | Notice::WgReportReminder { .. }
            | Notice::WgReportOverdue { .. }
            | Notice::WgEndingSoon { .. }
            | Notice::WgEndReached { .. }
            | Notice::WgArchive { .. }
            | Notice::WgClosedAnnounced { .. } => {
                working_group::publish::deliver(self, item, locale).await
            }
            Notice::InactivityContact { .. }
            | Notice::InactivityReported { .. }
            | Notice::InactivityDmUndeliverable { .. }
            | Notice::InactivityAnswered { .. }
            | Notice::RoleChange { .. }
            | Notice::EmeritusAnnounced { .. }
            | Notice::NominationsNeeded { .. } => {
                succession::publish::deliver(self, item, locale).await
            }
            // GitHub activity.
            Notice::GithubPollFailing { .. } => github::publish::deliver(self, item, locale).await,
            Notice::AnnualReview { .. } => {
                annual_review::publish::deliver(self, item, locale).await
            }
            // RFCs and amendments.
            Notice::RfcCardPosted { .. }
            | Notice::RfcCardRefresh { .. }
            | Notice::RfcAnnounced { .. }
            | Notice::RfcEvent { .. } => rfc::publish::deliver(self, item, locale).await,
            // Nominations.
            Notice::NominationInvite { .. }
            | Notice::NominationCardPosted { .. }
            | Notice::NominationCardRefresh { .. }
            | Notice::NominationTscNote { .. }
            | Notice::NominationNominatorNote { .. }
            | Notice::NominationOutcome { .. }
            | Notice::NominationWelcome { .. } => {
                nomination::publish::deliver(self, item, locale).await
            }
            // Releases and dependencies.
            Notice::ReleaseCardPosted { .. }
            | Notice::ReleaseCardRefresh { .. }
            | Notice::ReleaseThread { .. }
            | Notice::ReleaseBlockerReported { .. }
            | Notice::ReleaseBlockerDecided { .. }
            | Notice::ReleaseBlockerDecidedInThread { .. }
            | Notice::ReleaseNotApproved { .. }
            | Notice::ReleaseStale { .. }
            | Notice::ReleaseAnnounced { .. } => {
                release::publish::deliver(self, item, locale).await
            }
            Notice::DependencyCardPosted { .. } | Notice::DependencyCardRefresh { .. } => {
                dependency::publish::deliver(self, item, locale).await
            }
            // Cases, the annual review's publication, dissolution.
            Notice::CaseThread { .. }
            | Notice::CaseCardRefresh { .. }
            | Notice::CaseNoted { .. }
            | Notice::ConflictMediatorWanted { .. }
            | Notice::ConflictDecisionProposed { .. }
            | Notice::CaseReporterTold { .. }
            | Notice::ConductTimeout { .. } => case::publish::deliver(self, item, locale).await,
            Notice::AnnualReviewDraft { .. } | Notice::AnnualReviewPublished { .. } => {
                annual_review::publish::deliver(self, item, locale).await
            }
            Notice::DissolutionNotice { .. } | Notice::DissolutionCalledOff { .. } => {
                dissolution::publish::deliver(self, item, locale).await
            }
        }
    }
}
