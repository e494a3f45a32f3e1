-- Faults and recovery.

-- A deleted message is looked up by its id (MESSAGE_DELETE arrives for every message of the
-- guild): an index, not a scan of every ballot.
CREATE INDEX ballots_message ON ballots (message_id) WHERE message_id IS NOT NULL;

-- When the bot was removed from the server (GUILD_DELETE without `unavailable`): its jobs and
-- deliveries stop, its records stay; a new GUILD_CREATE clears it.
ALTER TABLE guilds ADD COLUMN removed_at INTEGER;
