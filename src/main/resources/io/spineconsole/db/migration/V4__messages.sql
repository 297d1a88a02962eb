-- Message flow: the recipient endpoint and failure signature on each message, redelivery jobs,
-- per-minute roll-ups kept at ingest, and an index for every search the API offers. Each search
-- index is (equality column, created_at DESC, message_id DESC) so that H2 and PostgreSQL read a
-- newest-first keyset page straight off the index (TARGETS.md: H2 sorts everything otherwise).

ALTER TABLE message ADD COLUMN endpoint_id UUID;
ALTER TABLE message ADD COLUMN signature VARCHAR(300);
ALTER TABLE message ADD COLUMN redelivery_job_id UUID;
ALTER TABLE message ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN version BIGINT DEFAULT 1 NOT NULL;

CREATE INDEX message_by_conversation ON message (conversation_id, created_at DESC, message_id DESC);
CREATE INDEX message_by_from_ods ON message (from_ods, created_at DESC, message_id DESC);
CREATE INDEX message_by_to_ods ON message (to_ods, created_at DESC, message_id DESC);
CREATE INDEX message_by_from_asid ON message (from_asid, created_at DESC, message_id DESC);
CREATE INDEX message_by_to_asid ON message (to_asid, created_at DESC, message_id DESC);
CREATE INDEX message_by_from_party ON message (from_party_key, created_at DESC, message_id DESC);
CREATE INDEX message_by_to_party ON message (to_party_key, created_at DESC, message_id DESC);
CREATE INDEX message_by_interaction ON message (interaction_id, created_at DESC, message_id DESC);
CREATE INDEX message_by_endpoint ON message (endpoint_id, created_at DESC, message_id DESC);
CREATE INDEX message_by_signature ON message (signature, created_at DESC, message_id DESC);
CREATE INDEX message_by_redelivery_of ON message (redelivery_of, created_at, message_id);

-- Per-minute roll-ups, one row per (minute, grouping, key), updated as messages are received and
-- as they reach a final outcome. Latency is kept as a histogram over fixed bucket bounds
-- (LatencyHistogram) so p50/p95/p99 come from the roll-ups, never from raw rows.
CREATE TABLE message_rollup (
    minute_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    group_by      VARCHAR(12)  NOT NULL,
    group_key     VARCHAR(200) NOT NULL,
    msg_count     BIGINT       NOT NULL,
    error_count   BIGINT       NOT NULL,
    latency_hist  VARCHAR(400) NOT NULL,
    PRIMARY KEY (group_by, minute_start, group_key)
);

CREATE TABLE redelivery_job (
    id             UUID         PRIMARY KEY,
    reason         VARCHAR(500) NOT NULL,
    dry_run        BOOLEAN      NOT NULL,
    rate_per_sec   INTEGER      NOT NULL,
    max_messages   INTEGER      NOT NULL,
    id_count       INTEGER,
    filter_json    VARCHAR(4000),
    truncated      BOOLEAN      NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    total          INTEGER      NOT NULL,
    done           INTEGER      NOT NULL,
    failed         INTEGER      NOT NULL,
    skipped        INTEGER      NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    cancelled_by   VARCHAR(100),
    error          VARCHAR(1000),
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(100) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     VARCHAR(100) NOT NULL
);
CREATE INDEX redelivery_job_by_time ON redelivery_job (created_at DESC, id DESC);
CREATE INDEX redelivery_job_by_state ON redelivery_job (state, created_at DESC, id DESC);

CREATE TABLE redelivery_job_item (
    job_id        UUID         NOT NULL REFERENCES redelivery_job (id),
    seq           INTEGER      NOT NULL,
    original_id   UUID         NOT NULL,
    new_id        UUID,
    outcome       VARCHAR(20)  NOT NULL,
    detail        VARCHAR(1000),
    at            TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX redelivery_job_item_by_outcome ON redelivery_job_item (job_id, outcome, seq);
