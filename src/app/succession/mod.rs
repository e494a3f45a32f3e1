//! Succession planning: the roster kept in sync with Discord, activity timestamps, the daily
//! pass that contacts inactive members and opens status reviews, the member's answer, the move
//! to emeritus, and the prompt to nominate replacements.

pub mod activity;
pub mod contact;
pub mod roster;
pub mod status_review;
pub mod sweep;
