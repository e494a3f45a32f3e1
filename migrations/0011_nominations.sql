-- Nominations: a maintainer (or TSC member) nominates a member for an office, the nominee
-- confirms, the TSC votes in secret in its private place, the role is granted. Member text (the
-- statement and links) is kept only while the nomination is open; the concerns of a rejection
-- only until the nominee's DM is delivered.
CREATE TABLE nominations (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id           INTEGER NOT NULL REFERENCES guilds (guild_id),
    nominee_id         INTEGER NOT NULL,
    nominator_id       INTEGER NOT NULL,
    office             TEXT    NOT NULL CHECK (office IN ('maintainer', 'tsc')),
    -- The nominee's names when nominated: the roster records them on approval.
    nominee_username   TEXT    NOT NULL,
    nominee_name       TEXT    NOT NULL,
    area               TEXT,
    statement          TEXT,
    links              TEXT,
    -- The TSC ballot's texts, written in the guild's language when the form was submitted.
    ballot_title       TEXT    NOT NULL DEFAULT '',
    ballot_description TEXT    NOT NULL DEFAULT '',
    state              TEXT    NOT NULL CHECK (state IN ('draft', 'awaiting_consent', 'accepted',
                           'voting', 'approved', 'rejected', 'no_quorum', 'declined', 'expired',
                           'withdrawn', 'left')),
    confirm_by         INTEGER,
    -- Set when the consent DM could not be delivered (closed DMs).
    dm_failed_at       INTEGER,
    -- The TSC's private thread (or its channel) and the nomination's card in it.
    place_id           INTEGER,
    card_message_id    INTEGER,
    ballot_id          INTEGER REFERENCES ballots (id),
    -- JSON list of the concerns of -1 votes, without authors, for the nominee's DM.
    concerns           TEXT,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    closed_at          INTEGER
);
-- One open nomination per member: two maintainers nominating the same member at once produce one.
CREATE UNIQUE INDEX nominations_open_per_member ON nominations (guild_id, nominee_id)
    WHERE state IN ('awaiting_consent', 'accepted', 'voting');
CREATE INDEX nominations_by_guild ON nominations (guild_id, state);
CREATE INDEX nominations_by_ballot ON nominations (ballot_id) WHERE ballot_id IS NOT NULL;

-- Append-only history of each nomination's steps (no member text).
CREATE TABLE nomination_events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    from_state    TEXT    NOT NULL,
    to_state      TEXT    NOT NULL,
    at            INTEGER NOT NULL
);
CREATE INDEX nomination_events_by_nomination ON nomination_events (nomination_id, at);
