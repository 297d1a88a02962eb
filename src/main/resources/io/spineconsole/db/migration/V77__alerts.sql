-- Alert rules and the alerts they raise (issue 15). A rule's figures are typed columns, null where its kind does
-- not use them. An alert is one rule tripped for one subject (an endpoint, an organisation, a component): active_key
-- holds "<rule id>|<subject>" while it is unresolved and null once resolved, so the unique constraint keeps one
-- unresolved alert per rule and subject (both stores allow many nulls), however many messages fail at once.
CREATE TABLE alert_rule (
    id                         UUID PRIMARY KEY,
    name                       VARCHAR(100) NOT NULL,
    kind                       VARCHAR(40)  NOT NULL,
    scope                      VARCHAR(20)  NOT NULL,
    target                     VARCHAR(64),
    error_rate_percent         DOUBLE PRECISION,
    recovery_rate_percent      DOUBLE PRECISION,
    window_minutes             INTEGER,
    min_volume                 INTEGER,
    max_in_flight              INTEGER,
    max_oldest_waiting_minutes INTEGER,
    dead_letter_growth         INTEGER,
    expiring_within_days       INTEGER,
    enabled                    BOOLEAN      NOT NULL,
    quiet_period_minutes       INTEGER      NOT NULL,
    version                    BIGINT       NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by                 VARCHAR(200) NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                 VARCHAR(200) NOT NULL
);
CREATE INDEX alert_rule_by_name ON alert_rule (name, id);

-- No foreign key to alert_rule: a deleted rule's alerts stay listed (resolved), with the rule's name as it was.
CREATE TABLE alert (
    id               UUID PRIMARY KEY,
    rule_id          UUID         NOT NULL,
    rule_name        VARCHAR(100) NOT NULL,
    rule_kind        VARCHAR(40)  NOT NULL,
    subject_kind     VARCHAR(20)  NOT NULL,
    subject_id       VARCHAR(64)  NOT NULL,
    subject_ods      VARCHAR(9),
    subject_name     VARCHAR(300),
    active_key       VARCHAR(120),
    state            VARCHAR(20)  NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    evidence         VARCHAR(2000) NOT NULL,
    ack_by           VARCHAR(200),
    ack_at           TIMESTAMP WITH TIME ZONE,
    ack_note         VARCHAR(500),
    snoozed_by       VARCHAR(200),
    snoozed_at       TIMESTAMP WITH TIME ZONE,
    snooze_note      VARCHAR(500),
    snoozed_until    TIMESTAMP WITH TIME ZONE,
    resolved_at      TIMESTAMP WITH TIME ZONE,
    last_notified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    notifications    INTEGER      NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT alert_active_once UNIQUE (active_key)
);
-- The list: newest first, a keyset page at a time.
CREATE INDEX alert_by_opened ON alert (opened_at DESC, id DESC);

-- The default rules of a fresh sandbox (docs/ALERTS.md). No traffic starts disabled: with the sandbox's traffic
-- switched off every endpoint would be silent at once.
INSERT INTO alert_rule (id, name, kind, scope, target, error_rate_percent, recovery_rate_percent, window_minutes,
                        min_volume, max_in_flight, max_oldest_waiting_minutes, dead_letter_growth, expiring_within_days,
                        enabled, quiet_period_minutes, version, created_at, created_by, updated_at, updated_by)
VALUES
    ('a1e70001-0000-4000-8000-000000000001', 'Endpoint failing', 'endpoint-failing', 'all', NULL, 20, 5, 5, 20,
     NULL, NULL, NULL, NULL, TRUE, 60, 1, CURRENT_TIMESTAMP, 'Sandbox defaults', CURRENT_TIMESTAMP, 'Sandbox defaults'),
    ('a1e70001-0000-4000-8000-000000000002', 'Backlog building up', 'backlog', 'all', NULL, NULL, NULL, NULL, NULL,
     500, 30, NULL, NULL, TRUE, 60, 1, CURRENT_TIMESTAMP, 'Sandbox defaults', CURRENT_TIMESTAMP, 'Sandbox defaults'),
    ('a1e70001-0000-4000-8000-000000000003', 'Dead letters growing', 'dead-letters-growing', 'all', NULL, NULL, NULL,
     15, NULL, NULL, NULL, 25, NULL, TRUE, 60, 1, CURRENT_TIMESTAMP, 'Sandbox defaults', CURRENT_TIMESTAMP,
     'Sandbox defaults'),
    ('a1e70001-0000-4000-8000-000000000004', 'Certificate ending soon', 'certificate-expiring', 'all', NULL, NULL,
     NULL, NULL, NULL, NULL, NULL, NULL, 7, TRUE, 1440, 1, CURRENT_TIMESTAMP, 'Sandbox defaults', CURRENT_TIMESTAMP,
     'Sandbox defaults'),
    ('a1e70001-0000-4000-8000-000000000005', 'Migration component blocked', 'migration-blocked', 'all', NULL, NULL,
     NULL, NULL, NULL, NULL, NULL, NULL, NULL, TRUE, 240, 1, CURRENT_TIMESTAMP, 'Sandbox defaults', CURRENT_TIMESTAMP,
     'Sandbox defaults'),
    ('a1e70001-0000-4000-8000-000000000006', 'Busy endpoint gone quiet', 'no-traffic', 'all', NULL, NULL, NULL, 15,
     30, NULL, NULL, NULL, NULL, FALSE, 60, 1, CURRENT_TIMESTAMP, 'Sandbox defaults', CURRENT_TIMESTAMP,
     'Sandbox defaults');
