-- Private cases (conflicts, conduct reports, security reports), the annual review as the TSC
-- completes and publishes it, and dissolution proposals.

-- A case and where it stands. Member text (a summary, a report, a decision) is kept only while
-- the case is handled: it is erased some days after the case closes, when the case's private
-- thread on Discord has become the record for those who may read it.
CREATE TABLE cases (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id          INTEGER NOT NULL REFERENCES guilds (guild_id),
    kind              TEXT    NOT NULL CHECK (kind IN ('conflict', 'conduct', 'security')),
    -- JSON of governance::case::CaseStep.
    step              TEXT    NOT NULL,
    open              INTEGER NOT NULL DEFAULT 1,
    -- The member who opened the conflict or filed the report.
    opened_by         INTEGER NOT NULL,
    -- The other party of a conflict; the reported member of a conduct report, if any.
    subject_id        INTEGER,
    -- The maintainer who mediates a conflict.
    mediator_id       INTEGER,
    -- A security report's title.
    title             TEXT,
    -- The conflict's summary or the report's text.
    body              TEXT,
    -- The message a conduct report is about (the context menu attaches it).
    message_link      TEXT,
    -- A conflict's decision: proposed to the TSC, then final.
    decision          TEXT,
    -- The ballot on a conflict's decision.
    ballot_id         INTEGER REFERENCES ballots (id),
    -- The channel a conflict's private thread is made in (a report's thread goes to the TSC's
    -- or the security team's channel, looked up when it is made), the thread, and the card.
    parent_channel_id INTEGER,
    thread_id         INTEGER,
    card_message_id   INTEGER,
    opened_at         INTEGER NOT NULL,
    closed_at         INTEGER,
    erased_at         INTEGER,
    -- A DM to the reporter was refused (closed DMs); `/report status` tells them instead.
    reporter_unreachable_at INTEGER
);
CREATE INDEX cases_by_thread ON cases (thread_id);
CREATE INDEX cases_by_opener ON cases (opened_by);
CREATE INDEX cases_by_ballot ON cases (ballot_id);

-- Who may read a case: the members of its private thread.
CREATE TABLE case_readers (
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    member_id INTEGER NOT NULL,
    PRIMARY KEY (case_id, member_id)
);

-- The annual review as the TSC completes it ("progress toward goals, community health,
-- technical debt assessment, roadmap adjustments, governance effectiveness"), approves it by
-- ballot and shares it with the community.
CREATE TABLE annual_reviews (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id     INTEGER NOT NULL REFERENCES guilds (guild_id),
    period_from  INTEGER NOT NULL,
    period_to    INTEGER NOT NULL,
    -- JSON of governance::annual_review::Sections.
    sections     TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('proposed', 'published', 'rejected')),
    proposed_by  INTEGER NOT NULL,
    ballot_id    INTEGER REFERENCES ballots (id),
    proposed_at  INTEGER NOT NULL,
    decided_at   INTEGER
);

-- Dissolution: proposed and decided by TSC ballots, announced until its date.
CREATE TABLE dissolutions (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id           INTEGER NOT NULL REFERENCES guilds (guild_id),
    date               INTEGER NOT NULL,
    reason             TEXT    NOT NULL,
    -- JSON of governance::dissolution::Plan (steward, archive, license).
    plan               TEXT    NOT NULL,
    status             TEXT    NOT NULL
        CHECK (status IN ('proposed', 'scheduled', 'rejected', 'called_off')),
    proposed_by        INTEGER NOT NULL,
    ballot_id          INTEGER REFERENCES ballots (id),
    call_off_ballot_id INTEGER REFERENCES ballots (id),
    proposed_at        INTEGER NOT NULL,
    decided_at         INTEGER,
    called_off_at      INTEGER
);
