//! The one registry of what the bot owes Discord: every message, edit, role or channel change,
//! as a [`Notice`] queued in the transaction that decided it. Each notice knows its dedupe key
//! and how a repeat is treated, so no caller writes a key by hand. `delivery.rs` sends them.
//! Add variants (in the feature's section), never rename: payloads outlive versions. Notices
//! for the TSC name no channel: the TSC's private channel is looked up when they are delivered,
//! so that, while a guild has none, they wait (stored, not lost) instead of going public.

use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::governance::nomination::Note;
use crate::governance::policy::PolicyKey;
use crate::governance::roles::GovRole;
use crate::store;
use crate::store::guild::SetupSnapshot;

/// What the bot must put on Discord. Fields added after a variant first shipped carry
/// `#[serde(default)]`, so that items queued by an older version still decode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    // Ballots.
    /// The ballot message, with its vote buttons, in the channel where it was started.
    BallotPosted { ballot_id: i64 },
    /// An edit of the ballot message to its latest state (coalesced: one pending per ballot).
    BallotRefresh { ballot_id: i64 },
    /// The result of a closed ballot: in the announcement channel, or the TSC's for a private
    /// subject (resolved when delivered, so that it waits for a channel that is not set yet).
    BallotResult { ballot_id: i64 },
    /// A reminder to the electorate members who have not voted.
    BallotReminder { ballot_id: i64, members: Vec<u64> },

    // Guild set-up and policy.
    /// Tells the TSC, in the announcement channel, that the bot lacks a permission to do
    /// `failed` (never raised for itself, so it cannot loop).
    PermissionMissing {
        channel_id: u64,
        failed: Box<Notice>,
        detail: String,
        /// The outbox item that failed.
        #[serde(default)]
        item_id: i64,
    },
    /// A change of the guild's policy, announced for transparency.
    PolicyChanged {
        channel_id: u64,
        key: PolicyKey,
        value: String,
        changed_by: u64,
        #[serde(default)]
        at_ms: i64,
    },

    /// Tells the TSC (or, if that channel is the one gone, the announcement channel) that a
    /// channel the set-up names was deleted: what should go there waits for `/govern setup`.
    /// `what`: "announcements", "tsc" or "wg-category".
    SetupChannelGone { channel_id: u64, what: String },

    /// A change of the server's set-up, told to the TSC in its channel: who, and what changed.
    SetupChanged {
        changed_by: u64,
        before: Option<Box<SetupSnapshot>>,
        after: Box<SetupSnapshot>,
        /// The change's entry in the decision log.
        decision_id: i64,
    },

    // Working groups.
    /// Creates (or adopts, after a failure Discord did not tell) a working group's role and
    /// channel, posts and pins the charter. Each object is recorded as it is made, so a retry
    /// never makes it twice; recording the role queues one `WgMemberRole` per member.
    WgProvision { wg_id: i64 },
    /// Announces a new working group.
    WgAnnounced { wg_id: i64 },
    /// Gives (or takes) a working group's role.
    WgMemberRole { wg_id: i64, user_id: u64, add: bool },
    /// Asks the chair, in the group's channel, to decide a join request.
    WgJoinRequested { request_id: i64 },
    /// Posts a report where the TSC reads it.
    WgReportPosted { report_id: i64 },
    /// Reminds the chair in the group's channel that the report due at `due_ms` is due.
    WgReportReminder {
        wg_id: i64,
        #[serde(default)]
        due_ms: i64,
    },
    /// Tells the TSC that a report is overdue.
    WgReportOverdue { wg_id: i64, due_ms: i64 },
    /// Tells the chair (in the group's channel, which a chair outside the TSC can read) or the
    /// TSC (in its channel) that the charter ends soon.
    WgEndingSoon { wg_id: i64, to_tsc: bool },
    /// Tells the TSC the charter ended, with a button to open the closing ballot.
    WgEndReached { wg_id: i64 },
    /// Makes the channel read-only and takes the role back from every member.
    WgArchive { wg_id: i64 },
    /// Announces that a working group closed.
    WgClosedAnnounced { wg_id: i64 },

    // Succession.
    /// The DM asking an inactive member whether they are still active, with the buttons
    /// "I'm still active" and "Move me to emeritus".
    InactivityContact { step_id: i64, member_id: u64 },
    /// Tells the TSC, privately, that an inactive member was contacted.
    InactivityReported {
        member_id: u64,
        months: u32,
        #[serde(default)]
        step_id: i64,
    },
    /// Tells the TSC, privately, that the contact DM could not be delivered (closed DMs).
    InactivityDmUndeliverable {
        member_id: u64,
        #[serde(default)]
        step_id: i64,
    },
    /// Tells the TSC, privately, that a contacted member answered "I'm still active".
    InactivityAnswered {
        member_id: u64,
        #[serde(default)]
        step_id: i64,
    },
    /// Adds or removes one Discord role of a member (the move to emeritus).
    RoleChange {
        member_id: u64,
        role_id: u64,
        add: bool,
        #[serde(default)]
        at_ms: i64,
    },
    /// Thanks a member who moved to emeritus, in the announcement channel.
    EmeritusAnnounced {
        channel_id: u64,
        member_id: u64,
        #[serde(default)]
        at_ms: i64,
    },
    /// Asks the TSC to nominate replacements: an office has fewer members than the minimum.
    NominationsNeeded {
        role: GovRole,
        count: u32,
        min: u32,
        #[serde(default)]
        at_ms: i64,
    },

    // GitHub activity.
    /// Tells the TSC, privately, that GitHub activity could not be read since `since_ms`
    /// (3 days or more): once per run of failures.
    GithubPollFailing { since_ms: i64 },

    // Annual review.
    /// The annual review summary of `[from, to)`, posted to the TSC.
    AnnualReview {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
    // RFCs and amendments.
    /// Creates the proposal's discussion place (a forum post, or a thread in a text channel)
    /// with its pinned card; each object is recorded as it is made.
    RfcCardPosted { rfc_id: i64 },
    /// An edit of the card to the proposal's latest state (coalesced: one pending per proposal).
    RfcCardRefresh { rfc_id: i64 },
    /// Announces a new proposal, linking to its discussion place.
    RfcAnnounced { rfc_id: i64 },
    /// Tells one step of a proposal's history (`rfc_events`) in one place.
    RfcEvent {
        event_id: i64,
        place: crate::governance::rfc::Place,
    },
    // Nominations.
    /// The DM asking the nominee to confirm their interest: the statement, Accept / Decline.
    NominationInvite { nomination_id: i64 },
    /// The nomination's card in the TSC's private place: creates the private thread in the
    /// TSC channel (or uses the channel itself), adds the TSC, posts the card.
    NominationCardPosted { nomination_id: i64 },
    /// An edit of the card to the nomination's latest state (coalesced per nomination).
    NominationCardRefresh { nomination_id: i64 },
    /// A note to the TSC in its private channel (resolved when delivered).
    NominationTscNote { nomination_id: i64, note: Note },
    /// A DM to the nominator.
    NominationNominatorNote { nomination_id: i64, note: Note },
    /// The outcome DM to the nominee: thanks, or the concerns without their authors.
    NominationOutcome { nomination_id: i64 },
    /// The welcome of a new maintainer or TSC member in the announcement channel.
    NominationWelcome { nomination_id: i64 },
    // Releases and dependencies.
    /// A release's card in the releases channel: the seven steps with the current one marked,
    /// the changelog, candidates, feedback and blocking issues.
    ReleaseCardPosted { release_id: i64 },
    /// An edit of the release's card to its latest state (coalesced: one pending per release).
    ReleaseCardRefresh { release_id: i64 },
    /// Opens the release's thread on its card (with the first candidate).
    ReleaseThread { release_id: i64 },
    /// Posts a blocking issue in the release's thread, with the maintainers' buttons.
    ReleaseBlockerReported { blocker_id: i64 },
    /// Tells the reporter, by DM, how their blocking issue was decided.
    ReleaseBlockerDecided { blocker_id: i64 },
    /// The same, as a mention in the release's thread, when the DM was refused.
    ReleaseBlockerDecidedInThread { blocker_id: i64 },
    /// Tells the proposer that a ballot on their release did not approve it.
    ReleaseNotApproved { release_id: i64, ballot_id: i64 },
    /// Reminds the proposer that a step has waited since `since_ms`.
    ReleaseStale { release_id: i64, since_ms: i64 },
    /// Announces the published release to the community, with its changelog and links.
    ReleaseAnnounced { release_id: i64 },
    /// A dependency proposal's card.
    DependencyCardPosted { dependency_id: i64 },
    /// An edit of a dependency proposal's card to its latest state.
    DependencyCardRefresh { dependency_id: i64 },
    // Cases, the annual review's publication, dissolution.
    /// Makes a case's private thread (once; recorded at once), adds every member who may read
    /// the case, and posts the case's card (its id recorded on delivery). Queued again when
    /// readers are added.
    CaseThread { case_id: i64 },
    /// An edit of the case's card to its latest state (coalesced: one pending per case).
    CaseCardRefresh { case_id: i64 },
    /// A note in the case's thread about what just happened, pinging whom it asks to act.
    CaseNoted {
        case_id: i64,
        note: CaseNote,
        at_ms: i64,
    },
    /// Asks the maintainers, in their channel (or the TSC's), for a mediator: the case's number
    /// and an "I'll mediate" button, nothing else.
    ConflictMediatorWanted { case_id: i64 },
    /// The decision proposed on a conflict, for the TSC in its channel while it votes.
    ConflictDecisionProposed { case_id: i64, ballot_id: i64 },
    /// A DM to the member who filed a report: received, acknowledged, handled.
    CaseReporterTold {
        case_id: i64,
        note: ReporterNote,
        at_ms: i64,
    },
    /// Times out a reported member, as the TSC recorded.
    ConductTimeout {
        case_id: i64,
        member_id: u64,
        until_ms: i64,
    },
    /// The completed annual review, where the TSC votes on it.
    AnnualReviewDraft { review_id: i64, channel_id: u64 },
    /// The approved annual review, shared with the community in the announcement channel.
    AnnualReviewPublished { review_id: i64 },
    /// The dissolution notice to the community: at once, monthly, a week before.
    DissolutionNotice { dissolution_id: i64, at_ms: i64 },
    /// The community is told a decided dissolution was called off.
    DissolutionCalledOff { dissolution_id: i64 },
}

