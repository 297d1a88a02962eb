-- The Kafka feed (issue 13): where each consumer group has got to in each partition of its topic, written in the
-- same transaction as the messages those records carried, so that a restarted or reassigned consumer seeks to
-- exactly the first record not yet stored (nothing lost, nothing stored twice).
CREATE TABLE kafka_offsets (
    group_id     VARCHAR(200) NOT NULL,
    topic        VARCHAR(249) NOT NULL,
    partition_no INTEGER      NOT NULL,
    next_offset  BIGINT       NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT kafka_offsets_pk PRIMARY KEY (group_id, topic, partition_no)
);

-- Records the feed could not use (not JSON, an unknown schema version or status, a missing field, too large, or
-- refused by the store), set aside with where they were and why, in the transaction that moved the offset past them.
CREATE TABLE feed_quarantine (
    topic         VARCHAR(249)  NOT NULL,
    partition_no  INTEGER       NOT NULL,
    record_offset BIGINT        NOT NULL,
    record_key    VARCHAR(200),
    raw_value     VARCHAR(4096),
    value_bytes   INTEGER       NOT NULL,
    reason        VARCHAR(40)   NOT NULL,
    detail        VARCHAR(500)  NOT NULL,
    quarantined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT feed_quarantine_pk PRIMARY KEY (topic, partition_no, record_offset)
);
-- The API pages it newest first.
CREATE INDEX feed_quarantine_by_time ON feed_quarantine (quarantined_at DESC, topic, partition_no, record_offset);
