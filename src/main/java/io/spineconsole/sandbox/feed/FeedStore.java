package io.spineconsole.sandbox.feed;

import io.spineconsole.api.Page;
import io.spineconsole.domain.sandbox.QuarantinedRecord;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.paging.PageCursor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feed's own tables (V80): each consumer group's next offset per partition, written in the batch's transaction
 * ({@code kafka_offsets}), and the records set aside ({@code feed_quarantine}).
 */
final class FeedStore {
    /** How much of a quarantined record's value is kept. */
    static final int RAW_COPY = 4_096;

    private final Sql sql;
    private final boolean postgres;

    FeedStore(Sql sql, boolean postgres) {
        this.sql = sql;
        this.postgres = postgres;
    }

    /** The stored next offset of each of {@code partitions}, making a row (at 0) for any that has none yet. */
    Map<Integer, Long> claim(String group, String topic, List<Integer> partitions, Instant now) {
        String insert = postgres
                ? "INSERT INTO kafka_offsets (group_id, topic, partition_no, next_offset, updated_at) "
                        + "VALUES (?, ?, ?, 0, ?) ON CONFLICT DO NOTHING"
                : "MERGE INTO kafka_offsets t USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(249)), "
                        + "CAST(? AS INTEGER), CAST(? AS TIMESTAMP WITH TIME ZONE))) s(g, tp, p, u) "
                        + "ON t.group_id = s.g AND t.topic = s.tp AND t.partition_no = s.p "
                        + "WHEN NOT MATCHED THEN INSERT VALUES (s.g, s.tp, s.p, 0, s.u)";
        return sql.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (int p : partitions.stream().sorted().toList()) {
                    Sql.bind(ps, group, topic, p, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Map<Integer, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT partition_no, next_offset FROM kafka_offsets "
                    + "WHERE group_id = ? AND topic = ?")) {
                Sql.bind(ps, group, topic);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        if (partitions.contains(r.getInt(1))) {
                            out.put(r.getInt(1), r.getLong(2));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Another consumer moved a partition's offset on: this batch must not be stored (it was, or will be, by it). */
    static final class Fenced extends SQLException {
        private static final long serialVersionUID = 1L;

        Fenced(int partition) {
            super("partition " + partition + " was stored past this consumer's position by another");
        }
    }

    /**
     * In the batch's transaction: moves each partition's offset from where this consumer found it to after the
     * batch; {@link Fenced} if another consumer moved it meanwhile (a reassignment while this one was stalled).
     */
    static void advance(Connection c, String group, String topic, Map<Integer, long[]> fromTo, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kafka_offsets SET next_offset = ?, updated_at = ? "
                + "WHERE group_id = ? AND topic = ? AND partition_no = ? AND next_offset = ?")) {
            for (Map.Entry<Integer, long[]> e : new java.util.TreeMap<>(fromTo).entrySet()) {
                Sql.bind(ps, e.getValue()[1], now, group, topic, e.getKey(), e.getValue()[0]);
                if (ps.executeUpdate() != 1) {
                    throw new Fenced(e.getKey());
                }
            }
        }
    }

    /** One record set aside. */
    record Quarantined(String topic, int partition, long offset, String key, byte[] value, String reason,
                       String detail) {
    }

    /** In the batch's transaction: sets {@code records} aside. */
    static void quarantine(Connection c, List<Quarantined> records, Instant now) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO feed_quarantine (topic, partition_no, "
                + "record_offset, record_key, raw_value, value_bytes, reason, detail, quarantined_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Quarantined q : records) {
                Sql.bind(ps, q.topic(), q.partition(), q.offset(), clip(q.key(), 200),
                        FeedEventCodec.rawCopy(q.value(), RAW_COPY), q.value() == null ? 0 : q.value().length,
                        q.reason(), clip(q.detail(), 500), now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    long quarantinedTotal() {
        return sql.count("SELECT COUNT(*) FROM feed_quarantine");
    }

    /** Records set aside, newest first. */
    Page<QuarantinedRecord> quarantined(PageCursor cursor, int limit) {
        String search = "feed-quarantine";
        List<Object> params = new ArrayList<>();
        String where = "";
        if (cursor != null) {
            List<String> last = cursor.lastKeyFor(search, k -> {
                if (k.size() != 4) {
                    throw new IllegalArgumentException("not a quarantine key");
                }
                Instant.parse(k.get(0));
                Integer.parseInt(k.get(2));
                Long.parseLong(k.get(3));
                return k;
            });
            Instant at = Instant.parse(last.get(0));
            int partition = Integer.parseInt(last.get(2));
            long offset = Long.parseLong(last.get(3));
            where = " WHERE quarantined_at < ? OR (quarantined_at = ? AND (topic > ? OR (topic = ? AND "
                    + "(partition_no > ? OR (partition_no = ? AND record_offset > ?)))))";
            params.addAll(List.of(at, at, last.get(1), last.get(1), partition, partition, offset));
        }
        long total = quarantinedTotal();
        List<QuarantinedRecord> rows = sql.list("SELECT topic, partition_no, record_offset, record_key, raw_value, "
                + "value_bytes, reason, detail, quarantined_at FROM feed_quarantine" + where
                + " ORDER BY quarantined_at DESC, topic, partition_no, record_offset FETCH FIRST " + (limit + 1)
                + " ROWS ONLY", r -> new QuarantinedRecord(r.getString(1), r.getInt(2), r.getLong(3), r.getString(4),
                        r.getString(5), r.getInt(6), r.getString(7), r.getString(8), Sql.instant(r, "quarantined_at")),
                params.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            QuarantinedRecord last = rows.get(rows.size() - 1);
            next = PageCursor.after(search, List.of(last.quarantinedAt().toString(), last.topic(),
                    Integer.toString(last.partition()), Long.toString(last.offset()))).encode();
        }
        return new Page<>(rows, next, total, true);
    }
}
