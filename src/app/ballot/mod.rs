//! TSC ballots: opened (by members or by a process), voted on, closed at their deadline, and
//! the views the bot renders. Every kind of ballot goes through here; what a decided ballot
//! does is `decisions.rs`, above the features.

pub mod close;
pub mod frozen;
pub mod message;
pub mod open;
pub mod view;
pub mod vote;
pub mod vote_batch;
