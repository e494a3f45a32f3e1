//! Each notice's dedupe key and how a repeat of it is treated: part of the outbox registry
//! (`outbox.rs`), kept beside it so that the registry's list of notices reads on its own.

use chrono::Datelike;

use super::{Notice, Repeat};

impl Notice {
    /// The dedupe key: what makes two notices the same one.
    pub fn key(&self, guild_id: u64) -> String {
        match self {
            Self::BallotPosted { ballot_id } => format!("ballot:{ballot_id}:post"),
            Self::BallotRefresh { ballot_id } => format!("ballot:{ballot_id}:refresh"),
            Self::BallotResult { ballot_id, .. } => format!("ballot:{ballot_id}:result"),
            Self::BallotReminder { ballot_id, .. } => format!("ballot:{ballot_id}:reminder"),
            Self::PermissionMissing { item_id, .. } => format!("permission:{item_id}"),
            Self::PolicyChanged { key, at_ms, .. } => {
                format!("policy:{guild_id}:{}:{at_ms}", key.name())
            }
            Self::SetupChanged { decision_id, .. } => format!("decision:{decision_id}:tsc"),
            Self::SetupChannelGone { channel_id, .. } => {
                format!("setup-gone:{guild_id}:{channel_id}")
            }
            Self::WgProvision { wg_id } => format!("wg:{wg_id}:provision"),
            Self::WgAnnounced { wg_id } => format!("wg:{wg_id}:announce"),
            Self::WgMemberRole { wg_id, user_id, .. } => format!("wg-role:{wg_id}:{user_id}"),
            Self::WgJoinRequested { request_id } => format!("wg-join:{request_id}"),
            Self::WgReportPosted { report_id } => format!("wg-report:{report_id}"),
            Self::WgReportReminder { wg_id, due_ms } => {
                format!("wg:{wg_id}:report-reminder:{due_ms}")
            }
            Self::WgReportOverdue { wg_id, due_ms } => {
                format!("wg:{wg_id}:report-overdue:{due_ms}")
            }
            Self::WgEndingSoon { wg_id, to_tsc } => format!("wg:{wg_id}:ending-soon:{to_tsc}"),
            Self::WgEndReached { wg_id } => format!("wg:{wg_id}:end-reached"),
            Self::WgArchive { wg_id } => format!("wg:{wg_id}:archive"),
            Self::WgClosedAnnounced { wg_id } => format!("wg:{wg_id}:closed"),
            Self::InactivityContact { step_id, .. } => format!("succession:{step_id}:dm"),
            Self::InactivityReported { step_id, .. } => format!("succession:{step_id}:tsc"),
            Self::InactivityDmUndeliverable { step_id, .. } => {
                format!("succession:{step_id}:dm-failed")
            }
            Self::InactivityAnswered { step_id, .. } => format!("succession:{step_id}:answered"),
            Self::RoleChange {
                member_id,
                role_id,
                add,
                at_ms,
            } => format!("roles:{guild_id}:{member_id}:{role_id}:{add}:{at_ms}"),
            Self::EmeritusAnnounced {
                member_id, at_ms, ..
            } => format!("emeritus:{guild_id}:{member_id}:{at_ms}"),
            Self::NominationsNeeded { role, at_ms, .. } => {
                format!("nominations:{guild_id}:{}:{at_ms}", role.key())
            }
            // GitHub activity.
            Self::GithubPollFailing { since_ms } => format!("github:{guild_id}:failing:{since_ms}"),
            Self::AnnualReview { to, .. } => format!("annual-review:{guild_id}:{}", to.year()),
            // RFCs and amendments.
            Self::RfcCardPosted { rfc_id } => format!("rfc:{rfc_id}:card"),
            Self::RfcCardRefresh { rfc_id } => format!("rfc:{rfc_id}:card-refresh"),
            Self::RfcAnnounced { rfc_id } => format!("rfc:{rfc_id}:announce"),
            Self::RfcEvent { event_id, place } => format!("rfc-event:{event_id}:{place:?}"),
            // Nominations.
            Self::NominationInvite { nomination_id } => {
                format!("nomination:{nomination_id}:invite")
            }
            Self::NominationCardPosted { nomination_id } => {
                format!("nomination:{nomination_id}:card")
            }
            Self::NominationCardRefresh { nomination_id } => {
                format!("nomination:{nomination_id}:card-refresh")
            }
            Self::NominationTscNote {
                nomination_id,
                note,
                ..
            } => format!("nomination:{nomination_id}:tsc:{}", note.key()),
            Self::NominationNominatorNote {
                nomination_id,
                note,
            } => format!("nomination:{nomination_id}:nominator:{}", note.key()),
            Self::NominationOutcome { nomination_id } => {
                format!("nomination:{nomination_id}:outcome")
            }
            Self::NominationWelcome { nomination_id } => {
                format!("nomination:{nomination_id}:welcome")
            }
            // Releases and dependencies.
            Self::ReleaseCardPosted { release_id } => format!("release:{release_id}:card"),
            Self::ReleaseCardRefresh { release_id } => format!("release:{release_id}:refresh"),
            Self::ReleaseThread { release_id } => format!("release:{release_id}:thread"),
            Self::ReleaseBlockerReported { blocker_id } => {
                format!("release-blocker:{blocker_id}:report")
            }
            Self::ReleaseBlockerDecided { blocker_id } => {
                format!("release-blocker:{blocker_id}:decided")
            }
            Self::ReleaseBlockerDecidedInThread { blocker_id } => {
                format!("release-blocker:{blocker_id}:decided-thread")
            }
            Self::ReleaseNotApproved {
                release_id,
                ballot_id,
            } => format!("release:{release_id}:not-approved:{ballot_id}"),
            Self::ReleaseStale {
                release_id,
                since_ms,
            } => format!("release:{release_id}:stale:{since_ms}"),
            Self::ReleaseAnnounced { release_id } => format!("release:{release_id}:announce"),
            Self::DependencyCardPosted { dependency_id } => {
                format!("dependency:{dependency_id}:card")
            }
            Self::DependencyCardRefresh { dependency_id } => {
                format!("dependency:{dependency_id}:refresh")
            }
            // Cases, the annual review's publication, dissolution.
            Self::CaseThread { case_id } => format!("case:{case_id}:thread"),
            Self::CaseCardRefresh { case_id } => format!("case:{case_id}:card"),
            Self::CaseNoted {
                case_id,
                note,
                at_ms,
            } => format!("case:{case_id}:note:{}:{at_ms}", note.key()),
            Self::ConflictMediatorWanted { case_id, .. } => format!("case:{case_id}:mediator"),
            Self::ConflictDecisionProposed { ballot_id, .. } => {
                format!("ballot:{ballot_id}:conflict-decision")
            }
            Self::CaseReporterTold {
                case_id,
                note,
                at_ms,
            } => format!("case:{case_id}:reporter:{note:?}:{at_ms}"),
            Self::ConductTimeout { case_id, .. } => format!("case:{case_id}:timeout"),
            Self::AnnualReviewDraft { review_id, .. } => format!("review:{review_id}:draft"),
            Self::AnnualReviewPublished { review_id } => format!("review:{review_id}:published"),
            Self::DissolutionNotice {
                dissolution_id,
                at_ms,
            } => format!("dissolution:{dissolution_id}:notice:{at_ms}"),
            Self::DissolutionCalledOff { dissolution_id } => {
                format!("dissolution:{dissolution_id}:called-off")
            }
        }
    }

    /// Whether a repeat replaces the pending one or is dropped.
    pub fn repeat(&self) -> Repeat {
        match self {
            Self::BallotPosted { .. }
            | Self::BallotRefresh { .. }
            | Self::WgProvision { .. }
            | Self::WgMemberRole { .. } => Repeat::Latest,
            // RFCs and amendments.
            Self::RfcCardPosted { .. } | Self::RfcCardRefresh { .. } => Repeat::Latest,
            // Nominations.
            Self::NominationCardPosted { .. } | Self::NominationCardRefresh { .. } => {
                Repeat::Latest
            }
            // Releases and dependencies.
            Self::ReleaseCardPosted { .. }
            | Self::ReleaseCardRefresh { .. }
            | Self::DependencyCardPosted { .. }
            | Self::DependencyCardRefresh { .. } => Repeat::Latest,
            // Cases, the annual review's publication, dissolution.
            Self::CaseThread { .. } | Self::CaseCardRefresh { .. } => Repeat::Latest,
            _ => Repeat::Once,
        }
    }
}
