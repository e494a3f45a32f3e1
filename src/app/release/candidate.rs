//! Steps 3 and 4: "A release candidate is created and tested" (`/release rc`), and the
//! community's feedback window it opens, which ends by a durable job.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use super::no_such_release;
use super::steps::{by_version, facts, moved, policy, record_step};
use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::app::{Actor, App, AppResult};
use crate::governance::permissions::{Action, Facts};
use crate::governance::release::{self as rules, Effect, Event};
use crate::store::release::{self as repo, Column, Release};
use crate::store::{from_millis, to_millis};

impl App {
    /// `/release rc`: records the next candidate (rc1, rc2, …) with its link; the feedback
    /// window starts (again) and, with the first, the release's thread opens. Returns the
    /// release and the candidate's number.
    pub async fn record_candidate(
        &self,
        actor: &Actor,
        version: &str,
        link: &str,
    ) -> AppResult<(Release, i64)> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::RunRelease, Facts::default())?;
        let link = rules::validate_link(link)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let release = by_version(&mut tx, actor.guild_id, version).await?;
        let next = rules::transition(
            &facts(&mut tx, &release).await?,
            Event::Candidate,
            &config.policy,
            now,
        )?;
        let number = repo::add_candidate(&mut tx, release.id, &link, actor.user_id, now).await?;
        for effect in &next.effects {
            match effect {
                Effect::StartWindow { ends_at } => {
                    let ends_ms = to_millis(*ends_at);
                    repo::set_column(&mut tx, release.id, Column::FEEDBACK_ENDS, Some(ends_ms))
                        .await?;
                    let job = Job::ReleaseFeedbackEnds {
                        release_id: release.id,
                        ends_ms,
                    };
                    schedule::schedule(&mut tx, &job, *ends_at, now).await?;
                }
                Effect::OpenThread => {
                    let notice = Notice::ReleaseThread {
                        release_id: release.id,
                    };
                    outbox::queue(&mut tx, actor.guild_id, &notice, now).await?;
                }
                _ => {}
            }
        }
        moved(
            &mut tx,
            &release,
            next.stage,
            "candidate",
            Some(actor.user_id),
            now,
        )
        .await?;
        let details = json!({ "candidate": number });
        record_step(
            &mut tx,
            &release,
            "candidate",
            Some(actor.user_id),
            Some(&link),
            details,
            now,
        )
        .await?;
        let release = repo::get(&mut tx, release.id)
            .await?
            .ok_or_else(no_such_release)?;
        tx.commit().await?;
        self.wake();
        Ok((release, number))
    }
}

/// The feedback window that was to end at `ends_ms` ended: the release waits for its open
/// blocking issues, or is ready for the final approval. A stale job changes nothing.
pub(crate) async fn window_ended(
    conn: &mut SqliteConnection,
    release_id: i64,
    ends_ms: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(release) = repo::get(conn, release_id).await? else {
        return Ok(());
    };
    let policy = policy(conn, release.guild_id).await?;
    let event = Event::WindowEnded {
        ends_at: from_millis(ends_ms),
    };
    let next = match rules::transition(&facts(conn, &release).await?, event, &policy, now) {
        Ok(next) if next.stage != release.stage => next,
        // Stale, or the release ended meanwhile.
        _ => return Ok(()),
    };
    moved(conn, &release, next.stage, "feedback_closed", None, now).await?;
    let open = crate::store::release_blockers::open_count(conn, release_id).await?;
    record_step(
        conn,
        &release,
        "feedback_closed",
        None,
        None,
        json!({ "open_blockers": open }),
        now,
    )
    .await
}
