//! Dissolution on Discord: `/govern dissolve` and its notices to the community.

pub mod publish;
