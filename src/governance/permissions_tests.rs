use super::*;
use crate::governance::roles::RoleSet;

fn standing(roles: &[GovRole], admin: bool) -> Standing {
    Standing {
        roles: RoleSet::new(roles.iter().copied()),
        manages_guild: admin,
    }
}

const ALL: [Action; 47] = [
    Action::ConfigureGuild,
    Action::ChangePolicy,
    Action::StartBallot,
    Action::CancelBallot,
    Action::ProposeWorkingGroup,
    Action::ManageWorkingGroup,
    Action::FileReport,
    Action::CloseWorkingGroup,
    Action::SetArea,
    Action::LinkGithub,
    Action::RunAnnualReview,
    // The transparency page.
    Action::PublishWebPage,
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
    // Cases, the annual review's publication, dissolution.
    Action::ResolveConflict,
    Action::EscalateConflict,
    Action::MediateConflict,
    Action::DecideConflict,
    Action::RespondToConduct,
    Action::HandleSecurityReport,
    Action::HandleSecurityReportAsTsc,
    Action::PublishAnnualReview,
    Action::ProposeDissolution,
    Action::CallOffDissolution,
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
    let security = standing(&[GovRole::SecurityTeam], false);
    let party = Facts {
        party: true,
        ..Facts::default()
    };
    let mediator = Facts {
        mediator: true,
        ..Facts::default()
    };
    let subject = Facts {
        subject: true,
        ..Facts::default()
    };
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
        // The transparency page.
        (Action::PublishWebPage, &tsc, none, true),
        (Action::PublishWebPage, &admin, none, false),
        (Action::PublishWebPage, &maintainer, none, false),
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
        (Action::LinkGithub, &maintainer, own, true),
        (Action::LinkGithub, &tsc, none, true),
        (Action::LinkGithub, &maintainer, none, false),
        (Action::LinkGithub, &admin, none, false),
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
        // Cases, the annual review's publication, dissolution.
        (Action::ResolveConflict, &nobody, party, true),
        (Action::ResolveConflict, &tsc, none, false),
        (Action::ResolveConflict, &nobody, mediator, false),
        (Action::EscalateConflict, &nobody, party, true),
        (Action::EscalateConflict, &nobody, mediator, true),
        (Action::EscalateConflict, &tsc, none, false),
        (Action::MediateConflict, &maintainer, none, true),
        (Action::MediateConflict, &maintainer, subject, false),
        (Action::MediateConflict, &tsc, none, false),
        (Action::DecideConflict, &tsc, none, true),
        (Action::DecideConflict, &tsc, subject, false),
        (Action::DecideConflict, &maintainer, none, false),
        (Action::RespondToConduct, &tsc, none, true),
        (Action::RespondToConduct, &tsc, subject, false),
        (Action::RespondToConduct, &maintainer, none, false),
        (Action::HandleSecurityReport, &security, none, true),
        (Action::HandleSecurityReport, &tsc, none, false),
        (Action::HandleSecurityReportAsTsc, &tsc, none, true),
        (Action::HandleSecurityReportAsTsc, &security, none, false),
        (Action::PublishAnnualReview, &tsc, none, true),
        (Action::PublishAnnualReview, &maintainer, none, false),
        (Action::ProposeDissolution, &tsc, none, true),
        (Action::ProposeDissolution, &admin, none, false),
        (Action::CallOffDissolution, &tsc, none, true),
        (Action::CallOffDissolution, &contributor, none, false),
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