/// What a note in a case's thread says (its text is rendered from the case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum CaseNote {
    /// A party asks to move on before the period ends; the other is asked to agree.
    EscalationAsked {
        by: u64,
        other: u64,
    },
    /// Maintainers were asked for a mediator.
    MediationRequested,
    MediatorJoined {
        mediator: u64,
    },
    /// The case is before the TSC, whose members joined the thread.
    WithTsc,
    /// The TSC's final decision, told to the parties.
    Decided,
    /// The TSC did not approve the decision proposed; another may be proposed.
    DecisionRejected,
    /// A party marked the conflict resolved.
    ResolvedByParty {
        by: u64,
    },
    /// The TSC recorded its response to a conduct report.
    Responded {
        by: u64,
    },
    /// A security report was acknowledged, or resolved.
    Acknowledged {
        by: u64,
    },
    SecurityResolved {
        by: u64,
    },
    /// Nobody acknowledged a security report in time: the team is reminded.
    AckReminder,
    /// The reporter's DMs are closed; they can read the state with `/report status`.
    ReporterUnreachable,
    /// The timeout could not be applied (no Moderate Members, or the member ranks higher).
    TimeoutFailed,
}

/// What a reporter is told by DM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReporterNote {
    /// A conduct report was handled by the TSC (never how: that concerns another member).
    ConductHandled,
    /// A team member acknowledged the security report.
    SecurityAcknowledged,
    /// Nobody acknowledged it in time: the team was reminded; the expected timeline.
    SecurityTimeline,
    /// The security team resolved the report.
    SecurityResolved,
}

