-- One-off notices and jobs are deduplicated by key over their whole history (settled items
-- included): look keys up through an index, never a scan of a table that only grows.
CREATE INDEX jobs_key ON jobs (dedupe_key);
CREATE INDEX outbox_key ON outbox (dedupe_key);
