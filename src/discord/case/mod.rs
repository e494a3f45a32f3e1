//! Private cases on Discord: `/conflict` and `/report`, the "Report to the TSC" context menu,
//! the cases' private threads and cards, and the notes and DMs about them.

pub mod card;
pub mod commands;
pub mod components;
pub mod forms;
pub mod publish;
pub mod render;
