//! Dissolution on Discord: `/govern dissolve` and `/govern dissolve-call-off`, and the
//! notices to the community.

pub mod commands;
pub mod publish;
