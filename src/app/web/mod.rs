//! The transparency page: publishing it (`/govern web`) and reading what it may show, which
//! is only what the bot already shows publicly.

pub mod processes;
pub mod publish;
pub mod view;
