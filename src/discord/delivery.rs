//! Delivers each outbox notice through the feature that owns it: the one place that maps a
//! notice to its Discord rendering and requests.

use super::publisher::DiscordPublisher;
use super::{
    annual_review, ballot, case, dependency, dissolution, github, guild, nomination, release, rfc,
    succession, working_group,
};
use crate::app::delivery::{DeliveryError, OutboxItem, Publisher};
use crate::app::outbox::Notice;

impl Publisher for DiscordPublisher {
    async fn deliver(&self, item: &OutboxItem) -> Result<Option<u64>, DeliveryError> {
        let locale = self.guild_locale(item.guild_id).await;
        match &item.notice {
            Notice::BallotPosted { .. }
            | Notice::BallotRefresh { .. }
            | Notice::BallotResult { .. }
            | Notice::BallotReminder { .. } => ballot::publish::deliver(self, item, locale).await,
            Notice::PermissionMissing { .. }
            | Notice::PolicyChanged { .. }
            | Notice::SetupChanged { .. } => guild::publish::deliver(self, item, locale).await,
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
