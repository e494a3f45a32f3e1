//! Members acting as on Discord: slash commands (in the guild or in DMs), autocomplete, context
//! menus, clicks and modal submits dispatched as INTERACTION_CREATE (each waits for the bot's
//! answer), and changes in the guild.

mod command_data;
mod components;
mod context_menu;
mod guild;
mod replies;
mod slash;
