//! The decision log on Discord: `/decisions list` and `/decisions export`, and how a decision
//! reads (one line, a Markdown table row, CSV, JSON).

pub mod commands;
pub mod export;
pub mod render;
