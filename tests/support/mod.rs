//! Test support shared by the end-to-end tests: a Discord simulator the real bot runs against.
//! Each integration test file does `mod support;`.
#![allow(dead_code, unused_imports)]

pub mod bot;
pub mod sim;

pub use sim::*;
