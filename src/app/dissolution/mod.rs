//! Project dissolution: proposed by the TSC (`/govern dissolve`), decided by TSC ballot,
//! announced to the community at once, monthly and a week before its date, and called off by
//! another ballot (`proposal`); what the ballots do and the notice schedule (`decided`).

pub mod decided;
pub mod proposal;
