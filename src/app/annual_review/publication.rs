//! Sharing the annual review: "The results are shared with the community." The TSC completes
//! the summary with the five sections it alone can write, approves the whole by ballot, and the
//! bot posts it to the community and records it in the decision log.

use chrono::{DateTime, Months, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use crate::app::ballot::open::{StartBallot, open_in};
use crate::app::decision_log::record::{Entry, record};
use crate::app::outbox::{self, Notice};
use crate::app::{Actor, App, AppResult, UserError};
use crate::governance::annual_review::{ReviewError, Sections, Status};
use crate::governance::ballot::Subject;
use crate::governance::decision::DecisionKind;
use crate::governance::permissions::{Action, Facts};
use crate::msg;
use crate::store::annual_review::{self as repo, Review};
use crate::store::ballot::{self as ballots, Ballot};

/// The approval ballot as the Discord layer prepares it (texts in the guild's language, where
/// it is posted, the TSC right now).
#[derive(Debug, Clone)]
pub struct ReviewBallot {
    pub title: String,
    pub description: String,
    pub channel_id: u64,
    pub electorate: Vec<u64>,
}

impl App {
    /// The sections of the guild's latest review, to start the next one from.
    pub async fn latest_review_sections(&self, guild_id: u64) -> AppResult<Option<Sections>> {
        let mut conn = self.db().acquire().await?;
        Ok(repo::latest(&mut conn, guild_id).await?.map(|r| r.sections))
    }

    /// A completed review, for the publisher.
    pub async fn annual_review(&self, review_id: i64) -> AppResult<Review> {
        let mut conn = self.db().acquire().await?;
        repo::get(&mut conn, review_id)
            .await?
            .ok_or_else(|| UserError::new(msg!("review-error-not-found")).into())
    }

    /// The form of `/review publish` was submitted: the review of the twelve months up to now,
    /// with the TSC's sections, goes to a TSC ballot. One review is before the TSC at a time.
    pub async fn propose_annual_review(
        &self,
        actor: &Actor,
        sections: &Sections,
        ballot: ReviewBallot,
    ) -> AppResult<(Review, Ballot)> {
        let config = self.guild_config(actor.guild_id).await?;
        actor.require(Action::PublishAnnualReview, Facts::default())?;
        let sections = sections.validated()?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        if let Some(latest) = repo::latest(&mut tx, actor.guild_id).await?
            && latest.status == Status::Proposed
            && let Some(ballot_id) = latest.ballot_id
            && ballots::get(&mut tx, ballot_id)
                .await?
                .is_some_and(|b| b.open)
        {
            return Err(ReviewError::AlreadyProposed.into());
        }
        let from = now.checked_sub_months(Months::new(12)).unwrap_or(now);
        let id = repo::insert(
            &mut tx,
            actor.guild_id,
            from,
            now,
            &sections,
            actor.user_id,
            now,
        )
        .await?;
        let start = StartBallot {
            title: ballot.title,
            description: ballot.description,
            duration: None,
            secret: false,
            channel_id: ballot.channel_id,
            electorate: ballot.electorate,
        };
        let subject = Subject::AnnualReview { review_id: id };
        let opened = open_in(&mut tx, &config, actor.user_id, &start, &subject, now).await?;
        repo::set_ballot(&mut tx, id, opened.id).await?;
        let notice = Notice::AnnualReviewDraft {
            review_id: id,
            channel_id: ballot.channel_id,
        };
        outbox::queue(&mut tx, actor.guild_id, &notice, now).await?;
        let review = repo::get(&mut tx, id)
            .await?
            .ok_or_else(|| UserError::new(msg!("review-error-not-found")))?;
        tx.commit().await?;
        tracing::info!(
            guild_id = actor.guild_id,
            review_id = id,
            "annual review proposed"
        );
        self.wake();
        Ok((review, opened))
    }
}

/// The TSC's ballot on a review closed: approved, it is posted to the community and recorded
/// in the decision log (publicly); otherwise the TSC may complete it again.
pub(crate) async fn decided(
    conn: &mut SqliteConnection,
    review_id: i64,
    approved: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(review) = repo::get(conn, review_id).await? else {
        return Ok(());
    };
    if !repo::decide(conn, review_id, Status::decided(approved), now).await? || !approved {
        return Ok(());
    }
    let notice = Notice::AnnualReviewPublished { review_id };
    outbox::queue(conn, review.guild_id, &notice, now).await?;
    let entry = Entry {
        kind: DecisionKind::AnnualReview,
        subject_ref: format!("review:{review_id}"),
        title: format!(
            "{} – {}",
            review.from.format("%Y-%m-%d"),
            review.to.format("%Y-%m-%d")
        ),
        outcome: "published".into(),
        link: None,
        details: json!({
            "from": review.from.to_rfc3339(),
            "to": review.to.to_rfc3339(),
            "sections": review.sections,
        }),
        private: false,
        decided_by: None,
    };
    record(conn, review.guild_id, &entry, now).await?;
    Ok(())
}
