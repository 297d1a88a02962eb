package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored roll-ups ({@code message_rollup}, one row per grouping, bucket and key) and the one-row
 * {@code message_rollup_state} that says from which bucket on the stored roll-ups may be behind the
 * stored messages (null: they are not). Plain JDBC on the caller's connection.
 */
final class RollupStore {
    private static final String CELLS = "SELECT group_by, minute_start, group_key, msg_count, error_count, latency_hist "
            + "FROM message_rollup";

    /** PostgreSQL: touched rows are read a chunk of keys per round trip; embedded H2: one key per lookup. */
    private final int chunk;
    private final boolean postgres;

    RollupStore(boolean postgres) {
        this.postgres = postgres;
        // H2 2.5 does not use the primary key for an IN list on its last column, but a point lookup
        // costs microseconds in process; PostgreSQL pays a round trip per statement instead.
        this.chunk = postgres ? 100 : 1;
    }

    static RollupCell.Key key(ResultSet r) throws SQLException {
        return new RollupCell.Key(r.getString("group_by"), Sql.instant(r, "minute_start"), r.getString("group_key"));
    }

    static RollupCell cell(ResultSet r, boolean complete) throws SQLException {
        return new RollupCell(r.getLong("msg_count"), r.getLong("error_count"),
                LatencyHistogram.decode(r.getString("latency_hist")), complete);
    }

    /** Stored cells of {@code groups} with buckets in [{@code from}, {@code to}). */
    static Map<RollupCell.Key, RollupCell> window(Connection c, Collection<String> groups, Instant from, Instant to,
                                                  boolean complete) throws SQLException {
        Map<RollupCell.Key, RollupCell> out = new HashMap<>();
        for (String g : groups) {
            Sql.each(c, CELLS + " WHERE group_by = ? AND minute_start >= ? AND minute_start < ?",
                    r -> out.put(key(r), cell(r, complete)), g, from, to);
        }
        return out;
    }

    /**
     * Stored cells of one grouping for the given keys, buckets in [{@code from}, {@code to}): a chunk of keys per
     * statement on PostgreSQL (a page of endpoint health is 100 keys or more: one round trip, not 100), one key per
     * lookup on H2 (see {@link #chunk}).
     */
    Map<RollupCell.Key, RollupCell> forKeys(Connection c, String group, Collection<String> keys, Instant from,
                                            Instant to) throws SQLException {
        Map<RollupCell.Key, RollupCell> out = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        String sql = CELLS + " WHERE group_by = ? AND group_key " + (chunk == 1 ? "= ?"
                : "IN (" + String.join(", ", Collections.nCopies(chunk, "?")) + ")") + " AND minute_start >= ? "
                + "AND minute_start < ?";
        for (int from0 = 0; from0 < all.size(); from0 += chunk) {
            Object[] params = new Object[chunk + 3];
            params[0] = group;
            for (int i = 0; i < chunk; i++) { // a short chunk repeats its last key: one statement shape
                params[i + 1] = all.get(Math.min(from0 + i, all.size() - 1));
            }
            params[chunk + 1] = from;
            params[chunk + 2] = to;
            for (Object[] row : Sql.list(c, sql, r -> new Object[] {key(r), cell(r, false)}, params)) {
                out.put((RollupCell.Key) row[0], (RollupCell) row[1]);
            }
        }
        return out;
    }

