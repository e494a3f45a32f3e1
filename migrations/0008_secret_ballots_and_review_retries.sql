-- Secret ballots: once closed, voters are unlinked from their choices. Who voted (participation)
-- and the totals remain; the per-voter rows and their history are deleted.
ALTER TABLE ballots ADD COLUMN final_count TEXT;
-- JSON list of {"text", "binding"}: the concerns without their authors, in a neutral order.
ALTER TABLE ballots ADD COLUMN final_concerns TEXT;

CREATE TABLE ballot_voters (
    ballot_id INTEGER NOT NULL REFERENCES ballots (id),
    voter_id  INTEGER NOT NULL,
    binding   INTEGER NOT NULL,
    PRIMARY KEY (ballot_id, voter_id)
);

-- A status review that decided nothing is opened again after `review_retry_days`: a member can
-- now have several review steps in one quiet period, one per attempt.
CREATE TABLE succession_steps_v2 (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL,
    member_id     INTEGER NOT NULL,
    step          TEXT    NOT NULL CHECK (step IN ('contact', 'review')),
    period_start  INTEGER NOT NULL,
    attempt       INTEGER NOT NULL DEFAULT 0,
    taken_at      INTEGER NOT NULL,
    ballot_id     INTEGER,
    dm_failed_at  INTEGER,
    resolution    TEXT,
    resolved_at   INTEGER,
    UNIQUE (guild_id, member_id, step, period_start, attempt)
);
INSERT INTO succession_steps_v2 (id, guild_id, member_id, step, period_start, attempt, taken_at,
                                 ballot_id, dm_failed_at, resolution, resolved_at)
    SELECT id, guild_id, member_id, step, period_start, 0, taken_at, ballot_id, dm_failed_at,
           resolution, resolved_at
    FROM succession_steps;
DROP TABLE succession_steps;
ALTER TABLE succession_steps_v2 RENAME TO succession_steps;
