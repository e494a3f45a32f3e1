-- How many times a current vote was changed: the statement that records a vote tells at once
-- whether it is a change.
ALTER TABLE votes ADD COLUMN changes INTEGER NOT NULL DEFAULT 0;

-- The history of a public ballot's votes is written by the database itself, in the statement
-- that casts or changes the vote: it cannot be forgotten, and costs the hot path no round trip.
-- Secret ballots keep none (their voters are unlinked from choices at close).
CREATE TRIGGER votes_history_insert AFTER INSERT ON votes
WHEN (SELECT secret FROM ballots WHERE id = NEW.ballot_id) = 0
BEGIN
    INSERT INTO vote_events (ballot_id, voter_id, choice, concern, at)
    VALUES (NEW.ballot_id, NEW.voter_id, NEW.choice, NEW.concern, NEW.updated_at);
END;

CREATE TRIGGER votes_history_update AFTER UPDATE ON votes
WHEN (SELECT secret FROM ballots WHERE id = NEW.ballot_id) = 0
BEGIN
    INSERT INTO vote_events (ballot_id, voter_id, choice, concern, at)
    VALUES (NEW.ballot_id, NEW.voter_id, NEW.choice, NEW.concern, NEW.updated_at);
END;