    /** The bucket from which stored roll-ups may be behind the messages; null when they are not. */
    static Instant dirtyFrom(Connection c) throws SQLException {
        List<Instant> rows = Sql.list(c, "SELECT dirty_from FROM message_rollup_state WHERE id = 1",
                r -> Sql.instant(r, "dirty_from"));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Records that stored roll-ups may be behind from {@code bucket} on (never raises what is recorded). */
    static void lowerDirtyFrom(Connection c, Instant bucket) throws SQLException {
        Sql.update(c, "UPDATE message_rollup_state SET dirty_from = LEAST(COALESCE(dirty_from, ?), ?) WHERE id = 1",
                bucket, bucket);
    }

    /** Records exactly from which bucket stored roll-ups may be behind (null: they are not). */
    static void setDirtyFrom(Connection c, Instant bucket) throws SQLException {
        Sql.update(c, "UPDATE message_rollup_state SET dirty_from = ? WHERE id = 1", bucket);
    }

    /** Deletes every stored cell with a bucket at or after {@code from}. */
    static void deleteFrom(Connection c, Instant from) throws SQLException {
        for (String g : Rollups.GROUPS) {
            Sql.update(c, "DELETE FROM message_rollup WHERE group_by = ? AND minute_start >= ?", g, from);
        }
    }

    /**
     * Writes complete cells as they are, replacing whatever is stored for them (an upsert: a complete
     * cell holds the whole value, so the stored row, if any, only has to go).
     */
    void writeComplete(Connection c, Map<RollupCell.Key, RollupCell> cells) throws SQLException {
        if (cells.isEmpty()) {
            return;
        }
        String upsert = postgres
                ? INSERT + " ON CONFLICT (group_by, minute_start, group_key) DO UPDATE SET msg_count = EXCLUDED.msg_count, "
                        + "error_count = EXCLUDED.error_count, latency_hist = EXCLUDED.latency_hist"
                : "MERGE INTO message_rollup (minute_start, group_by, group_key, msg_count, error_count, latency_hist) "
                        + "KEY (group_by, minute_start, group_key) VALUES (?, ?, ?, ?, ?, ?)";
        // One order for every writer, so that two transactions never wait on each other's rows in turn.
        Map<RollupCell.Key, RollupCell> sorted = new java.util.TreeMap<>(java.util.Comparator
                .comparing(RollupCell.Key::group).thenComparing(RollupCell.Key::bucket).thenComparing(RollupCell.Key::key));
        sorted.putAll(cells);
        try (PreparedStatement ps = c.prepareStatement(upsert)) {
            for (Map.Entry<RollupCell.Key, RollupCell> e : sorted.entrySet()) {
                RollupCell.Key k = e.getKey();
                RollupCell v = e.getValue();
                Sql.bind(ps, k.bucket(), k.group(), k.key(), v.count, v.errors, v.latency.encode());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The advisory lock that serialises writers of roll-up deltas on PostgreSQL (an arbitrary constant). */
    static final long DELTA_LOCK = 0x5370696e65526f6cL;

    private static final String INSERT = "INSERT INTO message_rollup (minute_start, group_by, group_key, msg_count, "
            + "error_count, latency_hist) VALUES (?, ?, ?, ?, ?, ?)";

    /** A roll-up row as stored: counts so far and the encoded latency histogram. */
    private record Stored(long count, long errors, String latency) {
    }

    /**
     * Adds delta cells to the stored rows: per (grouping, bucket), the touched rows are read in
     * chunks of keys, then merged rows are updated and new ones inserted, each as one JDBC batch.
     */
    void addDeltas(Connection c, Map<RollupCell.Key, RollupCell> batch) throws SQLException {
        if (postgres && !batch.isEmpty()) {
            // Several instances fed from one topic add to the same rows: one read-modify-write at a time, until commit.
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + DELTA_LOCK + ")");
            }
        }
        // Keys read per statement; a shorter chunk is padded by repeating a key, so there is one statement to prepare.
        String selectChunk = "SELECT group_key, msg_count, error_count, latency_hist FROM message_rollup "
                + "WHERE group_by = ? AND minute_start = ? AND group_key "
                + (chunk == 1 ? "= ?" : "IN (" + String.join(", ", Collections.nCopies(chunk, "?")) + ")");
        Map<RollupCell.Key, List<RollupCell.Key>> byBucket = new HashMap<>();
        for (RollupCell.Key k : batch.keySet()) {
            byBucket.computeIfAbsent(new RollupCell.Key(k.group(), k.bucket(), ""), x -> new ArrayList<>()).add(k);
        }
        try (PreparedStatement select = c.prepareStatement(selectChunk);
             PreparedStatement update = c.prepareStatement("UPDATE message_rollup SET msg_count = ?, "
                     + "error_count = ?, latency_hist = ? WHERE group_by = ? AND minute_start = ? AND group_key = ?");
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            int updates = 0;
            int inserts = 0;
            for (Map.Entry<RollupCell.Key, List<RollupCell.Key>> group : byBucket.entrySet()) {
                List<RollupCell.Key> keys = group.getValue();
                for (int from = 0; from < keys.size(); from += chunk) {
                    List<RollupCell.Key> part = keys.subList(from, Math.min(keys.size(), from + chunk));
                    Map<String, Stored> existing = new HashMap<>();
                    Object[] params = new Object[chunk + 2];
                    params[0] = group.getKey().group();
                    params[1] = group.getKey().bucket();
                    for (int i = 0; i < chunk; i++) {
                        params[i + 2] = part.get(Math.min(i, part.size() - 1)).key();
                    }
                    Sql.bind(select, params);
                    try (ResultSet r = select.executeQuery()) {
                        while (r.next()) {
                            existing.put(r.getString(1), new Stored(r.getLong(2), r.getLong(3), r.getString(4)));
                        }
                    }
                    for (RollupCell.Key key : part) {
                        RollupCell delta = batch.get(key);
                        Stored row = existing.get(key.key());
                        if (row == null) {
                            Sql.bind(insert, key.bucket(), key.group(), key.key(), delta.count, delta.errors,
                                    delta.latency.encode());
                            insert.addBatch();
                            inserts++;
                        } else {
                            LatencyHistogram merged = LatencyHistogram.decode(row.latency());
                            merged.addAll(delta.latency);
                            Sql.bind(update, row.count() + delta.count, row.errors() + delta.errors,
                                    merged.encode(), key.group(), key.bucket(), key.key());
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
