//! Members acting as on Discord: slash commands, clicks and modal submits dispatched as
//! INTERACTION_CREATE (each waits for the bot's answer), and changes in the guild.

mod components;
mod guild;
mod replies;
mod slash;
