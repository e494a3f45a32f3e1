-- GitHub identities and activity (issue 18): the logins members linked, the project's GitHub
-- organisation or repositories, and the state of the daily poll. Only timestamps of activity
-- are kept: never what a push, review or comment said, nor where.

-- A member's GitHub login (`/roster github`), unique per server whatever its case.
CREATE TABLE github_links (
    guild_id         INTEGER NOT NULL,
    member_id        INTEGER NOT NULL,
    -- As GitHub spells it.
    login            TEXT    NOT NULL,
    linked_by        INTEGER NOT NULL,
    linked_at        INTEGER NOT NULL,
    -- Their latest public activity in the project's repositories: only ever moves forward.
    last_activity_at INTEGER,
    -- When a poll last read their activity successfully.
    checked_at       INTEGER,
    PRIMARY KEY (guild_id, member_id)
);
CREATE UNIQUE INDEX github_links_login ON github_links (guild_id, lower(login));

-- Where the project's activity is read (`/govern setup github:`), and how polling goes.
CREATE TABLE github_sources (
    guild_id      INTEGER PRIMARY KEY,
    owner         TEXT    NOT NULL,
    -- JSON array of `owner/name`; empty: every repository of the owner.
    repos         TEXT    NOT NULL,
    -- Whether the last poll could read GitHub (a token was set): GitHub activity counts.
    polling       INTEGER NOT NULL DEFAULT 0,
    -- The first failed poll of the current run of failures; NULL while polls succeed.
    failing_since INTEGER,
    -- The TSC was told of the current run of failures (once).
    failure_told  INTEGER NOT NULL DEFAULT 0,
    updated_at    INTEGER NOT NULL
);
