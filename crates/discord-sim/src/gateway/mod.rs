//! The gateway: a v10 JSON websocket (`socket`) serving the session kept in the state
//! (`session`).

mod session;
mod socket;

pub(crate) use session::GatewayState;
pub(crate) use socket::upgrade;
