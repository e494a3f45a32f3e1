//! The annual review on Discord: `/review now` and the yearly summary posted to the TSC.

pub mod commands;
pub mod publish;
pub mod render;
