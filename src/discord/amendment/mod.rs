//! Amendments on Discord: the `/amend` commands. Their card, forms and notices are the RFC's
//! (`discord::rfc`): an amendment follows the RFC flow.

pub mod commands;
