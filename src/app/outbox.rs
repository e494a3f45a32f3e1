//! The durable outbox: every message or edit the bot owes Discord, queued in the transaction
//! that decided it, delivered by a [`Publisher`] until Discord accepts it, recorded once.

use std::future::Future;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use super::{App, AppResult};
use crate::governance::policy::PolicyKey;
use crate::scheduler::backoff;
use crate::store;

/// What the bot must put on Discord. Stored as JSON: add variants, never rename.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// The ballot message, with its vote buttons, in the channel where it was started.
    BallotPosted { ballot_id: i64 },
    /// An edit of the ballot message to its latest state (coalesced: one pending per ballot).
    BallotRefresh { ballot_id: i64 },
    /// The result of a closed ballot, in the announcement channel.
    BallotResult { ballot_id: i64, channel_id: u64 },
    /// A reminder to the electorate members who have not voted.
    BallotReminder { ballot_id: i64, members: Vec<u64> },
    /// Tells the TSC, in the announcement channel, that the bot lacks a permission to do
    /// `failed` (never raised for itself, so it cannot loop).
    PermissionMissing {
        channel_id: u64,
        failed: Box<Notice>,
        detail: String,
    },
    /// Creates a working group's role and channel, gives its members the role, posts and pins
    /// the charter. Each object is recorded as it is made, so a retry never makes it twice.
    WgProvision { wg_id: i64 },
    /// Announces a new working group.
    WgAnnounced { wg_id: i64 },
    /// Gives (or takes) a working group's role.
    WgMemberRole { wg_id: i64, user_id: u64, add: bool },
    /// Asks the chair, in the group's channel, to decide a join request.
    WgJoinRequested { request_id: i64 },
    /// Posts a report where the TSC reads it.
    WgReportPosted { report_id: i64 },
    /// Reminds the chair in the group's channel that a report is due.
    WgReportReminder { wg_id: i64 },
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
    /// A change of the guild's policy, announced for transparency.
    PolicyChanged {
        channel_id: u64,
        key: PolicyKey,
        value: String,
        changed_by: u64,
    },
    /// The DM asking an inactive member whether they are still active, with the buttons
    /// "I'm still active" and "Move me to emeritus".
    InactivityContact { step_id: i64, member_id: u64 },
    /// Tells the TSC, privately, that an inactive member was contacted.
    InactivityReported {
        channel_id: u64,
        member_id: u64,
        months: u32,
    },
    /// Tells the TSC, privately, that the contact DM could not be delivered (closed DMs).
    InactivityDmUndeliverable { channel_id: u64, member_id: u64 },
    /// Tells the TSC, privately, that a contacted member answered "I'm still active".
    InactivityAnswered { channel_id: u64, member_id: u64 },
    /// Adds or removes one Discord role of a member (the move to emeritus).
    RoleChange {
        member_id: u64,
        role_id: u64,
        add: bool,
    },
    /// Thanks a member who moved to emeritus, in the announcement channel.
    EmeritusAnnounced { channel_id: u64, member_id: u64 },
    /// Asks the TSC to nominate replacements: an office has fewer members than the minimum.
    NominationsNeeded {
        channel_id: u64,
        role: crate::governance::roles::GovRole,
        count: u32,
        min: u32,
    },
    /// The annual review summary of `[from, to)`, posted to the TSC.
    AnnualReview {
        channel_id: u64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
}

/// Queues a notice inside the caller's transaction.
pub async fn enqueue(
    conn: &mut SqliteConnection,
    guild_id: u64,
    dedupe_key: &str,
    notice: &Notice,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let payload = serde_json::to_string(notice).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    store::outbox::enqueue(conn, guild_id, dedupe_key, &payload, now).await
}

/// Queues a one-off notice: never twice under the same key, even after it was delivered.
pub async fn enqueue_once(
    conn: &mut SqliteConnection,
    guild_id: u64,
    dedupe_key: &str,
    notice: &Notice,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let payload = serde_json::to_string(notice).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    store::outbox::enqueue_once(conn, guild_id, dedupe_key, &payload, now).await
}

/// An item handed to the publisher.
#[derive(Debug, Clone)]
pub struct OutboxItem {
    pub id: i64,
    pub guild_id: u64,
    pub attempts: i64,
    pub notice: Notice,
}

/// Why a delivery failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryError {
    /// Discord asked us to wait (429 `retry_after`); never retried earlier than that.
    #[error("rate limited for {0}")]
    RetryAfter(Duration),
    /// A passing failure (5xx, network): retried with backoff.
    #[error("{0}")]
    Failed(String),
    /// The bot lacks a Discord permission: retried with backoff (it works once the permission is
    /// granted), and the TSC is told once what is missing.
    #[error("missing permission: {0}")]
    Forbidden(String),
    /// Discord will never accept it (a member's closed DMs, a deleted channel or message): not
    /// retried; the item is settled as abandoned and its feature reacts (see `on_abandoned`).
    #[error("rejected: {0}")]
    Rejected(String),
}

/// Puts notices on Discord. Implemented by the Discord layer; tests use fakes.
pub trait Publisher: Send + Sync {
    /// Delivers one item; returns the id of the message posted or edited, if any.
    fn deliver(
        &self,
        item: &OutboxItem,
    ) -> impl Future<Output = Result<Option<u64>, DeliveryError>> + Send;
}

/// At most this many items per pass, so that one pass never runs for long.
const BATCH: i64 = 50;

