//! The annual review ("The TSC conducts an annual review of the project"): a summary of the
//! past year, posted to the TSC on the policy's date and shown on demand with `/review now`;
//! completed by the TSC, approved by ballot and shared with the community (`publication`).

pub mod publication;
pub mod summary;
