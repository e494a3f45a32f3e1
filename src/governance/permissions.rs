//! Who may take each step: the one table of the bot's actions and the members allowed to take
//! them. `app` checks every action here on the [`Actor`](crate::app::Actor)'s standing; the
//! Discord layer names the action a command is, and never decides on its own.

use super::roles::{GovRole, Standing};

/// Every action that not everyone may take. Reading (lists, status, info) is open to all and
/// has no entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Map roles and channels (`/govern setup`): server administration.
    ConfigureGuild,
    /// Change a number of the policy (`/govern policy-set`).
    ChangePolicy,
    /// Put a question to a formal TSC vote (`/vote start`).
    StartBallot,
    /// Cancel an open ballot (`/vote cancel`).
    CancelBallot,
    /// Propose a working group under a charter (`/wg create`).
    ProposeWorkingGroup,
    /// Run a group's membership and propose its next chair: approve or decline a join request,
    /// remove a member, `/wg chair`.
    ManageWorkingGroup,
    /// File a group's report (`/wg report`, the reminder's button).
    FileReport,
    /// Propose closing a working group (`/wg close`, the end-of-charter button).
    CloseWorkingGroup,
    /// Record a maintainer's area of focus (`/roster set-area`).
    SetArea,
    /// Read the annual review summary on demand (`/review now`).
    RunAnnualReview,
    // RFCs and amendments.

    // Nominations.

    // Releases and dependencies.
    /// Propose a release (`/release propose`).
    ProposeRelease,
    /// Record a release candidate (`/release rc`) or the publication (`/release published`).
    RunRelease,
    /// Mark a blocking issue resolved or not blocking.
    DecideBlocker,
    /// Open the final approval's TSC ballot (`/release approve`, `release_final=tsc`).
    RequestReleaseApproval,
    /// Sign the final release off (`/release approve`, `release_final=maintainer`).
    SignOffRelease,
    /// Withdraw a release before it is published (`/release withdraw`).
    WithdrawRelease,
    /// Propose adding a dependency (`/dependency propose`).
    ProposeDependency,
    /// Propose removing an approved dependency (`/dependency remove`).
    ProposeDependencyRemoval,
    /// Give a dependency's security review, as the security team.
    ReviewDependencySecurity,
    /// Give a dependency's security review where the guild maps no security team.
    ReviewDependencySecurityAsMaintainer,
    /// Give a dependency's license compatibility review.
    ReviewDependencyLicense,
    /// Approve or reject a reviewed dependency proposal (or a removal).
    ApproveDependency,
    // Cases, the annual review's publication, dissolution.
}

/// Who may take an action. An action lists several; holding any one is enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// Holds this governance role.
    Role(GovRole),
    /// Holds Discord's Manage Server permission (administration, not governance).
    ManageServer,
    /// Opened the ballot in question.
    Opener,
    /// Chairs the working group in question.
    Chair,
    /// Acts on their own record (their own area of focus).
    Themselves,
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub action: Action,
    pub who: &'static [Who],
    /// The member an action is about may not take it (a member cannot cancel the review of
    /// their own status).
    pub not_its_subject: bool,
}

const TSC: Who = Who::Role(GovRole::Tsc);
const MAINTAINER: Who = Who::Role(GovRole::Maintainer);

