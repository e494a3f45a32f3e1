//! Self-test of the Discord simulator: a small serenity client runs against it.

mod bot;
mod gateway;
mod interactions;
mod rest;
mod timeouts;
