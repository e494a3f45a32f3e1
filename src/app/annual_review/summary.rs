//! The summary of a year: ballots decided, roles gained and lost, working groups and their
//! reports, succession steps taken.

use chrono::{DateTime, Months, Utc};
use sqlx::SqliteConnection;

use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::app::{Actor, App, AppResult};
use crate::governance::annual_review::review_at;
use crate::governance::case::Kind;
use crate::governance::permissions::{Action, Facts};
use crate::store::ballot::Ballot;
use crate::store::roster::{RoleEvent, RosterEntry};
use crate::store::succession::StepRecord;
use crate::store::working_group::Group;
use crate::store::{
    ballot as ballots, case as cases, guild, roster, succession, working_group as working_groups,
    working_group_members as wg_members,
};

/// Everything the review summarises, for `[from, to)`.
#[derive(Debug, Clone)]
pub struct ReviewSummary {
    pub guild_id: u64,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Ballots closed in the period, with their outcomes.
    pub ballots: Vec<Ballot>,
    /// Ballots still open at the end of the period.
    pub open_ballots: usize,
    /// Of those, ballots on private subjects (left out of a public summary's count).
    pub open_private: usize,
    pub role_changes: Vec<RoleEvent>,
    /// Contacts and reviews taken in the period.
    pub steps: Vec<StepRecord>,
    /// The roster, for names and the current offices.
    pub roster: Vec<RosterEntry>,
    /// Working groups active at some point of the period, with the reports filed in it.
    pub working_groups: Vec<(Group, i64)>,
    /// Cases closed in the period, counted by kind (never more than a number).
    pub cases: Vec<(Kind, i64)>,
    /// Ballots on private subjects left out of a public summary.
    pub private_ballots: usize,
}

impl ReviewSummary {
    /// What the community reads: ballots on private subjects (status reviews, cases) only
    /// counted, contacts and reviews of members left out.
    pub fn public(mut self) -> Self {
        let before = self.ballots.len();
        self.ballots.retain(|b| !b.subject.is_private());
        self.private_ballots = before - self.ballots.len();
        self.open_ballots -= self.open_private;
        self.open_private = 0;
        self.steps.clear();
        self
    }

    /// The member's display name, if the roster knows them.
    pub fn name_of(&self, member_id: u64) -> Option<&str> {
        self.roster
            .iter()
            .find(|e| e.member_id == member_id)
            .map(|e| e.display_name.as_str())
    }
}

impl App {
    /// The summary of the twelve months before `to`.
    pub async fn review_summary(
        &self,
        guild_id: u64,
        to: DateTime<Utc>,
    ) -> AppResult<ReviewSummary> {
        let from = to.checked_sub_months(Months::new(12)).unwrap_or(to);
        self.review_summary_between(guild_id, from, to).await
    }

    /// The summary of `[from, to)`.
    pub async fn review_summary_between(
        &self,
        guild_id: u64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> AppResult<ReviewSummary> {
        let mut conn = self.db().acquire().await?;
        let mut working_groups = Vec::new();
        for group in working_groups::list(&mut conn, guild_id).await? {
            let active_in_period = group.activated_at.is_some_and(|a| a < to)
                && group.closed_at.is_none_or(|c| c >= from);
            if active_in_period {
                let reports = wg_members::reports_between(&mut conn, group.id, from, to).await?;
                working_groups.push((group, reports));
            }
        }
        let open = ballots::list_open(&mut conn, guild_id).await?;
        Ok(ReviewSummary {
            guild_id,
            from,
            to,
            ballots: ballots::closed_between(&mut conn, guild_id, from, to).await?,
            open_ballots: open.len(),
            open_private: open.iter().filter(|b| b.subject.is_private()).count(),
            role_changes: roster::events_between(&mut conn, guild_id, from, to).await?,
            steps: succession::between(&mut conn, guild_id, from, to).await?,
            roster: roster::list(&mut conn, guild_id).await?,
            working_groups,
            cases: cases::closed_between(&mut conn, guild_id, from, to).await?,
            private_ballots: 0,
        })
    }

    /// `/review now`: the summary up to now, for the TSC.
    pub async fn review_now(&self, actor: &Actor) -> AppResult<ReviewSummary> {
        self.guild_config(actor.guild_id).await?;
        actor.require(Action::RunAnnualReview, Facts::default())?;
        self.review_summary(actor.guild_id, self.now()).await
    }
}

/// The yearly job: posts the summary to the TSC channel and schedules next year's review.
pub(crate) async fn post_yearly(
    conn: &mut SqliteConnection,
    guild_id: u64,
    year: i32,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(config) = guild::get(conn, guild_id).await? else {
        return Ok(());
    };
    let notice = Notice::AnnualReview {
        from: now.checked_sub_months(Months::new(12)).unwrap_or(now),
        to: now,
    };
    outbox::queue(conn, guild_id, &notice, now).await?;
    let next = Job::AnnualReview {
        guild_id,
        year: year + 1,
    };
    schedule::schedule(conn, &next, review_at(&config.policy, year + 1), now).await?;
    Ok(())
}
