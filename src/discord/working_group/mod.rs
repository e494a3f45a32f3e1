//! Working groups on Discord: the `/wg` commands, their buttons and forms, how groups are
//! rendered, and the notices that create, run and archive their role and channel.

pub mod ballots;
pub mod commands;
pub mod components;
pub mod forms;
mod objects;
pub mod publish;
pub mod render;
