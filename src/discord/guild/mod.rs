//! The server's set-up on Discord: `/govern`, how the set-up and policy are shown, and the
//! notices about policy changes and missing permissions.

pub mod check;
pub mod commands;
pub mod publish;
pub mod render;
pub mod report;
pub mod status;
