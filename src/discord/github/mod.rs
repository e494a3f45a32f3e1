//! GitHub on Discord: `/roster github` (linking a login) and the TSC's note when GitHub could
//! not be read for days.

pub mod commands;
pub mod publish;
pub mod render;
