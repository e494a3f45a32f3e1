-- What a ballot decides beyond its question: a plain TSC vote, a working-group charter, a
-- move to emeritus... JSON of governance::ballot::Subject; its outcome is applied on close.
ALTER TABLE ballots ADD COLUMN subject TEXT NOT NULL DEFAULT '{"kind":"general"}';

-- An outbox item Discord refused for good (a closed DM, a deleted channel): settled without a
-- message, with the reason; features react to it (e.g. tell the TSC instead).
ALTER TABLE outbox ADD COLUMN abandoned_reason TEXT;
