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
    /// Link a member's GitHub login (`/roster github`).
    LinkGithub,
    /// Read the annual review summary on demand (`/review now`).
    RunAnnualReview,
    // The transparency page.
    /// Publish or withdraw the server's public web page (`/govern web enable|disable`).
    PublishWebPage,
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
    /// Mark a conflict resolved (`/conflict resolve`, the card's button).
    ResolveConflict,
    /// Move a conflict to its next step (`/conflict escalate`, the card's button).
    EscalateConflict,
    /// Take the mediation of a conflict ("I'll mediate").
    MediateConflict,
    /// Propose or record the TSC's final decision on a conflict (`/conflict decide`).
    DecideConflict,
    /// Record the TSC's response to a conduct report (the card's buttons).
    RespondToConduct,
    /// Acknowledge or resolve a security report (the card's buttons).
    HandleSecurityReport,
    /// The same, where the guild maps no security team role: the TSC handles reports then.
    HandleSecurityReportAsTsc,
    /// Complete the annual review and put it to the TSC for publication (`/review publish`).
    PublishAnnualReview,
    /// Propose dissolving the project (`/govern dissolve`).
    ProposeDissolution,
    /// Propose calling a decided dissolution off (`/govern dissolve-call-off`).
    CallOffDissolution,

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
    /// Is a party to the case in question.
    Party,
    /// Mediates the case in question.
    Mediator,
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
    // Issue 18: a member links their own login; a TSC member can link for anyone.
    rule(Action::LinkGithub, &[Who::Themselves, TSC]),
    // "The TSC conducts an annual review."
    rule(Action::RunAnnualReview, &[TSC]),
    // The transparency page.
    // "Results are shared with the community": the TSC decides to publish the page.
    rule(Action::PublishWebPage, &[TSC]),
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
    // "Parties attempt to resolve the issue directly": the parties close it.
    rule(Action::ResolveConflict, &[Who::Party]),
    rule(Action::EscalateConflict, &[Who::Party, Who::Mediator]),
    // "A maintainer mediates": never a party.
    Rule {
        action: Action::MediateConflict,
        who: &[MAINTAINER],
        not_its_subject: true,
    },
    // "The TSC makes a final decision": not a TSC member who is a party.
    Rule {
        action: Action::DecideConflict,
        who: &[TSC],
        not_its_subject: true,
    },
    // "The TSC is responsible for enforcing the code of conduct": not the reported member.
    Rule {
        action: Action::RespondToConduct,
        who: &[TSC],
        not_its_subject: true,
    },
    // "A Security Response Team responsible for handling vulnerability reports."
    rule(
        Action::HandleSecurityReport,
        &[Who::Role(GovRole::SecurityTeam)],
    ),
    rule(Action::HandleSecurityReportAsTsc, &[TSC]),
    // "The TSC conducts an annual review ... The results are shared with the community."
    rule(Action::PublishAnnualReview, &[TSC]),
    // "Manage project resources": dissolving, or not, is the TSC's to propose.
    rule(Action::ProposeDissolution, &[TSC]),
    rule(Action::CallOffDissolution, &[TSC]),
    // Operations.
    // Whoever sets the server up, or the TSC, may see what it lacks.
    rule(Action::CheckServer, &[TSC, Who::ManageServer]),
    // The bot's backlog and errors are the TSC's to watch.
    rule(Action::ViewStatus, &[TSC]),
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
    /// The guild maps no contributor role.
    pub no_contributor_role: bool,
    /// A party to the case acted on.
    pub party: bool,
    /// The mediator of the case acted on.
    pub mediator: bool,
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
            Who::Party => facts.party,
            Who::Mediator => facts.mediator,
        };
        if (rule.not_its_subject && facts.subject) || !rule.who.iter().any(holds) {
            return Err(Denied(self));
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "permissions_tests.rs"]
mod tests;
