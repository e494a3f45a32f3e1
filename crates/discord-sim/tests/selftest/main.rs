//! Self-test of the Discord simulator: small serenity clients run against it.

mod attachments;
mod bot;
mod client;
mod features_bot;
mod gateway;
mod interactions;
mod menus;
mod rest;
mod threads;
mod timeouts;
