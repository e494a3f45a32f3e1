-- A private channel where the bot tells the TSC what only the TSC should read (inactivity
-- contacts, missed reports), and the category under which working-group channels are created.
ALTER TABLE guilds ADD COLUMN tsc_channel_id INTEGER;
ALTER TABLE guilds ADD COLUMN wg_category_id INTEGER;
