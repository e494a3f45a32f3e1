//! The operator's use cases inside the bot: the daily automatic backup and the health report
//! of `/govern status`. No governance rules here; nothing a member wrote is read.

pub mod backup;
pub mod retention;
pub mod status;
