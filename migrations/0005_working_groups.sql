-- Working groups: charter, chair, members, join requests and reports.
CREATE TABLE working_groups (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id           INTEGER NOT NULL REFERENCES guilds (guild_id),
    name               TEXT    NOT NULL,
    slug               TEXT    NOT NULL,
    focus              TEXT    NOT NULL,
    chair_id           INTEGER NOT NULL,
    proposed_by        INTEGER NOT NULL,
    -- JSON of governance::working_group::Charter; NULL while a draft.
    charter            TEXT,
    report_every_days  INTEGER NOT NULL,
    ends_at            INTEGER,
    status             TEXT    NOT NULL CHECK (status IN ('draft', 'proposed', 'active', 'rejected', 'closed')),
    -- The ballot currently deciding something about the group (charter, chair, close).
    ballot_id          INTEGER REFERENCES ballots (id),
    role_id            INTEGER,
    channel_id         INTEGER,
    charter_message_id INTEGER,
    next_report_due    INTEGER,
    created_at         INTEGER NOT NULL,
    activated_at       INTEGER,
    provisioned_at     INTEGER,
    closed_at          INTEGER
);
-- Two live groups of a guild never share a channel name.
CREATE UNIQUE INDEX working_groups_live_slug ON working_groups (guild_id, slug)
    WHERE status IN ('proposed', 'active');

CREATE TABLE wg_members (
    wg_id     INTEGER NOT NULL REFERENCES working_groups (id),
    user_id   INTEGER NOT NULL,
    joined_at INTEGER NOT NULL,
    -- Set when the member left or was removed; the row stays for the group's history.
    left_at   INTEGER,
    PRIMARY KEY (wg_id, user_id)
);

CREATE TABLE wg_join_requests (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    wg_id        INTEGER NOT NULL REFERENCES working_groups (id),
    user_id      INTEGER NOT NULL,
    requested_at INTEGER NOT NULL,
    decision     TEXT CHECK (decision IN ('approved', 'declined')),
    decided_by   INTEGER,
    decided_at   INTEGER
);
CREATE UNIQUE INDEX wg_join_requests_pending ON wg_join_requests (wg_id, user_id)
    WHERE decision IS NULL;

CREATE TABLE wg_reports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    wg_id        INTEGER NOT NULL REFERENCES working_groups (id),
    author_id    INTEGER NOT NULL,
    body         TEXT    NOT NULL,
    submitted_at INTEGER NOT NULL
);
