//! Test support shared by the end-to-end tests: the harness that runs the real bot against the
//! Discord simulator (the `discord-sim` crate). Each integration test file does `mod support;`.

#[allow(
    dead_code,
    reason = "each test binary (and the vote_burst bench) uses a different part of the harness"
)]
pub mod bot;
#[allow(dead_code, reason = "only the working-group tests use it")]
pub mod groups;

pub use discord_sim as sim;
#[allow(
    unused_imports,
    reason = "keeps the support::SimMessage-style paths valid for the tests that use them"
)]
pub use discord_sim::*;
