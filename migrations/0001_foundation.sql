-- Foundation: guild configuration, TSC ballots, durable jobs and the outbox.
-- Snowflakes are INTEGER (lossless below 2^63); times are INTEGER milliseconds since the Unix
-- epoch, UTC, so that they order and compare correctly in SQL.

CREATE TABLE guilds (
    guild_id            INTEGER PRIMARY KEY,
    announce_channel_id INTEGER,
    locale              TEXT    NOT NULL DEFAULT 'en-US',
    -- JSON of governance::policy::Policy; missing fields take the document's defaults.
    policy              TEXT    NOT NULL DEFAULT '{}',
    updated_at          INTEGER NOT NULL
);

-- Which Discord role stands for which governance role in a guild.
CREATE TABLE role_bindings (
    guild_id INTEGER NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    gov_role TEXT    NOT NULL,
    role_id  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, gov_role)
);

CREATE TABLE ballots (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL REFERENCES guilds (guild_id),
    title         TEXT    NOT NULL,
    description   TEXT    NOT NULL,
    secret        INTEGER NOT NULL DEFAULT 0,
    opened_by     INTEGER NOT NULL,
    opens_at      INTEGER NOT NULL,
    closes_at     INTEGER NOT NULL,
    -- The policy in force when the ballot opened: rules cannot change under a running vote.
    policy        TEXT    NOT NULL,
    channel_id    INTEGER NOT NULL,
    message_id    INTEGER,
    state         TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    outcome       TEXT,
    closed_at     INTEGER,
    cancelled_by  INTEGER,
    cancel_reason TEXT
);
CREATE INDEX ballots_open ON ballots (guild_id) WHERE state = 'open';

-- The TSC at the moment the ballot opened, frozen so that quorum cannot move.
CREATE TABLE ballot_electorate (
    ballot_id INTEGER NOT NULL REFERENCES ballots (id),
    member_id INTEGER NOT NULL,
    PRIMARY KEY (ballot_id, member_id)
);

-- The current vote of each voter; one row per voter per ballot.
CREATE TABLE votes (
    ballot_id  INTEGER NOT NULL REFERENCES ballots (id),
    voter_id   INTEGER NOT NULL,
    choice     INTEGER NOT NULL CHECK (choice IN (-1, 0, 1)),
    binding    INTEGER NOT NULL,
    concern    TEXT,
    cast_at    INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (ballot_id, voter_id),
    CHECK (choice <> -1 OR (concern IS NOT NULL AND length(trim(concern)) > 0))
);

-- Append-only history of every cast, change and withdrawal (choice NULL), for audits.
CREATE TABLE vote_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    ballot_id INTEGER NOT NULL REFERENCES ballots (id),
    voter_id  INTEGER NOT NULL,
    choice    INTEGER,
    concern   TEXT,
    at        INTEGER NOT NULL
);

-- Durable jobs: closing ballots, reminders, and every later deadline.
CREATE TABLE jobs (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key TEXT    NOT NULL,
    payload    TEXT    NOT NULL,
    due_at     INTEGER NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    done_at    INTEGER
);
CREATE UNIQUE INDEX jobs_pending_key ON jobs (dedupe_key) WHERE done_at IS NULL;
CREATE INDEX jobs_due ON jobs (due_at) WHERE done_at IS NULL;

-- Everything the bot must put on Discord, queued in the transaction that decided it.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id        INTEGER NOT NULL,
    dedupe_key      TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    -- Bumped when the same pending item is queued again (an edit whose state moved on while
    -- it was in flight is then delivered once more, with the latest state).
    revision        INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    delivered_at    INTEGER,
    message_id      INTEGER
);
CREATE UNIQUE INDEX outbox_pending_key ON outbox (dedupe_key) WHERE delivered_at IS NULL;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
