-- The transparency page (issue 16): the servers that publish their governance on the web, each
-- under a public slug. A row means published; withdrawing the page deletes it, so the slug is
-- free again.
CREATE TABLE web_pages (
    guild_id   INTEGER PRIMARY KEY,
    slug       TEXT    NOT NULL UNIQUE,
    enabled_by INTEGER NOT NULL,
    enabled_at INTEGER NOT NULL
);
