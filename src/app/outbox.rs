//! The one registry of what the bot owes Discord: every message, edit, role or channel change,
//! as a [`Notice`] queued in the transaction that decided it. Each notice knows its dedupe key
//! and how a repeat is treated, so no caller writes a key by hand. `delivery.rs` sends them.
//! Add variants (in the feature's section), never rename: payloads outlive versions. Notices
//! for the TSC name no channel: the TSC's private channel is looked up when they are delivered,
//! so that, while a guild has none, they wait (stored, not lost) instead of going public.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::app::case::notes::{CaseNote, ReporterNote};
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

/// How a notice queued again under the same key is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// One event, one delivery: never queued twice under its key, even after delivery.
    Once,
    /// The latest state wins: while one is pending the queued one is replaced (and one in
    /// flight is delivered again); after delivery it may be queued anew.
    Latest,
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

#[path = "outbox_keys.rs"]
mod keys;

#[cfg(test)]
#[path = "outbox_tests.rs"]
mod tests;
