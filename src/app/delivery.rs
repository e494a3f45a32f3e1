//! Delivering the outbox: claims due notices, hands each to a [`Publisher`] (the Discord layer;
//! tests use fakes), and settles it in one transaction with whatever its feature does once
//! Discord answered. The one place that maps a delivery's outcome to a feature's reaction.

use std::future::Future;

use chrono::{DateTime, Duration, Utc};
use sqlx::SqliteConnection;

use super::outbox::{self, Notice};
use super::{
    App, AppResult, case, dependency, nomination, release, rfc, succession, working_group,
};
use crate::store::queue::{OUTBOX, backoff};
use crate::store::{self, guild};

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
    /// retried; the item is settled as abandoned and its feature reacts.
    #[error("rejected: {0}")]
    Rejected(String),
    /// A channel the guild's set-up names (announcements, the TSC's, the working-group
    /// category) was deleted: the item waits like [`DeliveryError::Waiting`], the TSC is told
    /// once, and `/govern setup` naming a new one delivers everything that waited.
    #[error("waiting: the {what} channel {channel_id} no longer exists")]
    SetupChannelGone { channel_id: u64, what: String },
    /// Discord refused the bot's token (401): nothing can be delivered until an operator gives
    /// a valid one. Deliveries stop, every item is kept as it is, and a restart resumes them.
    #[error("unauthorized: Discord refused the bot's token")]
    Unauthorized,
    /// The guild's set-up lacks where it goes (no private TSC channel yet): kept, and delivered
    /// once the set-up names one (`/govern setup` wakes the guild's waiting items).
    #[error("waiting: {0}")]
    Waiting(String),
}

impl DeliveryError {
    /// Discord's JSON error code of a refused request (`HTTP 404 (10008): Unknown Message`),
    /// as the REST client words it.
    pub fn discord_code(&self) -> Option<i64> {
        let (Self::Rejected(m) | Self::Failed(m) | Self::Forbidden(m)) = self else {
            return None;
        };
        let rest = m.strip_prefix("HTTP ")?;
        let open = rest.find('(')?;
        let close = rest[open..].find(')')? + open;
        rest[open + 1..close].parse().ok()
    }
}

/// How long an item waiting for the set-up sleeps before it looks again by itself.
const WAITING_RETRY: Duration = Duration::hours(1);
/// The longest an item waits for Discord's `retry_after`: a huge or absurd value (Discord's
/// global limit is seconds; a proxy may send anything) never parks an item for good.
pub const MAX_RETRY_AFTER: Duration = Duration::hours(1);

