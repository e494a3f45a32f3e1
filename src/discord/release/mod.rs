//! `/release`: the document's seven release steps, the card members follow them on, its
//! buttons and forms, and the notices about releases.

pub mod ballots;
pub mod commands;
pub mod components;
pub mod forms;
pub mod publish;
pub mod render;
