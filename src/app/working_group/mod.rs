//! Working groups, as members drive them (propose under a charter, join, leave, report, ask the
//! TSC to change the chair or close the group) and as the bot runs them (the TSC's decisions,
//! reporting and end-of-charter reminders, the record of their Discord objects).

pub mod decided;
pub mod membership;
pub mod objects;
pub mod proposal;
pub mod reporting;
pub mod view;
