//! `/amend propose`: an amendment with the link to the issue or pull request that changes the
//! governance text and, optionally, policy changes, validated as a whole against the policy in
//! force; it then follows the RFC flow from its summary form on.

use chrono::Duration;

use crate::app::rfc::open::check_new;
use crate::app::{Actor, App, AppResult};
use crate::governance::amendment;
use crate::governance::rfc::Kind;
use crate::store::amendment as changes_repo;
use crate::store::rfc::{self as repo, NewDraft};

impl App {
    /// Keeps the amendment as a draft until its summary form is submitted; returns the draft's
    /// id. Unknown settings and values out of bounds are refused here, before any form.
    pub async fn draft_amendment(
        &self,
        actor: &Actor,
        title: &str,
        link: &str,
        changes: Option<&str>,
    ) -> AppResult<i64> {
        let (config, title, link) = check_new(self, actor, Kind::Amendment, title, link).await?;
        let changes = amendment::parse(changes.unwrap_or(""))?;
        amendment::apply(&config.policy, &changes)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        repo::delete_stale_drafts(&mut tx, now - Duration::days(1)).await?;
        let draft = NewDraft {
            guild_id: actor.guild_id,
            kind: Kind::Amendment,
            title: &title,
            link: &link,
            author_id: actor.user_id,
        };
        let id = repo::insert_draft(&mut tx, &draft, now).await?;
        changes_repo::insert(&mut tx, id, &changes).await?;
        tx.commit().await?;
        Ok(id)
    }
}
