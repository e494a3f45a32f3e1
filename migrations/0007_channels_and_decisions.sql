-- Channels a guild names for a purpose beyond the announcement and TSC channels: where RFCs are
-- discussed, releases tracked, the security team and the maintainers talk.
CREATE TABLE guild_channels (
    guild_id   INTEGER NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL,
    channel_id INTEGER NOT NULL,
    PRIMARY KEY (guild_id, purpose)
);

-- The decision log: every decision the bot takes part in, in one place. Private decisions
-- (status reviews, nominations, cases) are kept for the TSC and never shown publicly; secret
-- ballots appear with their totals only.
CREATE TABLE decisions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    INTEGER NOT NULL,
    -- One record per event: recording the same event twice is a no-op.
    dedupe_key  TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL,
    -- What it is about, e.g. 'ballot:12', 'rfc:3', 'policy:quorum'.
    subject_ref TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    -- A stable key (approved, rejected, changed, created, ...); rendered in each reader's language.
    outcome     TEXT    NOT NULL,
    link        TEXT,
    -- JSON: totals of a ballot, before/after values of a setting, ...
    details     TEXT    NOT NULL DEFAULT '{}',
    private     INTEGER NOT NULL DEFAULT 0,
    -- The member who took it, where one did (never the voters of a ballot).
    decided_by  INTEGER,
    decided_at  INTEGER NOT NULL
);
CREATE INDEX decisions_by_guild ON decisions (guild_id, decided_at);
