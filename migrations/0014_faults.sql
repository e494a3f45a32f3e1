-- Faults and recovery.

-- A deleted message is looked up by its id (MESSAGE_DELETE arrives for every message of the
-- guild): an index, not a scan of every ballot.
CREATE INDEX ballots_message ON ballots (message_id) WHERE message_id IS NOT NULL;

-- When the bot was removed from the server (GUILD_DELETE without `unavailable`): its jobs and
-- deliveries stop, its records stay; a new GUILD_CREATE clears it.
ALTER TABLE guilds ADD COLUMN removed_at INTEGER;

-- Claimed by a pass that has not settled it yet. After a crash (kill -9) no pass of the dead
-- process is running: a restart makes its claims due at once instead of waiting out the lease.
ALTER TABLE outbox ADD COLUMN claimed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN claimed INTEGER NOT NULL DEFAULT 0;
