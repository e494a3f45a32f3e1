//! GitHub identities and activity: members link their login, `/govern setup` names the
//! project's organisation or repositories, and a daily job reads linked members' public
//! activity there, keeping only the time of the latest.

pub mod link;
pub mod poll;
pub mod sources;

use crate::app::UserError;
use crate::github::GithubError;
use crate::msg;

/// What a member reads when GitHub gave no usable answer (never the error's own text).
fn unavailable(error: &GithubError) -> UserError {
    tracing::warn!(error = %error, "GitHub could not be asked");
    UserError::new(msg!("github-error-unavailable"))
}