/// How long to wait before retrying after `error`, its `attempts`-th failure: Discord's wait
/// (clamped to a second .. an hour), an hour for the set-up, else backoff.
pub fn retry_wait(error: &DeliveryError, attempts: i64) -> Duration {
    match error {
        // Honour Discord's wait, but never spin on a zero nor overflow on a huge one.
        DeliveryError::RetryAfter(after) => (*after).clamp(Duration::seconds(1), MAX_RETRY_AFTER),
        DeliveryError::Waiting(_) | DeliveryError::SetupChannelGone { .. } => WAITING_RETRY,
        _ => backoff(attempts),
    }
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
/// A claimed item comes back by itself if this process dies before settling it.
const LEASE: Duration = Duration::minutes(2);

impl App {
    /// At start-up, before the loops run: what the previous process had claimed but not
    /// settled (it was killed) is due at once, in both queues.
    pub async fn release_claims(&self) -> AppResult<()> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let outbox = OUTBOX.release_claims(&mut tx, now).await?;
        let jobs = crate::store::queue::JOBS
            .release_claims(&mut tx, now)
            .await?;
        tx.commit().await?;
        if outbox + jobs > 0 {
            tracing::info!(outbox, jobs, "resumed what the previous run left claimed");
        }
        Ok(())
    }

    /// Delivers every due item once; returns when the next pending item falls due.
    pub async fn deliver_outbox<P: Publisher>(
        &self,
        publisher: &P,
    ) -> AppResult<Option<DateTime<Utc>>> {
        if self.delivery_halted() {
            // A 401 stopped deliveries: nothing is claimed, tried or counted until a restart.
            return Ok(None);
        }
        // Woken far more often than items fall due (every vote wakes it): look first, on a
        // reader, and take the writer only when there is something to claim.
        let next = {
            let mut conn = self.db().acquire().await?;
            OUTBOX.next_due(&mut conn).await?
        };
        if next.is_none_or(|at| at > self.now()) {
            return Ok(next);
        }
        let rows = {
            let mut tx = self.write_tx().await?;
            let ids = OUTBOX.claim_due(&mut tx, self.now(), LEASE, BATCH).await?;
            let rows = store::outbox::get_many(&mut tx, &ids).await?;
            tx.commit().await?;
            rows
        };
        for (n, row) in rows.iter().enumerate() {
            let notice: Notice = match serde_json::from_str(&row.payload) {
                Ok(n) => n,
                Err(e) => {
                    tracing::error!(outbox_id = row.id, error = %e, "undecodable outbox item");
                    let mut tx = self.write_tx().await?;
                    let retry = self.now() + Duration::days(1);
                    OUTBOX
                        .failed(&mut tx, row.id, "undecodable payload", retry)
                        .await?;
                    tx.commit().await?;
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
            if result == Err(DeliveryError::Unauthorized) {
                // The token is wrong: no item is failed, abandoned or counted. This one and the
                // rest of the batch are due again at once, for the restart that fixes it.
                for pending in &rows[n..] {
                    OUTBOX.due_at(&mut tx, pending.id, now).await?;
                }
                tx.commit().await?;
                if self.halt_delivery() {
                    tracing::error!(
                        "Discord refused the bot's token (HTTP 401): deliveries are stopped and \
                         every pending item is kept; restart Steward with a valid DISCORD_TOKEN"
                    );
                }
                return Ok(None);
            }
            match result {
                Ok(message_id) => {
                    if let (Notice::BallotPosted { ballot_id }, Some(message_id)) =
                        (&item.notice, message_id)
                    {
                        store::ballot::set_message(&mut tx, *ballot_id, message_id).await?;
                    }
                    if store::outbox::mark_delivered(&mut tx, row.id, row.revision, message_id, now)
                        .await?
                    {
                        on_delivered(&mut tx, &item, message_id, now).await?;
                    }
                }
                Err(DeliveryError::Rejected(reason)) => {
                    tracing::warn!(outbox_id = row.id, reason, "delivery rejected for good");
                    store::outbox::mark_abandoned(&mut tx, row.id, &reason, now).await?;
                    on_abandoned(&mut tx, &item, now).await?;
                }
                Err(error) => {
                    let wait = retry_wait(&error, row.attempts);
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
                        report_missing_permission(&mut tx, &item, detail, now).await?;
                    }
                    if let DeliveryError::SetupChannelGone { channel_id, what } = &error
                        && !matches!(item.notice, Notice::SetupChannelGone { .. })
                    {
                        // Queued once per channel (its key), however many items wait.
                        let notice = Notice::SetupChannelGone {
                            channel_id: *channel_id,
                            what: what.clone(),
                        };
                        outbox::queue(&mut tx, item.guild_id, &notice, now).await?;
                    }
                    OUTBOX
                        .failed(&mut tx, row.id, &error.to_string(), now + wait)
                        .await?;
                }
            }
            tx.commit().await?;
        }
        let mut conn = self.db().acquire().await?;
        Ok(OUTBOX.next_due(&mut conn).await?)
    }
}

/// What follows a delivery, in the transaction that records it. `posted` is what Discord
/// answered with: the message (or thread, or channel) the notice created, if any.
async fn on_delivered(
    conn: &mut SqliteConnection,
    item: &OutboxItem,
    posted: Option<u64>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    tracing::debug!(outbox_id = item.id, posted, "delivered");
    match &item.notice {
        Notice::WgProvision { wg_id } => {
            working_group::objects::provisioned(conn, *wg_id, now).await
        }
        Notice::WgArchive { wg_id } => working_group::objects::archived(conn, *wg_id, now).await,

        // RFCs and amendments.
        Notice::RfcCardPosted { rfc_id } => {
            rfc::objects::card_posted(conn, *rfc_id, posted, now).await
        }

        // Nominations.
        Notice::NominationCardPosted { nomination_id } => {
            nomination::place::card_posted(conn, *nomination_id, posted, now).await
        }
        Notice::NominationOutcome { nomination_id } => {
            nomination::decided::outcome_told(conn, *nomination_id).await
        }

        // Releases and dependencies.
        Notice::ReleaseCardPosted { release_id } => {
            release::objects::card_posted(conn, *release_id, posted).await
        }
        Notice::ReleaseThread { release_id } => {
            release::objects::thread_opened(conn, *release_id, posted).await
        }
        Notice::ReleaseAnnounced { release_id } => {
            release::approval::announced(conn, *release_id, now).await
        }
        Notice::DependencyCardPosted { dependency_id } => {
            dependency::proposal::card_posted(conn, *dependency_id, posted).await
        }

        // Cases, the annual review's publication, dissolution.
        Notice::CaseThread { case_id } => {
            case::objects::thread_delivered(conn, *case_id, posted).await
        }
        _ => Ok(()),
    }
}

/// What happens when Discord refused an item for good, in the transaction that settles it.
async fn on_abandoned(
    conn: &mut SqliteConnection,
    item: &OutboxItem,
    now: DateTime<Utc>,
) -> AppResult<()> {
    match &item.notice {
        // Closed DMs: recorded on the step, and the TSC is told instead.
        Notice::InactivityContact { step_id, member_id } => {
            succession::contact::undeliverable(conn, item.guild_id, *step_id, *member_id, now).await
        }
        // Nominations.
        Notice::NominationInvite { nomination_id } => {
            nomination::consent::invite_undeliverable(conn, *nomination_id, now).await
        }
        Notice::NominationCardPosted { nomination_id } => {
            nomination::place::card_abandoned(conn, *nomination_id, now).await
        }
        Notice::NominationOutcome { nomination_id } => {
            nomination::decided::outcome_undelivered(conn, *nomination_id, now).await
        }
        // Releases and dependencies.
        // The reporter's DMs are closed: they are told in the release's thread instead.
        Notice::ReleaseBlockerDecided { blocker_id } => {
            release::feedback::dm_refused(conn, item.guild_id, *blocker_id, now).await
        }
        // Cases, the annual review's publication, dissolution.
        // A reporter's closed DMs, a timeout Discord refused: the case's thread is told.
        Notice::CaseReporterTold { .. } | Notice::ConductTimeout { .. } => {
            case::objects::abandoned(conn, &item.notice, now).await
        }
        // Everything else: a message deleted, a channel gone, a member who left. The record
        // stays; the log above says what could not be done.
        _ => Ok(()),
    }
}

/// Tells the TSC once that a delivery lacks a permission; the item keeps being retried.
async fn report_missing_permission(
    conn: &mut SqliteConnection,
    item: &OutboxItem,
    detail: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if matches!(item.notice, Notice::PermissionMissing { .. }) {
        return Ok(());
    }
    let config = guild::get(conn, item.guild_id).await?;
    let Some(channel_id) = config.and_then(|c| c.announce_channel_id) else {
        return Ok(());
    };
    let notice = Notice::PermissionMissing {
        channel_id,
        failed: Box::new(item.notice.clone()),
        detail: detail.to_owned(),
        item_id: item.id,
    };
    outbox::queue(conn, item.guild_id, &notice, now).await?;
    Ok(())
}