impl App {
    /// Delivers every due item once; returns when the next pending item falls due.
    pub async fn deliver_outbox<P: Publisher>(
        &self,
        publisher: &P,
    ) -> AppResult<Option<DateTime<Utc>>> {
        let due = {
            let mut conn = self.db().acquire().await?;
            store::outbox::due(&mut conn, self.now(), BATCH).await?
        };
        for row in due {
            let notice: Notice = match serde_json::from_str(&row.payload) {
                Ok(n) => n,
                Err(e) => {
                    tracing::error!(outbox_id = row.id, error = %e, "undecodable outbox item");
                    let mut conn = self.db().acquire().await?;
                    let retry = self.now() + Duration::days(1);
                    store::outbox::mark_failed(&mut conn, row.id, "undecodable payload", retry)
                        .await?;
                    continue;
                }
            };
            let item = OutboxItem {
                id: row.id,
                guild_id: row.guild_id,
                attempts: row.attempts,
                notice,
            };
            let result = publisher.deliver(&item).await;
            let now = self.now();
            let mut tx = self.write_tx().await?;
            match result {
                Ok(message_id) => {
                    if let (Notice::BallotPosted { ballot_id }, Some(message_id)) =
                        (&item.notice, message_id)
                    {
                        store::ballots::set_message(&mut tx, *ballot_id, message_id).await?;
                    }
                    if store::outbox::mark_delivered(&mut tx, row.id, row.revision, message_id, now)
                        .await?
                    {
                        super::wg_lifecycle::delivered(&mut tx, &item.notice, now).await?;
                    }
                }
                Err(DeliveryError::Rejected(reason)) => {
                    tracing::warn!(outbox_id = row.id, reason, "delivery rejected for good");
                    store::outbox::mark_abandoned(&mut tx, row.id, &reason, now).await?;
                    self.on_abandoned(&mut tx, &item, now).await?;
                }
                Err(error) => {
                    let wait = match &error {
                        // Honour Discord's wait exactly, but never spin on a zero.
                        DeliveryError::RetryAfter(after) => (*after).max(Duration::seconds(1)),
                        _ => backoff(row.attempts),
                    };
                    tracing::warn!(
                        outbox_id = row.id,
                        attempts = row.attempts + 1,
                        retry_in_s = wait.num_seconds(),
                        error = %error,
                        "delivery failed; will retry"
                    );
                    let first_refusal = matches!(error, DeliveryError::Forbidden(_))
                        && !row
                            .last_error
                            .as_deref()
                            .is_some_and(|e| e.starts_with("missing permission"));
                    if let (true, DeliveryError::Forbidden(detail)) = (first_refusal, &error) {
                        self.report_missing_permission(&mut tx, &item, detail, now)
                            .await?;
                    }
                    store::outbox::mark_failed(&mut tx, row.id, &error.to_string(), now + wait)
                        .await?;
                }
            }
            tx.commit().await?;
        }
        let mut conn = self.db().acquire().await?;
        Ok(store::outbox::next_due(&mut conn).await?)
    }
}

impl App {
    /// Tells the TSC once that a delivery lacks a permission; it keeps being retried.
    async fn report_missing_permission(
        &self,
        conn: &mut SqliteConnection,
        item: &OutboxItem,
        detail: &str,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        if matches!(item.notice, Notice::PermissionMissing { .. }) {
            return Ok(());
        }
        let config = store::guilds::get(conn, item.guild_id).await?;
        let Some(channel_id) = config.and_then(|c| c.announce_channel_id) else {
            return Ok(());
        };
        let notice = Notice::PermissionMissing {
            channel_id,
            failed: Box::new(item.notice.clone()),
            detail: detail.to_owned(),
        };
        enqueue(
            conn,
            item.guild_id,
            &format!("permission:{}", item.id),
            &notice,
            now,
        )
        .await?;
        Ok(())
    }

    /// What happens when Discord refused an item for good. Each feature whose notices can be
    /// refused reacts here, in the same transaction that settles the item.
    async fn on_abandoned(
        &self,
        conn: &mut SqliteConnection,
        item: &OutboxItem,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        match &item.notice {
            // Closed DMs: recorded on the step, and the TSC is told instead.
            Notice::InactivityContact { step_id, member_id } => {
                super::succession::contact_undeliverable(
                    conn,
                    item.guild_id,
                    *step_id,
                    *member_id,
                    now,
                )
                .await
            }
            // A member who left (unknown member) or a role deleted: nothing left to change.
            Notice::RoleChange { .. }
            | Notice::InactivityReported { .. }
            | Notice::InactivityDmUndeliverable { .. }
            | Notice::InactivityAnswered { .. }
            | Notice::EmeritusAnnounced { .. }
            | Notice::NominationsNeeded { .. }
            | Notice::AnnualReview { .. } => Ok(()),
            // A ballot message that was deleted, or a channel gone: the ballot still closes and
            // is announced; the log says why its message could not be posted or edited.
            Notice::BallotPosted { .. }
            | Notice::BallotRefresh { .. }
            | Notice::BallotResult { .. }
            | Notice::BallotReminder { .. }
            | Notice::PermissionMissing { .. }
            | Notice::PolicyChanged { .. } => Ok(()),
            // A working group's channel or message gone, a member who left the server: the
            // group's record stays; the log says what could not be done.
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
            | Notice::WgClosedAnnounced { .. } => Ok(()),
        }
    }
}
