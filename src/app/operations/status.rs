//! `/govern status`: the bot's health as the TSC sees it.
