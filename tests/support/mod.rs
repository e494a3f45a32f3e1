//! Test support shared by the end-to-end tests: the harness that runs the real bot against the
//! Discord simulator (the `discord-sim` crate). Each integration test file does `mod support;`.
#![allow(dead_code, unused_imports)]

pub mod bot;

pub use discord_sim as sim;
pub use discord_sim::*;
