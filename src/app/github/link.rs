//! `/roster github`: a member links their GitHub login (a TSC member can link anyone's):
//! valid by GitHub's username rules, an existing user account, and linked to no one else here.

use chrono::{DateTime, Utc};

use super::unavailable;
use crate::app::schedule::{self, Job};
use crate::app::{Actor, App, AppResult, UserError};
use crate::github::GithubError;
use crate::governance::github;
use crate::governance::permissions::{Action, Facts};
use crate::msg;
use crate::store::github as repo;

impl App {
    /// Links `login` to `member_id`; returns the login as GitHub spells it. Asks GitHub whether
    /// the account exists first, outside any transaction.
    pub async fn link_github(
        &self,
        actor: &Actor,
        member_id: u64,
        login: &str,
    ) -> AppResult<String> {
        self.guild_config(actor.guild_id).await?;
        let facts = Facts {
            themselves: actor.user_id == member_id,
            ..Facts::default()
        };
        actor.require(Action::LinkGithub, facts)?;
        let login = github::login(login).map_err(|_| {
            UserError::new(msg!("github-error-login-invalid")).with("max", github::LOGIN_MAX as i64)
        })?;
        // Refused before asking GitHub: no request is spent on a login already taken.
        self.ensure_login_free(actor.guild_id, member_id, &login)
            .await?;
        let client = self
            .github()
            .ok_or_else(|| UserError::new(msg!("github-error-unavailable")))?;
        let account = match client.account(&login).await {
            Ok(account) => account,
            Err(GithubError::NotFound) => {
                return Err(UserError::new(msg!("github-error-login-unknown"))
                    .with_text("login", login)
                    .into());
            }
            Err(e) => return Err(unavailable(&e).into()),
        };
        if account.organisation {
            return Err(UserError::new(msg!("github-error-login-organisation"))
                .with_text("login", account.login)
                .into());
        }
        let now = self.now();
        let can_poll = client.can_poll();
        let mut tx = self.write_tx().await?;
        if repo::member_of(&mut tx, actor.guild_id, &account.login)
            .await?
            .is_some_and(|m| m != member_id)
        {
            return Err(UserError::new(msg!("github-error-login-taken")).into());
        }
        repo::link(
            &mut tx,
            actor.guild_id,
            member_id,
            &account.login,
            actor.user_id,
            now,
        )
        .await?;
        // Their activity is read now rather than tomorrow: until it is, they are not judged.
        if can_poll && repo::sources(&mut tx, actor.guild_id).await?.is_some() {
            schedule_read_now(&mut tx, actor.guild_id, now).await?;
        }
        tx.commit().await?;
        self.wake();
        Ok(account.login)
    }

    async fn ensure_login_free(&self, guild_id: u64, member_id: u64, login: &str) -> AppResult<()> {
        let mut conn = self.db().acquire().await?;
        if repo::member_of(&mut conn, guild_id, login)
            .await?
            .is_some_and(|m| m != member_id)
        {
            return Err(UserError::new(msg!("github-error-login-taken")).into());
        }
        Ok(())
    }
}

/// Today's read, resumed now: only the members not read today (a new link) are asked about.
/// Always a job of its own: a read already pending may have looked at the links before this
/// one was made, and one that already ran (two links in the same millisecond) cannot see it.
pub(crate) async fn schedule_read_now(
    conn: &mut sqlx::SqliteConnection,
    guild_id: u64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let mut at_ms = now.timestamp_millis();
    loop {
        let job = Job::GithubPollResume {
            guild_id,
            day: now.date_naive(),
            at_ms,
        };
        if schedule::schedule(conn, &job, now, now).await? {
            return Ok(true);
        }
        at_ms += 1;
    }
}
