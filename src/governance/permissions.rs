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
    /// Change a number of the policy (`/govern policy-set`, before the guild's first ballot).
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
    /// Open an RFC (`/rfc open`).
    OpenRfc,
    /// Propose an amendment to governance (`/amend propose`).
    ProposeAmendment,
    /// Record a revision of an RFC or amendment (`/rfc revise`).
    ReviseRfc,
    /// Open the TSC's ballot on an RFC or amendment (`/rfc decide`).
    DecideRfc,
    /// Withdraw an RFC or amendment (`/rfc withdraw`).
    WithdrawRfc,
    /// Postpone an RFC or amendment, with a reason (`/rfc postpone`).
    PostponeRfc,
    /// Read or export the decision log's private entries (`/decisions … private:true`).
    ReadPrivateDecisions,
    // Nominations.
    /// Nominate a contributor as maintainer (`/nominate member`).
    NominateMaintainer,
    /// Nominate a maintainer for a TSC seat (`/nominate member office:tsc`).
    NominateTsc,
    /// Accept or decline one's own nomination (the DM's buttons, `/nominate respond`).
    AnswerNomination,
    /// See the open nominations and their step (`/nominate list`).
    ListNominations,
    // Releases and dependencies.

    // Cases, the annual review's publication, dissolution.

    // Operations.
    /// Check what Steward needs of the server (`/govern check`).
    CheckServer,
    /// See the bot's health (`/govern status`).
    ViewStatus,
}

/// Who may take an action. An action lists several; holding any one is enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// Holds this governance role.
    Role(GovRole),
    /// Holds Discord's Manage Server permission (administration, not governance).
    ManageServer,
    /// Opened the ballot in question (or authored the RFC in question).
    Opener,
    /// Chairs the working group in question.
    Chair,
    /// Acts on their own record (their own area of focus).
    Themselves,
    /// Any member, where the guild maps no contributor role (then everyone is a contributor).
    AnyoneWithoutContributorRole,
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
/// Contributors and above: contributor, maintainer, TSC.
const CONTRIBUTORS: &[Who] = &[
    Who::Role(GovRole::Contributor),
    MAINTAINER,
    TSC,
    Who::AnyoneWithoutContributorRole,
];

/// The table. The document's words behind each row are in the README's rules section.
pub const TABLE: &[Rule] = &[
    rule(Action::ConfigureGuild, &[Who::ManageServer]),
    // Setting the numbers directly is a new server's bootstrap, before its first ballot (the
    // TSC, or whoever administers the server); afterwards only an amendment changes them.
    rule(Action::ChangePolicy, &[TSC, Who::ManageServer]),
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
    // "A detailed proposal is created as an issue": contributors and above open RFCs; a guild
    // that maps no contributor role lets every member.
    rule(Action::OpenRfc, CONTRIBUTORS),
    // "A proposal to change governance is submitted as an issue": as for RFCs.
    rule(Action::ProposeAmendment, CONTRIBUTORS),
    // "The proposal is updated based on feedback": its author, or maintainers and the TSC.
    rule(Action::ReviseRfc, &[Who::Opener, MAINTAINER, TSC]),
    // "The TSC makes a final decision."
    rule(Action::DecideRfc, &[TSC]),
    rule(Action::WithdrawRfc, &[Who::Opener]),
    rule(Action::PostponeRfc, &[TSC]),
    // Private decisions (a member's status, the set-up audit) are the TSC's.
    rule(Action::ReadPrivateDecisions, &[TSC]),
    // Nominations.
    // "An existing maintainer nominates a contributor"; TSC members are maintainers too.
    rule(Action::NominateMaintainer, &[MAINTAINER, TSC]),
    // The TSC "approves new maintainers" and consists of core maintainers: TSC members
    // nominate a maintainer for a seat.
    rule(Action::NominateTsc, &[TSC]),
    // "The nominee confirms their interest": only the nominee answers.
    rule(Action::AnswerNomination, &[Who::Themselves]),
    // "TSC members discuss and vote privately": open nominations are the TSC's to see.
    rule(Action::ListNominations, &[TSC]),
    // Releases and dependencies.

    // Cases, the annual review's publication, dissolution.

    // Operations.
    // Whoever sets the server up, or the TSC, may see what it lacks.
    rule(Action::CheckServer, &[TSC, Who::ManageServer]),
    // The bot's backlog and errors are the TSC's to watch.
    rule(Action::ViewStatus, &[TSC]),
];

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
    /// The guild maps no contributor role.
    pub no_contributor_role: bool,
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
            Who::AnyoneWithoutContributorRole => facts.no_contributor_role,
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

    const ALL: [Action; 23] = [
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
        Action::OpenRfc,
        Action::ProposeAmendment,
        Action::ReviseRfc,
        Action::DecideRfc,
        Action::WithdrawRfc,
        Action::PostponeRfc,
        Action::ReadPrivateDecisions,
        Action::NominateMaintainer,
        Action::NominateTsc,
        Action::AnswerNomination,
        Action::ListNominations,
        // Operations.
        Action::CheckServer,
        Action::ViewStatus,
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
        let unmapped = Facts {
            no_contributor_role: true,
            ..Facts::default()
        };
        // (action, standing, facts, allowed)
        let cases = [
            (Action::ConfigureGuild, &admin, none, true),
            (Action::ConfigureGuild, &tsc, none, false),
            (Action::ChangePolicy, &tsc, none, true),
            (Action::ChangePolicy, &admin, none, true),
            (Action::ChangePolicy, &maintainer, none, false),
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
            (Action::OpenRfc, &contributor, none, true),
            (Action::OpenRfc, &maintainer, none, true),
            (Action::OpenRfc, &tsc, none, true),
            (Action::OpenRfc, &nobody, none, false),
            (Action::OpenRfc, &nobody, unmapped, true),
            (Action::ProposeAmendment, &contributor, none, true),
            (Action::ProposeAmendment, &admin, none, false),
            (Action::ReviseRfc, &nobody, opener, true),
            (Action::ReviseRfc, &maintainer, none, true),
            (Action::ReviseRfc, &contributor, none, false),
            (Action::DecideRfc, &tsc, none, true),
            (Action::DecideRfc, &maintainer, none, false),
            (Action::WithdrawRfc, &nobody, opener, true),
            (Action::WithdrawRfc, &tsc, none, false),
            (Action::PostponeRfc, &tsc, none, true),
            (Action::PostponeRfc, &nobody, opener, false),
            (Action::ReadPrivateDecisions, &tsc, none, true),
            (Action::ReadPrivateDecisions, &admin, none, false),
            (Action::NominateMaintainer, &maintainer, none, true),
            (Action::NominateMaintainer, &tsc, none, true),
            (Action::NominateMaintainer, &contributor, none, false),
            (Action::NominateTsc, &tsc, none, true),
            (Action::NominateTsc, &maintainer, none, false),
            (Action::AnswerNomination, &nobody, own, true),
            (Action::AnswerNomination, &tsc, none, false),
            (Action::ListNominations, &tsc, none, true),
            (Action::ListNominations, &maintainer, none, false),
            // Operations.
            (Action::CheckServer, &admin, none, true),
            (Action::CheckServer, &tsc, none, true),
            (Action::CheckServer, &maintainer, none, false),
            (Action::ViewStatus, &tsc, none, true),
            (Action::ViewStatus, &admin, none, false),
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
