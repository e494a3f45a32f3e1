//! A server's set-up and policy: which Discord roles are which governance roles, where the bot
//! posts, the default language, and the numbers of the policy.

pub mod check;
pub mod config;
pub mod policy;
pub mod presence;
pub mod setup;
