//! `/dependency`: the project's approved third-party dependencies, each proposal's card with
//! its review and approval buttons, and the list's export.

pub mod commands;
pub mod components;
pub mod export;
pub mod forms;
pub mod publish;
pub mod render;
