-- Roster and succession planning: who holds which governance role (read from Discord), when
-- they were last active (a timestamp only: no message content is read or kept), and the
-- succession steps taken, each once.

-- Members who hold, or held, a governance role in a guild.
CREATE TABLE roster_members (
    guild_id       INTEGER NOT NULL,
    member_id      INTEGER NOT NULL,
    username       TEXT    NOT NULL,
    display_name   TEXT    NOT NULL,
    in_guild       INTEGER NOT NULL DEFAULT 1,
    -- A maintainer's area of focus (`/roster set-area`).
    area           TEXT,
    -- The last message, vote, report, command or "I'm still active"; NULL until one is seen.
    last_active_at INTEGER,
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (guild_id, member_id)
);

-- The governance roles each member holds now, and since when (the bot's first sight of them).
CREATE TABLE roster_roles (
    guild_id  INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    gov_role  TEXT    NOT NULL,
    since     INTEGER NOT NULL,
    PRIMARY KEY (guild_id, member_id, gov_role)
);

-- Append-only history of roles gained and lost, for the annual review.
CREATE TABLE role_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id  INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    gov_role  TEXT    NOT NULL,
    gained    INTEGER NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX role_events_by_guild ON role_events (guild_id, at);

-- Succession steps, one per member, step and quiet period (`period_start` is when the member
-- was last active): the unique key is what makes each step happen once, across restarts.
CREATE TABLE succession_steps (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL,
    member_id     INTEGER NOT NULL,
    step          TEXT    NOT NULL CHECK (step IN ('contact', 'review')),
    period_start  INTEGER NOT NULL,
    taken_at      INTEGER NOT NULL,
    -- The review ballot.
    ballot_id     INTEGER,
    -- Set when the contact DM could not be delivered (closed DMs).
    dm_failed_at  INTEGER,
    -- 'active', 'emeritus', 'kept'.
    resolution    TEXT,
    resolved_at   INTEGER,
    UNIQUE (guild_id, member_id, step, period_start)
);

-- An office below the policy's minimum size, since when; the TSC is prompted once per dip.
CREATE TABLE roster_shortfalls (
    guild_id INTEGER NOT NULL,
    gov_role TEXT    NOT NULL,
    since    INTEGER NOT NULL,
    PRIMARY KEY (guild_id, gov_role)
);
