//! Steps 2 and 3: "Security and license compatibility review" (the security team, or a
//! maintainer where none is mapped; a maintainer for the license), then "Maintainer approval";
//! never by the proposer.

use super::{in_guild, record_step, refresh};
use crate::app::{Actor, App, AppResult};
use crate::governance::dependency::{self as rules, Event, Kind, Review, Stage, Verdict};
use crate::governance::permissions::{Action, Facts};
use crate::governance::roles::GovRole;
use crate::store::dependency::{self as repo, Dependency};

fn facts_of(d: &Dependency) -> rules::Facts {
    rules::Facts {
        kind: d.kind,
        stage: d.stage,
        security: d.security.verdict,
        license: d.license.verdict,
    }
}

impl App {
    /// A review signed off (`pass`, with a note) or rejected (with the reason).
    pub async fn review_dependency(
        &self,
        actor: &Actor,
        dependency_id: i64,
        review: Review,
        pass: bool,
        note: &str,
    ) -> AppResult<Dependency> {
        let config = self.guild_config(actor.guild_id).await?;
        let action = match review {
            Review::Security if config.role_id(GovRole::SecurityTeam).is_some() => {
                Action::ReviewDependencySecurity
            }
            Review::Security => Action::ReviewDependencySecurityAsMaintainer,
            Review::License => Action::ReviewDependencyLicense,
        };
        let note = rules::validate_note(note)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let dependency = in_guild(&mut tx, actor.guild_id, dependency_id).await?;
        let permission = Facts {
            subject: dependency.proposer_id == actor.user_id,
            ..Facts::default()
        };
        actor.require(action, permission)?;
        let next = rules::transition(&facts_of(&dependency), Event::Reviewed { review, pass })?;
        let verdict = if pass {
            Verdict::Passed
        } else {
            Verdict::Rejected
        };
        repo::set_review(
            &mut tx,
            dependency.id,
            review,
            verdict,
            actor.user_id,
            &note,
        )
        .await?;
        let outcome = format!("{}_{}", review.key(), verdict.key());
        repo::set_stage(
            &mut tx,
            dependency.id,
            next.stage,
            &outcome,
            Some(actor.user_id),
            now,
        )
        .await?;
        refresh(&mut tx, &dependency, now).await?;
        record_step(
            &mut tx,
            &dependency,
            &outcome,
            Some(actor.user_id),
            Some(&note),
            now,
        )
        .await?;
        let dependency = in_guild(&mut tx, actor.guild_id, dependency_id).await?;
        tx.commit().await?;
        self.wake();
        Ok(dependency)
    }

    /// A maintainer (not the proposer) approves or rejects a reviewed proposal, or a removal;
    /// an approved removal takes the dependency off the list.
    pub async fn decide_dependency(
        &self,
        actor: &Actor,
        dependency_id: i64,
        approve: bool,
        note: &str,
    ) -> AppResult<Dependency> {
        self.guild_config(actor.guild_id).await?;
        let note = rules::validate_note(note)?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let dependency = in_guild(&mut tx, actor.guild_id, dependency_id).await?;
        let permission = Facts {
            subject: dependency.proposer_id == actor.user_id,
            ..Facts::default()
        };
        actor.require(Action::ApproveDependency, permission)?;
        let next = rules::transition(&facts_of(&dependency), Event::Decided { approve })?;
        repo::set_decision(&mut tx, dependency.id, actor.user_id, &note, now).await?;
        let outcome = match (dependency.kind, next.stage) {
            (Kind::Removal, Stage::Approved) => "removed",
            (Kind::Removal, _) => "removal_rejected",
            (Kind::Addition, Stage::Approved) => "approved",
            (Kind::Addition, _) => "rejected",
        };
        repo::set_stage(
            &mut tx,
            dependency.id,
            next.stage,
            outcome,
            Some(actor.user_id),
            now,
        )
        .await?;
        if let (Kind::Removal, Stage::Approved, Some(target_id)) =
            (dependency.kind, next.stage, dependency.target_id)
        {
            repo::mark_removed(&mut tx, target_id, now).await?;
        }
        refresh(&mut tx, &dependency, now).await?;
        record_step(
            &mut tx,
            &dependency,
            outcome,
            Some(actor.user_id),
            Some(&note),
            now,
        )
        .await?;
        let dependency = in_guild(&mut tx, actor.guild_id, dependency_id).await?;
        tx.commit().await?;
        self.wake();
        Ok(dependency)
    }
}
