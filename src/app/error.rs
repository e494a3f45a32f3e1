//! The two kinds of error: what the member got wrong (shown to them, localized) and bugs or
//! outages (logged; the member sees a generic message).

use fluent_bundle::FluentValue;

use crate::governance::ballot::BallotError;
use crate::governance::permissions::{Action, Denied};
use crate::governance::policy::PolicyError;
use crate::governance::working_group::{self as wg, WgError};
use crate::msg;

/// An argument of a localized message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl Arg {
    pub fn to_fluent(&self) -> FluentValue<'_> {
        match self {
            Self::Text(t) => FluentValue::from(t.as_str()),
            Self::Number(n) => FluentValue::from(*n),
        }
    }
}

/// A refusal the member caused, as a Fluent message id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("user error {id}")]
pub struct UserError {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl UserError {
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<i64>) -> Self {
        self.args.push((name, Arg::Number(value.into())));
        self
    }

    pub fn with_text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Text(value.into())));
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    User(#[from] UserError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        Self::Internal(e.into())
    }
}

impl AppError {
    /// The user error, if this is one (handy in tests).
    pub fn user(&self) -> Option<&UserError> {
        match self {
            Self::User(u) => Some(u),
            Self::Internal(_) => None,
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;

impl From<BallotError> for UserError {
    fn from(e: BallotError) -> Self {
        match e {
            BallotError::EmptyTitle => UserError::new(msg!("error-title-empty")),
            BallotError::TitleTooLong => UserError::new(msg!("error-title-too-long"))
                .with("max", crate::governance::ballot::TITLE_MAX as i64),
            BallotError::DescriptionTooLong => UserError::new(msg!("error-description-too-long"))
                .with("max", crate::governance::ballot::DESCRIPTION_MAX as i64),
            BallotError::BadDuration => UserError::new(msg!("error-duration-invalid")),
            BallotError::DurationTooShort { min_hours } => {
                UserError::new(msg!("error-duration-too-short")).with("hours", min_hours)
            }
            BallotError::DurationTooLong { max_hours } => {
                UserError::new(msg!("error-duration-too-long")).with("hours", max_hours)
            }
            BallotError::ConcernRequired => UserError::new(msg!("error-concern-required")),
            BallotError::ConcernTooLong => UserError::new(msg!("error-concern-too-long"))
                .with("max", crate::governance::ballot::CONCERN_MAX as i64),
            BallotError::ReasonRequired => UserError::new(msg!("error-reason-required")),
            BallotError::ReasonTooLong => UserError::new(msg!("error-reason-too-long"))
                .with("max", crate::governance::ballot::REASON_MAX as i64),
            BallotError::Closed => UserError::new(msg!("error-ballot-closed")),
            BallotError::NothingToWithdraw => UserError::new(msg!("error-no-vote-to-withdraw")),
            BallotError::EmptyElectorate => UserError::new(msg!("error-empty-electorate")),
            BallotError::VotesCast => UserError::new(msg!("error-cancel-votes-cast")),
        }
    }
}

impl From<BallotError> for AppError {
    fn from(e: BallotError) -> Self {
        Self::User(e.into())
    }
}

impl From<PolicyError> for AppError {
    fn from(e: PolicyError) -> Self {
        let error = match e {
            PolicyError::BadRatio => UserError::new(msg!("error-policy-ratio")),
            PolicyError::BadNumber => UserError::new(msg!("error-policy-number")),
            PolicyError::BadChoice { expected } => {
                UserError::new(msg!("error-policy-choice")).with_text("expected", expected.trim())
            }
            PolicyError::QuorumOutOfRange => UserError::new(msg!("error-policy-quorum")),
            PolicyError::ApprovalOutOfRange => UserError::new(msg!("error-policy-approval")),
            PolicyError::VotingPeriodTooShort => {
                UserError::new(msg!("error-policy-voting-too-short"))
            }
            PolicyError::InconsistentVotingPeriods => {
                UserError::new(msg!("error-policy-voting-periods"))
            }
            PolicyError::InconsistentInactivity => UserError::new(msg!("error-policy-inactivity")),
        };
        Self::User(error)
    }
}

impl From<WgError> for AppError {
    fn from(e: WgError) -> Self {
        let error = match e {
            WgError::BadName => UserError::new(msg!("wg-error-name")),
            WgError::NameTooLong => {
                UserError::new(msg!("wg-error-name-too-long")).with("max", wg::NAME_MAX as i64)
            }
            WgError::BadFocus => {
                UserError::new(msg!("wg-error-focus")).with("max", wg::FOCUS_MAX as i64)
            }
            WgError::CharterFieldEmpty => UserError::new(msg!("wg-error-charter-empty")),
            WgError::CharterFieldTooLong => UserError::new(msg!("wg-error-charter-too-long"))
                .with("max", wg::CHARTER_FIELD_MAX as i64),
            WgError::BadCadence => UserError::new(msg!("wg-error-cadence")),
            WgError::BadEndDate => UserError::new(msg!("wg-error-end-date")),
            WgError::TooManyMembers => UserError::new(msg!("wg-error-too-many-members"))
                .with("max", wg::FOUNDING_MAX as i64),
            WgError::BadReport => {
                UserError::new(msg!("wg-error-report")).with("max", wg::REPORT_MAX as i64)
            }
            WgError::NotActive => UserError::new(msg!("wg-error-not-active")),
            WgError::AlreadyMember => UserError::new(msg!("wg-error-already-member")),
            WgError::NotMember => UserError::new(msg!("wg-error-not-member")),
            WgError::ChairCannotLeave => UserError::new(msg!("wg-error-chair-cannot-leave")),
            WgError::BotChair => UserError::new(msg!("wg-error-bot-chair")),
            WgError::JoinPending { asked_at } => {
                UserError::new(msg!("wg-error-request-pending")).with("asked", asked_at.timestamp())
            }
            WgError::JoinTooSoon { until } => {
                UserError::new(msg!("wg-error-request-too-soon")).with("until", until.timestamp())
            }
        };
        AppError::User(error)
    }
}

impl From<Denied> for UserError {
    /// What a member reads when the permission table refuses them.
    fn from(Denied(action): Denied) -> Self {
        let id = match action {
            Action::ConfigureGuild => msg!("error-needs-manage-server"),
            Action::ChangePolicy
            | Action::StartBallot
            | Action::CloseWorkingGroup
            | Action::RunAnnualReview
            | Action::PublishWebPage => msg!("error-needs-tsc"),
            Action::CancelBallot => msg!("error-cancel-not-allowed"),
            Action::ProposeWorkingGroup => msg!("wg-error-not-allowed-to-propose"),
            Action::ManageWorkingGroup => msg!("wg-error-not-chair"),
            Action::FileReport => msg!("wg-error-only-chair-reports"),
            Action::SetArea => msg!("error-area-not-allowed"),
            Action::LinkGithub => msg!("github-error-link-not-allowed"),
            // RFCs and amendments.
            Action::OpenRfc | Action::ProposeAmendment => msg!("rfc-error-not-allowed-to-open"),
            Action::ReviseRfc => msg!("rfc-error-not-allowed-to-revise"),
            Action::DecideRfc | Action::PostponeRfc | Action::ReadPrivateDecisions => {
                msg!("error-needs-tsc")
            }
            Action::WithdrawRfc => msg!("rfc-error-only-author-withdraws"),
            // Nominations.
            Action::NominateMaintainer => msg!("nomination-error-not-allowed"),
            Action::NominateTsc => msg!("nomination-error-tsc-only"),
            Action::AnswerNomination => msg!("nomination-error-not-nominee"),
            Action::ListNominations => msg!("error-needs-tsc"),
            // Releases and dependencies.
            Action::ProposeRelease => msg!("release-error-not-allowed-to-propose"),
            Action::RunRelease | Action::RequestReleaseApproval | Action::DecideBlocker => {
                msg!("release-error-needs-maintainer")
            }
            Action::SignOffRelease => msg!("release-error-sign-off-not-allowed"),
            Action::WithdrawRelease => msg!("release-error-withdraw-not-allowed"),
            Action::ProposeDependency => msg!("dependency-error-not-allowed-to-propose"),
            Action::ProposeDependencyRemoval => msg!("dependency-error-needs-maintainer"),
            Action::ReviewDependencySecurity => msg!("dependency-error-security-review"),
            Action::ReviewDependencySecurityAsMaintainer => {
                msg!("dependency-error-security-review-maintainer")
            }
            Action::ReviewDependencyLicense => msg!("dependency-error-license-review"),
            Action::ApproveDependency => msg!("dependency-error-approve-not-allowed"),
            // Cases, the annual review's publication, dissolution.
            Action::ResolveConflict | Action::EscalateConflict => msg!("case-error-not-party"),
            Action::MediateConflict => msg!("case-error-mediate-not-allowed"),
            Action::DecideConflict => msg!("case-error-decide-not-allowed"),
            Action::RespondToConduct => msg!("case-error-respond-not-allowed"),
            Action::HandleSecurityReport | Action::HandleSecurityReportAsTsc => {
                msg!("case-error-not-security-team")
            }
            Action::PublishAnnualReview
            | Action::ProposeDissolution
            | Action::CallOffDissolution => msg!("error-needs-tsc"),

            // Operations.
            Action::CheckServer => msg!("error-needs-tsc-or-manage-server"),
            Action::ViewStatus => msg!("error-needs-tsc"),
        };
        UserError::new(id)
    }
}

impl From<Denied> for AppError {
    fn from(e: Denied) -> Self {
        Self::User(e.into())
    }
}
