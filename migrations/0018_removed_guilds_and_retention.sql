-- Removed servers and retention (issue 10).

-- The server a job belongs to (NULL for jobs of the whole bot, like backups): the job loop
-- skips the jobs of a server the bot was removed from, and retention prunes a server's finished
-- jobs by its own policy. Jobs written before this column existed get theirs from their
-- payload and the row it names.
ALTER TABLE jobs ADD COLUMN guild_id INTEGER;
UPDATE jobs SET guild_id = CASE json_extract(payload, '$.kind')
    WHEN 'close_ballot' THEN (SELECT guild_id FROM ballots WHERE id = json_extract(jobs.payload, '$.ballot_id'))
    WHEN 'remind_ballot' THEN (SELECT guild_id FROM ballots WHERE id = json_extract(jobs.payload, '$.ballot_id'))
    WHEN 'wg_report_due' THEN (SELECT guild_id FROM working_groups WHERE id = json_extract(jobs.payload, '$.wg_id'))
    WHEN 'wg_report_overdue' THEN (SELECT guild_id FROM working_groups WHERE id = json_extract(jobs.payload, '$.wg_id'))
    WHEN 'wg_end_reminder' THEN (SELECT guild_id FROM working_groups WHERE id = json_extract(jobs.payload, '$.wg_id'))
    WHEN 'wg_end_reached' THEN (SELECT guild_id FROM working_groups WHERE id = json_extract(jobs.payload, '$.wg_id'))
    WHEN 'rfc_discussion_ends' THEN (SELECT guild_id FROM rfcs WHERE id = json_extract(jobs.payload, '$.rfc_id'))
    WHEN 'nomination_expiry' THEN (SELECT guild_id FROM nominations WHERE id = json_extract(jobs.payload, '$.nomination_id'))
    WHEN 'release_feedback_ends' THEN (SELECT guild_id FROM releases WHERE id = json_extract(jobs.payload, '$.release_id'))
    WHEN 'release_stale' THEN (SELECT guild_id FROM releases WHERE id = json_extract(jobs.payload, '$.release_id'))
    WHEN 'security_ack_due' THEN (SELECT guild_id FROM cases WHERE id = json_extract(jobs.payload, '$.case_id'))
    WHEN 'case_erase' THEN (SELECT guild_id FROM cases WHERE id = json_extract(jobs.payload, '$.case_id'))
    WHEN 'dissolution_notice' THEN (SELECT guild_id FROM dissolutions WHERE id = json_extract(jobs.payload, '$.dissolution_id'))
    ELSE json_extract(payload, '$.guild_id')
END;

-- Retention finds settled items by when they were settled, without scanning what is pending.
CREATE INDEX outbox_delivered ON outbox (delivered_at) WHERE delivered_at IS NOT NULL;
CREATE INDEX jobs_done ON jobs (done_at) WHERE done_at IS NOT NULL;
CREATE INDEX vote_events_ballot ON vote_events (ballot_id);
-- The closed ballots whose history retention prunes.
CREATE INDEX ballots_closed ON ballots (guild_id, closed_at) WHERE state = 'closed';
