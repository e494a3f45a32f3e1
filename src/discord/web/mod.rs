//! `/govern web`: publishing the server's transparency page.

pub mod commands;
