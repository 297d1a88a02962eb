package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.sandbox.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-minute roll-ups of message counts, errors and latency, kept at ingest so statistics never
 * scan raw rows. Changes collect in memory and are written every few seconds (and before a
 * statistics query), one statement pair per touched (minute, group, key) rather than per message.
 */
final class Rollups {
    /** Roll-up groupings: the three the API offers, plus site × interaction for filtered site views. */
    static final String SITE_INTERACTION = "site-inter";

    private record Key(String groupBy, Instant minute, String key) {
    }

    private static final class Delta {
        long count;
        long errors;
        final LatencyHistogram latency = new LatencyHistogram();
    }

    private final Sql sql;
    private final Object flushLock = new Object();
    private Map<Key, Delta> pending = new HashMap<>();

    Rollups(Sql sql) {
        this.sql = sql;
    }

    /** Counts a newly received message and, when it has one, its final outcome. */
    synchronized void received(MessageRow row) {
        forEachKey(row, d -> d.count++);
        if (row.becameFinal) {
            finished(row);
        }
    }

    /** Counts a final outcome reached after the message was received (a late failure, a retry that worked). */
    synchronized void finished(MessageRow row) {
        boolean failed = MessageStatuses.isFailed(row.status);
        Long latency = row.latencyMs;
        forEachKey(row, d -> {
            if (failed) {
                d.errors++;
            }
            if (latency != null && !failed) {
                d.latency.add(latency);
            }
        });
    }

    private void forEachKey(MessageRow row, java.util.function.Consumer<Delta> change) {
        Instant minute = row.createdAt.truncatedTo(ChronoUnit.MINUTES);
        change.accept(pending.computeIfAbsent(new Key(StatsGroup.INTERACTION.code(), minute, row.interaction), k -> new Delta()));
        change.accept(pending.computeIfAbsent(new Key(StatsGroup.ENDPOINT.code(), minute,
                row.endpointId == null ? StatsStore.UNRESOLVED : row.endpointId.toString()), k -> new Delta()));
        change.accept(pending.computeIfAbsent(new Key(StatsGroup.SITE.code(), minute, row.site), k -> new Delta()));
        change.accept(pending.computeIfAbsent(new Key(SITE_INTERACTION, minute, row.site + "|" + row.interaction),
                k -> new Delta()));
    }

    /** Writes what has collected since the last flush. */
    void flush() {
        Map<Key, Delta> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            batch = pending;
            pending = new HashMap<>();
        }
        synchronized (flushLock) {
            sql.inTransaction(c -> {
                for (Map.Entry<Key, Delta> e : batch.entrySet()) {
                    apply(c, e.getKey(), e.getValue());
                }
                return null;
            });
        }
    }

    private static void apply(Connection c, Key key, Delta delta) throws SQLException {
        var existing = Sql.list(c, "SELECT msg_count, error_count, latency_hist FROM message_rollup "
                        + "WHERE group_by = ? AND minute_start = ? AND group_key = ?",
                r -> new Object[] {r.getLong(1), r.getLong(2), r.getString(3)}, key.groupBy(), key.minute(), key.key());
        if (existing.isEmpty()) {
            Sql.update(c, "INSERT INTO message_rollup (minute_start, group_by, group_key, msg_count, error_count, "
                            + "latency_hist) VALUES (?, ?, ?, ?, ?, ?)", key.minute(), key.groupBy(), key.key(),
                    delta.count, delta.errors, delta.latency.encode());
            return;
        }
        Object[] row = existing.get(0);
        LatencyHistogram merged = LatencyHistogram.decode((String) row[2]);
        merged.addAll(delta.latency);
        Sql.update(c, "UPDATE message_rollup SET msg_count = ?, error_count = ?, latency_hist = ? "
                        + "WHERE group_by = ? AND minute_start = ? AND group_key = ?", (Long) row[0] + delta.count,
                (Long) row[1] + delta.errors, merged.encode(), key.groupBy(), key.minute(), key.key());
    }
}
