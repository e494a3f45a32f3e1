//! The decision log: every decision the bot takes part in, recorded in the transaction that
//! took it, and read back for `/decisions` (and the transparency page).

pub mod record;
pub mod view;
