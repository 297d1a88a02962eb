-- An Idempotency-Key is reserved before the work starts: the request inserts its row (state in-progress)
-- first, in the same transaction as the work, and turns it into the answer (state done) before that
-- transaction commits. A concurrent twin's insert waits on the key until the first commits (then it reads
-- the answer) or rolls back (then it does the work itself); a crash leaves either the committed answer
-- or nothing. The answers of idempotent_answer were stored after the work, so twins ran it twice.
DROP TABLE idempotent_answer;
CREATE TABLE idempotency_key (
    token_id      BIGINT        NOT NULL,
    scope         VARCHAR(600)  NOT NULL,
    idem_key      VARCHAR(128)  NOT NULL,
    request_hash  CHAR(64)      NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    status        INTEGER,
    body          TEXT,
    location      VARCHAR(500),
    etag          VARCHAR(40),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (token_id, scope, idem_key)
);
CREATE INDEX idempotency_key_by_age ON idempotency_key (created_at);
