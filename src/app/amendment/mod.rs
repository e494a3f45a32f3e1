//! Amendments to governance: proposed like RFCs (`app::rfc` runs their flow), with policy
//! changes of their own, validated when proposed and applied, validated again, when the TSC's
//! ballot approves them.

pub mod apply;
pub mod propose;

use crate::app::{AppError, UserError};
use crate::governance::amendment::{CHANGES_MAX, ChangesError};
use crate::governance::policy::PolicyError;
use crate::msg;

impl From<ChangesError> for UserError {
    fn from(e: ChangesError) -> Self {
        match e {
            ChangesError::TooLong => {
                UserError::new(msg!("amendment-error-too-long")).with("max", CHANGES_MAX as i64)
            }
            ChangesError::NotAPair(pair) => {
                UserError::new(msg!("amendment-error-not-a-pair")).with_text("pair", pair)
            }
            ChangesError::UnknownSetting(name) => {
                UserError::new(msg!("amendment-error-unknown-setting")).with_text("setting", name)
            }
            ChangesError::Duplicate(name) => {
                UserError::new(msg!("amendment-error-duplicate")).with_text("setting", name)
            }
            ChangesError::Invalid { key, error } => match error {
                PolicyError::BadRatio => {
                    UserError::new(msg!("amendment-error-ratio")).with_text("setting", key)
                }
                PolicyError::BadChoice { expected } => {
                    UserError::new(msg!("amendment-error-choice"))
                        .with_text("setting", key)
                        .with_text("expected", expected.trim())
                }
                _ => UserError::new(msg!("amendment-error-number")).with_text("setting", key),
            },
            // Settings that are fine alone but not together: the policy's own words say which.
            ChangesError::Inconsistent(error) => match AppError::from(error) {
                AppError::User(user) => user,
                AppError::Internal(_) => UserError::new(msg!("generic-error")),
            },
        }
    }
}

impl From<ChangesError> for AppError {
    fn from(e: ChangesError) -> Self {
        Self::User(e.into())
    }
}
