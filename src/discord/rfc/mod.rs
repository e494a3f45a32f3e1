//! RFCs (and amendments, which share their flow) on Discord: the `/rfc` commands, the card
//! with its feedback buttons, the forms, how steps are told, and the notices that make the
//! discussion place and keep the card current.

pub mod commands;
pub mod components;
pub mod flow;
pub mod forms;
pub mod publish;
pub mod render;
pub mod render_steps;
