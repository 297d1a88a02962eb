-- Answers to creating and acting POSTs, kept so that a retried request with the same
-- Idempotency-Key is answered again instead of being applied twice.
CREATE TABLE idempotent_answer (
    token_id      BIGINT        NOT NULL,
    scope         VARCHAR(600)  NOT NULL,
    idem_key      VARCHAR(255)  NOT NULL,
    request_hash  CHAR(64)      NOT NULL,
    status        INTEGER       NOT NULL,
    body          VARCHAR(1000000),
    location      VARCHAR(500),
    etag          VARCHAR(40),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (token_id, scope, idem_key)
);
CREATE INDEX idempotent_answer_by_age ON idempotent_answer (created_at);
