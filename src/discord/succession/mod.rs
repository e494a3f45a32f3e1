//! Succession on Discord: `/roster`, the contact DM's buttons, the notices of succession
//! planning, and the roster kept in sync with Discord's member events.

pub mod commands;
pub mod components;
pub mod publish;
pub mod render;
pub mod sync;
