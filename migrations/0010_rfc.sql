-- RFCs ("Significant Changes") and amendments to governance: one flow, told apart by kind.
CREATE TABLE rfcs (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id           INTEGER NOT NULL REFERENCES guilds (guild_id),
    kind               TEXT    NOT NULL CHECK (kind IN ('rfc', 'amendment')),
    -- Numbered per guild and kind once opened (RFC 1, 2, …; Amendment 1, …); NULL while a draft.
    number             INTEGER,
    title              TEXT    NOT NULL,
    link               TEXT    NOT NULL,
    motivation         TEXT    NOT NULL DEFAULT '',
    proposal           TEXT    NOT NULL DEFAULT '',
    alternatives       TEXT,
    author_id          INTEGER NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('draft', 'discussion', 'awaiting_decision',
                                   'voting', 'accepted', 'declined', 'withdrawn', 'postponed')),
    created_at         INTEGER NOT NULL,
    opened_at          INTEGER,
    -- The end of the discussion period, frozen when it opens.
    discussion_ends_at INTEGER,
    -- The TSC ballot deciding it (the latest one).
    ballot_id          INTEGER REFERENCES ballots (id),
    -- Why the TSC postponed it.
    postpone_reason    TEXT,
    -- The discussion place (a forum post or a thread) and its pinned card, once created.
    thread_id          INTEGER,
    card_message_id    INTEGER,
    provisioned_at     INTEGER,
    decided_at         INTEGER,
    UNIQUE (guild_id, kind, number)
);

-- "The proposal is updated based on feedback": numbered revisions.
CREATE TABLE rfc_revisions (
    rfc_id       INTEGER NOT NULL REFERENCES rfcs (id),
    number       INTEGER NOT NULL,
    author_id    INTEGER NOT NULL,
    what_changed TEXT    NOT NULL,
    link         TEXT,
    at           INTEGER NOT NULL,
    PRIMARY KEY (rfc_id, number)
);

-- Community feedback: one per member per proposal, changeable, never binding.
CREATE TABLE rfc_feedback (
    rfc_id     INTEGER NOT NULL REFERENCES rfcs (id),
    member_id  INTEGER NOT NULL,
    stance     TEXT    NOT NULL CHECK (stance IN ('support', 'neutral', 'concern')),
    concern    TEXT,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (rfc_id, member_id)
);

-- The history of each proposal: one row per step, which the notices telling it render.
CREATE TABLE rfc_events (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    rfc_id   INTEGER NOT NULL REFERENCES rfcs (id),
    -- The status it moved to, or 'revised'.
    step     TEXT    NOT NULL,
    actor_id INTEGER,
    -- JSON: the revision number, the ballot and its outcome, the settings applied, …
    details  TEXT    NOT NULL DEFAULT '{}',
    at       INTEGER NOT NULL
);
CREATE INDEX rfc_events_by_rfc ON rfc_events (rfc_id, id);

-- What an amendment changes in the policy, and once approved, what it changed.
CREATE TABLE amendments (
    rfc_id     INTEGER PRIMARY KEY REFERENCES rfcs (id),
    -- JSON list of governance::amendment::Change.
    changes    TEXT    NOT NULL DEFAULT '[]',
    -- JSON list of governance::amendment::Applied, once applied.
    applied    TEXT,
    applied_at INTEGER,
    -- Why the changes could not be applied when the ballot approved them, if so.
    refused    TEXT
);