/// How a notice queued again under the same key is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// One event, one delivery: never queued twice under its key, even after delivery.
    Once,
    /// The latest state wins: while one is pending the queued one is replaced (and one in
    /// flight is delivered again); after delivery it may be queued anew.
    Latest,
}

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

impl CaseNote {
    /// The note's kind, for its dedupe key.
    pub fn key(self) -> &'static str {
        match self {
            Self::EscalationAsked { .. } => "escalation-asked",
            Self::MediationRequested => "mediation-requested",
            Self::MediatorJoined { .. } => "mediator-joined",
            Self::WithTsc => "with-tsc",
            Self::Decided => "decided",
            Self::DecisionRejected => "decision-rejected",
            Self::ResolvedByParty { .. } => "resolved",
            Self::Responded { .. } => "responded",
            Self::Acknowledged { .. } => "acknowledged",
            Self::SecurityResolved { .. } => "security-resolved",
            Self::AckReminder => "ack-reminder",
            Self::ReporterUnreachable => "reporter-unreachable",
            Self::TimeoutFailed => "timeout-failed",
        }
    }
}

/// Queues a notice inside the caller's transaction; returns whether it was added (a `Once`
/// notice already queued is not).
pub async fn queue(
    conn: &mut SqliteConnection,
    guild_id: u64,
    notice: &Notice,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let payload = serde_json::to_string(notice).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let key = notice.key(guild_id);
    match notice.repeat() {
        Repeat::Once => store::outbox::enqueue_once(conn, guild_id, &key, &payload, now).await,
        Repeat::Latest => store::outbox::enqueue(conn, guild_id, &key, &payload, now)
            .await
            .map(|()| true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_queued_by_older_versions_still_decode() {
        let old = r#"{"kind":"inactivity_reported","channel_id":5,"member_id":6,"months":3}"#;
        let notice: Notice = serde_json::from_str(old).unwrap();
        assert_eq!(
            notice,
            Notice::InactivityReported {
                member_id: 6,
                months: 3,
                step_id: 0
            }
        );
    }

    #[test]
    fn events_of_the_same_kind_get_different_keys() {
        let a = Notice::RoleChange {
            member_id: 1,
            role_id: 2,
            add: true,
            at_ms: 10,
        };
        let b = Notice::RoleChange {
            member_id: 1,
            role_id: 2,
            add: true,
            at_ms: 20,
        };
        assert_ne!(a.key(9), b.key(9));
        assert_eq!(a.key(9), a.clone().key(9));
        assert_eq!(
            Notice::BallotRefresh { ballot_id: 3 }.repeat(),
            Repeat::Latest
        );
        assert_eq!(Notice::BallotResult { ballot_id: 3 }.repeat(), Repeat::Once);
    }
}
