//! The governance document as pure rules: no async, no I/O, no clock reads (time is passed in).
//!
//! Everything a community can argue about (thresholds, periods, who may do what) is decided here
//! and tested with tables of cases and property tests. One file per feature, named as the
//! feature is named in every layer.

pub mod activity;
pub mod amendment;
pub mod annual_review;
pub mod ballot;
pub mod capabilities;
pub mod case;
pub mod decision;
pub mod dependency;
pub mod dissolution;
pub mod github;
pub mod nomination;
pub mod permissions;
pub mod policy;
mod policy_values;
pub mod release;
pub mod rfc;
pub mod roles;
pub mod succession;
pub mod text;
pub mod web;
pub mod working_group;

#[cfg(test)]
pub(crate) mod arbitrary;
