//! The words both front ends use for governance states (the Discord messages and the
//! transparency page): the names of statuses, steps, kinds and outcomes in the reader's
//! language. Each front end lays them out its own way; the words are the same.

pub mod ballot;
pub mod decision;
pub mod release;
pub mod rfc;
pub mod working_group;
