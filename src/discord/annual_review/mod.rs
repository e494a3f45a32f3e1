//! The annual review on Discord: `/review now` and the yearly summary posted to the TSC;
//! `/review publish`, its form, and the review shared with the community once approved.

pub mod commands;
pub mod components;
pub mod forms;
pub mod publish;
pub mod render;
