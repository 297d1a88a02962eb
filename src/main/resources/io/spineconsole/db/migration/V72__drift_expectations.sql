-- Drift rows marked as expected (issue 14): one record (type and key, as the drift row names it) in one state,
-- with who marked it, when and why. match_key is the key trimmed and in lower case: what a row is matched by, and
-- the list's order (the unique index serves the keyset paging by type, status and key).
CREATE TABLE drift_expectation (
    id          UUID PRIMARY KEY,
    record_type VARCHAR(40)  NOT NULL,
    status      VARCHAR(40)  NOT NULL,
    record_key  VARCHAR(400) NOT NULL,
    match_key   VARCHAR(400) NOT NULL,
    ods_code    VARCHAR(9),
    reason      VARCHAR(500) NOT NULL,
    marked_by   VARCHAR(200) NOT NULL,
    marked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT drift_expectation_once UNIQUE (record_type, status, match_key)
);