/// The table. The document's words behind each row are in the README's rules section.
pub const TABLE: &[Rule] = &[
    rule(Action::ConfigureGuild, &[Who::ManageServer]),
    // "Update governance documents" is the TSC's.
    rule(Action::ChangePolicy, &[TSC]),
    // "TSC members vote": only the TSC puts questions to a formal vote.
    rule(Action::StartBallot, &[TSC]),
    // "The document gives no one the power to stop a vote": only its opener may withdraw it
    // (and only before the first binding vote, a rule of `ballot`).
    Rule {
        action: Action::CancelBallot,
        who: &[Who::Opener],
        not_its_subject: true,
    },
    // "The TSC may establish Working Groups": maintainers and the TSC propose them.
    rule(Action::ProposeWorkingGroup, &[TSC, MAINTAINER]),
    // "A chair appointed by the TSC": the chair runs the group, and the TSC may too.
    rule(Action::ManageWorkingGroup, &[Who::Chair, TSC]),
    rule(Action::FileReport, &[Who::Chair]),
    rule(Action::CloseWorkingGroup, &[TSC]),
    rule(Action::SetArea, &[Who::Themselves, TSC]),
    // "The TSC conducts an annual review."
    rule(Action::RunAnnualReview, &[TSC]),
    // RFCs and amendments.

    // Nominations.

    // Releases and dependencies.
    // "Maintainers propose a new release"; the TSC's members are core maintainers.
    rule(Action::ProposeRelease, &[MAINTAINER, TSC]),
    // "Maintainers: release new versions": candidates and the publication.
    rule(Action::RunRelease, &[MAINTAINER, TSC]),
    // "Blocking issues are addressed" by the maintainers.
    rule(Action::DecideBlocker, &[MAINTAINER, TSC]),
    rule(Action::RequestReleaseApproval, &[MAINTAINER, TSC]),
    // Where the policy lets a maintainer approve the final release, it is another maintainer
    // than the proposer (the subject of the facts).
    not_by_subject(Action::SignOffRelease, &[MAINTAINER]),
    // The proposer (the opener of the facts) or the TSC.
    rule(Action::WithdrawRelease, &[Who::Opener, TSC]),
    rule(Action::ProposeDependency, &[CONTRIBUTOR, MAINTAINER, TSC]),
    rule(Action::ProposeDependencyRemoval, &[MAINTAINER, TSC]),
    // "Security and license compatibility review", never by the proposer.
    not_by_subject(Action::ReviewDependencySecurity, &[SECURITY_TEAM]),
    not_by_subject(Action::ReviewDependencySecurityAsMaintainer, &[MAINTAINER]),
    not_by_subject(Action::ReviewDependencyLicense, &[MAINTAINER]),
    // "Maintainer approval", by another maintainer than the proposer.
    not_by_subject(Action::ApproveDependency, &[MAINTAINER]),
    // Cases, the annual review's publication, dissolution.
];

// Releases and dependencies.
const CONTRIBUTOR: Who = Who::Role(GovRole::Contributor);
const SECURITY_TEAM: Who = Who::Role(GovRole::SecurityTeam);

/// A row whose subject (the proposer, for releases and dependencies) may not take the action.
const fn not_by_subject(action: Action, who: &'static [Who]) -> Rule {
    Rule {
        action,
        who,
        not_its_subject: true,
    }
}

const fn rule(action: Action, who: &'static [Who]) -> Rule {
    Rule {
        action,
        who,
        not_its_subject: false,
    }
}

/// What is true of the member and the thing acted on, beyond their roles. Default: nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    pub opener: bool,
    pub chair: bool,
    pub themselves: bool,
    pub subject: bool,
}

/// Refused: the member may not take this action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not allowed to {0:?}")]
pub struct Denied(pub Action);

