//! Ballots on Discord: the `/vote` commands, the ballot message's buttons and concern form,
//! how a ballot is rendered, and the notices that post and edit it.

pub mod commands;
pub mod components;
pub mod concerns;
pub mod publish;
pub mod render;
