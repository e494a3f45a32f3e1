//! GitHub's REST API, as Steward reads it: whether an account or repository exists, and a
//! member's recent public events. Plain reqwest (already in the tree through serenity) rather
//! than octocrab: three GET routes do not need a second HTTP stack.
//!
//! A layer beside `store`: `app` calls it, never while holding the database writer.

pub mod client;

pub use client::{Account, DEFAULT_API_URL, GithubClient, GithubError, GithubSettings};