impl Action {
    /// This action's row of the table.
    pub fn rule(self) -> &'static Rule {
        TABLE
            .iter()
            .find(|r| r.action == self)
            .expect("every action has a row in the table")
    }

    /// Whether a member with this standing may take the action, given the facts.
    pub fn check(self, standing: &Standing, facts: Facts) -> Result<(), Denied> {
        let rule = self.rule();
        let holds = |who: &Who| match who {
            Who::Role(role) => standing.roles.has(*role),
            Who::ManageServer => standing.manages_guild,
            Who::Opener => facts.opener,
            Who::Chair => facts.chair,
            Who::Themselves => facts.themselves,
        };
        if (rule.not_its_subject && facts.subject) || !rule.who.iter().any(holds) {
            return Err(Denied(self));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::governance::roles::RoleSet;

    fn standing(roles: &[GovRole], admin: bool) -> Standing {
        Standing {
            roles: RoleSet::new(roles.iter().copied()),
            manages_guild: admin,
        }
    }

    const ALL: [Action; 22] = [
        Action::ConfigureGuild,
        Action::ChangePolicy,
        Action::StartBallot,
        Action::CancelBallot,
        Action::ProposeWorkingGroup,
        Action::ManageWorkingGroup,
        Action::FileReport,
        Action::CloseWorkingGroup,
        Action::SetArea,
        Action::RunAnnualReview,
        // Releases and dependencies.
        Action::ProposeRelease,
        Action::RunRelease,
        Action::DecideBlocker,
        Action::RequestReleaseApproval,
        Action::SignOffRelease,
        Action::WithdrawRelease,
        Action::ProposeDependency,
        Action::ProposeDependencyRemoval,
        Action::ReviewDependencySecurity,
        Action::ReviewDependencySecurityAsMaintainer,
        Action::ReviewDependencyLicense,
        Action::ApproveDependency,
    ];

    #[test]
    fn every_action_has_exactly_one_row() {
        for action in ALL {
            assert_eq!(
                TABLE.iter().filter(|r| r.action == action).count(),
                1,
                "{action:?}"
            );
        }
        assert_eq!(TABLE.len(), ALL.len());
    }

    #[test]
    fn a_member_without_any_standing_may_take_no_action() {
        for action in ALL {
            assert_eq!(
                action.check(&Standing::default(), Facts::default()),
                Err(Denied(action))
            );
        }
    }

    #[test]
    fn the_table_as_cases() {
        let tsc = standing(&[GovRole::Tsc], false);
        let maintainer = standing(&[GovRole::Maintainer], false);
        let contributor = standing(&[GovRole::Contributor], false);
        let admin = standing(&[], true);
        let nobody = Standing::default();
        // Releases and dependencies.
        let security = standing(&[GovRole::SecurityTeam], false);
        let subject = Facts {
            subject: true,
            ..Facts::default()
        };
        let opener = Facts {
            opener: true,
            ..Facts::default()
        };
        let chair = Facts {
            chair: true,
            ..Facts::default()
        };
        let own = Facts {
            themselves: true,
            ..Facts::default()
        };
        let none = Facts::default();
        // (action, standing, facts, allowed)
        let cases = [
            (Action::ConfigureGuild, &admin, none, true),
            (Action::ConfigureGuild, &tsc, none, false),
            (Action::ChangePolicy, &tsc, none, true),
            (Action::ChangePolicy, &admin, none, false),
            (Action::StartBallot, &tsc, none, true),
            (Action::StartBallot, &maintainer, none, false),
            (Action::CancelBallot, &nobody, opener, true),
            (Action::CancelBallot, &tsc, none, false),
            (Action::CancelBallot, &maintainer, none, false),
            (
                Action::CancelBallot,
                &tsc,
                Facts {
                    opener: true,
                    subject: true,
                    ..Facts::default()
                },
                false,
            ),
            (Action::ProposeWorkingGroup, &maintainer, none, true),
            (Action::ProposeWorkingGroup, &tsc, none, true),
            (Action::ProposeWorkingGroup, &contributor, none, false),
            (Action::ManageWorkingGroup, &nobody, chair, true),
            (Action::ManageWorkingGroup, &tsc, none, true),
            (Action::ManageWorkingGroup, &maintainer, none, false),
            (Action::FileReport, &nobody, chair, true),
            (Action::FileReport, &tsc, none, false),
            (Action::CloseWorkingGroup, &tsc, none, true),
            (Action::CloseWorkingGroup, &nobody, chair, false),
            (Action::SetArea, &maintainer, own, true),
            (Action::SetArea, &tsc, none, true),
            (Action::SetArea, &maintainer, none, false),
            (Action::RunAnnualReview, &tsc, none, true),
            (Action::RunAnnualReview, &admin, none, false),
            // Releases and dependencies.
            (Action::ProposeRelease, &maintainer, none, true),
            (Action::ProposeRelease, &contributor, none, false),
            (Action::RunRelease, &tsc, none, true),
            (Action::DecideBlocker, &contributor, none, false),
            (Action::RequestReleaseApproval, &maintainer, none, true),
            (Action::SignOffRelease, &maintainer, none, true),
            (Action::SignOffRelease, &maintainer, subject, false),
            (Action::SignOffRelease, &tsc, none, false),
            (Action::WithdrawRelease, &nobody, opener, true),
            (Action::WithdrawRelease, &maintainer, none, false),
            (Action::ProposeDependency, &contributor, none, true),
            (Action::ProposeDependency, &nobody, none, false),
            (Action::ProposeDependencyRemoval, &contributor, none, false),
            (Action::ReviewDependencySecurity, &security, none, true),
            (Action::ReviewDependencySecurity, &security, subject, false),
            (Action::ReviewDependencySecurity, &maintainer, none, false),
            (
                Action::ReviewDependencySecurityAsMaintainer,
                &maintainer,
                none,
                true,
            ),
            (Action::ReviewDependencyLicense, &maintainer, subject, false),
            (Action::ReviewDependencyLicense, &security, none, false),
            (Action::ApproveDependency, &maintainer, none, true),
            (Action::ApproveDependency, &maintainer, subject, false),
            (Action::ApproveDependency, &tsc, none, false),
        ];
        for (action, standing, facts, allowed) in cases {
            assert_eq!(
                action.check(standing, facts).is_ok(),
                allowed,
                "{action:?} {standing:?} {facts:?}"
            );
        }
    }
}
