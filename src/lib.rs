//! Steward: a Discord bot that runs an open-source project's governance.
//!
//! Layers, each using only those below it: `discord` → `app` → `scheduler` → `store` →
//! `governance`; `github` (GitHub's API) sits beside `store`; `i18n` and `clock` are shared
//! utilities. `web` (the transparency page) reads through `app` beside `discord`; `words`
//! (the names of governance states in members' language) serves both.

pub mod app;
pub mod clock;
pub mod config;
#[cfg(feature = "demo")]
pub mod demo;
pub mod discord;
pub mod github;
pub mod governance;
pub mod i18n;
pub mod ops;
pub mod runtime;
pub mod scheduler;
pub mod store;
pub mod web;
pub mod words;
