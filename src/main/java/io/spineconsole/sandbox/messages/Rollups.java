package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.sandbox.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-minute roll-ups of message counts, errors and latency, kept at ingest so statistics never
 * scan raw rows. Changes collect in memory and are written every few seconds (and before a
 * statistics query), one statement pair per touched (minute, group, key) rather than per message.
 */
final class Rollups {
    /** Roll-up groupings: the three the API offers, plus site × interaction for filtered site views. */
    static final String SITE_INTERACTION = "site-inter";
    /** Per endpoint and clock hour (counts only matter): ranks ~100,000 endpoints from one row each per hour. */
    static final String ENDPOINT_HOUR = "endpoint-h";

    private record Key(String groupBy, Instant minute, String key) {
    }

    private static final class Delta {
        long count;
        long errors;
        final LatencyHistogram latency = new LatencyHistogram();
    }

    private final Sql sql;
    /** PostgreSQL: touched rows are read a chunk of keys per round trip; embedded H2: one key per lookup. */
    private final int chunk;
    private final Object flushLock = new Object();
    private Map<Key, Delta> pending = new HashMap<>();

    Rollups(Sql sql, boolean postgres) {
        this.sql = sql;
        // H2 2.5 does not use the primary key for an IN list on its last column, but a point lookup
        // costs microseconds in process; PostgreSQL pays a round trip per statement instead.
        this.chunk = postgres ? 100 : 1;
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
        String endpoint = row.endpointId == null ? StatsStore.UNRESOLVED : row.endpointId.toString();
        change.accept(pending.computeIfAbsent(new Key(StatsGroup.ENDPOINT.code(), minute, endpoint), k -> new Delta()));
        change.accept(pending.computeIfAbsent(new Key(ENDPOINT_HOUR, row.createdAt.truncatedTo(ChronoUnit.HOURS), endpoint),
                k -> new Delta()));
        change.accept(pending.computeIfAbsent(new Key(StatsGroup.SITE.code(), minute, row.site), k -> new Delta()));
        change.accept(pending.computeIfAbsent(new Key(SITE_INTERACTION, minute, row.site + "|" + row.interaction),
                k -> new Delta()));
    }

    /** A roll-up row as stored: counts so far and the encoded latency histogram. */
    private record Stored(long count, long errors, String latency) {
    }

    /**
     * Writes what has collected since the last flush: per (grouping, minute), the touched rows are
     * read in chunks, then merged rows are updated and new ones inserted, each as one JDBC batch.
     * If the write fails, the changes go back to the pending set for the next flush.
     */
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
            try {
                sql.inTransaction(c -> {
                    write(c, batch, chunk);
                    return null;
                });
            } catch (RuntimeException e) {
                synchronized (this) {
                    batch.forEach((k, d) -> pending.merge(k, d, Rollups::merge));
                }
                throw e;
            }
        }
    }

    private static Delta merge(Delta a, Delta b) {
        a.count += b.count;
        a.errors += b.errors;
        a.latency.addAll(b.latency);
        return a;
    }

    private static void write(Connection c, Map<Key, Delta> batch, int chunkSize) throws SQLException {
        // Keys read per statement; a shorter chunk is padded by repeating a key, so there is one statement to prepare.
        String selectChunk = "SELECT group_key, msg_count, error_count, latency_hist FROM message_rollup "
                + "WHERE group_by = ? AND minute_start = ? AND group_key "
                + (chunkSize == 1 ? "= ?" : "IN (" + String.join(", ", Collections.nCopies(chunkSize, "?")) + ")");
        Map<Key, List<Key>> byMinute = new HashMap<>();
        for (Key k : batch.keySet()) {
            byMinute.computeIfAbsent(new Key(k.groupBy(), k.minute(), ""), x -> new ArrayList<>()).add(k);
        }
        try (PreparedStatement select = c.prepareStatement(selectChunk);
             PreparedStatement update = c.prepareStatement("UPDATE message_rollup SET msg_count = ?, "
                     + "error_count = ?, latency_hist = ? WHERE group_by = ? AND minute_start = ? AND group_key = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO message_rollup (minute_start, group_by, "
                     + "group_key, msg_count, error_count, latency_hist) VALUES (?, ?, ?, ?, ?, ?)")) {
            int updates = 0;
            int inserts = 0;
            for (Map.Entry<Key, List<Key>> group : byMinute.entrySet()) {
                List<Key> keys = group.getValue();
                for (int from = 0; from < keys.size(); from += chunkSize) {
                    List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + chunkSize));
                    Map<String, Stored> existing = new HashMap<>();
                    Object[] params = new Object[chunkSize + 2];
                    params[0] = group.getKey().groupBy();
                    params[1] = group.getKey().minute();
                    for (int i = 0; i < chunkSize; i++) {
                        params[i + 2] = chunk.get(Math.min(i, chunk.size() - 1)).key();
                    }
                    Sql.bind(select, params);
                    try (ResultSet r = select.executeQuery()) {
                        while (r.next()) {
                            existing.put(r.getString(1), new Stored(r.getLong(2), r.getLong(3), r.getString(4)));
                        }
                    }
                    for (Key key : chunk) {
                        Delta delta = batch.get(key);
                        Stored row = existing.get(key.key());
                        if (row == null) {
                            Sql.bind(insert, key.minute(), key.groupBy(), key.key(), delta.count, delta.errors,
                                    delta.latency.encode());
                            insert.addBatch();
                            inserts++;
                        } else {
                            LatencyHistogram merged = LatencyHistogram.decode(row.latency());
                            merged.addAll(delta.latency);
                            Sql.bind(update, row.count() + delta.count, row.errors() + delta.errors,
                                    merged.encode(), key.groupBy(), key.minute(), key.key());
                            update.addBatch();
                            updates++;
                        }
                    }
                }
            }
            if (updates > 0) {
                update.executeBatch();
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
        }
    }
}
