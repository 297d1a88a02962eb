-- Statistics by endpoint rank up to ~100,000 endpoints (the national directory): reading one roll-up row per
-- endpoint and minute for an hour's chart took seconds. Per-hour endpoint roll-ups, kept at ingest from now on
-- (group_by 'endpoint-h', counts only), rank them from one row per endpoint and hour; an index by key reads the
-- leading endpoints' minutes directly. Existing per-minute endpoint roll-ups are summed into hours here.
CREATE INDEX message_rollup_by_key ON message_rollup (group_by, group_key, minute_start);

INSERT INTO message_rollup (minute_start, group_by, group_key, msg_count, error_count, latency_hist)
SELECT DATE_TRUNC('HOUR', minute_start), 'endpoint-h', group_key, SUM(msg_count), SUM(error_count), ''
FROM message_rollup WHERE group_by = 'endpoint'
GROUP BY DATE_TRUNC('HOUR', minute_start), group_key;
