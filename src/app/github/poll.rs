//! The daily read of GitHub activity. It runs in two halves so that no request is made while
//! the database writer is held: [`App::read_github`] asks GitHub (reads only), then [`apply`]
//! records what it found in the job's transaction. Activity only moves forward; a read that
//! fails changes nobody's activity, and the TSC is told once when reads have failed for 3 days.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sqlx::SqliteConnection;

use crate::app::outbox::{self, Notice};
use crate::app::schedule::{self, Job};
use crate::app::{App, AppResult};
use crate::github::GithubError;
use crate::governance::github::{self, RateHeaders};
use crate::store::github as repo;

/// Pages of events read per member at most (GitHub keeps 300 recent events: three pages).
const MAX_PAGES: u32 = 3;

/// One member's activity as read: the latest counted event, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    pub member_id: u64,
    pub login: String,
    pub latest: Option<DateTime<Utc>>,
}

/// How a read went as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No token, or no sources: GitHub is not read (Discord alone counts).
    Off,
    /// Every member due was read.
    Done,
    /// GitHub's rate limit stopped the read; the rest is read at `resume_at`.
    RateLimited { resume_at: DateTime<Utc> },
    /// GitHub could not be read (network, server, token): a failed day.
    Failed,
}

/// What a read found, ready to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub reads: Vec<Read>,
    pub outcome: Outcome,
}

impl App {
    /// Reads the activity of the guild's linked members not read yet on `day`. Makes requests;
    /// writes nothing.
    pub async fn read_github(&self, guild_id: u64, day: NaiveDate) -> AppResult<Found> {
        let off = Found {
            reads: Vec::new(),
            outcome: Outcome::Off,
        };
        let (sources, due) = {
            let mut conn = self.db().acquire().await?;
            let Some(row) = repo::sources(&mut conn, guild_id).await? else {
                return Ok(off);
            };
            let start = day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
            (
                row.sources,
                repo::unchecked_since(&mut conn, guild_id, start).await?,
            )
        };
        let Some(client) = self.github().filter(|c| c.can_poll()) else {
            return Ok(off);
        };
        let mut reads = Vec::new();
        let mut rate = RateHeaders::default();
        for link in due {
            let mut events = Vec::new();
            for page in 1..=MAX_PAGES {
                // The budget is spent: ask again at its reset, not now.
                if rate.exhausted() {
                    let resume_at = rate.resume_at(self.now());
                    return Ok(Found {
                        reads,
                        outcome: Outcome::RateLimited { resume_at },
                    });
                }
                match client.public_events(&link.login, page).await {
                    Ok((page_events, headers, more)) => {
                        rate = headers;
                        events.extend(page_events);
                        // Newest first: a page with project work holds the latest of it.
                        if !more || github::latest_activity(&sources, &events).is_some() {
                            break;
                        }
                    }
                    // The account is gone (or renamed): read, with nothing new.
                    Err(GithubError::NotFound) => break,
                    Err(GithubError::RateLimited(headers)) => {
                        let resume_at = headers.resume_at(self.now());
                        return Ok(Found {
                            reads,
                            outcome: Outcome::RateLimited { resume_at },
                        });
                    }
                    Err(e @ GithubError::Failed(_)) => {
                        tracing::warn!(guild_id, error = %e, "GitHub activity not read");
                        return Ok(Found {
                            reads,
                            outcome: Outcome::Failed,
                        });
                    }
                }
            }
            reads.push(Read {
                member_id: link.member_id,
                latest: github::latest_activity(&sources, &events),
                login: link.login,
            });
        }
        Ok(Found {
            reads,
            outcome: Outcome::Done,
        })
    }
}

/// Records a read in the job's transaction. `daily`: this is the day's first read, which
/// schedules tomorrow's.
pub(crate) async fn apply(
    conn: &mut SqliteConnection,
    guild_id: u64,
    day: NaiveDate,
    found: &Found,
    daily: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    // Sources removed meanwhile: nothing more to read, and the daily chain ends.
    let Some(state) = repo::sources(conn, guild_id).await? else {
        return Ok(());
    };
    for read in &found.reads {
        repo::record_read(
            conn,
            guild_id,
            read.member_id,
            &read.login,
            read.latest,
            now,
        )
        .await?;
    }
    let (polling, failing_since, told) = match found.outcome {
        Outcome::Off => (false, None, false),
        Outcome::Done => (true, None, false),
        Outcome::RateLimited { resume_at } => {
            let job = Job::GithubPollResume {
                guild_id,
                day,
                at_ms: resume_at.timestamp_millis(),
            };
            schedule::schedule(conn, &job, resume_at, now).await?;
            tracing::info!(guild_id, %resume_at, "GitHub rate limit: read resumes at reset");
            (true, state.failing_since, state.failure_told)
        }
        Outcome::Failed => {
            let since = state.failing_since.unwrap_or(now);
            let tell = !state.failure_told && github::failing_long_enough(since, now);
            if tell {
                let notice = Notice::GithubPollFailing {
                    since_ms: since.timestamp_millis(),
                };
                outbox::queue(conn, guild_id, &notice, now).await?;
            }
            (true, Some(since), state.failure_told || tell)
        }
    };
    repo::set_poll_state(conn, guild_id, polling, failing_since, told, now).await?;
    if daily {
        let next = now + Duration::days(1);
        let job = Job::GithubPoll {
            guild_id,
            day: next.date_naive(),
        };
        schedule::schedule(conn, &job, next, now).await?;
    }
    Ok(())
}
