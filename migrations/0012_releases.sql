-- Releases (the document's seven steps) and the approved third-party dependencies.

CREATE TABLE releases (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id         INTEGER NOT NULL REFERENCES guilds (guild_id),
    -- Canonical semantic version, without a leading 'v'.
    version          TEXT    NOT NULL,
    -- governance::release::Stage::key.
    stage            TEXT    NOT NULL,
    proposer_id      INTEGER NOT NULL,
    -- NULL while a draft (the form not submitted yet).
    changelog        TEXT,
    planned_on       TEXT,
    plan_ballot_id   INTEGER REFERENCES ballots (id),
    final_ballot_id  INTEGER REFERENCES ballots (id),
    -- Where the card is: the releases channel, or the announcement channel without one.
    channel_id       INTEGER NOT NULL,
    card_message_id  INTEGER,
    thread_id        INTEGER,
    feedback_ends_at INTEGER,
    -- The maintainer who signed the final release off (release_final = maintainer).
    signed_off_by    INTEGER,
    published_link   TEXT,
    published_at     INTEGER,
    -- The step (1-7) a rejected or withdrawn release ended at, and why (a withdrawal's reason).
    ended_step       INTEGER,
    ended_reason     TEXT,
    -- When the current stage began: a reminder job recognises a stage that has not moved.
    stage_since      INTEGER NOT NULL,
    created_at       INTEGER NOT NULL
);
-- A version is released or in flight once: never two live releases of it in a guild.
CREATE UNIQUE INDEX releases_live_version ON releases (guild_id, version)
    WHERE stage NOT IN ('draft', 'rejected', 'withdrawn');

-- Every step a release took, for its history.
CREATE TABLE release_history (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    release_id INTEGER NOT NULL REFERENCES releases (id),
    stage      TEXT    NOT NULL,
    event      TEXT    NOT NULL,
    actor_id   INTEGER,
    at         INTEGER NOT NULL
);

CREATE TABLE release_candidates (
    release_id  INTEGER NOT NULL REFERENCES releases (id),
    -- rc1, rc2, ...
    number      INTEGER NOT NULL,
    link        TEXT    NOT NULL,
    recorded_by INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (release_id, number)
);

-- "Works for me", once per member per candidate.
CREATE TABLE release_feedback (
    release_id INTEGER NOT NULL REFERENCES releases (id),
    candidate  INTEGER NOT NULL,
    member_id  INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    PRIMARY KEY (release_id, candidate, member_id)
);

CREATE TABLE release_blockers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    release_id  INTEGER NOT NULL REFERENCES releases (id),
    candidate   INTEGER NOT NULL,
    reporter_id INTEGER NOT NULL,
    link        TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    reported_at INTEGER NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'resolved', 'not_blocking')),
    decided_by  INTEGER,
    decided_at  INTEGER,
    -- The fix's link (resolved) or why it does not block (not blocking).
    decision    TEXT
);
CREATE INDEX release_blockers_by_release ON release_blockers (release_id);

-- Dependency proposals: additions to the approved list and removals from it.
CREATE TABLE dependencies (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id        INTEGER NOT NULL REFERENCES guilds (guild_id),
    kind            TEXT    NOT NULL CHECK (kind IN ('addition', 'removal')),
    name            TEXT    NOT NULL,
    version         TEXT,
    ecosystem       TEXT,
    -- governance::dependency::identity: the name without case, with its ecosystem.
    identity        TEXT    NOT NULL,
    need            TEXT,
    alternatives    TEXT,
    -- A removal's reason.
    reason          TEXT,
    -- A removal: the approved addition it takes off the list.
    target_id       INTEGER REFERENCES dependencies (id),
    proposer_id     INTEGER NOT NULL,
    stage           TEXT    NOT NULL,
    security        TEXT    NOT NULL DEFAULT 'pending',
    security_by     INTEGER,
    security_note   TEXT,
    license         TEXT    NOT NULL DEFAULT 'pending',
    license_by      INTEGER,
    license_note    TEXT,
    decided_by      INTEGER,
    decision_note   TEXT,
    decided_at      INTEGER,
    -- An approved addition later removed.
    removed_at      INTEGER,
    channel_id      INTEGER NOT NULL,
    card_message_id INTEGER,
    created_at      INTEGER NOT NULL
);
-- One live proposal (or approved entry) per dependency and kind.
CREATE UNIQUE INDEX dependencies_live ON dependencies (guild_id, kind, identity)
    WHERE stage IN ('review', 'awaiting_approval')
       OR (kind = 'addition' AND stage = 'approved' AND removed_at IS NULL);

CREATE TABLE dependency_history (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    dependency_id INTEGER NOT NULL REFERENCES dependencies (id),
    stage         TEXT    NOT NULL,
    event         TEXT    NOT NULL,
    actor_id      INTEGER,
    at            INTEGER NOT NULL
);
