//! Nominations on Discord: `/nominate`, the statement form and the nominee's Accept / Decline,
//! the card and notes in the TSC's private place, and the notices that carry them.

pub mod commands;
pub mod components;
pub mod notes;
pub mod publish;
pub mod render;
